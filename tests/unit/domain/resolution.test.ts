/**
 * buildScenario, pure: what is on file for a payer, a drug and a date becomes the engine's
 * scenario, and everything missing is named in a warning a biller can act on.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract-terms';
import type { Drug } from '../../../shared/domain/drug-catalog';
import type { DrugPrice, PaymentLimit } from '../../../shared/domain/drug-price';
import { estimate } from '../../../shared/domain/estimate';
import type { Payer } from '../../../shared/domain/payer';
import { buildScenario, type Administration, type OnFile } from '../../../shared/domain/resolution';
import { scenarioSchema } from '../../../shared/domain/scenario';
import { EXAMPLA_NDC, EXAMPLA_NDC11, examplaVial } from '../../fixtures/seed-inputs';

const AT = '2025-03-01T12:00:00.000Z';

const payer = (changes: Partial<Payer> = {}): Payer => ({
  id: 1,
  name: 'Aetna',
  payerType: 'commercial',
  payerCode: '60054',
  requiresInvoice: false,
  nocUnitsMode: 'one-per-line',
  nocUnitsPerAmount: '',
  nocUnitsPerUnit: 'mg',
  ndcUnits: ['UN', 'ML', 'GR', 'F2', 'ME'],
  jwJzPolicy: 'cms',
  narrativeLocation: 'sv101-7',
  timelyFilingDays: 90,
  notes: '',
  contacts: '',
  profileConfirmedAt: AT,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  ...changes,
});

// 50242-040-62 (5-3-2): a 10 mL multi-dose vial at 20 mg/mL, as in domain.md §9 B.
const drug = (changes: Partial<Drug> = {}): Drug => {
  const { ndc: _, ...fields } = examplaVial();
  return {
    id: 7,
    ndc11: EXAMPLA_NDC11,
    ...fields,
    ndcPrinted: EXAMPLA_NDC,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...changes,
  };
};

const contract = (changes: Partial<Contract> = {}): Contract => ({
  id: 3,
  payerId: 1,
  label: '95% of AWP',
  scopeKind: 'all',
  scopeValue: '',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  basis: 'AWP',
  percent: '95',
  addOn: '0',
  feeScheduleRate: '',
  feeSchedulePerAmount: '',
  feeSchedulePerUnit: 'mg',
  lesserOfBilled: true,
  coinsurancePercent: '20',
  sequestration: 'medicare',
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  ...changes,
});

const price = (priceType: 'AWP' | 'WAC', pricePerPackage: string): DrugPrice => ({
  id: priceType === 'AWP' ? 11 : 12,
  ndc11: '50242004062',
  priceType,
  pricePerPackage,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  source: 'manual',
  createdAt: AT,
  version: 1,
});

const limit = (changes: Partial<PaymentLimit> = {}): PaymentLimit => ({
  id: 21,
  source: 'noc',
  hcpcs: '',
  drugName: 'EXAMPLEMAB',
  description: '',
  dosageText: '1 MG',
  dosageAmount: '1',
  dosageUnit: 'mg',
  paymentLimit: '10.60',
  quarter: '2025Q1',
  effectiveFrom: '2025-01-01',
  effectiveTo: '2025-03-31',
  notes: '',
  ...changes,
});

const onFile = (changes: Partial<OnFile> = {}): OnFile => ({
  payer: payer(),
  drug: drug(),
  contract: contract(),
  awp: price('AWP', '1200.00'),
  wac: null,
  paymentLimit: null,
  feeSchedule: null,
  ...changes,
});

const admin = (changes: Partial<Administration> = {}): Administration => ({
  dateOfService: '2025-03-02',
  hcpcs: 'J3490',
  dose: { amount: '45', unit: 'mg' },
  billedCharge: '300.00',
  ...changes,
});

const codes = (ws: { code: string }[]): string[] => ws.map((w) => w.code);

/** The scenario must be one the engine takes: parse it as the resolver does, and estimate. */
function estimated(built: ReturnType<typeof buildScenario>) {
  const parsed = scenarioSchema.parse(built.scenario);
  const r = estimate(parsed);
  if (!r.ok) throw new Error(`estimate refused: ${r.error.code} ${r.error.message}`);
  return r;
}

describe('buildScenario: no contract', () => {
  it('refuses with NO_CONTRACT naming the payer and the date, and builds no scenario', () => {
    const built = buildScenario(onFile({ contract: null }), admin());
    expect(built.scenario).toBeNull();
    expect(built.refusal?.code).toBe('NO_CONTRACT');
    expect(built.refusal?.message).toMatch(/^No contract for Aetna on 2025-03-02\b/);
    expect(built.refusal?.message).toContain('Payers → Aetna');
    expect(built.warnings).toEqual([built.refusal]);
  });
});

