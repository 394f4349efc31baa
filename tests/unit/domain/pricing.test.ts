import { describe, expect, it } from 'vitest';
import { Dec, rateOf } from '../../../shared/domain/money';
import { aspFromPaymentLimit } from '../../../shared/domain/methodology';
import { shareLine } from '../../../shared/domain/cost-share';
import { sequestrationRate } from '../../../shared/domain/sequestration';
import type { ScenarioInput } from '../../../shared/domain/scenario';
import { estimateOk, scenario, warningCodes } from './scenarios';

/** §9 C / P1: payment limit $10.60 per 1 mg, 120 mg in a 120 mg single-dose vial, 1 unit = 1 mg. */
const exampleC = (): ScenarioInput =>
  scenario({
    drug: { ndc: '71336-1000-01', container: 'single-dose', packageSize: '12', strength: { amount: '10', unit: 'mg' } },
    dose: { amount: '120', unit: 'mg' },
    billingUnit: { amount: '1', unit: 'mg' },
    prices: { paymentLimit: { amount: '10.60', per: { amount: '1', unit: 'mg' } } },
    billedCharge: '1500.00',
    contract: { basis: 'ASP', percent: '100' },
  });

/** §9 E: one 25 mg single-dose syringe, whole dose given; AWP 2,400, WAC 2,000, ASP 1,800, cost 2,000, billed 3,000. */
const exampleE = (contract: Partial<ScenarioInput['contract']>, billedCharge = '3000.00'): ScenarioInput =>
  scenario({
    drug: { ndcUnit: 'UN', packageSize: '1', strength: { amount: '25', unit: 'mg' }, container: 'single-dose' },
    dose: { amount: '25', unit: 'mg' },
    prices: {
      awpPerPackage: '2400.00',
      wacPerPackage: '2000.00',
      acquisitionPerPackage: '2000.00',
      paymentLimit: { amount: '1908.00', per: { amount: '25', unit: 'mg' } }, // ASP 1,800 × 1.06
    },
    billedCharge,
    contract: {
      feeSchedule: { rate: '2500.00', per: { amount: '25', unit: 'mg' } },
      lesserOfBilled: false,
      ...contract,
    },
  });

const givenAllowed = (input: ScenarioInput) => estimateOk(input).lines[0]?.allowed;

describe('P: pricing cases (domain.md §10)', () => {
  it('P1 ASP limit 10.60 × 120 units, billed 1500 → allowed 1272.00, coinsurance 254.40, seq 20.35, paid 997.25', () => {
    const r = estimateOk(exampleC());
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ units: '120', modifiers: ['JZ'], basis: '1272.00', allowed: '1272.00' });
    expect(r.totals).toMatchObject({
      billed: '1500.00',
      allowed: '1272.00',
      contractualAdjustment: '228.00',
      coinsurance: '254.40',
      sequestration: '20.35',
      payerPays: '997.25',
      patientPays: '254.40',
    });
    expect(r.trace).toContain('ASP payment limit $10.60 per 1 mg × 120 mg = $1,272.00');
  });

  it('P2 95% of AWP at $6/mg, 45 mg → 256.50', () => {
    expect(givenAllowed(scenario())).toBe('256.50');
  });

  it('P3 WAC + 3%, WAC 5000, billed 4800 → 4800.00 (lesser of)', () => {
    const r = estimateOk(exampleD('4800.00', true));
    expect(r.lines[0]).toMatchObject({ basis: '5000.00', allowed: '4800.00' });
    expect(r.trace).toContain('× 103% = $5,150.00');
    expect(r.trace).toContain('lesser of billed $4,800.00 → $4,800.00');
  });

  it('P6 approved $100 with $50 deductible → paid 39.20 (FCSO example)', () => {
    const seq = sequestrationRate('medicare', '2024-03-15');
    if (!seq.ok) throw new Error('rate');
    const share = shareLine(new Dec('100.00'), new Dec('50.00'), {
      deductibleRemaining: new Dec('50.00'),
      coinsurance: rateOf(new Dec('20')),
      sequestration: seq.rate,
    });
    expect(share.payerPays.toFixed(2)).toBe('39.20');
    expect(share.sequestration.toFixed(2)).toBe('0.80');

    const r = estimateOk(
      scenario({
        contract: {
          basis: 'FEE_SCHEDULE',
          percent: '100',
          feeSchedule: { rate: '100.00', per: { amount: '45', unit: 'mg' } },
          deductibleRemaining: '50.00',
        },
      }),
    );
    expect(r.totals).toMatchObject({
      allowed: '100.00',
      deductible: '50.00',
      coinsurance: '10.00',
      sequestration: '0.80',
      payerPays: '39.20',
      patientPays: '60.00',
    });
  });

  it('P7 "lesser of billed, AWP − 15%", billed 1900, AWP 2400 → 1900.00', () => {
    const r = estimateOk(exampleE({ basis: 'AWP', percent: '85', lesserOfBilled: true }, '1900.00'));
    expect(r.lines[0]).toMatchObject({ basis: '2400.00', allowed: '1900.00' });
  });
});

/** §9 D: WAC $5,000 for one 25 mg syringe, 25 mg given. */
function exampleD(billedCharge: string, lesserOfBilled: boolean): ScenarioInput {
  return scenario({
    drug: { ndcUnit: 'UN', packageSize: '1', strength: { amount: '25', unit: 'mg' }, container: 'single-dose' },
    dose: { amount: '25', unit: 'mg' },
    prices: { wacPerPackage: '5000.00' },
    billedCharge,
    contract: { basis: 'WAC', percent: '103', lesserOfBilled },
  });
}

