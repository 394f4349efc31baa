/**
 * What a patient's record page reads: their administrations with what was expected and paid, and
 * the documents made for them. Policy:
 * - Administrations come through administrations_by_patient (patient, date desc, id desc), already
 *   newest first; only their estimate totals are read from the snapshot JSON.
 * - Paid is what the posted payments left on each claim line (line_variance, kept by the
 *   remittance postings); null while no payment reached the administration.
 * - A document is the patient's when one of its administrations is; a merged batch that holds
 *   one of their attachments is listed too (it went out with their claim). Order as the list of
 *   all documents: newest first, each worksheet right after the attachment it was made with.
 */
import type { AdministrationStatus } from '../../../shared/domain/administration';
import type { PatientAdministration } from '../../../shared/domain/patient-record';
import type { Db } from '../db/open';
import { drugNameOf, money } from './administrations/administration-rows';
import { expectedParts } from '../../../shared/domain/expected-total';

type Row = {
  id: number;
  dateOfService: string;
  payerId: number;
  payerName: string;
  genericName: string;
  brandName: string;
  ndc11: string;
  lotNumber: string;
  hcpcs: string;
  claimNumber: string;
  billedCents: number;
  status: AdministrationStatus;
  ready: number;
  missingJson: string;
  estimateStale: number;
  payerPays: string | null;
  patientPays: string | null;
  paidCents: number | null;
  postedLines: number | null;
};

export function patientRecordRepository(db: Db) {
  const administrationsOf = db.prepare(
    `SELECT a.id, a.date_of_service AS dateOfService, a.payer_id AS payerId, y.name AS payerName,
       d.generic_name AS genericName, d.brand_name AS brandName, a.ndc11, l.lot_number AS lotNumber, a.hcpcs,
       a.claim_number AS claimNumber, a.billed_cents AS billedCents, a.status, a.ready,
       a.missing_json AS missingJson, a.estimate_stale AS estimateStale,
       json_extract(a.estimate_json, '$.estimate.totals.payerPays') AS payerPays,
       json_extract(a.estimate_json, '$.estimate.totals.patientPays') AS patientPays,
       (SELECT sum(v.actual_paid_cents) FROM line_variance v WHERE v.administration_id = a.id) AS paidCents,
       (SELECT sum(v.posted_lines) FROM line_variance v WHERE v.administration_id = a.id) AS postedLines
     FROM administrations a INDEXED BY administrations_by_patient
     JOIN payers y ON y.id = a.payer_id
     JOIN invoice_lines l ON l.id = a.invoice_line_id
     JOIN drugs d ON d.ndc11 = l.ndc11
     WHERE a.patient_id = ?
     ORDER BY a.date_of_service DESC, a.id DESC`,
  );
  const MINE = `SELECT g.document_id FROM administrations a INDEXED BY administrations_by_patient
      JOIN generated_document_lines g ON g.administration_id = a.id WHERE a.patient_id = @patientId`;
  const documentIds = db
    .prepare(
      `SELECT d.id FROM generated_documents d WHERE d.id IN (${MINE})
        ORDER BY coalesce(
          CASE WHEN d.kind = 'worksheet' THEN
            (SELECT max(p.id) FROM generated_documents p
              WHERE p.kind = 'attachment' AND p.group_key = d.group_key AND p.generated_at = d.generated_at
                AND p.id < d.id)
          END, d.id) DESC, d.kind = 'worksheet', d.id DESC
        LIMIT @limit OFFSET @offset`,
    )
    .pluck();
  const documentCount = db.prepare(`SELECT count(DISTINCT document_id) FROM (${MINE})`).pluck();

  return {
    /** Every administration of the patient, newest first. */
    administrations: (patientId: number): PatientAdministration[] =>
      (administrationsOf.all(patientId) as Row[]).map(toAdministration),

    /** The ids of a page of the patient's documents, in the order the page lists them. */
    documentIds: (patientId: number, limit: number, offset: number): number[] =>
      documentIds.all({ patientId, limit, offset }) as number[],

    documentCount: (patientId: number): number => documentCount.get({ patientId }) as number,
  };
}
export type PatientRecordRepository = ReturnType<typeof patientRecordRepository>;

function toAdministration(r: Row): PatientAdministration {
  return {
    id: r.id,
    dateOfService: r.dateOfService,
    payerId: r.payerId,
    payerName: r.payerName,
    drugName: drugNameOf(r),
    ndc11: r.ndc11,
    lotNumber: r.lotNumber,
    hcpcs: r.hcpcs,
    claimNumber: r.claimNumber,
    billedCharge: money(r.billedCents),
    ...expectedParts(r.payerPays, r.patientPays),
    paid: r.postedLines ? money(r.paidCents ?? 0) : null,
    status: r.status,
    estimateStale: r.estimateStale === 1,
    ready: r.ready === 1,
    missing: JSON.parse(r.missingJson) as string[],
  };
}
