/**
 * The transition tracker (issue 13 item 6) through the door every front end uses, on a real
 * SQLite file. Amvuttra (vutrisiran), which the bundled starter set says moved from J3490 to J0225
 * on 2023-01-01 (date unconfirmed), is billed under J3490 before and after that date; Examplemab
 * (no specific code anywhere) under J3490 and J9999; a Cipla lanreotide, whose J1932 has no date
 * on file, under J3490. Everything is entered through the services.
 *
 * The one exception: a J3490 claim for Amvuttra dated on or after 2023-01-01 is (rightly) not
 * ready to bill while J0225 is in force, and other work is changing those readiness rules. Such
 * claims are what the tracker exists to find (they went out before anyone checked), so the test
 * records them through the services and then writes the status they were billed with straight into
 * the database, as a claim sent before the check would have left it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TransitionRow } from '../../shared/api/reference-channels';
import type { Administration, AdministrationInput, AdministrationStatus } from '../../shared/domain/administration';
import type { Invoice, Supplier } from '../../shared/domain/invoice';
import { Dec, moneyString } from '../../shared/domain/money';
import type { Patient } from '../../shared/domain/patient';
import type { Payer } from '../../shared/domain/payer';
import { localIsoDate } from '../../electron/services/context';
import { DOCUMENTED, EXAMPLEMAB, PRACTICE } from '../fixtures/claim-seed';
import { AMVUTTRA, J0225_FROM_STARTER_SET } from '../fixtures/reference-drugs';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { contractTerms } from '../fixtures/seed-inputs';
import { serviceHarness } from './service-harness';

const { value, refusal, services, clock, auditRows } = serviceHarness({
  actor: 'jsmith',
  start: '2026-12-07T15:00:00.000Z',
});

const AMVUTTRA_NDC11 = '71336100301';
/** The starter set names J1932 for lanreotide (Cipla) by its generic name, with no date. */
const LANREOTIDE = {
  ndc: '69097-0901-02',
  genericName: 'lanreotide',
  brandName: '',
  strengthAmount: '120',
  strengthUnit: 'mg',
  packageSize: '1',
  ndcUnit: 'UN',
  container: 'single-dose',
  route: 'SC',
};

let aetna: Payer;
let patient: Patient;
let lots: { amvuttra: number; examplemab: number; lanreotide: number };

beforeEach(async () => {
  await value('practice:set', PRACTICE);
  for (const drug of [AMVUTTRA, EXAMPLEMAB, LANREOTIDE]) await value('drugs:create', drug);
  aetna = await value<Payer>('payers:create', { name: 'Aetna', payerType: 'commercial' });
  // 85% of AWP, lesser of billed, 20% coinsurance.
  await value('contracts:create', contractTerms(aetna.id, { effectiveFrom: '2022-01-01' }));
  await value('payers:confirmProfile', { id: aetna.id });
  for (const [ndc, price] of [
    [AMVUTTRA.ndc, '120000.00'],
    [EXAMPLEMAB.ndc, '120.00'],
    [LANREOTIDE.ndc, '8000.00'],
  ] as const) {
    await value('prices:create', { ndc, priceType: 'AWP', pricePerPackage: price, effectiveFrom: '2022-01-01' });
  }
  const supplier = await value<Supplier>('suppliers:create', { name: 'Specialty Pharmacy' });
  const invoice = await value<Invoice>('invoices:create', {
    supplierId: supplier.id,
    invoiceNumber: 'SP-2022',
    invoiceDate: '2022-08-01',
    lines: [
      {
        ndc: AMVUTTRA.ndc,
        lotNumber: 'VU-1',
        expiryDate: '2024-12-31',
        packageQuantity: '10',
        costPerPackage: '100000.00',
      },
      {
        ndc: EXAMPLEMAB.ndc,
        lotNumber: 'EX-1',
        expiryDate: '2024-12-31',
        packageQuantity: '10',
        costPerPackage: '110.00',
      },
      {
        ndc: LANREOTIDE.ndc,
        lotNumber: 'LA-1',
        expiryDate: '2024-12-31',
        packageQuantity: '10',
        costPerPackage: '7000.00',
      },
    ],
  });
  await value('invoices:attachScan', {
    invoiceId: invoice.id,
    fileName: 'sp-2022.pdf',
    contentBase64: tinyPdf('Specialty Pharmacy invoice SP-2022').toString('base64'),
  });
  const [amvuttra, examplemab, lanreotide] = invoice.lines.map((l) => l.id) as [number, number, number];
  lots = { amvuttra, examplemab, lanreotide };
  patient = await value<Patient>('patients:create', {
    lastName: 'Lee',
    firstName: 'Grace',
    dateOfBirth: '1952-06-11',
    accountNumber: 'MRN-3001',
    payerId: aetna.id,
    memberId: 'W123456789',
  });
});

