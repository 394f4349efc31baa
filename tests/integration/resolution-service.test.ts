/**
 * resolve:estimate end to end: payers, contract versions, prices and CMS limits entered through
 * dispatch (payment limits and fee schedule rows seeded with SQL, since their import is built
 * elsewhere), then the contract, prices and estimate in force for a payer, a drug and a date.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Resolution } from '../../shared/api/resolution-schemas';
import type { Contract, ContractInput } from '../../shared/domain/contract-terms';
import type { DrugPrice } from '../../shared/domain/drug-price';
import type { Payer, PayerInput } from '../../shared/domain/payer';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { contractTerms, EXAMPLA_NDC, EXAMPLA_NDC11, examplaVial } from '../fixtures/seed-inputs';

const { services, call, value, refusal } = serviceHarness();

beforeEach(async () => {
  await value('drugs:create', drug());
  await price('AWP', '1200.00', '2024-01-01');
  await price('AWP', '1300.00', '2025-01-01');
});

const NDC = EXAMPLA_NDC;
const NDC11 = EXAMPLA_NDC11;
const drug = examplaVial;

const price = (priceType: 'AWP' | 'WAC', pricePerPackage: string, effectiveFrom: string, ndc = NDC) =>
  value<DrugPrice>('prices:create', { ndc, priceType, pricePerPackage, effectiveFrom });

const medicare = async (alternative?: string, name?: string): Promise<Payer> =>
  (
    await value<{ payer: Payer }>('payers:createFromTemplate', {
      template: 'medicare-part-b',
      ...(alternative ? { alternative } : {}),
      ...(name ? { name } : {}),
    })
  ).payer;

const commercial = (changes: Partial<PayerInput> = {}): Promise<Payer> =>
  value<Payer>('payers:create', { name: 'Aetna', payerType: 'commercial', ...changes });

const addContract = (payerId: number, changes: Partial<ContractInput>): Promise<Contract> =>
  value<Contract>('contracts:create', contractTerms(payerId, changes));

/** §9 B's administration: 45 mg from the multi-dose vial, billed $300.00. */
const administration = (payerId: number, dateOfService: string, changes: Record<string, unknown> = {}) => ({
  payerId,
  ndc: NDC,
  dateOfService,
  dose: { amount: '45', unit: 'mg' },
  billedCharge: '300.00',
  ...changes,
});

const resolve = (payerId: number, dateOfService: string, changes: Record<string, unknown> = {}) =>
  value<Resolution>('resolve:estimate', administration(payerId, dateOfService, changes));

const codes = (ws: { code: string }[]): string[] => ws.map((w) => w.code);

