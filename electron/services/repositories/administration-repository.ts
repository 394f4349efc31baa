/**
 * Administrations: one dose of one drug from one lot to one patient, billed to one payer. Policy:
 * - Create and update are one transaction each (checks, the row, its audit row before/after);
 *   what is checked and computed is in administrations/administration-draft.ts, shared with the
 *   preview, which writes nothing.
 * - Stock is never stored: the administration's given + wasted micro-units are what it takes from
 *   its lot (lot-movements.ts), so deleting a draft gives the stock back by itself.
 * - Once billed (billed, paid, denied, appealed) an administration is frozen: it cannot be changed
 *   (ADMINISTRATION_FROZEN) and its estimate is never recomputed (ESTIMATE_FROZEN); it is what
 *   was expected when the claim went out. Only drafts can be deleted.
 * - Status moves only along STATUS_STEPS; 'ready' needs the whole checklist, 'billed' a claim
 *   number. A ready administration changed so that its checklist is no longer complete goes back
 *   to draft.
 * - Reading one always recomputes its checklist from what is on file now (payer confirmed, scan
 *   attached) and refreshes the cached `ready`/`missing_json` the list filters on.
 */
import {
  STATUS_STEPS,
  type Administration,
  type AdministrationFields,
  type AdministrationStatus,
} from '../../../shared/domain/administration';
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { administrationDrafts } from '../administrations/administration-draft';
import { administrationList } from './administrations/administration-list';
import {
  auditSnapshot,
  isFrozen,
  missingLabels,
  ROW_SQL,
  toAdministration,
  type AdministrationRow,
} from './administrations/administration-rows';

export type { AdministrationListQuery } from './administrations/administration-list';
export type AdministrationPreview = Omit<Administration, 'id' | 'createdAt' | 'updatedAt'>;

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
  ['site', 'site'],
  ['ordering_npi', 'orderingNpi'],
  ['rendering_npi', 'renderingNpi'],
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
  ['ready', 'ready'],
  ['missing_json', 'missingJson'],
  ['updated_at', 'updatedAt'],
];

const describe = (a: Pick<Administration, 'id' | 'dateOfService' | 'patientName'>): string =>
  `Administration ${a.id} (${a.patientName}, ${a.dateOfService})`;