/** A documented Amvuttra injection of 25 mg (one syringe) billed under J3490, with `changes`. */
const administration = (changes: Partial<AdministrationInput>): AdministrationInput => ({
  dateOfService: '2022-09-15',
  patientId: patient.id,
  payerId: aetna.id,
  invoiceLineId: lots.amvuttra,
  dose: { amount: '25', unit: 'mg' },
  route: 'SC',
  billedCharge: '150000.00',
  hcpcs: 'J3490',
  ...DOCUMENTED,
  technique: 'injection',
  infusionStart: '',
  infusionStop: '',
  ...changes,
});

const create = (changes: Partial<AdministrationInput>) =>
  value<Administration>('administrations:create', administration(changes));

let claims = 0;

/** Ready to bill, then (unless `ready` is all) billed, through the services. */
async function bill(
  changes: Partial<AdministrationInput>,
  status: 'ready' | 'billed' = 'billed',
): Promise<Administration> {
  claims += 1;
  const a = await create({ claimNumber: `PCN-${claims}`, ...changes });
  const ready = await value<Administration>('administrations:setStatus', { id: a.id, status: 'ready' });
  return status === 'ready'
    ? ready
    : value<Administration>('administrations:setStatus', { id: a.id, status: 'billed' });
}

/** A claim sent before the code check existed: recorded through the services, its status written as it was left. */
async function sentUnchecked(
  changes: Partial<AdministrationInput>,
  status: AdministrationStatus,
): Promise<Administration> {
  const a = await create(changes);
  services().ctx.db.prepare('UPDATE administrations SET status = ? WHERE id = ?').run(status, a.id);
  return a;
}

/** payerPays + patientPays of the administrations' own estimates, summed exactly. */
const expectedOf = (records: Administration[]): string =>
  moneyString(
    records.reduce(
      (sum, a) => sum.plus(a.estimate?.totals.payerPays ?? '0').plus(a.estimate?.totals.patientPays ?? '0'),
      new Dec(0),
    ),
  );

const list = () => value<TransitionRow[]>('transitions:list', {});
const amvuttraRow = async (): Promise<TransitionRow> => {
  const row = (await list()).find((r) => r.ndc11 === AMVUTTRA_NDC11);
  if (!row) throw new Error('Amvuttra is not in the tracker');
  return row;
};

/** The four Amvuttra claims under J3490, a draft, and one already moved to J0225. */
async function billAmvuttra(): Promise<Administration[]> {
  const counted = [
    await bill({ dateOfService: '2022-09-15', billedCharge: '150000.01' }),
    await bill({ dateOfService: '2022-12-31', billedCharge: '140000.02' }, 'ready'),
    // On the effective date itself: J0225 already applies.
    await sentUnchecked({ dateOfService: '2023-01-01', billedCharge: '130000.55' }, 'billed'),
    // Billed below the contract's allowed amount: lesser of billed gives odd cents.
    await sentUnchecked({ dateOfService: '2023-03-10', billedCharge: '100000.15' }, 'paid'),
  ];
  await create({ dateOfService: '2023-04-01' }); // a draft: not billed, not counted
  const moved = await sentUnchecked({ dateOfService: '2023-05-01' }, 'billed');
  // As "bill the specific code" leaves it: the tracker counts NOC claims only.
  services().ctx.db.prepare(`UPDATE administrations SET hcpcs = 'J0225' WHERE id = ?`).run(moved.id);
  return counted;
}

