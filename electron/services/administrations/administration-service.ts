/**
 * Recording administrations: create, change, preview, move along the claim steps, recompute and
 * delete. Policy:
 * - Create and update are one transaction each (checks, the row, its audit row before/after);
 *   what is checked and computed is in administration-draft.ts, shared with the preview, which
 *   writes nothing. The SQL is the repository's.
 * - Once billed (billed, paid, denied, appealed) an administration is frozen: it cannot be changed
 *   (ADMINISTRATION_FROZEN) and its estimate is never recomputed (ESTIMATE_FROZEN); it is what
 *   was expected when the claim went out. Only drafts can be deleted, and not once a document
 *   was generated for them (the record of what was made is kept).
 * - Status moves only along STATUS_STEPS; 'ready' needs the whole checklist, 'billed' a claim
 *   number. A ready administration changed so that its checklist is no longer complete goes back
 *   to draft.
 * - An estimate flagged out of date (prices, contracts or terms changed: estimate-staleness.ts) is
 *   recomputed by one action for all of them, and by itself before the administration becomes
 *   ready or billed, so a claim never goes out (and is never frozen) with yesterday's figures.
 */
import {
  administrationInputOf,
  STATUS_STEPS,
  type Administration,
  type AdministrationFields,
  type AdministrationStatus,
} from '../../../shared/domain/administration';
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import { administrationRepository } from '../repositories/administration-repository';
import {
  auditSnapshot,
  isFrozen,
  missingLabels,
  toAdministration,
  type AdministrationRow,
} from '../repositories/administrations/administration-rows';
import type { AuditLog } from '../repositories/audit-log';
import type { VarianceService } from '../remittances/variance-service';
import { administrationDrafts } from './administration-draft';

export type AdministrationPreview = Omit<Administration, 'id' | 'createdAt' | 'updatedAt'>;

const describe = (a: Pick<Administration, 'id' | 'dateOfService' | 'patientName'>): string =>
  `Administration ${a.id} (${a.patientName}, ${a.dateOfService})`;

/** A ready administration whose checklist is no longer complete goes back to draft. */
const statusAfterChange = (status: AdministrationStatus, row: AdministrationRow): AdministrationStatus =>
  status === 'ready' && row.ready === 0 ? 'draft' : status;

