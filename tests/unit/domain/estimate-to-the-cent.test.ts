/**
 * The billing review's findings on money (issue 11, items 1–4), each through the whole estimate
 * with its exact figures.
 */
import { describe, expect, it } from 'vitest';
import { estimateError, estimateOk, scenario, warningCodes } from './scenarios';

/** A $925.00 single-dose vial of 200 mg (10 mg/mL × 20 mL): 45 mg given, 155 mg discarded. */
const vial925 = () =>
  scenario({
    drug: { container: 'single-dose', packageSize: '20', strength: { amount: '10', unit: 'mg' } },
    dose: { amount: '45', unit: 'mg' },
    wasted: { amount: '155', unit: 'mg' },
    wastedBilledCharge: undefined,
    prices: { awpPerPackage: '1200.00', acquisitionPerPackage: '925.00' },
  });

describe('a vial’s cost split over the given and JW lines adds up to the invoice', () => {
  it('$925.00 over 45 mg given + 155 mg wasted → 208.13 + 716.87 = 925.00 (not 716.88, 925.01)', () => {
    const r = estimateOk(vial925());
    expect(r.lines.map((l) => [l.kind, l.acquisitionCost])).toEqual([
      ['given', '208.13'],
      ['wasted', '716.87'],
    ]);
    expect(r.totals.acquisitionCost).toBe('925.00');
    expect(r.trace).toContain('acquisition cost $925.00 per 20 ML package × 4.5 ML = $208.125 → $208.13');
    expect(r.trace).toContain(
      'acquisition cost $925.00 per 20 ML package × 15.5 ML = $716.875 → $716.87, so the lines add up to the $925.00 cost of what was drawn',
    );
    // The rest of the estimate is unchanged by the split: margin = received − the invoice's 925.00.
    expect(r.totals).toMatchObject({
      allowed: '1140.00',
      payerPays: '893.76',
      patientPays: '228.00',
      margin: '196.76',
    });
  });
});

describe('a dose whose NDC quantity repeats is a claim, reported to 3 decimals with a warning', () => {
  it('10 mg at 3 mg/mL = 3.333… mL → N4 ML3.333 and NDC_QUANTITY_ROUNDED naming both quantities', () => {
    const r = estimateOk(
      scenario({ dose: { amount: '10', unit: 'mg' }, drug: { strength: { amount: '3', unit: 'mg' } } }),
    );
    expect(r.lines[0]).toMatchObject({ n4: 'N400002759701 ML3.333', ndcQuantity: '3.333', ndcUnit: 'ML' });
    expect(warningCodes(r)).toContain('NDC_QUANTITY_ROUNDED');
    const w = r.warnings.find((x) => x.code === 'NDC_QUANTITY_ROUNDED');
    expect(w?.message).toContain('about 3.333333 ML');
    expect(w?.message).toContain('reports 3.333 ML');
    // Priced on the exact quantity: AWP $1,200 per 10 mL × 10/3 mL = $400.00 exactly, × 95% = $380.00.
    expect(r.lines[0]?.basis).toBe('400.00');
    expect(r.trace).toContain('Given line NDC quantity about 3.333333 ML reported as 3.333 (3 decimals, half-up)');
  });

  it('the JW line rounds on its own and says which line', () => {
    const r = estimateOk(
      scenario({
        drug: { container: 'single-dose', packageSize: '10', strength: { amount: '3', unit: 'mg' } },
        dose: { amount: '10', unit: 'mg' },
        wasted: { amount: '20', unit: 'mg' },
        wastedBilledCharge: undefined,
      }),
    );
    expect(r.lines.map((l) => l.n4)).toEqual(['N400002759701 ML3.333', 'N400002759701 ML6.667']);
    expect(r.warnings.filter((w) => w.code === 'NDC_QUANTITY_ROUNDED').map((w) => w.message.slice(0, 11))).toEqual([
      'the exact N',
      'On the JW l',
    ]);
  });

  it('refuses only a quantity that would report as 0', () => {
    const err = estimateError(
      scenario({ dose: { amount: '1', unit: 'mcg' }, drug: { strength: { amount: '3', unit: 'mg' } } }),
      'NDC_QUANTITY_UNWRITABLE',
    );
    expect(err.message).toContain('report 0');
  });
});

