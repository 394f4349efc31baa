// The readiness checklist without a database: each item's rule and what it tells the biller.
import { describe, expect, it } from 'vitest';
import { readinessChecklist, type ReadinessInput } from '../../../shared/domain/readiness';
import { estimateOk, exampleB } from './scenarios';

// Dates read from stored moments are the practice's local days: pinned here so the words are known.
process.env.TZ = 'UTC';

const estimate = estimateOk(exampleB());

/** Everything in order: a documented administration to a confirmed payer, scan attached. */
const complete = (): ReadinessInput => ({
  genericName: 'Examplemab',
  brandName: 'Exampla',
  ndc11: '00002759701',
  dose: { amount: '45', unit: 'mg' },
  route: 'IV',
  technique: { technique: 'iv-infusion', infusionStart: '14:05', infusionStop: '14:35', infusionMinutes: '' },
  frozen: false,
  diagnoses: ['C50.911', 'E11.9'],
  medicalNecessity: 'HER2-positive breast cancer; second line.',
  physicianNotes: 'Infused over 30 minutes.',
  lotNumber: 'ZX1001',
  netCostPerPackage: '950',
  orderingNpi: '1234567893',
  renderingNpi: '1245319599',
  payer: { name: 'Medicare Part B', requiresInvoice: true, profileConfirmedAt: '2025-03-01T12:00:00.000Z' },
  invoiceHasScan: true,
  estimate,
  estimateRefusal: null,
  codeWarnings: [],
  nocInstruction: null,
});

const KEYS = [
  'drug-names',
  'ndc',
  'dose',
  'route',
  'technique',
  'medical-necessity',
  'acquisition-cost',
  'lot',
  'physician-notes',
  'providers',
  'payer-requirements',
  'invoice-scan',
  'hcpcs-code',
  'claim-lines',
];

/** The checklist of `complete()` with some fields changed: which items fail, with their detail. */
function failing(changes: Partial<ReadinessInput>): { key: string; detail: string }[] {
  const r = readinessChecklist({ ...complete(), ...changes });
  expect(r.ready).toBe(r.items.every((i) => i.ok));
  return r.items.filter((i) => !i.ok).map(({ key, detail }) => ({ key, detail }));
}
const itemOf = (changes: Partial<ReadinessInput>, key: string) =>
  readinessChecklist({ ...complete(), ...changes }).items.find((i) => i.key === key);

