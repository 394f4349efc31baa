/**
 * A patient's record through dispatch on a real data folder (issue 14, item 2): their
 * administrations newest first with the expected total and its two parts, their claims (same
 * claim number and payer) with billed, expected and paid, and the documents made for them, never
 * another patient's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../shared/api/document-schemas';
import type { Administration } from '../../shared/domain/administration';
import { Dec, moneyString } from '../../shared/domain/money';
import type { PatientRecord } from '../../shared/domain/patient-record';
import type { Payer } from '../../shared/domain/payer';
import {
  administrationInput,
  billedAdministration,
  estimateLine,
  readyAdministration,
  seedPractice,
  type Seeded,
} from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';

const { value, refusal } = serviceHarness({ actor: 'biller' });

let s: Seeded;
beforeEach(async () => {
  s = await seedPractice(value);
});

const recordOf = (id: number) => value<PatientRecord>('patients:record', { id });
const documentsOf = (patientId: number, page: { limit?: number; offset?: number } = {}) =>
  value<{ rows: GeneratedDocument[]; total: number }>('patients:documents', { patientId, ...page });

/** Payer plus patient, as the estimate expected. */
const expectedOf = (a: Administration): string => {
  const t = a.estimate?.totals;
  if (!t) throw new Error(`administration ${a.id} has no estimate`);
  return moneyString(new Dec(t.payerPays).plus(new Dec(t.patientPays)));
};

describe('patients:record', () => {
  it('a patient with nothing yet: their details, no administrations, no claims, no documents', async () => {
    const patient = s.patients[1]!;
    expect(await recordOf(patient.id)).toEqual({
      patient,
      administrations: [],
      claims: [],
      withoutClaimNumber: 0,
      documentCount: 0,
    });
  });

  it('lists only their administrations, newest first, with billed, expected (payer + patient) and its parts', async () => {
    const [ana, zoe] = s.patients as [(typeof s.patients)[0], (typeof s.patients)[0]];
    const older = await readyAdministration(value, s, ana, { dateOfService: '2025-02-10' });
    const newer = await value<Administration>(
      'administrations:create',
      administrationInput(s, ana, { dateOfService: '2025-02-24', billedCharge: '250.00' }),
    );
    await value('administrations:create', administrationInput(s, zoe, { dateOfService: '2025-02-25' }));

    const record = await recordOf(ana.id);
    expect(record.patient).toEqual(ana);
    expect(record.administrations.map((a) => [a.id, a.dateOfService, a.status])).toEqual([
      [newer.id, '2025-02-24', 'draft'],
      [older.id, '2025-02-10', 'ready'],
    ]);
    const [row] = record.administrations;
    expect(row).toMatchObject({
      drugName: 'Examplemab (Brandix)',
      payerId: s.medicare.id,
      payerName: 'Medicare Part B',
      lotNumber: 'EX-1',
      hcpcs: 'J3490',
      claimNumber: '',
      billedCharge: '250.00',
      expected: expectedOf(newer),
      expectedPayer: newer.estimate?.totals.payerPays,
      expectedPatient: newer.estimate?.totals.patientPays,
      paid: null,
    });
    // The expected total is the payer's part plus the patient's, never the payer's part alone.
    expect(new Dec(row!.expected!).equals(new Dec(row!.expectedPayer!).plus(new Dec(row!.expectedPatient!)))).toBe(
      true,
    );
    expect(new Dec(row!.expectedPatient!).isPositive() && !new Dec(row!.expectedPatient!).isZero()).toBe(true);
    expect(record.withoutClaimNumber).toBe(2);
    expect(record.claims).toEqual([]);
  });

  it('groups administrations sharing a claim number and payer into one claim with billed, expected and paid totals', async () => {
    const ana = s.patients[0]!;
    const first = await billedAdministration(value, s, ana, {
      dateOfService: '2025-02-10',
      claimNumber: 'CLM-100',
      billedCharge: '100.00',
    });
    const second = await billedAdministration(value, s, ana, {
      dateOfService: '2025-02-12',
      claimNumber: 'CLM-100',
      billedCharge: '150.55',
    });
    const later = await readyAdministration(value, s, ana, { dateOfService: '2025-02-20', claimNumber: 'CLM-200' });
    await value('administrations:create', administrationInput(s, ana, { dateOfService: '2025-02-21' }));
    // Another patient's administration under the same claim number is not this patient's claim.
    await billedAdministration(value, s, s.patients[1]!, { dateOfService: '2025-02-11', claimNumber: 'CLM-100' });

    // The payer paid the first administration's given line as expected (a paper EOB).
    const given = estimateLine(first, 'given');
    await value('payments:post', {
      administrationId: first.id,
      lineKind: 'given',
      paymentDate: '2025-03-20',
      allowed: given.allowed,
      paid: given.payerPays,
      patientResponsibility: given.patientPays,
      checkNumber: 'CHK-1',
    });

    const { claims, withoutClaimNumber, administrations } = await recordOf(ana.id);
    expect(withoutClaimNumber).toBe(1);
    expect(administrations.find((a) => a.id === first.id)?.paid).toBe(given.payerPays);
    expect(administrations.find((a) => a.id === second.id)?.paid).toBeNull();
    expect(claims).toEqual([
      {
        claimNumber: 'CLM-200',
        payerId: s.medicare.id,
        payerName: 'Medicare Part B',
        firstDateOfService: '2025-02-20',
        lastDateOfService: '2025-02-20',
        administrationIds: [later.id],
        statuses: ['ready'],
        billed: '100.00',
        expected: expectedOf(later),
        expectedPayer: later.estimate?.totals.payerPays,
        expectedPatient: later.estimate?.totals.patientPays,
        paid: null,
      },
      {
        claimNumber: 'CLM-100',
        payerId: s.medicare.id,
        payerName: 'Medicare Part B',
        firstDateOfService: '2025-02-10',
        lastDateOfService: '2025-02-12',
        administrationIds: [first.id, second.id],
        statuses: ['billed'],
        billed: '250.55',
        expected: moneyString(new Dec(expectedOf(first)).plus(new Dec(expectedOf(second)))),
        expectedPayer: moneyString(
          new Dec(first.estimate!.totals.payerPays).plus(new Dec(second.estimate!.totals.payerPays)),
        ),
        expectedPatient: moneyString(
          new Dec(first.estimate!.totals.patientPays).plus(new Dec(second.estimate!.totals.patientPays)),
        ),
        paid: given.payerPays,
      },
    ]);
  });

  it('refuses a patient that does not exist', async () => {
    expect(await refusal('patients:record', { id: 999 })).toMatchObject({ code: 'PATIENT_NOT_FOUND' });
    expect(await refusal('patients:documents', { patientId: 999 })).toMatchObject({ code: 'PATIENT_NOT_FOUND' });
  });
});