describe('coinsurance and sequestration per line, totals as their sums', () => {
  // Lines allowed 12.53 (given) and 7.53 (JW): 100% of billed, Medicare 20% and 2%.
  const twoLines = (deductibleRemaining: string) =>
    scenario({
      drug: { container: 'single-dose', packageSize: '10', strength: { amount: '20', unit: 'mg' } },
      dose: { amount: '45', unit: 'mg' },
      wasted: { amount: '155', unit: 'mg' },
      billedCharge: '12.53',
      wastedBilledCharge: '7.53',
      contract: { basis: 'BILLED', percent: '100', deductibleRemaining },
    });

  it('12.53 and 7.53 at 20% → coinsurance 2.51 + 1.51 = 4.02; sequestration 0.20 + 0.12; paid 15.72', () => {
    const r = estimateOk(twoLines('0.00'));
    expect(r.lines.map((l) => [l.allowed, l.coinsurance, l.sequestration, l.payerPays])).toEqual([
      ['12.53', '2.51', '0.20', '9.82'],
      ['7.53', '1.51', '0.12', '5.90'],
    ]);
    expect(r.totals).toMatchObject({
      allowed: '20.06',
      coinsurance: '4.02',
      sequestration: '0.32',
      payerPays: '15.72',
      patientPays: '4.02',
    });
    expect(r.trace).toContain(
      'Given line: coinsurance 20% of $12.53 = $2.51; payer share $10.02; sequestration $0.20; payer pays $9.82',
    );
    expect(r.trace).toContain(
      'JW line: coinsurance 20% of $7.53 = $1.51; payer share $6.02; sequestration $0.12; payer pays $5.90',
    );
  });

  it('a $15.00 deductible is used up on the given line first, the rest on the JW line', () => {
    const r = estimateOk(twoLines('15.00'));
    expect(r.lines.map((l) => [l.deductible, l.coinsurance, l.payerPays])).toEqual([
      ['12.53', '0.00', '0.00'],
      ['2.47', '1.01', '3.97'],
    ]);
    expect(r.totals).toMatchObject({
      deductible: '15.00',
      coinsurance: '1.01',
      payerPays: '3.97',
      patientPays: '16.01',
    });
    expect(r.trace).toContain('deductible: $15.00 remaining, applied $15.00, taken from the lines in order');
  });
});

describe('the trace prints amounts at the precision used', () => {
  it('ASP payment limit $10.605 per 1 mg × 45 mg = $477.225, then × 100% = $477.23', () => {
    const r = estimateOk(
      scenario({
        billedCharge: '500.00',
        prices: { paymentLimit: { amount: '10.605', per: { amount: '1', unit: 'mg' } } },
        contract: { basis: 'ASP', percent: '100' },
      }),
    );
    expect(r.trace).toContain('ASP payment limit $10.605 per 1 mg × 45 mg = $477.225');
    expect(r.trace).toContain('× 100% = $477.23');
    expect(r.lines[0]?.allowed).toBe('477.23');
  });

  it('a derived ASP that repeats is shown as "about" with 6 decimals', () => {
    const r = estimateOk(
      scenario({
        billedCharge: '900.00',
        prices: { paymentLimit: { amount: '10.605', per: { amount: '1', unit: 'mg' } } },
        contract: { basis: 'ASP_DERIVED', percent: '110' },
      }),
    );
    expect(r.trace).toContain(
      'ASP about $10.004717 per 1 mg (payment limit $10.605 ÷ 1.06) × 45 mg = about $450.212264',
    );
  });
});

describe('sanity checks at entry', () => {
  it('warns BILLED_BELOW_COST when the billed charge is below the acquisition cost of what was drawn', () => {
    // 45 mg of a $950 / 200 mg vial cost $213.75; billed $200.00.
    const r = estimateOk(scenario({ billedCharge: '200.00' }));
    expect(r.warnings.find((w) => w.code === 'BILLED_BELOW_COST')?.message).toContain(
      'The billed charge $200.00 is below the $213.75',
    );
    expect(warningCodes(estimateOk(scenario({ billedCharge: '213.75' })))).not.toContain('BILLED_BELOW_COST');
  });
});
