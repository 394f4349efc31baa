/**
 * Administrations through the door every front end uses (openServices + dispatch) on a real
 * SQLite file with the real migrations and a fixed clock. Everything is seeded through the
 * services: two drugs, Medicare Part B from its template with an AWP, a supplier and an invoice
 * with two lots (a single-dose and a multi-dose drug), and patients. The database is only read
 * to prove what was (or was not) written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  administrationInputOf,
  type Administration,
  type AdministrationInput,
  type AdministrationSummary,
} from '../../shared/domain/administration';
import type { Invoice, InvoiceInput, Supplier } from '../../shared/domain/invoice';
import type { Patient } from '../../shared/domain/patient';
import type { Payer } from '../../shared/domain/payer';
import { Dec } from '../../shared/domain/money';
import type { Lot } from '../../shared/domain/stock';
import { runCliIn } from './cli-run';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { EXAMPLEMAB, MULTICAINE as MULTIVIAL } from '../fixtures/claim-seed';

const { services, dir, clock, value, refusal, version: storedVersion } = serviceHarness();

type Table = 'administrations' | 'audit_log';
const count = (table: Table): number =>
  (services().ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const storedRow = (id: number) => services().ctx.db.prepare('SELECT * FROM administrations WHERE id = ?').get(id);

const auditRows = (entityId?: number) =>
  (
    services()
      .ctx.db.prepare(
        `SELECT at, actor, entity_id AS entityId, action, before_json AS beforeJson, after_json AS afterJson
           FROM audit_log WHERE entity = 'administration' ORDER BY id`,
      )
      .all() as {
      at: string;
      actor: string;
      entityId: string;
      action: string;
      beforeJson: string | null;
      afterJson: string | null;
    }[]
  )
    .filter((r) => entityId === undefined || r.entityId === String(entityId))
    .map(({ beforeJson, afterJson, ...rest }) => ({
      ...rest,
      before: beforeJson === null ? null : (JSON.parse(beforeJson) as Record<string, unknown>),
      after: afterJson === null ? null : (JSON.parse(afterJson) as Record<string, unknown>),
    }));

let medicare: Payer;
let aetna: Payer;
let supplier: Supplier;
let invoice: Invoice;
let smith: Patient;
let jones: Patient;
/** The single-dose lot EX-1 (5 × 1 UN, expires 2026-06-30) and the multi-dose lot MC-7 (2 × 10 ML, expires 2025-04-30). */
let single: number;
let multi: number;

const invoiceInput = (): InvoiceInput => ({
  supplierId: supplier.id,
  invoiceNumber: 'INV-500',
  invoiceDate: '2025-01-15',
  lines: [
    {
      ndc: EXAMPLEMAB.ndc,
      lotNumber: 'EX-1',
      expiryDate: '2026-06-30',
      packageQuantity: '5',
      costPerPackage: '110.00',
    },
    { ndc: MULTIVIAL.ndc, lotNumber: 'MC-7', expiryDate: '2025-04-30', packageQuantity: '2', costPerPackage: '40.00' },
  ],
});

beforeEach(async () => {
  await value('drugs:create', EXAMPLEMAB);
  await value('drugs:create', MULTIVIAL);
  ({ payer: medicare } = await value<{ payer: Payer }>('payers:createFromTemplate', { template: 'medicare-part-b' }));
  aetna = await value<Payer>('payers:create', { name: 'Aetna', payerType: 'commercial' });
  await value('prices:create', {
    ndc: EXAMPLEMAB.ndc,
    priceType: 'AWP',
    pricePerPackage: '120.00',
    effectiveFrom: '2024-01-01',
  });
  await value('prices:create', {
    ndc: MULTIVIAL.ndc,
    priceType: 'AWP',
    pricePerPackage: '50.00',
    effectiveFrom: '2024-01-01',
  });
  supplier = await value<Supplier>('suppliers:create', { name: 'McKesson' });
  invoice = await value<Invoice>('invoices:create', invoiceInput());
  [single, multi] = invoice.lines.map((l) => l.id) as [number, number];
  smith = await value<Patient>('patients:create', {
    lastName: 'Smith',
    firstName: 'Ann',
    dateOfBirth: '1950-04-02',
    accountNumber: 'MRN-1001',
    payerId: medicare.id,
  });
  jones = await value<Patient>('patients:create', {
    lastName: 'Jones',
    firstName: 'Bob',
    dateOfBirth: '1948-11-20',
    accountNumber: 'MRN-2002',
  });
});

/** Examplemab 70 mg given, 30 mg wasted, to Ann Smith, billed to Medicare; nothing else filled in. */
const input = (changes: Partial<AdministrationInput> = {}): AdministrationInput => ({
  dateOfService: '2025-02-20',
  patientId: smith.id,
  payerId: medicare.id,
  invoiceLineId: single,
  dose: { amount: '70', unit: 'mg' },
  wastedAmount: '30',
  route: 'IV',
  billedCharge: '100.00',
  ...changes,
});
/** Everything the checklist asks of the administration itself. */
const documented: Partial<AdministrationInput> = {
  diagnoses: ['c50911', 'E11.9'],
  medicalNecessity: 'HER2-positive breast cancer; second line after trastuzumab.',
  physicianNotes: 'Infused over 30 minutes, no reaction.',
  technique: 'iv-infusion',
  infusionStart: '14:05',
  infusionStop: '14:35',
  orderingNpi: '1234567893',
  renderingNpi: '1245319599',
};

