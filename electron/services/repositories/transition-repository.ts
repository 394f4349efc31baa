/**
 * The transition tracker's reads and writes (issue 13 item 6): the administrations billed under a
 * NOC code, with their drug's names, charges and expected totals, and the checklist billers keep
 * for each drug's move to its specific code (one row per ticked item; unticking deletes it, the
 * audit log keeps who ticked it and when).
 */
import type { TransitionItem } from '../../../shared/api/reference-channels';
import { NOC_DRUG_CODES } from '../../../shared/domain/hcpcs';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

/** One administration billed (or being billed) under a NOC code. */
export type NocAdministrationRow = {
  ndc11: string;
  /** '' when the NDC is no longer in the catalog. */
  genericName: string;
  brandName: string;
  hcpcs: string;
  dateOfService: string;
  /** The billed charge of the given line plus that of the wasted (JW) line. */
  billedCents: number;
  /** The estimate's totals as exact decimal strings; null when no estimate is on file. */
  payerPays: string | null;
  patientPays: string | null;
};

export type ChecklistRow = { ndc11: string; item: TransitionItem; doneAt: string; doneBy: string };

const NOC_LIST = NOC_DRUG_CODES.map((code) => `'${code}'`).join(', ');

// Drafts are left out: the tracker is about what was billed or is being billed under a NOC code
// (ready, billed, paid, denied, appealed). A draft is still being written and may yet get the
// specific code before it goes out, so counting it would overstate the NOC volume and revenue.
const NOC_ADMINISTRATIONS = `SELECT a.ndc11, coalesce(d.generic_name, '') AS genericName, coalesce(d.brand_name, '') AS brandName,
         a.hcpcs, a.date_of_service AS dateOfService,
         a.billed_cents + coalesce(a.wasted_billed_cents, 0) AS billedCents,
         json_extract(a.estimate_json, '$.estimate.totals.payerPays') AS payerPays,
         json_extract(a.estimate_json, '$.estimate.totals.patientPays') AS patientPays
    FROM administrations a
    LEFT JOIN drugs d ON d.ndc11 = a.ndc11
   WHERE a.hcpcs IN (${NOC_LIST}) AND a.status <> 'draft'`;

export function transitionRepository(db: Db, audit: AuditLog) {
  const nocRows = db.prepare(NOC_ADMINISTRATIONS);
  const nocRowsOf = db.prepare(`${NOC_ADMINISTRATIONS} AND a.ndc11 = ?`);
  const hasNocAdministration = db.prepare(
    `SELECT 1 FROM administrations WHERE ndc11 = ? AND hcpcs IN (${NOC_LIST}) AND status <> 'draft' LIMIT 1`,
  );
  const inCatalog = db.prepare(`SELECT 1 FROM drugs WHERE ndc11 = ?`);
  const allItems = db.prepare(
    `SELECT ndc11, item, done_at AS doneAt, done_by AS doneBy FROM transition_checklist ORDER BY ndc11, item`,
  );
  const itemsOf = db.prepare(
    `SELECT ndc11, item, done_at AS doneAt, done_by AS doneBy FROM transition_checklist WHERE ndc11 = ? ORDER BY item`,
  );
  const oneItem = db.prepare(
    `SELECT ndc11, item, done_at AS doneAt, done_by AS doneBy FROM transition_checklist WHERE ndc11 = ? AND item = ?`,
  );
  const insertItem = db.prepare(`INSERT INTO transition_checklist (ndc11, item, done_at, done_by) VALUES (?, ?, ?, ?)`);
  const deleteItem = db.prepare(`DELETE FROM transition_checklist WHERE ndc11 = ? AND item = ?`);

  const itemOf = (ndc11: string, item: TransitionItem): ChecklistRow | null =>
    (oneItem.get(ndc11, item) as ChecklistRow | undefined) ?? null;

  return {
    /** Every administration billed under a NOC code, one at a time (a practice may have many). */
    nocAdministrations: (): IterableIterator<NocAdministrationRow> =>
      nocRows.iterate() as IterableIterator<NocAdministrationRow>,
    /** The same for one NDC (the row a tick changes). */
    nocAdministrationsOf: (ndc11: string): IterableIterator<NocAdministrationRow> =>
      nocRowsOf.iterate(ndc11) as IterableIterator<NocAdministrationRow>,
    /** Whether the tracker knows the NDC: billed under a NOC code, or in the drug catalog. */
    knowsDrug: (ndc11: string): boolean =>
      hasNocAdministration.get(ndc11) !== undefined || inCatalog.get(ndc11) !== undefined,
    checklist: (): ChecklistRow[] => allItems.all() as ChecklistRow[],
    checklistOf: (ndc11: string): ChecklistRow[] => itemsOf.all(ndc11) as ChecklistRow[],
    /**
     * Tick (done) or untick an item. Ticking an item already ticked keeps its first date and
     * person; unticking one not ticked changes nothing. Either way nothing is audited then.
     */
    setItem: db.transaction((ndc11: string, item: TransitionItem, done: boolean, at: string, actor: string): void => {
      const before = itemOf(ndc11, item);
      if (done === (before !== null)) return;
      if (done) insertItem.run(ndc11, item, at, actor);
      else deleteItem.run(ndc11, item);
      const after = itemOf(ndc11, item);
      audit.record(at, actor, 'transition_checklist', `${ndc11}:${item}`, done ? 'create' : 'delete', before, after);
    }),
  };
}
export type TransitionRepository = ReturnType<typeof transitionRepository>;