describe('buildScenario: a complete file', () => {
  it('builds §9 B from the file: drug, dose, AWP, contract terms, payer profile; no warnings', () => {
    const built = buildScenario(onFile(), admin({ dateOfService: '2024-03-15' }));
    expect(built.refusal).toBeNull();
    expect(built.warnings).toEqual([]);
    expect(built.scenario).toEqual({
      dateOfService: '2024-03-15',
      hcpcs: 'J3490',
      drug: {
        ndc: '50242004062',
        name: 'Examplemab',
        brandName: 'Exampla',
        ndcUnit: 'ML',
        packageSize: '10',
        strength: { amount: '20', unit: 'mg' },
        container: 'multi-dose',
      },
      dose: { amount: '45', unit: 'mg' },
      route: 'IV',
      prices: { awpPerPackage: '1200.00' },
      billedCharge: '300.00',
      contract: {
        basis: 'AWP',
        percent: '95',
        lesserOfBilled: true,
        coinsurancePercent: '20',
        sequestration: 'medicare',
      },
      payerProfile: { name: 'Aetna', ndcUnits: ['UN', 'ML', 'GR', 'F2', 'ME'] },
    });
    const r = estimated(built);
    expect(r.totals).toMatchObject({
      allowed: '256.50',
      coinsurance: '51.30',
      sequestration: '4.10',
      payerPays: '201.10',
    });
  });

  it('passes the administration’s own amounts: waste, route, JW charge, invoice cost, deductible, add-on', () => {
    const built = buildScenario(
      onFile({ contract: contract({ addOn: '25.00' }) }),
      admin({
        wasted: { amount: '5', unit: 'mg' },
        route: 'IM',
        wastedBilledCharge: '30.00',
        acquisitionPerPackage: '950.00',
        deductibleRemaining: '50.00',
      }),
    );
    expect(built.scenario).toMatchObject({
      wasted: { amount: '5', unit: 'mg' },
      route: 'IM',
      wastedBilledCharge: '30.00',
      prices: { awpPerPackage: '1200.00', acquisitionPerPackage: '950.00' },
      contract: { addOn: '25.00', deductibleRemaining: '50.00' },
    });
  });

  it('leaves an empty waste amount out of the scenario', () => {
    const built = buildScenario(onFile(), admin({ wasted: { amount: '', unit: 'mg' } }));
    expect(built.scenario).not.toHaveProperty('wasted');
  });

  it('gives the payer’s accepted NDC units to the engine as the payer profile', () => {
    const built = buildScenario(
      onFile({ payer: payer({ name: 'NC Medicaid', ndcUnits: ['UN', 'ML', 'GR', 'F2'] }) }),
      admin(),
    );
    expect(built.scenario?.payerProfile).toEqual({ name: 'NC Medicaid', ndcUnits: ['UN', 'ML', 'GR', 'F2'] });
  });

  it('puts both AWP and WAC in the scenario when both are on file', () => {
    const built = buildScenario(onFile({ wac: price('WAC', '1000.00') }), admin());
    expect(built.scenario?.prices).toEqual({ awpPerPackage: '1200.00', wacPerPackage: '1000.00' });
  });
});

describe('buildScenario: missing prices', () => {
  it('AWP basis without an AWP: NO_PRICE naming the hyphenated NDC and the date', () => {
    const built = buildScenario(onFile({ awp: null }), admin());
    expect(built.refusal).toBeNull();
    expect(built.warnings).toEqual([
      { code: 'NO_PRICE', message: 'No AWP for 50242-0040-62 on 2025-03-02; add it under Prices.' },
    ]);
    expect(built.scenario?.prices).toEqual({});
    // The engine still answers, at $0.00 allowed, and says why.
    const r = estimated(built);
    expect(r.totals.allowed).toBe('0.00');
    expect(codes(r.warnings)).toContain('NO_PRICE_FOR_BASIS');
  });

  it('WAC basis without a WAC: NO_PRICE for WAC', () => {
    const built = buildScenario(onFile({ contract: contract({ basis: 'WAC', percent: '103' }) }), admin());
    expect(built.warnings).toEqual([
      { code: 'NO_PRICE', message: 'No WAC for 50242-0040-62 on 2025-03-02; add it under Prices.' },
    ]);
  });

  it('ASP basis without a payment limit: NO_PRICE naming the code and the generic name', () => {
    const built = buildScenario(onFile({ contract: contract({ basis: 'ASP', percent: '100' }) }), admin());
    expect(built.warnings).toEqual([
      {
        code: 'NO_PRICE',
        message: 'No CMS payment limit for J3490 / Examplemab in force on 2025-03-02; add it under Prices.',
      },
    ]);
  });

  it('INVOICE basis without an invoice cost: NO_PRICE; with one, none', () => {
    const terms = contract({ basis: 'INVOICE', percent: '110' });
    expect(buildScenario(onFile({ contract: terms }), admin()).warnings).toEqual([
      { code: 'NO_PRICE', message: expect.stringMatching(/^No invoice cost for 50242-0040-62; /) },
    ]);
    expect(buildScenario(onFile({ contract: terms }), admin({ acquisitionPerPackage: '1000.00' })).warnings).toEqual(
      [],
    );
  });

  it('BILLED basis needs no price', () => {
    const built = buildScenario(onFile({ awp: null, contract: contract({ basis: 'BILLED', percent: '60' }) }), admin());
    expect(built.warnings).toEqual([]);
    expect(estimated(built).totals.allowed).toBe('180.00');
  });
});