const create = (changes: Partial<AdministrationInput> = {}) =>
  value<Administration>('administrations:create', input(changes));
const get = (id: number) => value<Administration>('administrations:get', { id });
const setStatus = (id: number, status: string) => value<Administration>('administrations:setStatus', { id, status });
const update = (id: number, changes: Partial<AdministrationInput>) =>
  value<Administration>('administrations:update', {
    id,
    version: storedVersion('administrations', id),
    administration: input(changes),
  });
const onHand = async (invoiceLineId: number): Promise<string> => {
  const { rows } = await value<{ rows: Lot[] }>('stock:list', { includeEmpty: true, today: '2025-03-01' });
  return rows.find((l) => l.invoiceLineId === invoiceLineId)?.onHand ?? 'missing';
};
type Listed = { rows: AdministrationSummary[]; total: number };
const list = (args: Record<string, unknown> = {}) => value<Listed>('administrations:list', args);
const ids = (l: Listed): number[] => l.rows.map((r) => r.id);

/** Make an administration ready to bill: documented, payer confirmed, invoice scan attached. */
async function makeReady(id: number, changes: Partial<AdministrationInput> = {}): Promise<Administration> {
  await value('administrations:update', {
    id,
    version: storedVersion('administrations', id),
    administration: { ...administrationInputOf(await get(id)), ...documented, ...changes },
  });
  await value('payers:confirmProfile', { id: medicare.id });
  await value('invoices:attachScan', {
    invoiceId: invoice.id,
    fileName: 'inv-500.pdf',
    contentBase64: tinyPdf().toString('base64'),
  });
  return setStatus(id, 'ready');
}