describe('patients:documents', () => {
  it('lists the attachments and worksheets of their administrations, newest first, never another patient’s', async () => {
    const [ana, zoe] = s.patients as [(typeof s.patients)[0], (typeof s.patients)[0]];
    const a1 = await readyAdministration(value, s, ana, { dateOfService: '2025-02-10', claimNumber: 'CLM-1' });
    const a2 = await readyAdministration(value, s, ana, { dateOfService: '2025-02-18', claimNumber: 'CLM-2' });
    const z1 = await readyAdministration(value, s, zoe, { dateOfService: '2025-02-11', claimNumber: 'CLM-9' });
    type Made = { attachment: GeneratedDocument; worksheet: GeneratedDocument | null };
    const m1 = await value<Made>('attachments:generate', { administrationId: a1.id, withWorksheet: true });
    await value<Made>('attachments:generate', { administrationId: z1.id });
    const m2 = await value<Made>('attachments:generate', { administrationId: a2.id });

    const listed = await documentsOf(ana.id);
    expect(listed.total).toBe(3);
    expect(listed.rows.map((d) => [d.kind, d.claimNumber])).toEqual([
      ['attachment', 'CLM-2'],
      ['attachment', 'CLM-1'],
      // The worksheet right after the attachment it was made with.
      ['worksheet', 'CLM-1'],
    ]);
    expect(listed.rows.map((d) => d.id)).toEqual([m2.attachment.id, m1.attachment.id, m1.worksheet!.id]);
    expect((await recordOf(ana.id)).documentCount).toBe(3);
    expect((await documentsOf(zoe.id)).rows.map((d) => d.administrationIds)).toEqual([[z1.id]]);

    // Paged: the second page starts where the first ended.
    const page2 = await documentsOf(ana.id, { limit: 2, offset: 2 });
    expect(page2).toEqual({ total: 3, rows: [listed.rows[2]] });
  });

  it('a merged batch holding their attachment is listed with them, once', async () => {
    const ana = s.patients[0]!;
    const payer: Payer = s.medicare;
    await readyAdministration(value, s, ana, { dateOfService: '2025-02-10', claimNumber: 'CLM-1' });
    await readyAdministration(value, s, s.patients[1]!, { dateOfService: '2025-02-11', claimNumber: 'CLM-9' });
    let status = await value<{ jobId: string; state: string; mergedDocumentId: number | null }>(
      'attachments:batchStart',
      { payerId: payer.id, from: '2025-02-01', to: '2025-02-28', merged: true },
    );
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = await value('attachments:batchStatus', { jobId: status.jobId });
    }
    expect(status.state).toBe('done');

    const listed = await documentsOf(ana.id);
    expect(listed.rows.map((d) => d.kind).sort()).toEqual(['attachment', 'merged']);
    expect(listed.rows.find((d) => d.kind === 'merged')?.id).toBe(status.mergedDocumentId);
    expect(listed.total).toBe(2);
  });
});