describe('transitions:list', () => {
  it('sums a drug’s NOC claims: count, first and last date, billed and expected to the cent, drafts and J0225 claims left out', async () => {
    const counted = await billAmvuttra();
    const row = await amvuttraRow();
    expect(row).toMatchObject({
      ndc11: AMVUTTRA_NDC11,
      genericName: 'vutrisiran',
      brandName: 'Amvuttra',
      nocCodes: ['J3490'],
      firstDateOfService: '2022-09-15',
      lastDateOfService: '2023-03-10',
      administrations: 4,
      // 150000.01 + 140000.02 + 130000.55 + 100000.15
      billed: '520000.73',
    });
    // 85% of $120,000 = $102,000 allowed three times, and the $100,000.15 billed once (lesser of).
    expect(row.expected).toBe('406000.15');
    expect(row.expected).toBe(expectedOf(counted));
  });

  it('names J0225 as in force today and counts only the J3490 claims on or after its 2023-01-01 date', async () => {
    await billAmvuttra();
    const row = await amvuttraRow();
    expect(row.state).toBe('in-force');
    expect(row.specificCode).toMatchObject(J0225_FROM_STARTER_SET);
    expect(row.specificCode?.source).toContain('starter set');
    // 2023-01-01 and 2023-03-10; not 2022-09-15 or 2022-12-31.
    expect(row.afterEffective).toBe(2);
  });

  it('calls J0225 upcoming when today is before its date', async () => {
    await billAmvuttra();
    clock.set('2022-12-20T15:00:00.000Z');
    const row = await amvuttraRow();
    expect(row.state).toBe('upcoming');
    expect(row.specificCode?.hcpcs).toBe('J0225');
    expect(row.afterEffective).toBe(2);
  });

  it('lists claims going out under J3490 despite a code in force first, then undated codes, then drugs with none', async () => {
    await bill({
      invoiceLineId: lots.examplemab,
      dose: { amount: '70', unit: 'mg' },
      route: 'IV',
      billedCharge: '300.00',
    });
    await bill({
      dateOfService: '2022-10-03',
      invoiceLineId: lots.examplemab,
      dose: { amount: '70', unit: 'mg' },
      route: 'IV',
      billedCharge: '300.00',
      hcpcs: 'J9999',
    });
    await bill({ invoiceLineId: lots.lanreotide, dose: { amount: '120', unit: 'mg' }, billedCharge: '9000.00' });
    await billAmvuttra();

    const rows = await list();
    expect(rows.map((r) => [r.genericName, r.state, r.specificCode?.hcpcs ?? null])).toEqual([
      ['vutrisiran', 'in-force', 'J0225'],
      ['lanreotide', 'date-unknown', 'J1932'],
      ['Examplemab', 'none', null],
    ]);
    const lanreotide = rows[1];
    expect(lanreotide?.specificCode?.effectiveFrom).toBe('');
    expect(lanreotide?.afterEffective).toBe(0);
    expect(rows[2]).toMatchObject({
      nocCodes: ['J3490', 'J9999'],
      administrations: 2,
      billed: '600.00',
      afterEffective: 0,
    });
  });
});