describe('administrations:create', () => {
  it('draws given + wasted from a single-dose lot and bills the waste on a JW line', async () => {
    const a = await create();
    expect(a).toMatchObject({
      id: 1,
      dateOfService: '2025-02-20',
      patientName: 'Smith, Ann',
      payerName: 'Medicare Part B',
      invoiceLineId: single,
      invoiceId: invoice.id,
      ndc11: '50242004062',
      drugName: 'Examplemab (Brandix)',
      lotNumber: 'EX-1',
      expiryDate: '2026-06-30',
      hcpcs: 'J3490',
      dose: { amount: '70', unit: 'mg' },
      wastedAmount: '30',
      givenQuantity: '0.7',
      wastedQuantity: '0.3',
      ndcUnit: 'UN',
      billedCharge: '100.00',
      wastedBilledCharge: '',
      status: 'draft',
      frozen: false,
      estimateAt: '2025-03-01T12:00:00.000Z',
      createdAt: '2025-03-01T12:00:00.000Z',
      estimateRefusal: null,
    });
    const lines = a.estimate?.lines ?? [];
    expect(lines.map((l) => [l.kind, l.hcpcs, l.modifiers, l.n4])).toEqual([
      ['given', 'J3490', [], 'N450242004062 UN0.7'],
      ['wasted', 'J3490', ['JW'], 'N450242004062 UN0.3'],
    ]);
    // 95% of AWP 120.00 per UN: 0.7 UN → 79.80, 0.3 UN → 34.20.
    expect(lines.map((l) => l.allowed)).toEqual(['79.80', '34.20']);
    expect(a.contractId).not.toBeNull();
    expect(await onHand(single)).toBe('4');
    expect(storedRow(a.id)).toMatchObject({ given_micro: 700_000, wasted_micro: 300_000, billed_cents: 10_000 });
  });

  it('stores the prices used, the contract and the lot’s net cost in the snapshot', async () => {
    const a = await create();
    const snapshot = JSON.parse((storedRow(a.id) as { estimate_json: string }).estimate_json) as {
      contractId: number;
      prices: { awp: { pricePerPackage: string }; acquisitionPerPackage: string };
      estimate: { totals: { payerPays: string } };
      refusal: null;
      warnings: { code: string }[];
    };
    expect(snapshot.contractId).toBe(a.contractId);
    expect(snapshot.prices.awp.pricePerPackage).toBe('120.00');
    expect(snapshot.prices.acquisitionPerPackage).toBe('110');
    expect(snapshot.estimate.totals.payerPays).toBe(a.estimate?.totals.payerPays);
    expect(snapshot.warnings.map((w) => w.code)).toEqual(['PROFILE_NOT_CONFIRMED']);
  });

  it('keeps a payer without a contract as a refusal in the snapshot, not a failure', async () => {
    const a = await create({ payerId: aetna.id });
    expect(a.estimate).toBeNull();
    expect(a.estimateRefusal?.code).toBe('NO_CONTRACT');
    expect(a.readiness.items.find((i) => i.key === 'claim-lines')).toMatchObject({ ok: false });
  });

  it('refuses waste on a multi-dose container, and writes nothing', async () => {
    const audit = count('audit_log');
    const error = await refusal(
      'administrations:create',
      input({ invoiceLineId: multi, dose: { amount: '40', unit: 'mg' } }),
    );
    expect(error.code).toBe('WASTE_ON_MULTI_DOSE');
    expect(fieldCodes(error)).toEqual([{ field: 'wastedAmount', code: 'WASTE_ON_MULTI_DOSE' }]);
    expect(count('administrations')).toBe(0);
    expect(count('audit_log')).toBe(audit);
    const ok = await create({ invoiceLineId: multi, dose: { amount: '40', unit: 'mg' }, wastedAmount: '0' });
    expect([ok.givenQuantity, ok.wastedQuantity, ok.ndcUnit]).toEqual(['2', '0', 'ML']);
    expect(ok.estimate?.lines.map((l) => l.modifiers)).toEqual([[]]);
  });

  it('refuses an expired lot and an overdraw whole, writing nothing', async () => {
    const audit = count('audit_log');
    const expired = await refusal(
      'administrations:create',
      input({
        invoiceLineId: multi,
        dateOfService: '2025-05-02',
        dose: { amount: '40', unit: 'mg' },
        wastedAmount: '0',
      }),
    );
    expect(expired.code).toBe('LOT_EXPIRED');
    expect(expired.message).toBe('Lot MC-7 expired on 2025-04-30; it cannot be used on 2025-05-02.');
    const overdraw = await refusal('administrations:create', input({ dose: { amount: '480', unit: 'mg' } }));
    expect(overdraw.code).toBe('LOT_INSUFFICIENT');
    expect(fieldCodes(overdraw)).toEqual([{ field: 'dose.amount', code: 'LOT_INSUFFICIENT' }]);
    expect(overdraw.message).toContain('Lot EX-1 has 5 UN on hand; this administration needs 5.1 UN');
    expect(count('administrations')).toBe(0);
    expect(count('audit_log')).toBe(audit);
    expect(await onHand(single)).toBe('5');
    // Exactly what is on hand is fine.
    await create({ dose: { amount: '470', unit: 'mg' } });
    expect(await onHand(single)).toBe('0');
  });

  it('refuses a missing patient, payer or lot, a dose unit the strength cannot convert, and an uncountable quantity', async () => {
    const codes = async (changes: Partial<AdministrationInput>) =>
      fieldCodes(await refusal('administrations:create', input(changes)));
    expect(await codes({ patientId: 99 })).toEqual([{ field: 'patientId', code: 'PATIENT_NOT_FOUND' }]);
    expect(await codes({ payerId: 99 })).toEqual([{ field: 'payerId', code: 'PAYER_NOT_FOUND' }]);
    expect(await codes({ invoiceLineId: 99 })).toEqual([{ field: 'invoiceLineId', code: 'LOT_NOT_FOUND' }]);
    expect(await codes({ dose: { amount: '2', unit: 'mL' } })).toEqual([
      { field: 'dose.unit', code: 'UNIT_INCOMPATIBLE' },
    ]);
    // 0.0001 mg is 0.000001 UN, one micro-unit; 0.00001 mg is a tenth of one.
    expect(await codes({ dose: { amount: '0.00001', unit: 'mg' }, wastedAmount: '0' })).toEqual([
      { field: 'dose.amount', code: 'QUANTITY_UNWRITABLE' },
    ]);
    expect(count('administrations')).toBe(0);
  });

  it('normalizes ICD-10 codes and refuses a malformed one at the contract', async () => {
    const a = await create({ diagnoses: ['c50911', ' E11.9 ', 'C50.911'] });
    expect(a.diagnoses).toEqual(['C50.911', 'E11.9']);
    const error = await refusal('administrations:create', input({ diagnoses: ['E11.9', 'U07.1'] }));
    expect(fieldCodes(error)).toEqual([{ field: 'diagnoses.1', code: 'ICD10_INVALID' }]);
  });

  it('applies a modifier override with its reason instead of the default JZ', async () => {
    const plain = await create({ dose: { amount: '100', unit: 'mg' }, wastedAmount: '0' });
    expect(plain.estimate?.lines.map((l) => l.modifiers)).toEqual([['JZ']]);
    const overridden = await create({
      dose: { amount: '100', unit: 'mg' },
      wastedAmount: '0',
      modifierOverride: { given: [], wasted: [], reason: 'Supplier dispensed, not given (local MAC instruction).' },
    });
    expect(overridden.estimate?.lines.map((l) => l.modifiers)).toEqual([[]]);
    expect(overridden.estimate?.warnings.map((w) => w.code)).toContain('JZ_REQUIRED');
    expect(overridden.modifierOverride?.reason).toBe('Supplier dispensed, not given (local MAC instruction).');
  });
});