describe('buildScenario: CMS payment limits', () => {
  it('a readable limit becomes prices.paymentLimit per its dosage and prices the ASP basis', () => {
    const built = buildScenario(
      onFile({ contract: contract({ basis: 'ASP', percent: '100' }), paymentLimit: limit() }),
      admin({ billedCharge: '600.00' }),
    );
    expect(built.warnings).toEqual([]);
    expect(built.scenario?.prices?.paymentLimit).toEqual({ amount: '10.60', per: { amount: '1', unit: 'mg' } });
    expect(estimated(built).totals).toMatchObject({ allowed: '477.00' });
  });

  it('a limit whose dosage cannot be read: PAYMENT_LIMIT_DOSAGE_UNREADABLE, and the ASP basis lacks its price', () => {
    const unreadable = limit({ hcpcs: 'J9999', dosageText: 'per vial', dosageAmount: null, dosageUnit: null });
    const built = buildScenario(
      onFile({ contract: contract({ basis: 'ASP', percent: '100' }), paymentLimit: unreadable }),
      admin(),
    );
    expect(built.warnings).toEqual([
      {
        code: 'PAYMENT_LIMIT_DOSAGE_UNREADABLE',
        message: 'The CMS payment limit for J9999 (2025Q1) is per "per vial", which cannot price a dose.',
      },
      {
        code: 'NO_PRICE',
        message: 'No CMS payment limit for J3490 / Examplemab in force on 2025-03-02; add it under Prices.',
      },
    ]);
    expect(built.scenario?.prices).not.toHaveProperty('paymentLimit');
  });

  it('names a NOC limit (no HCPCS) by its drug name', () => {
    const unreadable = limit({ dosageText: '10 MG/ML', dosageAmount: null, dosageUnit: null });
    const built = buildScenario(onFile({ paymentLimit: unreadable }), admin());
    expect(built.warnings).toEqual([
      {
        code: 'PAYMENT_LIMIT_DOSAGE_UNREADABLE',
        message: 'The CMS payment limit for EXAMPLEMAB (2025Q1) is per "10 MG/ML", which cannot price a dose.',
      },
    ]);
  });
});

describe('buildScenario: the payer’s unit and modifier policies', () => {
  it('per-quantity NOC units become the scenario’s billing unit', () => {
    const built = buildScenario(
      onFile({ payer: payer({ nocUnitsMode: 'per-quantity', nocUnitsPerAmount: '1', nocUnitsPerUnit: 'mg' }) }),
      admin(),
    );
    expect(built.scenario?.billingUnit).toEqual({ amount: '1', unit: 'mg' });
    expect(estimated(built).lines.map((l) => l.units)).toEqual(['45']);
  });

  it('one unit per line: no billing unit', () => {
    const built = buildScenario(onFile(), admin());
    expect(built.scenario).not.toHaveProperty('billingUnit');
    expect(estimated(built).lines.map((l) => l.units)).toEqual(['1']);
  });

  it('CMS policy: no modifier override', () => {
    expect(buildScenario(onFile(), admin()).scenario).not.toHaveProperty('modifierOverride');
  });

  it('jw-only: no JZ on the given line, with the policy as the reason', () => {
    const jwOnly = payer({ name: 'BCBS', jwJzPolicy: 'jw-only' });
    const sdv = drug({ container: 'single-dose', packageSize: '2.5' }); // 50 mg single-dose vial
    const built = buildScenario(onFile({ payer: jwOnly, drug: sdv }), admin());
    expect(built.scenario?.modifierOverride).toEqual({ given: [], reason: "BCBS's requirements: JW only, no JZ." });
    // No waste, single-dose, after 2023-07-01: CMS would put JZ; this payer gets none.
    expect(estimated(built).lines.map((l) => l.modifiers)).toEqual([[]]);
    // With waste, the JW line keeps JW.
    const withWaste = buildScenario(
      onFile({ payer: jwOnly, drug: sdv }),
      admin({ wasted: { amount: '5', unit: 'mg' } }),
    );
    expect(withWaste.scenario?.modifierOverride).toEqual({ given: [], reason: "BCBS's requirements: JW only, no JZ." });
    expect(estimated(withWaste).lines.map((l) => [l.kind, l.modifiers])).toEqual([
      ['given', []],
      ['wasted', ['JW']],
    ]);
  });

  it('none: no JZ, and no JW on a wasted line either', () => {
    const none = payer({ name: 'Tricare', jwJzPolicy: 'none' });
    const sdv = drug({ container: 'single-dose', packageSize: '2.5' });
    const noWaste = buildScenario(onFile({ payer: none, drug: sdv }), admin({ wasted: { amount: '0', unit: 'mg' } }));
    expect(noWaste.scenario?.modifierOverride).toEqual({ given: [], reason: "Tricare's requirements: no JW or JZ." });
    const withWaste = buildScenario(onFile({ payer: none, drug: sdv }), admin({ wasted: { amount: '5', unit: 'mg' } }));
    expect(withWaste.scenario?.modifierOverride).toEqual({
      given: [],
      wasted: [],
      reason: "Tricare's requirements: no JW or JZ.",
    });
    expect(estimated(withWaste).lines.map((l) => [l.kind, l.modifiers])).toEqual([
      ['given', []],
      ['wasted', []],
    ]);
  });
});

