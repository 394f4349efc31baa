/**
 * traceOfLine: the steps of a real estimate's trace that explain one claim line, for the appeal
 * letter. Each line keeps its own pricing and cost sharing and the steps both lines share; the
 * other line's steps, the two-line sums and the practice's cost and margin are left out.
 */
import { describe, expect, it } from 'vitest';
import { traceOfLine } from '../../../shared/domain/line-trace';
import { estimateOk, scenario } from './scenarios';

/** B on a single-dose vial with 100 mg discarded (a JW line), for a payer taking grams only. */
const twoLines = () =>
  estimateOk(
    scenario({
      drug: {
        container: 'single-dose',
        ndcUnit: 'ME',
        packageSize: '1000',
        strength: { amount: '1', unit: 'mg' },
      },
      dose: { amount: '400', unit: 'mg' },
      wasted: { amount: '100', unit: 'mg' },
      wastedBilledCharge: undefined,
      payerProfile: { ndcUnits: ['GR'] },
    }),
  );

const SHARED = [
  'NDC 0002-7597-01 (4-4-2) → 00002759701',
  'Dose 400 mg at 1 mg per ME = 400 ME',
  'Discarded 100 mg = 100 ME',
  'Units: 1 on the given line and 1 on the JW line; the amounts travel in the NDC quantity and narrative',
  'Modifiers: JW on the line for the discarded amount',
];

describe('the trace of one claim line', () => {
  it('the given line: its unit conversion, pricing and cost sharing, and the shared steps; nothing of the JW line', () => {
    expect(traceOfLine(twoLines().trace, 'given')).toEqual([
      ...SHARED,
      'Payer does not accept ME: 400 ME = GR0.4',
      'Given line: J3490, 1 unit, N400002759701 GR0.4',
      'AWP $1,200.00 per 1000 ME package × 400 ME = $480.00',
      '× 95% = $456.00',
      'lesser of billed $300.00 → $300.00',
      'deductible: none remaining → $0.00',
      "Medicare sequestration 2% (DOS 2024-03-15), on each line's payer share",
      'Given line: coinsurance 20% of $300.00 = $60.00; payer share $240.00; sequestration $4.80; payer pays $235.20',
    ]);
  });

  it('the JW line: its billed charge, its own conversion (written before its head) and pricing', () => {
    expect(traceOfLine(twoLines().trace, 'wasted')).toEqual([
      ...SHARED,
      'JW billed charge $300.00 ÷ 400 ME × 100 ME = $75.00',
      'Payer does not accept ME: 100 ME = GR0.1',
      'JW line: J3490 JW, 1 unit, N400002759701 GR0.1',
      'AWP $1,200.00 per 1000 ME package × 100 ME = $120.00',
      '× 95% = $114.00',
      'lesser of billed $75.00 → $75.00',
      'deductible: none remaining → $0.00',
      "Medicare sequestration 2% (DOS 2024-03-15), on each line's payer share",
      'JW line: coinsurance 20% of $75.00 = $15.00; payer share $60.00; sequestration $1.20; payer pays $58.80',
    ]);
  });

  it('a one-line claim keeps every step but the acquisition cost and the margin', () => {
    const { trace } = estimateOk(scenario());
    const kept = traceOfLine(trace, 'given');
    expect(kept).toEqual(trace.filter((s) => !/^(acquisition cost|margin) /.test(s)));
    expect(trace.length - kept.length).toBe(2);
    expect(kept.at(-1)).toMatch(/^payer pays \$/);
  });
});