describe('readinessChecklist', () => {
  it('is ready when every item is ok, in the billing guide’s order', () => {
    const r = readinessChecklist(complete());
    expect(r.ready).toBe(true);
    expect(r.items.map((i) => [i.key, i.ok])).toEqual(KEYS.map((k) => [k, true]));
    expect(r.items.find((i) => i.key === 'payer-requirements')).toEqual({
      key: 'payer-requirements',
      label: 'Medicare Part B requirements confirmed',
      ok: true,
      detail: 'Confirmed Mar 1, 2025',
    });
  });

  it('drug names: the generic name is required, the brand name only shown', () => {
    expect(failing({ genericName: '' })).toEqual([{ key: 'drug-names', detail: ' (Exampla)' }]);
    expect(failing({ genericName: ' ', brandName: '' })).toEqual([
      { key: 'drug-names', detail: ' ; no brand name in the catalog' },
    ]);
    expect(itemOf({}, 'drug-names')?.detail).toBe('Examplemab (Exampla)');
    expect(itemOf({ brandName: '' }, 'drug-names')).toMatchObject({
      ok: true,
      detail: 'Examplemab; no brand name in the catalog',
    });
  });

  it('NDC: 11 digits', () => {
    expect(failing({ ndc11: '0002759701' })).toEqual([{ key: 'ndc', detail: '0002759701' }]);
    expect(failing({ ndc11: '00002-7597-01' })).toEqual([{ key: 'ndc', detail: '00002-7597-01' }]);
  });

  it('dose: an amount other than zero', () => {
    expect(failing({ dose: { amount: '0', unit: 'mg' } })).toEqual([{ key: 'dose', detail: '0 mg' }]);
    expect(failing({ dose: { amount: '', unit: 'mg' } })).toEqual([{ key: 'dose', detail: ' mg' }]);
    expect(itemOf({}, 'dose')?.detail).toBe('45 mg');
  });

  it('route', () => {
    expect(failing({ route: '' })).toEqual([{ key: 'route', detail: 'Enter the route.' }]);
  });

  it('administration technique: chosen, and an IV infusion with its times or duration', () => {
    const none = { technique: '', infusionStart: '', infusionStop: '', infusionMinutes: '' } as const;
    expect(failing({ technique: none })).toEqual([
      {
        key: 'technique',
        detail: 'Choose how it was given: IV push, IV infusion (with its times), injection or other.',
      },
    ]);
    expect(failing({ technique: { ...none, technique: 'iv-infusion' } })).toEqual([
      { key: 'technique', detail: 'Enter the infusion’s start and stop times or its duration.' },
    ]);
    expect(itemOf({}, 'technique')).toEqual({
      key: 'technique',
      label: 'Administration technique',
      ok: true,
      detail: 'IV infusion, 14:05–14:35 (30 minutes)',
    });
    expect(
      itemOf({ technique: { ...none, technique: 'iv-infusion', infusionMinutes: '90' } }, 'technique')?.detail,
    ).toBe('IV infusion, 90 minutes');
    expect(itemOf({ technique: { ...none, technique: 'iv-push' } }, 'technique')?.detail).toBe('IV push');
  });

  it('administration technique: a billed record from before the technique was asked for passes, saying so', () => {
    const none = { technique: '', infusionStart: '', infusionStop: '', infusionMinutes: '' } as const;
    expect(itemOf({ technique: none, frozen: true }, 'technique')).toMatchObject({
      ok: true,
      detail: 'Not recorded (the claim went out before the technique was asked for).',
    });
    // A draft gets no such pass.
    expect(itemOf({ technique: none, frozen: false }, 'technique')?.ok).toBe(false);
  });

  it('medical necessity: at least one diagnosis and the rationale', () => {
    expect(failing({ diagnoses: [] })).toEqual([
      { key: 'medical-necessity', detail: 'Add at least one ICD-10 diagnosis.' },
    ]);
    expect(failing({ medicalNecessity: '  ' })).toEqual([
      { key: 'medical-necessity', detail: 'Write the clinical rationale.' },
    ]);
    expect(failing({ diagnoses: [], medicalNecessity: '' })).toEqual([
      { key: 'medical-necessity', detail: 'Add at least one ICD-10 diagnosis.' },
    ]);
    expect(itemOf({}, 'medical-necessity')?.detail).toBe('C50.911, E11.9');
  });

  it('acquisition cost from the invoice line', () => {
    expect(failing({ netCostPerPackage: null })).toEqual([
      { key: 'acquisition-cost', detail: 'Link the lot to its invoice line.' },
    ]);
    expect(itemOf({}, 'acquisition-cost')?.detail).toBe('$950 per package');
  });

  it('lot number', () => {
    expect(failing({ lotNumber: ' ' })).toEqual([{ key: 'lot', detail: ' ' }]);
    expect(failing({ lotNumber: '' })).toEqual([{ key: 'lot', detail: 'Choose the lot.' }]);
  });

  it('physician notes', () => {
    expect(failing({ physicianNotes: '\n' })).toEqual([{ key: 'physician-notes', detail: 'Add the physician notes.' }]);
    expect(itemOf({}, 'physician-notes')?.detail).toBe('Entered');
  });

  it('providers: both NPIs', () => {
    expect(failing({ orderingNpi: '' })).toEqual([{ key: 'providers', detail: 'Enter both NPIs.' }]);
    expect(failing({ renderingNpi: '' })).toEqual([{ key: 'providers', detail: 'Enter both NPIs.' }]);
    expect(itemOf({}, 'providers')?.detail).toBe('1234567893 / 1245319599');
  });

  it('payer requirements confirmed', () => {
    const payer = { name: 'Aetna', requiresInvoice: false, profileConfirmedAt: null };
    expect(failing({ payer })).toEqual([
      { key: 'payer-requirements', detail: 'Confirm the payer’s J3490 requirements (Payers).' },
    ]);
    expect(itemOf({ payer }, 'payer-requirements')?.label).toBe('Aetna requirements confirmed');
  });

  it('invoice scan: needed only when the payer requires the invoice', () => {
    expect(failing({ invoiceHasScan: false })).toEqual([
      { key: 'invoice-scan', detail: 'Medicare Part B requires the invoice: attach its scan (Invoices).' },
    ]);
    expect(itemOf({}, 'invoice-scan')?.detail).toBe('Attached');
    const aetna = { name: 'Aetna', requiresInvoice: false, profileConfirmedAt: '2025-01-02T00:00:00.000Z' };
    expect(itemOf({ payer: aetna, invoiceHasScan: false }, 'invoice-scan')).toMatchObject({
      ok: true,
      detail: 'Aetna does not require it',
    });
  });

  it('claim lines: an estimate, else why there is none', () => {
    expect(itemOf({}, 'claim-lines')?.detail).toBe(estimate.lines.map((l) => l.n4).join('; '));
    expect(itemOf({}, 'claim-lines')?.detail).toBe('N400002759701 ML2.25');
    const refusal = { code: 'NO_CONTRACT', message: 'No contract for Aetna on 2025-03-02.' };
    expect(failing({ estimate: null, estimateRefusal: refusal })).toEqual([
      { key: 'claim-lines', detail: 'No contract for Aetna on 2025-03-02.' },
    ]);
    expect(failing({ estimate: null })).toEqual([{ key: 'claim-lines', detail: 'Not computed yet.' }]);
  });

  it('lists every missing item at once', () => {
    const r = readinessChecklist({
      ...complete(),
      diagnoses: [],
      physicianNotes: '',
      orderingNpi: '',
      payer: { name: 'Medicare Part B', requiresInvoice: true, profileConfirmedAt: null },
      invoiceHasScan: false,
    });
    expect(r.ready).toBe(false);
    expect(r.items.filter((i) => !i.ok).map((i) => i.label)).toEqual([
      'Medical necessity (ICD-10 and rationale)',
      'Physician notes',
      'Ordering and rendering provider NPIs',
      'Medicare Part B requirements confirmed',
      'Invoice scan attached',
    ]);
  });
});

