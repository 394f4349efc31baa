/**
 * The estimate's steps one at a time (estimate.ts names them): quantities, then line prices; cost
 * sharing per line has its own file (cost-share.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { measureLines, type Quantities } from '../../../shared/domain/estimate-quantities';
import { priceLines } from '../../../shared/domain/estimate-lines';
import type { Warning } from '../../../shared/domain/result';
import { scenarioSchema, type Scenario } from '../../../shared/domain/scenario';
import { scenario } from './scenarios';

function measured(s: Scenario): { q: Quantities; trace: string[]; warnings: Warning[] } {
  const trace: string[] = [];
  const warnings: Warning[] = [];
  const r = measureLines(s, trace, warnings);
  if (!r.ok) throw new Error(r.error.message);
  return { q: r.value, trace, warnings };
}

const singleDose = (changes: Parameters<typeof scenario>[0] = {}) =>
  scenarioSchema.parse(
    scenario({
      drug: { container: 'single-dose', packageSize: '10', strength: { amount: '10', unit: 'mg' } },
      dose: { amount: '70', unit: 'mg' },
      wasted: { amount: '30', unit: 'mg' },
      wastedBilledCharge: undefined,
      ...changes,
    }),
  );

describe('quantities', () => {
  it('measures the given and JW lines exactly, with the JW billed charge in proportion', () => {
    const { q, trace } = measured(singleDose());
    expect(q.ndc11).toBe('00002759701');
    expect(q.lines.map((l) => [l.kind, l.quantity.toFixed(), l.units.toFixed(), l.modifiers, l.billedFixed])).toEqual([
      ['given', '7', '1', [], '300.00'],
      ['wasted', '3', '1', ['JW'], '128.57'],
    ]);
    expect(q.lines.map((l) => l.costQuantity.toFixed())).toEqual(['7', '3']);
    expect(trace).toContain('JW billed charge $300.00 ÷ 7 ML × 3 ML = $128.57');
  });

  it('with a billing unit that already covers the waste there is no JW line, and the given line carries its cost', () => {
    const { q } = measured(singleDose({ billingUnit: { amount: '100', unit: 'mg' } }));
    expect(q.lines).toHaveLength(1);
    expect([q.lines[0]?.units.toFixed(), q.lines[0]?.modifiers, q.lines[0]?.costQuantity.toFixed()]).toEqual([
      '1',
      ['JZ'],
      '10',
    ]);
    // Priced on the billed unit: 1 × 100 mg = 10 ML.
    expect(q.lines[0]?.priced.ndcQuantity.toFixed()).toBe('10');
  });

  it('keeps a repeating quantity exact (the claim rounds it later)', () => {
    const { q, trace } = measured(
      scenarioSchema.parse(
        scenario({ dose: { amount: '10', unit: 'mg' }, drug: { strength: { amount: '3', unit: 'mg' } } }),
      ),
    );
    expect(q.lines[0]?.quantity.toFixed(20)).toBe('3.33333333333333333333');
    expect(trace).toContain('Dose 10 mg at 3 mg per ML = about 3.333333 ML');
  });

  it('refuses waste on a multi-dose container (WASTE_ON_MULTI_DOSE)', () => {
    const r = measureLines(scenarioSchema.parse(scenario({ wasted: { amount: '5', unit: 'mg' } })), [], []);
    expect(r.ok || r.error.code).toBe('WASTE_ON_MULTI_DOSE');
  });
});

describe('line prices', () => {
  it('prices each line, writes its N4 and narrative, and splits the acquisition cost so the lines add up', () => {
    const s = singleDose({
      billedCharge: '2500.00',
      prices: { acquisitionPerPackage: '2340.00' },
      contract: { basis: 'INVOICE', percent: '110' },
    });
    const { q } = measured(s);
    const trace: string[] = [];
    const r = priceLines(s, q, trace, []);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.lines.map((l) => [l.n4, l.basis, l.allowed, l.acquisitionCost])).toEqual([
      ['N400002759701 ML7', '1638.00', '1801.80', '1638.00'],
      ['N400002759701 ML3', '702.00', '772.20', '702.00'],
    ]);
    expect(r.value.lines.map((l) => l.narrative)).toEqual([
      'Examplemab (Exampla) 70 mg IV NDC 00002759701',
      'Examplemab (Exampla) 30 mg discarded NDC 00002759701',
    ]);
    expect(r.value.allowed.map((a) => a.toFixed(2))).toEqual(['1801.80', '772.20']);
    expect(r.value.acquisitionCost?.toFixed(2)).toBe('2340.00');
  });

  it('has no acquisition cost without a cost per package', () => {
    const s = singleDose({ prices: { awpPerPackage: '1200.00' } });
    const r = priceLines(s, measured(s).q, [], []);
    expect(r.ok && [r.value.acquisitionCost, r.value.lines.map((l) => l.acquisitionCost)]).toEqual([
      null,
      [undefined, undefined],
    ]);
  });

  it('reports a payer-converted quantity rounded to 3 decimals (ME → GR for 0.1 mg = GR0.0001 refused as 0)', () => {
    const s = scenarioSchema.parse(
      scenario({
        drug: { ndcUnit: 'ME', packageSize: '100', strength: { amount: '1', unit: 'mg' } },
        dose: { amount: '0.4', unit: 'mg' },
        payerProfile: { ndcUnits: ['GR'] },
      }),
    );
    const r = priceLines(s, measured(s).q, [], []);
    expect(r.ok || r.error.code).toBe('NDC_QUANTITY_UNWRITABLE');
  });
});
