import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate, estimateFromJson } from '../../../shared/domain/estimate';
import { estimateResultSchema, scenarioSchema, type ScenarioInput } from '../../../shared/domain/scenario';
import { estimateError, estimateOk, exampleB, scenario } from './scenarios';

describe('§9 worked examples through the whole estimate', () => {
  it('§9 A Viltepso 73292-0011-01: ML48 given, ML2 JW; NC Medicaid 1 unit = 1 mg → $14,616.00 + $609.00', () => {
    const r = estimateOk(
      scenario({
        dateOfService: '2020-09-01',
        drug: {
          ndc: '73292-0011-01',
          name: 'Viltolarsen',
          brandName: 'Viltepso',
          ndcUnit: 'ML',
          packageSize: '5',
          strength: { amount: '50', unit: 'mg' },
          container: 'single-dose',
        },
        dose: { amount: '2400', unit: 'mg' }, // 80 mg/kg × 30 kg
        wasted: { amount: '100', unit: 'mg' }, // ten 250 mg vials
        wastedBilledCharge: undefined,
        billingUnit: { amount: '1', unit: 'mg' },
        prices: {},
        billedCharge: '16000.00',
        contract: {
          basis: 'FEE_SCHEDULE',
          percent: '100',
          feeSchedule: { rate: '6.09', per: { amount: '1', unit: 'mg' } },
          lesserOfBilled: true,
          coinsurancePercent: '0',
          sequestration: 'none',
        },
        payerProfile: { name: 'NC Medicaid', ndcUnits: ['UN', 'ML', 'GR', 'F2'] },
      }),
    );
    expect(r.ndc11).toBe('73292001101');
    expect(r.lines.map((l) => [l.units, l.modifiers, l.n4, l.billedCharge, l.allowed])).toEqual([
      ['2400', [], 'N473292001101 ML48', '16000.00', '14616.00'],
      ['100', ['JW'], 'N473292001101 ML2', '666.67', '609.00'],
    ]);
    expect(r.lines.map((l) => l.narrative)).toEqual([
      'Viltolarsen (Viltepso) 2400 mg IV NDC 73292001101',
      'Viltolarsen (Viltepso) 100 mg discarded NDC 73292001101',
    ]);
    expect(r.totals).toMatchObject({ allowed: '15225.00', payerPays: '15225.00', patientPays: '0.00' });
    expect(r.trace).toContain('Fee schedule $6.09 per 1 mg × 2400 mg = $14,616.00');
    expect(r.trace).toContain('JW billed charge $16,000.00 ÷ 48 ML × 2 ML = $666.67');
  });

  it('§9 B 95% of AWP from a multi-dose vial reproduces 270.00 / 256.50 / 51.30 / 4.10 / 201.10 / 213.75 / 38.65', () => {
    const r = estimate(scenarioSchema.parse(exampleB()));
    expect(r).toEqual({
      ok: true,
      ndc11: '00002759701',
      lines: [
        {
          kind: 'given',
          hcpcs: 'J3490',
          modifiers: [],
          units: '1',
          ndcQuantity: '2.25',
          ndcUnit: 'ML',
          n4: 'N400002759701 ML2.25',
          narrative: 'Examplemab (Exampla) 45 mg IV NDC 00002759701',
          billedCharge: '300.00',
          basis: '270.00',
          allowed: '256.50',
          acquisitionCost: '213.75',
          deductible: '0.00',
          coinsurance: '51.30',
          sequestration: '4.10',
          payerPays: '201.10',
          patientPays: '51.30',
        },
      ],
      totals: {
        billed: '300.00',
        allowed: '256.50',
        contractualAdjustment: '43.50',
        deductible: '0.00',
        coinsurance: '51.30',
        sequestration: '4.10',
        payerPays: '201.10',
        patientPays: '51.30',
        acquisitionCost: '213.75',
        margin: '38.65',
      },
      warnings: [],
      trace: [
        'NDC 0002-7597-01 (4-4-2) → 00002759701',
        'Dose 45 mg at 20 mg per ML = 2.25 ML',
        'Units: 1; the dose travels in the NDC quantity and narrative',
        'Modifiers: none (JW and JZ do not apply to multi-dose containers)',
        'Given line: J3490, 1 unit, N400002759701 ML2.25',
        'AWP $1,200.00 per 10 ML package × 2.25 ML = $270.00',
        '× 95% = $256.50',
        'lesser of billed $300.00 → $256.50',
        'acquisition cost $950.00 per 10 ML package × 2.25 ML = $213.75',
        'Total allowed $256.50',
        'deductible: none remaining → $0.00',
        'coinsurance 20% of $256.50 = $51.30',
        'payer share $205.20',
        'Medicare sequestration 2% (DOS 2024-03-15) of $205.20 = $4.10',
        'payer pays $201.10; patient pays $51.30',
        'margin $252.40 received − $213.75 acquisition cost = $38.65',
      ],
    });
    // The 835 check from §9 B: 300 − 201.10 = 43.50 + 51.30 + 4.10.
    if (!r.ok) return;
    expect(estimateResultSchema.safeParse(r).success).toBe(true);
  });

  it('§9 C ASP + 6% with sequestration: the 835 figures CO-45 228.00, PR-2 254.40, CO-253 20.35, paid 997.25', () => {
    const r = estimateOk(
      scenario({
        drug: { container: 'single-dose', packageSize: '12', strength: { amount: '10', unit: 'mg' } },
        dose: { amount: '120', unit: 'mg' },
        billingUnit: { amount: '1', unit: 'mg' },
        prices: { paymentLimit: { amount: '10.60', per: { amount: '1', unit: 'mg' } } },
        billedCharge: '1500.00',
        contract: { basis: 'ASP', percent: '100' },
      }),
    );
    const t = r.totals;
    expect([r.lines[0]?.modifiers, r.lines[0]?.units]).toEqual([['JZ'], '120']);
    expect([t.contractualAdjustment, t.coinsurance, t.sequestration, t.payerPays, t.allowed]).toEqual([
      '228.00',
      '254.40',
      '20.35',
      '997.25',
      '1272.00',
    ]);
  });

  it('§9 F invoice cost-plus with waste: J3490 1,801.80 and J3490-JW 772.20', () => {
    const r = estimateOk(
      scenario({
        drug: { container: 'single-dose', packageSize: '10', strength: { amount: '10', unit: 'mg' } },
        dose: { amount: '70', unit: 'mg' },
        wasted: { amount: '30', unit: 'mg' },
        wastedBilledCharge: undefined,
        prices: { acquisitionPerPackage: '2340.00' },
        billedCharge: '2500.00',
        contract: { basis: 'INVOICE', percent: '110' },
      }),
    );
    expect(r.lines.map((l) => [l.kind, l.modifiers, l.basis, l.allowed, l.acquisitionCost])).toEqual([
      ['given', [], '1638.00', '1801.80', '1638.00'],
      ['wasted', ['JW'], '702.00', '772.20', '702.00'],
    ]);
    expect(r.lines[1]?.billedCharge).toBe('1071.43'); // $2,500 ÷ 7 ML × 3 ML, half-up
    expect(r.totals).toMatchObject({ allowed: '2574.00', acquisitionCost: '2340.00' });
    expect(r.trace).toContain('Invoice cost $2,340.00 per 10 ML package × 7 ML = $1,638.00');
    expect(r.trace).toContain('× 110% = $772.20');
    expect(r.trace).toContain('Total allowed $1,801.80 + $772.20 = $2,574.00');
  });
});

