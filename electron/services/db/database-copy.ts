/**
 * SQL on a database file as a whole, for backups and restores (backup/*): counts of the main
 * tables for a backup's manifest, and a copy attached to the open connection (so the desktop
 * app's own SQLite build reads it) to make it self-contained or to check it before a restore.
 */
import { copyEncryptedDatabase } from './encrypted-copy';
import type { Db } from './open';

/** Rows in each of `tables` (names from the code, never from input). */
export function rowCounts(db: Db, tables: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return counts;
}

/**
 * A consistent copy of the open database at `file`. In clear, SQLite's online backup copies it
 * a few pages at a time between other work; an encrypted one is copied, still encrypted, by a
 * worker thread (encrypted-copy.ts).
 */
export async function copyDatabase(
  db: Db,
  file: string,
  encryption?: { key: Buffer; nativeBinding?: string },
): Promise<void> {
  if (encryption) await copyEncryptedDatabase({ source: db.name, target: file, ...encryption });
  else await db.backup(file);
}

/**
 * A copy made by the online backup carries the live database's WAL flag; switched to a rollback
 * journal it is one self-contained file that can be checked and hashed without SQLite adding
 * -wal/-shm beside it.
 */
export function makeSelfContained(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
  } finally {
    db.exec('DETACH DATABASE backup_copy');
  }
}

/**
 * The schema version of a copy whose integrity_check is ok; null when it cannot be read or is
 * damaged. An attached file takes the open database's key; a copy in clear (a backup from before
 * the folder was encrypted) is read with an empty key, and is encrypted when it is next opened.
 */
export function intactCopyVersion(db: Db, file: string): number | null {
  const keyed = checkedCopyVersion(db, file, 'ATTACH DATABASE ? AS restore_candidate');
  if (keyed !== 'unreadable') return keyed;
  const clear = checkedCopyVersion(db, file, "ATTACH DATABASE ? AS restore_candidate KEY ''");
  return clear === 'unreadable' ? null : clear;
}

function checkedCopyVersion(db: Db, file: string, attach: string): number | null | 'unreadable' {
  const unreadable = (err: unknown) => ((err as { code?: string }).code === 'SQLITE_NOTADB' ? 'unreadable' : null);
  try {
    db.prepare(attach).run(file);
  } catch (err) {
    return unreadable(err);
  }
  try {
    const rows = db.pragma('restore_candidate.integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') return null;
    return db.pragma('restore_candidate.user_version', { simple: true }) as number;
  } catch (err) {
    return unreadable(err);
  } finally {
    db.exec('DETACH DATABASE restore_candidate');
  }
}