describe('resolve:estimate with the Medicare Part B template (95% of AWP)', () => {
  let payer: Payer;
  beforeEach(async () => {
    payer = await medicare();
  });

  it('DOS 2024-03-15, 45 mg, billed 300.00: allowed 256.50, payer pays 201.10 (domain.md §9 B)', async () => {
    const r = await resolve(payer.id, '2024-03-15');
    expect(r.refusal).toBeNull();
    expect(r.contract).toMatchObject({
      basis: 'AWP',
      percent: '95',
      effectiveFrom: '2005-01-01',
      sequestration: 'medicare',
    });
    expect(r.prices.awp).toMatchObject({ pricePerPackage: '1200.00', effectiveFrom: '2024-01-01' });
    expect(r.prices.wac).toBeNull();
    expect(r.estimate?.ndc11).toBe(NDC11);
    expect(r.estimate?.totals).toEqual({
      billed: '300.00',
      allowed: '256.50',
      contractualAdjustment: '43.50',
      deductible: '0.00',
      coinsurance: '51.30',
      sequestration: '4.10',
      payerPays: '201.10',
      patientPays: '51.30',
    });
    expect(r.estimate?.lines.map((l) => [l.hcpcs, l.modifiers, l.units, l.n4, l.basis, l.allowed])).toEqual([
      ['J3490', [], '1', 'N450242004062 ML2.25', '270.00', '256.50'],
    ]);
    expect(r.estimate?.lines[0]?.narrative).toBe('Examplemab (Exampla) 45 mg IV NDC 50242004062');
    // The template's profile has not been confirmed yet.
    expect(codes(r.warnings)).toEqual(['PROFILE_NOT_CONFIRMED']);
    expect(r.warnings[0]?.message).toContain('Medicare Part B');
  });

  it('the scenario it built is one estimate:scenario takes, with the same result', async () => {
    const r = await resolve(payer.id, '2024-03-15');
    expect(r.scenario).toMatchObject({
      dateOfService: '2024-03-15',
      hcpcs: 'J3490',
      prices: { awpPerPackage: '1200.00' },
    });
    const again = await value('estimate:scenario', r.scenario);
    expect(again).toEqual(r.estimate);
  });

  it('a confirmed profile has no warning', async () => {
    await value('payers:confirmProfile', { id: payer.id });
    const r = await resolve(payer.id, '2024-03-15');
    expect(r.warnings).toEqual([]);
    expect(r.payer.profileConfirmedAt).toBe('2025-03-01T12:00:00.000Z');
  });

  it('DOS 2025-03-02 uses the AWP in force then (1300.00): allowed 277.88', async () => {
    const r = await resolve(payer.id, '2025-03-02');
    expect(r.prices.awp).toMatchObject({ pricePerPackage: '1300.00', effectiveFrom: '2025-01-01' });
    expect(r.estimate?.lines[0]?.basis).toBe('292.50');
    expect(r.estimate?.totals).toMatchObject({
      allowed: '277.88',
      coinsurance: '55.58',
      sequestration: '4.45',
      payerPays: '217.85',
    });
  });

  it('the AWP in force says when it ends', async () => {
    const r = await resolve(payer.id, '2024-03-15');
    expect(r.prices.awp).toMatchObject({ pricePerPackage: '1200.00', effectiveTo: '2024-12-31' });
  });

  it('the last day of a price and the first day of the next', async () => {
    expect((await resolve(payer.id, '2024-12-31')).prices.awp?.pricePerPackage).toBe('1200.00');
    expect((await resolve(payer.id, '2025-01-01')).prices.awp?.pricePerPackage).toBe('1300.00');
  });

  it('DOS 2023-06-01, before any AWP: NO_PRICE naming the NDC and the date; allowed 0.00', async () => {
    const r = await resolve(payer.id, '2023-06-01');
    expect(r.prices.awp).toBeNull();
    expect(r.warnings).toContainEqual({
      code: 'NO_PRICE',
      message: expect.stringMatching(/^No AWP for 50242-0040-62 on 2023-06-01/),
    });
    expect(r.refusal).toBeNull();
    expect(r.estimate?.totals.allowed).toBe('0.00');
    expect(codes(r.estimate?.warnings ?? [])).toContain('NO_PRICE_FOR_BASIS');
  });

  it('DOS 2021-01-15 (sequestration suspended): sequestration 0.00 (P4)', async () => {
    await price('AWP', '1100.00', '2020-01-01');
    const r = await resolve(payer.id, '2021-01-15');
    expect(r.prices.awp?.pricePerPackage).toBe('1100.00');
    // 1100 / 10 mL × 2.25 mL = 247.50 × 95% = 235.125 → 235.13
    expect(r.estimate?.totals).toMatchObject({
      allowed: '235.13',
      coinsurance: '47.03',
      sequestration: '0.00',
      payerPays: '188.10',
    });
    expect(r.estimate?.trace.join('\n')).toContain('suspended');
  });

  it('DOS 2022-05-10 (phase-in): sequestration 1% (P5)', async () => {
    await price('AWP', '1100.00', '2020-01-01');
    const r = await resolve(payer.id, '2022-05-10');
    // 80% of 235.13 = 188.10; 1% = 1.881 → 1.88
    expect(r.estimate?.totals).toMatchObject({ allowed: '235.13', sequestration: '1.88', payerPays: '186.22' });
  });

  it('accepts the NDC in any spelling and passes waste, route and deductible through', async () => {
    const r = await resolve(payer.id, '2024-03-15', {
      ndc: '50242004062',
      route: 'IM',
      deductibleRemaining: '50.00',
      acquisitionPerPackage: '950.00',
    });
    expect(r.estimate?.lines[0]?.narrative).toBe('Examplemab (Exampla) 45 mg IM NDC 50242004062');
    // 256.50 − 50 deductible = 206.50; 20% = 41.30; 80% = 165.20; 2% = 3.304 → 3.30
    expect(r.estimate?.totals).toMatchObject({
      allowed: '256.50',
      deductible: '50.00',
      coinsurance: '41.30',
      sequestration: '3.30',
      payerPays: '161.90',
      patientPays: '91.30',
      acquisitionCost: '213.75',
    });
  });
});