describe('§9 worked examples D and E', () => {
  it('§9 D WAC + 3% for a new drug: 5,000 × 1.03 = 5,150.00; billed 4,800 → 4,800.00', () => {
    expect(givenAllowed(exampleD('6000.00', false))).toBe('5150.00');
    expect(givenAllowed(exampleD('4800.00', true))).toBe('4800.00');
  });

  it.each([
    ['AWP − 15%', '2040.00', { basis: 'AWP', percent: '85' }],
    ['WAC + 8%', '2160.00', { basis: 'WAC', percent: '108' }],
    ['ASP + 10%', '1980.00', { basis: 'ASP_DERIVED', percent: '110' }],
    ['Invoice + 10%', '2200.00', { basis: 'INVOICE', percent: '110' }],
    ['60% of billed', '1800.00', { basis: 'BILLED', percent: '60' }],
    ['Lesser of (billed, AWP − 15%)', '2040.00', { basis: 'AWP', percent: '85', lesserOfBilled: true }],
    [
      'Lesser of (2,500 fee schedule, billed)',
      '2500.00',
      { basis: 'FEE_SCHEDULE', percent: '100', lesserOfBilled: true },
    ],
  ] as const)('§9 E %s → %s', (_name, expected, contract) => {
    expect(givenAllowed(exampleE(contract))).toBe(expected);
  });
});

describe('methodology rules', () => {
  it('the CMS payment limit already includes +6%: never multiplied by 1.06 again', () => {
    const r = estimateOk(exampleC());
    expect(r.totals.allowed).toBe('1272.00'); // not 1348.32
    expect(aspFromPaymentLimit(new Dec('10.60')).toFixed()).toBe('10');
    const derived = estimateOk(exampleE({ basis: 'ASP_DERIVED', percent: '110' }));
    expect(derived.trace).toContain('ASP $1,800.00 per 25 mg (payment limit $1,908.00 ÷ 1.06) × 25 mg = $1,800.00');
  });

  it('fee schedule rates are per the stated quantity ($45.10 per 10 mg × 45 mg = $202.95)', () => {
    const r = estimateOk(scenario({ contract: { basis: 'FEE_SCHEDULE', percent: '100' } }));
    expect(r.lines[0]).toMatchObject({ basis: '202.95', allowed: '202.95' });
  });

  it('rounds only the product basis × percent, keeping the basis exact', () => {
    // AWP $1,000 per 3 ML × 1 ML = 333.333…; × 95% = 316.666… → 316.67 (not 333.33 × 0.95 = 316.66)
    const r = estimateOk(
      scenario({
        drug: { packageSize: '3', strength: { amount: '20', unit: 'mg' } },
        dose: { amount: '20', unit: 'mg' },
        prices: { awpPerPackage: '1000.00' },
        billedCharge: '500.00',
      }),
    );
    expect(r.lines[0]).toMatchObject({ basis: '333.33', allowed: '316.67' });
  });

  it('adds the flat add-on to the given line only, before the lesser-of', () => {
    const r = estimateOk(scenario({ contract: { addOn: '25.00' } }));
    expect(r.lines[0]?.allowed).toBe('281.50');
    expect(r.trace).toContain('× 95% + add-on $25.00 = $281.50');
  });

  it('a missing price is a NO_PRICE_FOR_BASIS warning and $0.00 allowed, not a crash', () => {
    const r = estimateOk(scenario({ prices: { acquisitionPerPackage: '950.00' } }));
    expect(r.lines[0]).toMatchObject({ basis: '0.00', allowed: '0.00' });
    expect(r.totals.payerPays).toBe('0.00');
    const w = r.warnings.find((x) => x.code === 'NO_PRICE_FOR_BASIS');
    // A sentence a biller reads: the price by its name, never the field path (issue 14 item 10).
    expect(w?.message).toContain('but the AWP per package is missing');
    expect(w?.message).not.toMatch(/prices\.|[A-Z]+_[A-Z_]+/);
    const fee = estimateOk(scenario({ contract: { basis: 'FEE_SCHEDULE', percent: '100', feeSchedule: undefined } }));
    expect(warningCodes(fee)).toContain('NO_PRICE_FOR_BASIS');
  });

  it('without an acquisition cost there is no margin, and a warning says so', () => {
    const r = estimateOk(scenario({ prices: { awpPerPackage: '1200.00' } }));
    expect(r.totals.margin).toBeUndefined();
    expect(r.totals.acquisitionCost).toBeUndefined();
    expect(r.lines[0]?.acquisitionCost).toBeUndefined();
    expect(warningCodes(r)).toEqual(['NO_ACQUISITION_COST']);
  });

  it('applies the deductible before coinsurance and leaves the patient share untouched by sequestration', () => {
    const r = estimateOk(scenario({ contract: { deductibleRemaining: '100.00' } }));
    // 256.50 allowed: 100.00 deductible, 20% of 156.50 = 31.30, payer share 125.20, 2% = 2.50 (2.504)
    expect(r.totals).toMatchObject({
      deductible: '100.00',
      coinsurance: '31.30',
      sequestration: '2.50',
      payerPays: '122.70',
      patientPays: '131.30',
    });
    const all = estimateOk(scenario({ contract: { deductibleRemaining: '500.00' } }));
    expect(all.totals).toMatchObject({
      deductible: '256.50',
      coinsurance: '0.00',
      payerPays: '0.00',
      patientPays: '256.50',
    });
  });
});