/** `variance` is the handler table's one variance service, shared with the other areas. */
export function administrationService(db: Db, audit: AuditLog, variance: VarianceService) {
  const repository = administrationRepository(db);
  const drafts = administrationDrafts(db, audit);
  const read = repository.get;

  return {
    get: read,
    list: repository.list,

    /**
     * What create (or, given the id, update) would store and show, computed the same way; nothing
     * is written. An edit's own earlier draw counts as back in its lot, as it will on saving.
     */
    preview(fields: AdministrationFields, at: string, editingId?: number): AdministrationPreview {
      const stored = editingId === undefined ? null : repository.rowOf(editingId);
      const previous = stored
        ? { invoiceLineId: stored.invoiceLineId, micro: stored.givenMicro + stored.wastedMicro }
        : null;
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        ...preview
      } = toAdministration(drafts.draft(fields, previous, at, stored?.nocInstructionJson ?? null));
      return preview;
    },

    create: db.transaction((fields: AdministrationFields, at: string, actor: string): Administration => {
      const id = repository.insert(drafts.draft(fields, null, at));
      const created = read(id);
      audit.record(at, actor, 'administration', id, 'create', null, auditSnapshot(created));
      return created;
    }),

    update: db.transaction(update),

    delete: db.transaction((id: number, at: string, actor: string): Administration => {
      const before = read(id);
      if (before.status !== 'draft') {
        throw new AppError(
          'ADMINISTRATION_NOT_DRAFT',
          `${describe(before)} is ${before.status}; only a draft can be deleted.` +
            (before.status === 'ready' ? ' Move it back to draft first.' : ''),
        );
      }
      const documents = repository.documentCount(id);
      if (documents > 0) {
        throw new AppError(
          'ADMINISTRATION_HAS_DOCUMENTS',
          `${describe(before)} has ${documents} generated document${documents === 1 ? '' : 's'}; ` +
            'they are kept as the record of what was made, so it cannot be deleted.',
        );
      }
      repository.remove(id);
      audit.record(at, actor, 'administration', id, 'delete', auditSnapshot(before), null);
      return before;
    }),

    setStatus: db.transaction((id: number, status: AdministrationStatus, at: string, actor: string) => {
      let before = read(id);
      // recompute returns the administration read again after its update.
      if ((status === 'ready' || status === 'billed') && before.estimateStale) before = recompute(id, at, actor);
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
      repository.setStatus(
        id,
        status,
        { ready: before.readiness.ready, missingJson: JSON.stringify(missingLabels(before.readiness.items)) },
        at,
      );
      // A billed claim is now expected to be paid: its lines enter expected-versus-paid, unpaid.
      if (status === 'billed') repository.setBilledAt(id, at);
      variance.refresh(id);
      const after = read(id);
      audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),

    recompute: db.transaction(recompute),

    /**
     * The payer told the biller to bill the NOC code although a specific code exists (the billing
     * guide's fourth case): the note says who and how, and goes in the audit log with the change.
     * An empty note takes the record back. A ready administration that is no longer ready goes
     * back to draft.
     */
    recordNocInstruction: db.transaction((id: number, note: string, at: string, actor: string): Administration => {
      const before = read(id);
      if (before.frozen) {
        throw new AppError(
          'ADMINISTRATION_FROZEN',
          `${describe(before)} is ${before.status}: the claim went out as recorded and cannot be changed.`,
        );
      }
      if (note !== '' && !before.estimateWarnings.some((w) => w.code === 'SPECIFIC_CODE_EXISTS')) {
        throw new AppError(
          'NO_SPECIFIC_CODE',
          `${describe(before)} is billed as ${before.hcpcs} and no specific code covers its drug on ${before.dateOfService}; there is no instruction to record.`,
        );
      }
      repository.setNocInstruction(id, note === '' ? null : JSON.stringify({ note, at, by: actor }));
      let after = read(id);
      if (after.status === 'ready' && !after.readiness.ready) {
        repository.setStatus(
          id,
          'draft',
          { ready: false, missingJson: JSON.stringify(missingLabels(after.readiness.items)) },
          at,
        );
        after = read(id);
      }
      audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),

    /**
     * Bill under the specific code that covers the drug on the date of service: the same
     * administration with that code, so the estimate takes the code's own billing unit.
     */
    useSpecificCode: db.transaction((id: number, at: string, actor: string): Administration => {
      const before = read(id);
      const found = before.estimateWarnings.find((w) => w.code === 'SPECIFIC_CODE_EXISTS');
      const check = drafts.codeCheckOf(repository.rowOf(id));
      if (!found || !check.specificCode) {
        throw new AppError(
          'NO_SPECIFIC_CODE',
          `${describe(before)}: no specific code covers its drug on ${before.dateOfService}, so it stays billed as ${before.hcpcs}.`,
        );
      }
      return update(
        id,
        { ...administrationInputOf(before), hcpcs: check.specificCode.hcpcs } as AdministrationFields,
        at,
        actor,
      );
    }),

    /**
     * Every estimate flagged out of date, recomputed in one transaction; `changed` counts those
     * whose figures or claim lines came out different.
     */
    recomputeStale: db.transaction((at: string, actor: string): { recomputed: number; changed: number } => {
      let changed = 0;
      const ids = repository.staleIds();
      for (const id of ids) {
        const before = read(id).estimate;
        const after = recompute(id, at, actor).estimate;
        if (JSON.stringify(before) !== JSON.stringify(after)) changed++;
      }
      return { recomputed: ids.length, changed };
    }),
  };

  function update(id: number, fields: AdministrationFields, at: string, actor: string): Administration {
    const stored = repository.rowOf(id);
    const before = toAdministration(stored);
    if (before.frozen) {
      throw new AppError(
        'ADMINISTRATION_FROZEN',
        `${describe(before)} is ${before.status}: the claim went out as recorded and cannot be changed.`,
      );
    }
    const previous = { invoiceLineId: stored.invoiceLineId, micro: stored.givenMicro + stored.wastedMicro };
    const row = drafts.draft(fields, previous, at, stored.nocInstructionJson);
    repository.update(id, { ...row, status: statusAfterChange(before.status, row) });
    const after = read(id);
    audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
    return after;
  }

  function recompute(id: number, at: string, actor: string): Administration {
    const stored = repository.rowOf(id);
    const before = toAdministration(stored);
    if (isFrozen(before.status)) {
      throw new AppError(
        'ESTIMATE_FROZEN',
        `${describe(before)} is ${before.status}: its estimate is what was expected when the claim went out and is not recomputed.`,
      );
    }
    const row = drafts.recomputed(stored, at);
    repository.update(id, { ...row, status: statusAfterChange(before.status, row), updatedAt: at });
    const after = read(id);
    audit.record(at, actor, 'administration', id, 'update', auditSnapshot(before), auditSnapshot(after));
    return after;
  }
}