describe('resolve:estimate: contract versions in time and by scope', () => {
  let aetna: Payer;
  beforeEach(async () => {
    aetna = await commercial();
    await value('payers:confirmProfile', { id: aetna.id });
    await price('WAC', '1000.00', '2024-01-01');
    await addContract(aetna.id, { label: 'WAC + 3%', basis: 'WAC', percent: '103', effectiveTo: '2024-06-30' });
    await addContract(aetna.id, { label: 'AWP − 15%', basis: 'AWP', percent: '85', effectiveFrom: '2024-07-01' });
  });

  it('before 2024-07-01 the WAC + 3% version applies: 1000 / 10 × 2.25 × 103% = 231.75', async () => {
    const r = await resolve(aetna.id, '2024-03-15');
    expect(r.contract).toMatchObject({ label: 'WAC + 3%', basis: 'WAC', effectiveTo: '2024-06-30' });
    expect(r.estimate?.lines[0]?.basis).toBe('225.00');
    expect(r.estimate?.totals).toMatchObject({
      allowed: '231.75',
      coinsurance: '46.35',
      sequestration: '0.00',
      payerPays: '185.40',
    });
    expect(r.warnings).toEqual([]);
  });

  it('on 2024-06-30 still WAC; from 2024-07-01 AWP − 15%: 1200 / 10 × 2.25 × 85% = 229.50', async () => {
    expect((await resolve(aetna.id, '2024-06-30')).contract?.label).toBe('WAC + 3%');
    const r = await resolve(aetna.id, '2024-07-01');
    expect(r.contract).toMatchObject({ label: 'AWP − 15%', basis: 'AWP', percent: '85' });
    expect(r.estimate?.totals).toMatchObject({ allowed: '229.50', payerPays: '183.60' });
  });

  it('an NDC-scoped version wins over all drugs while in force, and only for its NDC', async () => {
    await value('drugs:create', drug({ ndc: '0002-7597-01', genericName: 'Otherumab', brandName: '' }));
    await price('AWP', '1200.00', '2024-01-01', '0002-7597-01');
    await addContract(aetna.id, {
      label: 'Examplemab carve-out',
      scopeKind: 'ndc',
      scopeValue: NDC,
      basis: 'AWP',
      percent: '90',
      effectiveFrom: '2024-09-01',
      effectiveTo: '2024-12-31',
    });
    const inside = await resolve(aetna.id, '2024-10-01');
    expect(inside.contract).toMatchObject({ label: 'Examplemab carve-out', scopeKind: 'ndc', scopeValue: NDC11 });
    expect(inside.estimate?.totals.allowed).toBe('243.00');
    const otherDrug = await resolve(aetna.id, '2024-10-01', { ndc: '0002-7597-01' });
    expect(otherDrug.contract?.label).toBe('AWP − 15%');
    expect(otherDrug.estimate?.totals.allowed).toBe('229.50');
    const after = await resolve(aetna.id, '2025-01-02');
    expect(after.contract?.label).toBe('AWP − 15%');
  });

  it('a HCPCS-scoped version applies to that code only', async () => {
    await addContract(aetna.id, {
      label: 'J9999 billed',
      scopeKind: 'hcpcs',
      scopeValue: 'J9999',
      basis: 'BILLED',
      percent: '60',
    });
    expect((await resolve(aetna.id, '2024-10-01', { hcpcs: 'j9999' })).contract?.label).toBe('J9999 billed');
    expect((await resolve(aetna.id, '2024-10-01', { hcpcs: 'j9999' })).estimate?.totals.allowed).toBe('180.00');
    expect((await resolve(aetna.id, '2024-10-01')).contract?.label).toBe('AWP − 15%');
  });

  it('no contract on the date: refusal NO_CONTRACT naming the payer and date, no scenario, no estimate', async () => {
    const r = await resolve(aetna.id, '2023-12-31');
    expect(r.contract).toBeNull();
    expect(r.scenario).toBeNull();
    expect(r.estimate).toBeNull();
    expect(r.refusal?.code).toBe('NO_CONTRACT');
    expect(r.refusal?.message).toMatch(/^No contract for Aetna on 2023-12-31/);
    expect(r.warnings).toEqual([r.refusal]);
    expect(r.payer).toMatchObject({ id: aetna.id, name: 'Aetna' });
  });

  it('a payer with no contract at all is refused the same way', async () => {
    const cigna = await commercial({ name: 'Cigna' });
    const r = await resolve(cigna.id, '2024-03-15');
    expect([r.refusal?.code, r.estimate]).toEqual(['NO_CONTRACT', null]);
  });

  it('sees a contract version added after an earlier resolve (nothing stale is cached)', async () => {
    expect((await resolve(aetna.id, '2023-06-01')).refusal?.code).toBe('NO_CONTRACT');
    await addContract(aetna.id, {
      label: '2023',
      effectiveFrom: '2023-01-01',
      effectiveTo: '2023-12-31',
      basis: 'BILLED',
      percent: '50',
    });
    expect((await resolve(aetna.id, '2023-06-01')).estimate?.totals.allowed).toBe('150.00');
  });
});