describe('administrations:preview', () => {
  it('computes what create would store, writing nothing', async () => {
    const audit = count('audit_log');
    const preview = await value<Record<string, unknown>>('administrations:preview', input());
    expect(count('administrations')).toBe(0);
    expect(count('audit_log')).toBe(audit);
    expect(await onHand(single)).toBe('5');
    const { id: _id, createdAt: _c, updatedAt: _u, ...created } = await create();
    expect(preview).toEqual(created);
  });

  it('refuses what create refuses', async () => {
    const error = await refusal('administrations:preview', input({ dose: { amount: '480', unit: 'mg' } }));
    expect(error.code).toBe('LOT_INSUFFICIENT');
  });
});

describe('administrations:update', () => {
  it('gives the administration’s own draw back before checking the lot, and moves stock between lots', async () => {
    const a = await create({ dose: { amount: '370', unit: 'mg' } }); // 4 UN of 5
    expect(await onHand(single)).toBe('1');
    await update(a.id, { dose: { amount: '470', unit: 'mg' } }); // 5 UN: 4 back + 1 on hand
    expect(await onHand(single)).toBe('0');
    const error = await refusal('administrations:update', {
      id: a.id,
      version: storedVersion('administrations', a.id),
      administration: input({ dose: { amount: '480', unit: 'mg' } }),
    });
    expect(error.code).toBe('LOT_INSUFFICIENT');
    expect(error.message).toContain('Lot EX-1 has 5 UN on hand counting what this administration already took');
    expect(await onHand(single)).toBe('0');
    const moved = await update(a.id, { invoiceLineId: multi, dose: { amount: '40', unit: 'mg' }, wastedAmount: '0' });
    expect([moved.lotNumber, moved.givenQuantity, moved.ndcUnit]).toEqual(['MC-7', '2', 'ML']);
    expect(await onHand(single)).toBe('5');
    expect(await onHand(multi)).toBe('18');
  });

  it('recomputes the estimate and keeps created, changing updated', async () => {
    const a = await create();
    clock.advance(60);
    const b = await update(a.id, { billedCharge: '50.00' });
    expect(b.createdAt).toBe(a.createdAt);
    expect(b.updatedAt).toBe('2025-03-01T12:01:00.000Z');
    expect(b.estimateAt).toBe('2025-03-01T12:01:00.000Z');
    expect(b.billedCharge).toBe('50.00');
    // Lesser of billed: the given line is capped at its 50.00 charge.
    expect(b.estimate?.lines[0]?.allowed).toBe('50.00');
  });

  it('says which administration is missing', async () => {
    const error = await refusal('administrations:update', {
      id: 42,
      version: storedVersion('administrations', 42),
      administration: input(),
    });
    expect(error.code).toBe('ADMINISTRATION_NOT_FOUND');
  });
});

describe('readiness', () => {
  it('lists what is missing until documented, payer confirmed and scan attached; then get shows ready', async () => {
    const a = await create();
    expect(a.readiness.ready).toBe(false);
    expect(a.readiness.items.filter((i) => !i.ok).map((i) => i.key)).toEqual([
      'technique',
      'medical-necessity',
      'physician-notes',
      'providers',
      'payer-requirements',
      'invoice-scan',
    ]);
    const notReady = await list({ readiness: 'not-ready' });
    expect(notReady.rows[0]?.missing).toEqual([
      'Administration technique',
      'Medical necessity (ICD-10 and rationale)',
      'Physician notes',
      'Ordering and rendering provider NPIs',
      'Medicare Part B requirements confirmed',
      'Invoice scan attached',
    ]);

    const refused = await refusal('administrations:setStatus', { id: a.id, status: 'ready' });
    expect(refused.code).toBe('NOT_READY');
    expect(refused.message).toContain('Medical necessity (ICD-10 and rationale) (Add at least one ICD-10 diagnosis.)');
    expect(refused.message).toContain('Invoice scan attached');

    const documentedOnly = await update(a.id, documented);
    expect(documentedOnly.diagnoses).toEqual(['C50.911', 'E11.9']);
    expect(documentedOnly.readiness.items.filter((i) => !i.ok).map((i) => i.key)).toEqual([
      'payer-requirements',
      'invoice-scan',
    ]);
    await value('payers:confirmProfile', { id: medicare.id });
    await value('invoices:attachScan', {
      invoiceId: invoice.id,
      fileName: 'inv-500.pdf',
      contentBase64: tinyPdf().toString('base64'),
    });
    // Confirming the payer and attaching the scan refresh the cached flag the list filters on.
    expect((await list({ readiness: 'ready' })).rows.map((r) => r.id)).toEqual([a.id]);
    const live = await get(a.id);
    expect(live.readiness.ready).toBe(true);
    expect(live.readiness.items.every((i) => i.ok)).toBe(true);
    expect(live.estimate).toEqual(documentedOnly.estimate);
    expect((await list({ readiness: 'ready' })).rows.map((r) => [r.id, r.ready, r.missing])).toEqual([
      [a.id, true, []],
    ]);
    expect((await setStatus(a.id, 'ready')).status).toBe('ready');
  });

  it('sends a ready administration back to draft when a change leaves its checklist incomplete', async () => {
    const a = await create();
    await makeReady(a.id);
    const changed = await update(a.id, { ...documented, physicianNotes: '' });
    expect(changed.status).toBe('draft');
    expect(changed.readiness.ready).toBe(false);
  });
});