describe('readiness: the code check (issue 13)', () => {
  const specific = {
    code: 'SPECIFIC_CODE_EXISTS',
    message: 'vutrisiran (Amvuttra) has its own code: J0225 "Injection, vutrisiran, 1 mg", effective 2023-01-01 …',
  };

  it('K1: a NOC line for a drug with a specific code in force blocks readiness, naming the code', () => {
    expect(failing({ codeWarnings: [specific] })).toEqual([{ key: 'hcpcs-code', detail: specific.message }]);
  });

  it('the payer’s instruction to bill the NOC code (the guide’s fourth case) lifts the block and is shown', () => {
    const item = itemOf(
      {
        codeWarnings: [specific],
        nocInstruction: { note: 'Rep J. Doe, call ref 4411', at: '2025-03-02T10:00:00Z', by: 'biller' },
      },
      'hcpcs-code',
    );
    expect(item?.ok).toBe(true);
    expect(item?.detail).toBe(
      'The payer said to bill this code: Rep J. Doe, call ref 4411 (recorded by biller, Mar 2, 2025)',
    );
  });

  it('an unknown or ended code blocks even with an instruction; an unverified one only warns', () => {
    const unknown = { code: 'HCPCS_UNKNOWN', message: 'J1234 is not a code in the HCPCS update 2025Q1 …' };
    const instruction = { note: 'x', at: '2025-03-02T10:00:00Z', by: 'b' };
    expect(failing({ codeWarnings: [unknown], nocInstruction: instruction })).toEqual([
      { key: 'hcpcs-code', detail: unknown.message },
    ]);
    expect(failing({ codeWarnings: [{ code: 'HCPCS_UNVERIFIED', message: 'not checked' }] })).toEqual([]);
  });

  it('K2: with no blocking warning the item says no specific code covers the drug', () => {
    expect(itemOf({}, 'hcpcs-code')).toEqual({
      key: 'hcpcs-code',
      label: 'HCPCS code checked',
      ok: true,
      detail: 'No specific code covers this drug on this date.',
    });
  });
});