describe('buildScenario: FEE_SCHEDULE basis', () => {
  const feeContract = (rate = '', perAmount = '') =>
    contract({
      basis: 'FEE_SCHEDULE',
      percent: '100',
      feeScheduleRate: rate,
      feeSchedulePerAmount: perAmount,
      feeSchedulePerUnit: 'mg',
    });
  const payerEntry = { rate: '5.50', perAmount: '1', perUnit: 'mg' as const, effectiveFrom: '2025-01-01' };

  it('uses the contract’s own rate first, even when the payer has a fee schedule entry', () => {
    const built = buildScenario(onFile({ contract: feeContract('45.10', '10'), feeSchedule: payerEntry }), admin());
    expect(built.warnings).toEqual([]);
    expect(built.scenario?.contract.feeSchedule).toEqual({ rate: '45.10', per: { amount: '10', unit: 'mg' } });
    expect(estimated(built).totals.allowed).toBe('202.95');
  });

  it('else the payer’s fee schedule entry', () => {
    const built = buildScenario(onFile({ contract: feeContract(), feeSchedule: payerEntry }), admin());
    expect(built.warnings).toEqual([]);
    expect(built.scenario?.contract.feeSchedule).toEqual({ rate: '5.50', per: { amount: '1', unit: 'mg' } });
    expect(estimated(built).totals.allowed).toBe('247.50');
  });

  it('else NO_PRICE naming the payer, the NDC, the code and the date', () => {
    const built = buildScenario(onFile({ contract: feeContract() }), admin());
    expect(built.warnings).toEqual([
      {
        code: 'NO_PRICE',
        message: expect.stringMatching(/^No fee schedule rate from Aetna for 50242-0040-62 or J3490 on 2025-03-02\b/),
      },
    ]);
    expect(built.scenario?.contract).not.toHaveProperty('feeSchedule');
    expect(estimated(built).totals.allowed).toBe('0.00');
  });

  it('a contract rate is ignored unless the basis is FEE_SCHEDULE', () => {
    const built = buildScenario(
      onFile({ contract: contract({ feeScheduleRate: '45.10', feeSchedulePerAmount: '10' }) }),
      admin(),
    );
    expect(built.scenario?.contract).not.toHaveProperty('feeSchedule');
  });
});

describe('buildScenario: the payer profile', () => {
  it('a never-confirmed profile is warned (PROFILE_NOT_CONFIRMED) but still estimated', () => {
    const built = buildScenario(onFile({ payer: payer({ profileConfirmedAt: null }) }), admin());
    expect(built.warnings).toEqual([
      {
        code: 'PROFILE_NOT_CONFIRMED',
        message: "Aetna's J3490 requirements have never been confirmed; check them with the payer before billing.",
      },
    ]);
    expect(built.refusal).toBeNull();
    expect(built.scenario).not.toBeNull();
  });

  it('warnings come in order: profile, then missing prices', () => {
    const built = buildScenario(onFile({ payer: payer({ profileConfirmedAt: null }), awp: null }), admin());
    expect(codes(built.warnings)).toEqual(['PROFILE_NOT_CONFIRMED', 'NO_PRICE']);
  });
});