describe('administrations:setStatus', () => {
  it('moves along the steps and refuses the others, naming both statuses', async () => {
    const a = await create();
    const skip = await refusal('administrations:setStatus', { id: a.id, status: 'billed' });
    expect(skip.code).toBe('STATUS_STEP_INVALID');
    expect(skip.message).toContain('is draft and cannot become billed; from draft it can become ready.');
    await makeReady(a.id);
    const noClaim = await refusal('administrations:setStatus', { id: a.id, status: 'billed' });
    expect(noClaim.code).toBe('CLAIM_NUMBER_REQUIRED');
    expect((await setStatus(a.id, 'draft')).status).toBe('draft');
    await setStatus(a.id, 'ready');
    const withClaim = await update(a.id, { ...documented, claimNumber: 'PCN-0001' });
    expect(withClaim.status).toBe('ready');
    const billed = await setStatus(a.id, 'billed');
    expect([billed.status, billed.frozen]).toEqual(['billed', true]);
    const back = await refusal('administrations:setStatus', { id: a.id, status: 'draft' });
    expect(back.message).toContain('is billed and cannot become draft; from billed it can become paid or denied.');
    await setStatus(a.id, 'denied');
    await setStatus(a.id, 'appealed');
    await setStatus(a.id, 'paid');
    const done = await refusal('administrations:setStatus', { id: a.id, status: 'appealed' });
    expect(done.code).toBe('STATUS_STEP_INVALID');
    expect(done.message).toContain('is paid and cannot become appealed; nothing follows it.');
    const same = await refusal('administrations:setStatus', { id: a.id, status: 'paid' });
    expect(same.code).toBe('STATUS_STEP_INVALID');
  });

  it('freezes the snapshot once billed: no update, no recompute, later prices change nothing', async () => {
    const a = await create();
    await makeReady(a.id, { claimNumber: 'PCN-0002' });
    const billed = await setStatus(a.id, 'billed');
    const rowBefore = storedRow(a.id);
    const audit = count('audit_log');

    const frozen = await refusal('administrations:update', {
      id: a.id,
      version: storedVersion('administrations', a.id),
      administration: input({ billedCharge: '1.00' }),
    });
    expect(frozen.code).toBe('ADMINISTRATION_FROZEN');
    const recompute = await refusal('administrations:recompute', { id: a.id });
    expect(recompute.code).toBe('ESTIMATE_FROZEN');
    expect(storedRow(a.id)).toEqual(rowBefore);
    expect(count('audit_log')).toBe(audit);

    await value('prices:create', {
      ndc: EXAMPLEMAB.ndc,
      priceType: 'AWP',
      pricePerPackage: '300.00',
      effectiveFrom: '2025-01-01',
    });
    const later = await get(a.id);
    expect(later.estimate).toEqual(billed.estimate);
    expect(later.estimateAt).toBe(billed.estimateAt);
    const deleted = await refusal('administrations:delete', { id: a.id });
    expect(deleted.code).toBe('ADMINISTRATION_NOT_DRAFT');
  });

  it('recompute picks up a new price on a draft', async () => {
    const a = await create();
    await value('prices:create', {
      ndc: EXAMPLEMAB.ndc,
      priceType: 'AWP',
      pricePerPackage: '130.00',
      effectiveFrom: '2025-01-01',
    });
    expect((await get(a.id)).estimate?.lines[0]?.allowed).toBe('79.80');
    clock.advance(5);
    const again = await value<Administration>('administrations:recompute', { id: a.id });
    // 95% × 130.00 × 0.7 = 86.45
    expect(again.estimate?.lines[0]?.allowed).toBe('86.45');
    expect(again.estimateAt).toBe('2025-03-01T12:00:05.000Z');
    expect(auditRows(a.id).map((r) => r.action)).toEqual(['create', 'update']);
  });
});

