/**
 * Whether this database's stored files have all been sealed with its key (crypto/seal-stored-
 * files.ts), in `app_settings` (key `stored_files_sealed`). Set once the pass has run, so the pass
 * (one read per stored file) runs only for a folder just encrypted, after a crash in the middle of
 * it, or after restoring a database from before encryption (whose settings never had the flag).
 */
import type { Db } from '../db/open';

const KEY = 'stored_files_sealed';

export function sealedFilesFlag(db: Db) {
  return {
    isSet: (): boolean => db.prepare(`SELECT value FROM app_settings WHERE key = ?`).pluck().get(KEY) === '1',
    set: (): void => {
      db.prepare(
        `INSERT INTO app_settings (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(KEY);
    },
  };
}