describe('resolve:estimate: ASP basis from a CMS NOC payment limit', () => {
  const seedNocLimit = (
    drugName: string,
    quarter: string,
    from: string,
    to: string,
    limit = '10.600',
    dosage = ['1 MG', '1', 'mg'],
  ) =>
    services()
      .ctx.db.prepare(
        `INSERT INTO payment_limits (source, hcpcs, drug_name, dosage_text, dosage_amount, dosage_unit, payment_limit,
           quarter, effective_from, effective_to)
         VALUES ('noc', '', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(drugName, dosage[0], dosage[1] ?? null, dosage[2] ?? null, limit, quarter, from, to);

  let payer: Payer;
  beforeEach(async () => {
    payer = await medicare('asp');
    await value('payers:confirmProfile', { id: payer.id });
    seedNocLimit('EXAMPLEMAB 20 MG/ML INJ', '2024Q1', '2024-01-01', '2024-03-31');
  });

  it('matches the NOC row by generic name in the quarter covering the DOS: 45 mg × 10.60 = 477.00', async () => {
    const r = await resolve(payer.id, '2024-03-15', { billedCharge: '600.00' });
    expect(r.contract).toMatchObject({ basis: 'ASP', percent: '100' });
    expect(r.prices.paymentLimit).toMatchObject({
      source: 'noc',
      drugName: 'EXAMPLEMAB 20 MG/ML INJ',
      paymentLimit: '10.600',
      quarter: '2024Q1',
    });
    expect(r.warnings).toEqual([]);
    // 477.00 allowed; 20% = 95.40; 80% = 381.60; 2% = 7.632 → 7.63; paid 373.97
    expect(r.estimate?.totals).toMatchObject({
      allowed: '477.00',
      coinsurance: '95.40',
      sequestration: '7.63',
      payerPays: '373.97',
    });
  });

  it('lesser of billed still applies: billed 300.00 → allowed 300.00', async () => {
    const r = await resolve(payer.id, '2024-03-15');
    expect(r.estimate?.totals.allowed).toBe('300.00');
  });

  it('outside the quarter there is no limit: NO_PRICE naming the code, the drug and the date', async () => {
    const r = await resolve(payer.id, '2024-04-01', { billedCharge: '600.00' });
    expect(r.prices.paymentLimit).toBeNull();
    expect(r.warnings).toContainEqual({
      code: 'NO_PRICE',
      message: expect.stringMatching(/^No CMS payment limit for J3490 \/ Examplemab in force on 2024-04-01/),
    });
    expect(r.estimate?.totals.allowed).toBe('0.00');
  });

  it('the newest quarter in force wins, and another drug’s row is never used', async () => {
    seedNocLimit('EXAMPLEMAB', '2024Q2', '2024-04-01', '2024-06-30', '11.000');
    seedNocLimit('OTHERUMAB', '2024Q2', '2024-04-01', '2024-06-30', '99.000');
    const r = await resolve(payer.id, '2024-05-01', { billedCharge: '600.00' });
    expect(r.prices.paymentLimit).toMatchObject({ drugName: 'EXAMPLEMAB', paymentLimit: '11.000' });
    expect(r.estimate?.totals.allowed).toBe('495.00');
  });

  it('an exact NOC name wins over a longer name that starts with it', async () => {
    seedNocLimit('EXAMPLEMAB', '2024Q2', '2024-04-01', '2024-06-30', '11.000');
    seedNocLimit('EXAMPLEMAB-ABCD', '2024Q2', '2024-04-01', '2024-06-30', '5.000');
    const r = await resolve(payer.id, '2024-05-01', { billedCharge: '600.00' });
    expect(r.prices.paymentLimit).toMatchObject({ drugName: 'EXAMPLEMAB', paymentLimit: '11.000' });
  });

  it('a limit per an unreadable dosage: PAYMENT_LIMIT_DOSAGE_UNREADABLE and no price', async () => {
    seedNocLimit('EXAMPLEMAB', '2024Q2', '2024-04-01', '2024-06-30', '11.000', ['per vial']);
    const r = await resolve(payer.id, '2024-05-01', { billedCharge: '600.00' });
    expect(codes(r.warnings)).toEqual(['PAYMENT_LIMIT_DOSAGE_UNREADABLE', 'NO_PRICE']);
    expect(r.estimate?.totals.allowed).toBe('0.00');
  });
});

describe('resolve:estimate: FEE_SCHEDULE basis', () => {
  let aetna: Payer;
  const seedFee = (
    payerId: number,
    codeKind: 'ndc' | 'hcpcs',
    code: string,
    rate: string,
    from: string,
    to: string | null = null,
  ) =>
    services()
      .ctx.db.prepare(
        `INSERT INTO fee_schedule_entries (payer_id, code_kind, code, rate, per_amount, per_unit, effective_from, effective_to)
         VALUES (?, ?, ?, ?, '1', 'mg', ?, ?)`,
      )
      .run(payerId, codeKind, code, rate, from, to);

  beforeEach(async () => {
    aetna = await commercial();
    await value('payers:confirmProfile', { id: aetna.id });
    await addContract(aetna.id, {
      label: 'Fee schedule',
      basis: 'FEE_SCHEDULE',
      percent: '100',
      coinsurancePercent: '0',
    });
  });

  it('prices from the payer’s fee schedule row for the NDC: 5.50 per mg × 45 mg = 247.50', async () => {
    seedFee(aetna.id, 'ndc', NDC11, '5.50', '2024-01-01');
    seedFee(aetna.id, 'hcpcs', 'J3490', '4.00', '2024-01-01');
    const r = await resolve(aetna.id, '2024-03-15');
    expect(r.prices.feeSchedule).toEqual({ rate: '5.50', perAmount: '1', perUnit: 'mg', effectiveFrom: '2024-01-01' });
    expect(r.warnings).toEqual([]);
    expect(r.estimate?.totals).toMatchObject({ allowed: '247.50', coinsurance: '0.00', payerPays: '247.50' });
  });

  it('falls back to the HCPCS row, and follows the rows’ dates', async () => {
    seedFee(aetna.id, 'hcpcs', 'J3490', '4.00', '2024-01-01', '2024-12-31');
    seedFee(aetna.id, 'hcpcs', 'J3490', '4.20', '2025-01-01');
    expect((await resolve(aetna.id, '2024-03-15')).estimate?.totals.allowed).toBe('180.00');
    expect((await resolve(aetna.id, '2025-03-02')).estimate?.totals.allowed).toBe('189.00');
  });

  it('another payer’s fee schedule is never used: NO_PRICE naming the payer, NDC, code and date', async () => {
    const cigna = await commercial({ name: 'Cigna' });
    seedFee(cigna.id, 'ndc', NDC11, '5.50', '2024-01-01');
    const r = await resolve(aetna.id, '2024-03-15');
    expect(r.prices.feeSchedule).toBeNull();
    expect(r.warnings).toEqual([
      {
        code: 'NO_PRICE',
        message: expect.stringMatching(/^No fee schedule rate from Aetna for 50242-0040-62 or J3490 on 2024-03-15/),
      },
    ]);
    expect(r.estimate?.totals.allowed).toBe('0.00');
  });

  it('a rate written on the contract itself wins over the fee schedule', async () => {
    const bcbs = await commercial({ name: 'BCBS' });
    await addContract(bcbs.id, {
      basis: 'FEE_SCHEDULE',
      percent: '100',
      feeScheduleRate: '45.10',
      feeSchedulePerAmount: '10',
      feeSchedulePerUnit: 'mg',
    });
    seedFee(bcbs.id, 'ndc', NDC11, '5.50', '2024-01-01');
    const r = await resolve(bcbs.id, '2024-03-15');
    expect(r.estimate?.totals.allowed).toBe('202.95');
  });
});

describe('resolve:estimate: the payer’s requirements profile', () => {
  it('per-quantity NOC units (1 unit = 1 mg) bill 45 units', async () => {
    const medicaid = await commercial({
      name: 'NC Medicaid',
      payerType: 'medicaid',
      nocUnitsMode: 'per-quantity',
      nocUnitsPerAmount: '1',
      nocUnitsPerUnit: 'mg',
      ndcUnits: ['UN', 'ML', 'GR', 'F2'],
    });
    await addContract(medicaid.id, { basis: 'AWP', percent: '85' });
    const r = await resolve(medicaid.id, '2024-03-15');
    expect(r.scenario).toMatchObject({ billingUnit: { amount: '1', unit: 'mg' } });
    expect(r.estimate?.lines.map((l) => [l.units, l.n4])).toEqual([['45', 'N450242004062 ML2.25']]);
  });

  it('a payer without JZ: the single-dose line carries no JZ, with the policy as the reason', async () => {
    await value(
      'drugs:create',
      drug({ ndc: '0002-7597-01', genericName: 'Otherumab', container: 'single-dose', packageSize: '2.5' }),
    );
    await price('AWP', '300.00', '2024-01-01', '0002-7597-01');
    const noJz = await commercial({ name: 'BCBS', jwJzPolicy: 'jw-only' });
    const cms = await commercial({ name: 'Cigna' });
    await addContract(noJz.id, {});
    await addContract(cms.id, {});
    const args = { ndc: '0002-7597-01', dose: { amount: '50', unit: 'mg' } };
    const withoutJz = await resolve(noJz.id, '2024-03-15', args);
    expect(withoutJz.scenario).toMatchObject({
      modifierOverride: { given: [], reason: "BCBS's requirements: JW only, no JZ." },
    });
    expect(withoutJz.estimate?.lines.map((l) => l.modifiers)).toEqual([[]]);
    expect((await resolve(cms.id, '2024-03-15', args)).estimate?.lines.map((l) => l.modifiers)).toEqual([['JZ']]);
  });
});

describe('resolve:estimate: the scenario it returns', () => {
  it('a payer with a 110-character name gets a scenario estimate:scenario accepts', async () => {
    const longName = `Blue Cross Blue Shield of the Commonwealth — Federal Employee Program Standard Option ${'x'.repeat(24)}`;
    expect(longName).toHaveLength(110);
    const payer = await commercial({ name: longName });
    await addContract(payer.id, {});
    const r = await resolve(payer.id, '2024-03-15');
    expect(r.estimate?.totals.allowed).toBe('229.50');
    const again = await call('estimate:scenario', r.scenario);
    expect(again).toEqual({ ok: true, value: r.estimate });
  });
});

describe('resolve:estimate refusals', () => {
  it('an unknown payer is PAYER_NOT_FOUND', async () => {
    const error = await refusal('resolve:estimate', administration(999, '2024-03-15'));
    expect(error.code).toBe('PAYER_NOT_FOUND');
  });

  it('a drug not in the catalog is DRUG_NOT_FOUND', async () => {
    const payer = await medicare();
    const error = await refusal('resolve:estimate', administration(payer.id, '2024-03-15', { ndc: '60575-4112-1' }));
    expect(error.code).toBe('DRUG_NOT_FOUND');
  });

  it('bad administration fields are refused on their fields before anything is looked up', async () => {
    const payer = await medicare();
    const error = await refusal(
      'resolve:estimate',
      administration(payer.id, '2025-02-30', {
        ndc: '5024204062',
        dose: { amount: '0', unit: 'mg' },
        billedCharge: '300.001',
      }),
    );
    expect(fieldCodes(error)).toEqual(
      expect.arrayContaining([
        { field: 'ndc', code: 'NDC_AMBIGUOUS' },
        { field: 'dateOfService', code: 'DATE_INVALID' },
        { field: 'dose.amount', code: 'AMOUNT_INVALID' },
        { field: 'billedCharge', code: 'AMOUNT_INVALID' },
      ]),
    );
  });
});