export function administrationRepository(db: Db, audit: AuditLog) {
  const drafts = administrationDrafts(db, audit);
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
  const setReadyCache = db.prepare(`UPDATE administrations SET ready = ?, missing_json = ? WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM administrations WHERE id = ?`);
  const documentCount = db.prepare(`SELECT count(*) AS n FROM generated_document_lines WHERE administration_id = ?`);
  const claimMembers = db.prepare(
    `SELECT id FROM administrations WHERE payer_id = ? AND patient_id = ? AND claim_number = ?
      ORDER BY date_of_service, id`,
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

  /** A ready administration whose checklist is no longer complete goes back to draft. */
  const statusAfterChange = (status: AdministrationStatus, row: AdministrationRow): AdministrationStatus =>
    status === 'ready' && row.ready === 0 ? 'draft' : status;

  const openOfPayer = db.prepare(`SELECT id FROM administrations WHERE payer_id = ? AND status IN ('draft', 'ready')`);
  const openOfInvoice = db.prepare(
    `SELECT id FROM administrations WHERE status IN ('draft', 'ready')
        AND invoice_line_id IN (SELECT id FROM invoice_lines WHERE invoice_id = ?)`,
  );

  return {
    get: read,

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

    list: administrationList(db),

    /**
     * The administrations billed on the same claim as this one (same payer, patient and claim
     * number), in date-of-service order; just this one when it has no claim number yet.
     */
    claimOf(id: number): number[] {
      const row = rowOf(id);
      if (row.claimNumber === '') return [id];
      return (claimMembers.all(row.payerId, row.patientId, row.claimNumber) as { id: number }[]).map((r) => r.id);
    },

    /**
     * What create (or, given the id, update) would store and show, computed the same way; nothing
     * is written. An edit's own earlier draw counts as back in its lot, as it will on saving.
     */
    preview(fields: AdministrationFields, at: string, editingId?: number): AdministrationPreview {
      const stored = editingId === undefined ? null : rowOf(editingId);
      const previous = stored
        ? { invoiceLineId: stored.invoiceLineId, micro: stored.givenMicro + stored.wastedMicro }
        : null;
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        ...preview
      } = toAdministration(drafts.draft(fields, previous, at));
      return preview;
    },

    create: db.transaction((fields: AdministrationFields, at: string, actor: string): Administration => {
      const row = drafts.draft(fields, null, at);
      const id = Number(insert.run(row).lastInsertRowid);
      const created = read(id);
      audit.record(at, actor, 'administration', id, 'create', null, auditSnapshot(created));
      return created;
    }),

    update: db.transaction((id: number, fields: AdministrationFields, at: string, actor: string): Administration => {
      const stored = rowOf(id);
      const before = toAdministration(stored);
      if (before.frozen) {
        throw new AppError(
          'ADMINISTRATION_FROZEN',
          `${describe(before)} is ${before.status}: the claim went out as recorded and cannot be changed.`,
        );
      }
      const previous = { invoiceLineId: stored.invoiceLineId, micro: stored.givenMicro + stored.wastedMicro };
      const row = drafts.draft(fields, previous, at);
      update.run({ ...row, id, status: statusAfterChange(before.status, row) });
      const after = read(id);
      audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),

    delete: db.transaction((id: number, at: string, actor: string): Administration => {
      const before = read(id);
      if (before.status !== 'draft') {
        throw new AppError(
          'ADMINISTRATION_NOT_DRAFT',
          `${describe(before)} is ${before.status}; only a draft can be deleted.` +
            (before.status === 'ready' ? ' Move it back to draft first.' : ''),
        );
      }
      const documents = (documentCount.get(id) as { n: number }).n;
      if (documents > 0) {
        throw new AppError(
          'ADMINISTRATION_HAS_DOCUMENTS',
          `${describe(before)} has ${documents} generated document${documents === 1 ? '' : 's'}; ` +
            'they are kept as the record of what was made, so it cannot be deleted.',
        );
      }
      remove.run(id);
      audit.record(at, actor, 'administration', id, 'delete', auditSnapshot(before), null);
      return before;
    }),

    setStatus: db.transaction((id: number, status: AdministrationStatus, at: string, actor: string) => {
      const before = read(id);
      const allowed = STATUS_STEPS[before.status];
      if (!allowed.includes(status)) {
        throw new AppError(
          'STATUS_STEP_INVALID',
          `${describe(before)} is ${before.status} and cannot become ${status}; ` +
            (allowed.length ? `from ${before.status} it can become ${allowed.join(' or ')}.` : 'nothing follows it.'),
        );
      }
      if (status === 'ready' && !before.readiness.ready) {
        const missing = before.readiness.items.filter((i) => !i.ok);
        throw new AppError(
          'NOT_READY',
          `${describe(before)} is not ready to bill. Missing: ${missing.map((i) => `${i.label} (${i.detail})`).join('; ')}`,
        );
      }
      if (status === 'billed' && before.claimNumber === '') {
        throw new AppError(
          'CLAIM_NUMBER_REQUIRED',
          `${describe(before)} has no claim / patient control number; enter it before marking the claim billed.`,
          [{ field: 'claimNumber', code: 'CLAIM_NUMBER_REQUIRED', message: 'Enter the claim number.' }],
        );
      }
      setStatus.run({
        id,
        status,
        ready: before.readiness.ready ? 1 : 0,
        missingJson: JSON.stringify(missingLabels(before.readiness.items)),
        at,
      });
      const after = read(id);
      audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),

    recompute: db.transaction((id: number, at: string, actor: string): Administration => {
      const stored = rowOf(id);
      const before = toAdministration(stored);
      if (isFrozen(before.status)) {
        throw new AppError(
          'ESTIMATE_FROZEN',
          `${describe(before)} is ${before.status}: its estimate is what was expected when the claim went out and is not recomputed.`,
        );
      }
      const row = drafts.recomputed(stored, at);
      update.run({ ...row, id, status: statusAfterChange(before.status, row), updatedAt: at });
      const after = read(id);
      audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),
  };
}
export type AdministrationRepository = ReturnType<typeof administrationRepository>;
