/**
 * Optimistic concurrency (issue 16): a save names the row version its form was loaded with, and is
 * refused with RECORD_CHANGED when someone else changed the row since. The check and the write run
 * in one transaction (better-sqlite3 nests the write's own transaction as a savepoint), so nothing
 * can slip in between them; a refused save writes nothing. The version itself is bumped by the
 * triggers of migration 16, whatever code path updates the row.
 *
 * A row that is gone is left to the write, which answers NOT_FOUND as it always has.
 */
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import type { rowVersionTables } from '../db/migrations/0016-row-versions';

export type VersionedTable = (typeof rowVersionTables)[number];

/** What the versioned tables hold, in the words a biller uses for them (one for each table of migration 16). */
const RECORDS = {
  practice_settings: 'the practice settings',
  drugs: 'this drug',
  suppliers: 'this supplier',
  invoices: 'this invoice',
  patients: 'this patient',
  administrations: 'this administration',
  providers: 'this provider',
  payers: 'this payer',
  contracts: 'this contract',
  drug_prices: 'this price',
} as const satisfies Record<VersionedTable, string>;

const recordChangedMessage = (table: VersionedTable): string =>
  `Someone else changed ${RECORDS[table]} after you opened it. ` +
  'Reload to see their changes, then make yours again (what you typed here is not kept).';

/** The stored version of a row, or undefined when there is no such row. */
export function rowVersion(db: Db, table: VersionedTable, id: number): number | undefined {
  const row = db.prepare(`SELECT row_version AS v FROM ${table} WHERE id = ?`).get(id) as { v: number } | undefined;
  return row?.v;
}

/**
 * Runs `write` only if the row still has `version`, in one transaction with the check. Without a
 * version (a caller that has no form, such as a script moving a status) nothing is checked.
 */
export function writeIfUnchanged<T>(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number | undefined,
  write: () => T,
): T {
  return db.transaction(() => {
    const stored = version === undefined ? undefined : rowVersion(db, table, id);
    if (stored !== undefined && stored !== version) throw new AppError('RECORD_CHANGED', recordChangedMessage(table));
    return write();
  })();
}