describe('estimateFromJson', () => {
  it('names the field path of a schema error (SCENARIO_INVALID)', () => {
    const bad = { ...exampleB(), contract: { ...exampleB().contract, percent: '1e2' } };
    const err = estimateError(bad, 'SCENARIO_INVALID');
    expect(err.message).toMatch(/^contract\.percent: Percent of the basis: "1e2" is not a plain decimal amount/);
  });

  it('lists every problem in `fields`, with codes', () => {
    const outcome = estimateFromJson({ ...exampleB(), billedCharge: 300, dose: { amount: '45', unit: 'tablets' } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('SCENARIO_INVALID');
    expect(outcome.error.fields?.map((f) => f.field).sort()).toEqual(['billedCharge', 'dose.unit']);
    expect(outcome.error.message).toContain('(and 1 more problem)');
  });

  it('refuses misspelt keys instead of silently defaulting them', () => {
    const err = estimateError({ ...exampleB(), wastedBilledCharges: '5.00' } as ScenarioInput, 'SCENARIO_INVALID');
    expect(err.message).toContain('wastedBilledCharges');
  });

  it('refuses amounts with too many decimals and non-positive quantities', () => {
    estimateError(scenario({ billedCharge: '300.005' }), 'SCENARIO_INVALID');
    estimateError(scenario({ dose: { amount: '0', unit: 'mg' } }), 'SCENARIO_INVALID');
    estimateError(scenario({ contract: { coinsurancePercent: '120' } }), 'SCENARIO_INVALID');
  });

  it('estimate() itself refuses a malformed number instead of throwing when the schema was skipped', () => {
    const parsed = scenarioSchema.parse(exampleB());
    const r = estimate({ ...parsed, billedCharge: 'abc' });
    expect(r).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID' } });
  });

  it('never throws on arbitrary JSON, and every success matches estimateResultSchema (property)', () => {
    // Mostly valid values (so most runs reach the arithmetic), with some invalid ones mixed in.
    const rare = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: invalid });
    const amount = rare(
      fc.oneof(
        fc.constantFrom('1', '2', '5', '10', '20', '25', '50', '100', '0.5', '2.25', '1200.00', '45'),
        fc.stringMatching(/^[1-9]\d{0,3}(\.\d{1,2})?$/),
      ),
      fc.constantFrom('0', '1e3', '-1', '', '1.2345678'),
    );
    const unit = rare(fc.constantFrom('mg', 'mg', 'mg', 'mg', 'mcg', 'g', 'mL', 'units'), fc.constant('kg'));
    const drugQty = fc.record({ amount, unit });
    const arb = fc.record({
      dateOfService: rare(
        fc.constantFrom('2012-01-01', '2021-01-15', '2022-05-10', '2023-06-30', '2024-03-15'),
        fc.constant('2023-02-30'),
      ),
      hcpcs: rare(fc.constantFrom('J3490', 'J9263', 'C9399'), fc.constant('X')),
      drug: fc.record({
        ndc: rare(
          fc.constantFrom('0002-7597-01', '50242-040-62', '60575-4112-1'),
          fc.constantFrom('1234567890', 'bad'),
        ),
        name: rare(fc.constant('Examplemab'), fc.constant('')),
        ndcUnit: fc.constantFrom('ML', 'ML', 'ML', 'UN', 'GR', 'F2', 'ME'),
        packageSize: amount,
        strength: drugQty,
        container: fc.constantFrom('single-dose', 'multi-dose'),
      }),
      dose: drugQty,
      wasted: fc.oneof(fc.constant({ amount: '0', unit: 'mg' }), drugQty),
      route: fc.constantFrom('IV', 'SC'),
      billingUnit: fc.option(drugQty, { nil: undefined }),
      prices: fc.record({ awpPerPackage: amount, acquisitionPerPackage: amount }, { requiredKeys: [] }),
      billedCharge: amount,
      contract: fc.record({
        basis: fc.constantFrom('AWP', 'WAC', 'ASP', 'ASP_DERIVED', 'INVOICE', 'FEE_SCHEDULE', 'BILLED'),
        percent: amount,
        lesserOfBilled: fc.boolean(),
        coinsurancePercent: fc.constantFrom('0', '20'),
        deductibleRemaining: fc.constantFrom('0.00', '50.00', '100000.00'),
        sequestration: fc.constantFrom('medicare', 'none'),
      }),
      payerProfile: fc.option(fc.record({ ndcUnits: fc.subarray(['UN', 'ML', 'GR', 'F2', 'ME'], { minLength: 1 }) }), {
        nil: undefined,
        freq: 2,
      }),
    });
    let successes = 0;
    fc.assert(
      fc.property(arb, (input) => {
        const r = estimateFromJson(input);
        if (r.ok) {
          successes++;
          expect(estimateResultSchema.safeParse(r).success).toBe(true);
          const t = r.totals;
          const sum = [t.deductible, t.coinsurance, t.sequestration, t.payerPays]
            .map((x) => BigInt(x.replace('.', '')))
            .reduce((a, b) => a + b);
          expect(sum).toBe(BigInt(t.allowed.replace('.', '')));
        } else {
          expect(r.error.code).toMatch(/^[A-Z_]+$/);
          expect(r.error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 1500 },
    );
    expect(successes).toBeGreaterThan(50); // about 1 in 10 random scenarios is consistent enough to price
  });
});
