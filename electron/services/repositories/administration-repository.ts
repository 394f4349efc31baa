/**
 * Administrations in the database: reading them (with their live readiness checklist), listing,
 * and writing the rows the administration service has computed and checked. Policy:
 * - SQL only: what may be written, and when, is decided in administrations/administration-service.ts.
 * - Stock is never stored: the administration's given + wasted micro-units are what it takes from
 *   its lot (lot-movements.ts), so deleting a draft gives the stock back by itself.
 * - Reading one always recomputes its checklist from what is on file now (payer confirmed, scan
 *   attached) and refreshes the cached `ready`/`missing_json` the list filters on.
 */
import type { Administration, AdministrationStatus } from '../../../shared/domain/administration';
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import { administrationList } from './administrations/administration-list';
import {
  missingLabels,
  ROW_SQL,
  toAdministration,
  type AdministrationRow,
} from './administrations/administration-rows';

export type { AdministrationListQuery } from './administrations/administration-list';

/** Stored columns and the row field each is written from. */
const WRITTEN: readonly [column: string, field: keyof AdministrationRow][] = [
  ['date_of_service', 'dateOfService'],
  ['patient_id', 'patientId'],
  ['payer_id', 'payerId'],
  ['invoice_line_id', 'invoiceLineId'],
  ['ndc11', 'ndc11'],
  ['hcpcs', 'hcpcs'],
  ['dose_amount', 'doseAmount'],
  ['dose_unit', 'doseUnit'],
  ['wasted_amount', 'wastedAmount'],
  ['given_micro', 'givenMicro'],
  ['wasted_micro', 'wastedMicro'],
  ['route', 'route'],
  ['technique', 'technique'],
  ['infusion_start', 'infusionStart'],
  ['infusion_stop', 'infusionStop'],
  ['infusion_minutes', 'infusionMinutes'],
  ['site', 'site'],
  ['ordering_npi', 'orderingNpi'],
  ['ordering_provider_name', 'orderingProviderName'],
  ['rendering_npi', 'renderingNpi'],
  ['rendering_provider_name', 'renderingProviderName'],
  ['diagnoses', 'diagnoses'],
  ['medical_necessity', 'medicalNecessity'],
  ['physician_notes', 'physicianNotes'],
  ['billed_cents', 'billedCents'],
  ['wasted_billed_cents', 'wastedBilledCents'],
  ['claim_number', 'claimNumber'],
  ['status', 'status'],
  ['modifier_override_json', 'modifierOverrideJson'],
  ['estimate_json', 'estimateJson'],
  ['estimate_at', 'estimateAt'],
  ['contract_id', 'contractId'],
  ['estimate_stale', 'estimateStale'],
  ['ready', 'ready'],
  ['missing_json', 'missingJson'],
  ['updated_at', 'updatedAt'],
];

