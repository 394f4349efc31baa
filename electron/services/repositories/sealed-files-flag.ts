/**
 * Whether this database's stored files have all been sealed with its key (crypto/seal-stored-
 * files.ts), in `app_settings` (key `stored_files_sealed`). Set once the pass has run, so the pass
 * (one read per stored file) runs only for a folder just encrypted, after a crash in the middle of
 * it, or after restoring a database from before encryption (whose settings never had the flag).
 */
import type { Db } from '../db/open';
import { appSettings } from './app-settings';

const KEY = 'stored_files_sealed';

export function sealedFilesFlag(db: Db) {
  const settings = appSettings(db);
  return {
    isSet: (): boolean => settings.get(KEY) === '1',
    set: (): void => settings.set(KEY, '1'),
  };
}