describe('transitions:setItem', () => {
  it('ticks and unticks an item with who and when, each change audited in the same step', async () => {
    await billAmvuttra();
    const fresh = await amvuttraRow();
    expect(fresh.checklist).toEqual([
      { item: 'charge-master', label: 'Charge master updated', doneAt: null, doneBy: null },
      { item: 'fee-schedules', label: 'Fee schedules reviewed', doneAt: null, doneBy: null },
      { item: 'staff-told', label: 'Staff told', doneAt: null, doneBy: null },
      { item: 'payer-contracts', label: 'Payers’ contracts checked', doneAt: null, doneBy: null },
    ]);

    const tickedAt = clock.advance(60);
    const ticked = await value<TransitionRow>('transitions:setItem', {
      ndc11: AMVUTTRA_NDC11,
      item: 'staff-told',
      done: true,
    });
    expect(ticked.checklist[2]).toEqual({
      item: 'staff-told',
      label: 'Staff told',
      doneAt: tickedAt,
      doneBy: 'jsmith',
    });
    expect(ticked.checklist.filter((c) => c.doneAt !== null)).toHaveLength(1);
    expect(ticked.administrations).toBe(4);
    expect((await amvuttraRow()).checklist[2]?.doneAt).toBe(tickedAt);

    // Ticking again keeps the first tick and writes nothing.
    clock.advance(60);
    await value('transitions:setItem', { ndc11: AMVUTTRA_NDC11, item: 'staff-told', done: true });
    expect((await amvuttraRow()).checklist[2]?.doneAt).toBe(tickedAt);

    const untickedAt = clock.advance(60);
    const unticked = await value<TransitionRow>('transitions:setItem', {
      ndc11: AMVUTTRA_NDC11,
      item: 'staff-told',
      done: false,
    });
    expect(unticked.checklist[2]).toMatchObject({ doneAt: null, doneBy: null });

    const item = { ndc11: AMVUTTRA_NDC11, item: 'staff-told', doneAt: tickedAt, doneBy: 'jsmith' };
    expect(auditRows('transition_checklist')).toEqual([
      {
        at: tickedAt,
        actor: 'jsmith',
        entity: 'transition_checklist',
        entityId: `${AMVUTTRA_NDC11}:staff-told`,
        action: 'create',
        before: null,
        after: item,
      },
      {
        at: untickedAt,
        actor: 'jsmith',
        entity: 'transition_checklist',
        entityId: `${AMVUTTRA_NDC11}:staff-told`,
        action: 'delete',
        before: item,
        after: null,
      },
    ]);
  });

  it('refuses an NDC neither billed under a NOC code nor in the catalog, and answers null for a catalog drug not billed so', async () => {
    const refused = await refusal('transitions:setItem', { ndc11: '00002759701', item: 'charge-master', done: true });
    expect(refused.code).toBe('DRUG_NOT_FOUND');
    expect(refused.message).toContain('00002-7597-01');
    expect(auditRows('transition_checklist')).toEqual([]);

    // Lanreotide is in the catalog but never billed: its checklist may be started ahead of time.
    const ahead = await value<TransitionRow | null>('transitions:setItem', {
      ndc11: '69097090102',
      item: 'charge-master',
      done: true,
    });
    expect(ahead).toBeNull();
    expect(auditRows('transition_checklist')).toHaveLength(1);
  });
});

describe('transitions:export', () => {
  it('writes a CSV named for today with the columns people read and the drug’s row', async () => {
    await billAmvuttra();
    const tickedAt = clock.advance(60);
    await value('transitions:setItem', { ndc11: AMVUTTRA_NDC11, item: 'charge-master', done: true });

    const file = await value<{ fileName: string; contentBase64: string; rows: number }>('transitions:export', {
      format: 'csv',
    });
    expect(file.fileName).toBe('code-transitions-2026-12-07.csv');
    expect(file.rows).toBe(1);
    const lines = Buffer.from(file.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Drug,NDC,NOC codes,First date of service,Last date of service,Administrations,Billed,Expected,' +
        'Specific code,Descriptor,Effective from,Status,Billed after the code’s date,' +
        'Charge master updated,Fee schedules reviewed,Staff told,Payers’ contracts checked',
    );
    // The tick is dated in the machine's own time zone, as the practice's day.
    const day = Number(localIsoDate(new Date(tickedAt)).slice(8));
    expect(lines[1]).toBe(
      `vutrisiran (Amvuttra),71336-1003-01,J3490,2022-09-15,2023-03-10,4,520000.73,406000.15,` +
        `J0225,"Injection, vutrisiran, 1 mg",2023-01-01,In force,2,"Done Dec ${day}, 2026 by jsmith",,,`,
    );

    const xlsx = await value<{ fileName: string; rows: number }>('transitions:export', { format: 'xlsx' });
    expect(xlsx).toMatchObject({ fileName: 'code-transitions-2026-12-07.xlsx', rows: 1 });
  });
});