describe('administrations:list', () => {
  /** Five administrations over two payers and patients; returns their ids in creation order. */
  async function seedList(): Promise<number[]> {
    const made = [
      await create({
        dateOfService: '2025-02-10',
        billedCharge: '300.00',
        dose: { amount: '50', unit: 'mg' },
        wastedAmount: '0',
      }),
      await create({ dateOfService: '2025-02-12', patientId: jones.id, payerId: aetna.id, billedCharge: '120.00' }),
      await create({
        dateOfService: '2025-02-12',
        billedCharge: '80.00',
        invoiceLineId: multi,
        dose: { amount: '20', unit: 'mg' },
        wastedAmount: '0',
        claimNumber: 'PCN-7788',
      }),
      await create({ dateOfService: '2025-01-30', patientId: jones.id, billedCharge: '200.00', wastedAmount: '0' }),
      await create({ dateOfService: '2025-02-25', billedCharge: '90.00', wastedAmount: '0' }),
    ];
    return made.map((a) => a.id);
  }

  it('keeps the per payer, status and readiness counts equal to the rows through every kind of change', async () => {
    const kept = () =>
      services()
        .ctx.db.prepare('SELECT payer_id, status, ready, n FROM administration_counts WHERE n > 0 ORDER BY 1, 2, 3')
        .all();
    const counted = () =>
      services()
        .ctx.db.prepare(
          'SELECT payer_id, status, ready, count(*) AS n FROM administrations GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
        )
        .all();
    const [a1, a2, , , a5] = await seedList();
    expect(kept()).toEqual(counted());
    await makeReady(a1!); // update, readiness refresh, status step
    await update(a2!, { payerId: medicare.id, patientId: smith.id }); // payer moves
    await value('administrations:delete', { id: a5 });
    await setStatus(a1!, 'draft');
    expect(kept()).toEqual(counted());
    // Totals under payer, status and readiness come from those counts; with dates, from the rows.
    for (const filters of [
      {},
      { payerId: medicare.id },
      { status: 'draft' },
      { readiness: 'ready' },
      { readiness: 'not-ready', payerId: medicare.id },
      { status: 'draft', readiness: 'not-ready' },
      { payerId: aetna.id, status: 'ready' },
      { from: '2025-02-11', payerId: medicare.id },
    ]) {
      const all = await list({ ...filters, limit: 500 });
      expect(all.total, JSON.stringify(filters)).toBe(all.rows.length);
    }
  });

  it('sorts by date of service, newest first, with the id breaking ties, and pages with a total', async () => {
    const [a1, a2, a3, a4, a5] = await seedList();
    const all = await list();
    expect(all.total).toBe(5);
    expect(ids(all)).toEqual([a5, a3, a2, a1, a4]);
    expect(ids(await list({ sortDir: 'asc' }))).toEqual([a4, a1, a2, a3, a5]);
    const page = await list({ limit: 2, offset: 2 });
    expect([ids(page), page.total]).toEqual([[a2, a1], 5]);
    expect(all.rows[0]).toEqual({
      id: a5,
      dateOfService: '2025-02-25',
      patientName: 'Smith, Ann',
      payerName: 'Medicare Part B',
      drugName: 'Examplemab (Brandix)',
      ndc11: '50242004062',
      lotNumber: 'EX-1',
      hcpcs: 'J3490',
      billedCharge: '90.00',
      claimNumber: '',
      expected: expect.stringMatching(/^\d+\.\d{2}$/),
      expectedPayer: expect.stringMatching(/^\d+\.\d{2}$/),
      expectedPatient: expect.stringMatching(/^\d+\.\d{2}$/),
      status: 'draft',
      estimateStale: false,
      ready: false,
      missing: expect.arrayContaining(['Physician notes']),
    });
  });

  it('shows expected = payer pays + patient pays with both parts, or null when there is no estimate', async () => {
    const [a1, a2] = await seedList();
    const rows = (await list()).rows;
    const totals = (await get(a1 ?? 0)).estimate?.totals;
    const expected = new Dec(totals?.payerPays ?? 'NaN').plus(totals?.patientPays ?? 'NaN').toFixed(2);
    expect(rows.find((r) => r.id === a1)?.expected).toBe(expected);
    // Its two parts beside it (issue 14, item 11).
    expect(rows.find((r) => r.id === a1)).toMatchObject({
      expectedPayer: totals?.payerPays,
      expectedPatient: totals?.patientPays,
    });
    expect(rows.find((r) => r.id === a2)).toMatchObject({ expected: null, expectedPayer: null, expectedPatient: null });
  });

  it('sorts by patient, billed charge and status', async () => {
    const [a1, a2, a3, a4, a5] = await seedList();
    expect(ids(await list({ sortBy: 'patient', sortDir: 'asc' }))).toEqual([a2, a4, a1, a3, a5]);
    expect(ids(await list({ sortBy: 'billed', sortDir: 'desc' }))).toEqual([a1, a4, a2, a5, a3]);
    expect(ids(await list({ sortBy: 'billed', sortDir: 'asc' }))).toEqual([a3, a5, a2, a4, a1]);
    await makeReady(a5 ?? 0);
    expect(ids(await list({ sortBy: 'status', sortDir: 'desc' }))).toEqual([a5, a4, a3, a2, a1]);
    expect(ids(await list({ sortBy: 'status', sortDir: 'asc' }))).toEqual([a1, a2, a3, a4, a5]);
  });

  it('filters by payer, status, readiness and dates', async () => {
    const [a1, a2, a3, a4, a5] = await seedList();
    expect(ids(await list({ payerId: aetna.id }))).toEqual([a2]);
    expect((await list({ payerId: medicare.id })).total).toBe(4);
    await makeReady(a5 ?? 0);
    expect(ids(await list({ status: 'ready' }))).toEqual([a5]);
    expect(ids(await list({ status: 'draft', payerId: medicare.id }))).toEqual([a3, a1, a4]);
    expect(ids(await list({ from: '2025-02-10', to: '2025-02-12' }))).toEqual([a3, a2, a1]);
    expect(ids(await list({ to: '2025-02-01' }))).toEqual([a4]);
    expect(ids(await list({ readiness: 'ready' }))).toEqual([a5]);
    // Two and three of payer, status and readiness at once (one drives the scan, the others probe).
    expect(ids(await list({ payerId: medicare.id, readiness: 'not-ready' }))).toEqual([a3, a1, a4]);
    expect(ids(await list({ payerId: medicare.id, status: 'ready', readiness: 'ready' }))).toEqual([a5]);
    expect(ids(await list({ status: 'draft', readiness: 'not-ready', sortDir: 'asc' }))).toEqual([a4, a1, a2, a3]);
    expect((await list({ status: 'draft', readiness: 'ready' })).total).toBe(0);
    expect((await list({ payerId: aetna.id, status: 'draft', readiness: 'not-ready', limit: 1 })).total).toBe(1);
    const refused = await refusal('administrations:list', { payerId: 99 });
    expect(refused.code).toBe('PAYER_NOT_FOUND');
    const badDate = await refusal('administrations:list', { from: '2025-02-30' });
    expect(fieldCodes(badDate)[0]?.field).toBe('from');
  });

  it('searches patient name, account number, lot, NDC digits and claim number', async () => {
    const [a1, a2, a3, a4, a5] = await seedList();
    expect(ids(await list({ search: 'jones' }))).toEqual([a2, a4]);
    expect(ids(await list({ search: 'smith ann' }))).toEqual([a5, a3, a1]);
    expect(ids(await list({ search: 'MRN-2002' }))).toEqual([a2, a4]);
    expect(ids(await list({ search: 'mc-7' }))).toEqual([a3]);
    expect(ids(await list({ search: '3450678' }))).toEqual([a3]);
    expect(ids(await list({ search: '12345-678-90' }))).toEqual([a3]);
    expect(ids(await list({ search: '50242-040-62' }))).toEqual([a5, a2, a1, a4]);
    expect(ids(await list({ search: 'PCN-77' }))).toEqual([a3]);
    expect((await list({ search: 'nobody' })).total).toBe(0);
    // LIKE wildcards are plain characters.
    expect((await list({ search: '%' })).total).toBe(0);
  });

  it('a search under every filter finds what the search alone and the filters alone both find, in date order and paged', async () => {
    const [, , , , a5] = await seedList();
    await makeReady(a5 ?? 0);
    const newestFirst = (a: Listed['rows'][number], b: Listed['rows'][number]) =>
      a.dateOfService === b.dateOfService ? b.id - a.id : a.dateOfService < b.dateOfService ? 1 : -1;
    // 'MRN-' matches both patients, whose administrations share a date (the id breaks the tie).
    const searches = ['jones', 'smith ann', 'ann smith', 'MRN-', 'MRN-2002', 'mc-7', '3450678', '50242-040-62'];
    searches.push('PCN-77', 'pcn smith', 'nobody');
    const filterSets: Record<string, unknown>[] = [
      {},
      { payerId: medicare.id },
      { payerId: aetna.id },
      { status: 'draft' },
      { status: 'ready' },
      { readiness: 'ready' },
      { readiness: 'not-ready' },
      { status: 'draft', readiness: 'not-ready' },
      { payerId: medicare.id, status: 'ready', readiness: 'ready' },
      { from: '2025-02-10', to: '2025-02-12' },
      { to: '2025-02-01', payerId: medicare.id },
    ];
    let compared = 0;
    for (const search of searches) {
      const matched = new Set(ids(await list({ search, limit: 500 })));
      for (const filters of filterSets) {
        const what = JSON.stringify({ search, ...filters });
        const filtered = (await list({ ...filters, limit: 500 })).rows;
        const newest = filtered
          .filter((r) => matched.has(r.id))
          .sort(newestFirst)
          .map((r) => r.id);
        const desc = await list({ search, ...filters, limit: 500 });
        expect([ids(desc), desc.total], what).toEqual([newest, newest.length]);
        const asc = await list({ search, ...filters, sortDir: 'asc', limit: 500 });
        expect(ids(asc), what).toEqual([...newest].reverse());
        const page = await list({ search, ...filters, limit: 2, offset: 1 });
        expect([ids(page), page.total], what).toEqual([newest.slice(1, 3), newest.length]);
        const byCharge = await list({ search, ...filters, sortBy: 'billed', limit: 500 });
        expect([ids(byCharge).sort(), byCharge.total], what).toEqual([[...newest].sort(), newest.length]);
        compared += newest.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('administrations:delete', () => {
  it('deletes a draft and gives its stock back; refuses a ready one', async () => {
    const a = await create();
    expect(await onHand(single)).toBe('4');
    const deleted = await value<Administration>('administrations:delete', { id: a.id });
    expect(deleted.id).toBe(a.id);
    expect(count('administrations')).toBe(0);
    expect(await onHand(single)).toBe('5');

    const b = await create();
    await makeReady(b.id);
    const refused = await refusal('administrations:delete', { id: b.id });
    expect(refused.code).toBe('ADMINISTRATION_NOT_DRAFT');
    expect(refused.message).toContain('Move it back to draft first.');
    expect(await onHand(single)).toBe('4');
  });
});

describe('audit', () => {
  it('writes one row per change with the administration before and after', async () => {
    const a = await create();
    clock.advance(1);
    await update(a.id, { billedCharge: '120.00' });
    clock.advance(1);
    await value('administrations:delete', { id: a.id });
    const rows = auditRows(a.id);
    expect(rows.map((r) => [r.action, r.at, r.actor])).toEqual([
      ['create', '2025-03-01T12:00:00.000Z', 'tester'],
      ['update', '2025-03-01T12:00:01.000Z', 'tester'],
      ['delete', '2025-03-01T12:00:02.000Z', 'tester'],
    ]);
    expect(rows[0]?.before).toBeNull();
    expect(rows[0]?.after).toMatchObject({ id: a.id, billedCharge: '100.00', givenQuantity: '0.7', status: 'draft' });
    expect(rows[0]?.after).not.toHaveProperty('readiness');
    expect(rows[1]?.before).toMatchObject({ billedCharge: '100.00' });
    expect(rows[1]?.after).toMatchObject({ billedCharge: '120.00' });
    expect(rows[2]?.before).toMatchObject({ billedCharge: '120.00' });
    expect(rows[2]?.after).toBeNull();
  });

  it('audits status changes', async () => {
    const a = await create();
    await makeReady(a.id);
    const last = auditRows(a.id).at(-1);
    expect([last?.action, last?.before?.status, last?.after?.status]).toEqual(['update', 'draft', 'ready']);
  });
});

describe('what administrations hold on to', () => {
  it('an invoice whose lot an administration used cannot lose that lot or be deleted', async () => {
    await create();
    const changed = await refusal('invoices:update', {
      id: invoice.id,
      version: storedVersion('invoices', invoice.id),
      invoice: { ...invoiceInput(), notes: 'x' },
    });
    expect(changed.code).toBe('LOT_IN_USE');
    expect(changed.message).toContain('Lot EX-1 (line 1) has 1 administration');
    const deleted = await refusal('invoices:delete', { id: invoice.id });
    expect(deleted.code).toBe('INVOICE_IN_USE');
  });

  it('a patient with administrations cannot be deleted', async () => {
    await create();
    const error = await refusal('patients:delete', { id: smith.id });
    expect(error.code).toBe('PATIENT_IN_USE');
    expect(await value<Patient>('patients:get', { id: smith.id })).toEqual(smith);
  });

  it('a payer with administrations cannot be deleted', async () => {
    await create({ payerId: aetna.id });
    const error = await refusal('payers:delete', { id: aetna.id });
    expect(error.code).toBe('PAYER_IN_USE');
    expect(count('administrations')).toBe(1);
  });
});

describe('j3490 administrations list', () => {
  const cli = (...argv: string[]) => runCliIn(dir(), argv);

  it('prints the list as JSON, the same as administrations:list', async () => {
    const a = await create();
    await create({ wastedAmount: '0' });
    await makeReady(a.id);
    const run = await cli('administrations', 'list', '--status', 'ready');
    expect(run.code).toBe(0);
    expect(run.json).toEqual(await list({ status: 'ready' }));
    expect(ids(run.json as Listed)).toEqual([a.id]);
    const notReady = await cli(
      'administrations',
      'list',
      '--not-ready',
      '--payer',
      String(medicare.id),
      '--limit',
      '1',
    );
    expect(notReady.json).toEqual(await list({ readiness: 'not-ready', payerId: medicare.id, limit: 1 }));
    const dated = await cli('administrations', 'list', '--from', '2025-02-21', '--to', '2025-03-01');
    expect((dated.json as Listed).total).toBe(0);
  });

  it('refuses bad arguments with exit 2', async () => {
    const both = await cli('administrations', 'list', '--ready', '--not-ready');
    expect([both.code, (both.json as { error: { code: string } }).error.code]).toEqual([2, 'ARGUMENT_INVALID']);
    const payer = await cli('administrations', 'list', '--payer', 'Medicare');
    expect([payer.code, (payer.json as { error: { code: string } }).error.code]).toEqual([2, 'ARGUMENT_INVALID']);
    const status = await cli('administrations', 'list', '--status', 'lost');
    expect([status.code, (status.json as { error: { code: string } }).error.code]).toEqual([2, 'INVALID_INPUT']);
  });
});