export function administrationRepository(db: Db) {
  const byId = db.prepare(ROW_SQL);
  const insert = db.prepare(
    `INSERT INTO administrations (${WRITTEN.map(([c]) => c).join(', ')}, created_at)
     VALUES (${WRITTEN.map(([, f]) => `@${f}`).join(', ')}, @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE administrations SET ${WRITTEN.map(([c, f]) => `${c} = @${f}`).join(', ')} WHERE id = @id`,
  );
  const setStatus = db.prepare(
    `UPDATE administrations SET status = @status, ready = @ready, missing_json = @missingJson, updated_at = @at
      WHERE id = @id`,
  );
  const setNocInstruction = db.prepare(`UPDATE administrations SET noc_instruction_json = ? WHERE id = ?`);
  const setReadyCache = db.prepare(`UPDATE administrations SET ready = ?, missing_json = ? WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM administrations WHERE id = ?`);
  const documentCount = db.prepare(`SELECT count(*) AS n FROM generated_document_lines WHERE administration_id = ?`);
  const claimMembers = db.prepare(
    `SELECT id FROM administrations WHERE payer_id = ? AND patient_id = ? AND claim_number = ?
      ORDER BY date_of_service, id`,
  );
  const billedAtOf = db.prepare(`SELECT billed_at FROM administrations WHERE id = ?`).pluck();
  const setBilledAt = db.prepare(`UPDATE administrations SET billed_at = ? WHERE id = ?`);
  const staleIds = db.prepare(`SELECT id FROM administrations WHERE estimate_stale = 1 ORDER BY id`).pluck();
  const openOfNdc = db
    .prepare(`SELECT id FROM administrations WHERE ndc11 = ? AND status IN ('draft', 'ready') ORDER BY id`)
    .pluck();
  const openOfPayer = db.prepare(`SELECT id FROM administrations WHERE payer_id = ? AND status IN ('draft', 'ready')`);
  const openOfInvoice = db.prepare(
    `SELECT id FROM administrations WHERE status IN ('draft', 'ready')
        AND invoice_line_id IN (SELECT id FROM invoice_lines WHERE invoice_id = ?)`,
  );

  const rowOf = (id: number): AdministrationRow => {
    const row = byId.get(id) as AdministrationRow | undefined;
    if (!row) {
      throw new AppError(
        'ADMINISTRATION_NOT_FOUND',
        `There is no administration with id ${id}; it may have been deleted.`,
      );
    }
    return row;
  };

  /** The administration with its live checklist; the cached readiness is refreshed when it moved. */
  const read = (id: number): Administration => {
    const row = rowOf(id);
    const a = toAdministration(row);
    const missingJson = JSON.stringify(missingLabels(a.readiness.items));
    const ready = a.readiness.ready ? 1 : 0;
    if (ready !== row.ready || missingJson !== row.missingJson) setReadyCache.run(ready, missingJson, id);
    return a;
  };

  return {
    rowOf,
    get: read,
    list: administrationList(db),
    /** Records (or, with null, takes back) the payer's instruction to bill the NOC code. */
    setNocInstruction: (id: number, json: string | null): void => {
      setNocInstruction.run(json, id);
    },

    /**
     * Readiness depends on more than the administration (the payer's confirmation and invoice
     * rule, the invoice's scan): after such a change the cached flags the list filters on are
     * refreshed for the administrations still being worked (draft or ready).
     */
    refreshReadiness(of: { payerId: number } | { invoiceId: number }): void {
      const rows = ('payerId' in of ? openOfPayer.all(of.payerId) : openOfInvoice.all(of.invoiceId)) as {
        id: number;
      }[];
      for (const { id } of rows) read(id);
    },

    /**
     * The administrations billed on the same claim as this one (same payer, patient and claim
     * number), in date-of-service order; just this one when it has no claim number yet.
     */
    claimOf(id: number): number[] {
      const row = rowOf(id);
      if (row.claimNumber === '') return [id];
      return (claimMembers.all(row.payerId, row.patientId, row.claimNumber) as { id: number }[]).map((r) => r.id);
    },

    documentCount: (id: number): number => (documentCount.get(id) as { n: number }).n,

    /** Administrations whose estimate is flagged out of date (estimate-staleness.ts). */
    staleIds: (): number[] => staleIds.all() as number[],

    /** The open (draft, ready) administrations of an NDC, oldest first. */
    openIdsOfNdc: (ndc11: string): number[] => openOfNdc.all(ndc11) as number[],

    insert: (row: AdministrationRow): number => Number(insert.run(row).lastInsertRowid),

    update(id: number, row: AdministrationRow): void {
      update.run({ ...row, id });
    },

    setStatus(
      id: number,
      status: AdministrationStatus,
      readiness: { ready: boolean; missingJson: string },
      at: string,
    ) {
      setStatus.run({ id, status, ready: readiness.ready ? 1 : 0, missingJson: readiness.missingJson, at });
    },

    remove(id: number): void {
      remove.run(id);
    },

    /** When the claim went out (set as it is marked billed), for aging. */
    billedAt: (id: number): string | null => (billedAtOf.get(id) as string | null | undefined) ?? null,
    setBilledAt: (id: number, at: string): void => {
      setBilledAt.run(at, id);
    },
  };
}
export type AdministrationRepository = ReturnType<typeof administrationRepository>;
