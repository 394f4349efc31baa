/**
 * The data folder holds patients' health information, so only the account running the app may
 * read it: folders 0700, files 0600. The mode is given at creation and set again with chmod right
 * after, because the process umask decides what a create actually gets (a umask of 0 would leave
 * the default 0644/0755 readable by every account on the machine).
 *
 * On Windows these modes mean nothing and are skipped: the data folder lives under the user's
 * profile (%APPDATA%), whose default ACL already grants access to that user, SYSTEM and
 * Administrators only, and files created there inherit it.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const modesApply = (): boolean => process.platform !== 'win32';

/** Create `path` (and any missing parents) readable by this account only. */
export function makePrivateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (modesApply()) chmodSync(path, PRIVATE_FOLDER_MODE);
}

/** Make an existing file readable by this account only. */
export function makePrivateFile(path: string): void {
  if (modesApply()) chmodSync(path, PRIVATE_FILE_MODE);
}

/** As makePrivateFile, for a file that may not exist (SQLite's -wal and -shm come and go). */
export function makePrivateFileIfPresent(path: string): void {
  try {
    makePrivateFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * A data folder an earlier version made 0755, with files 0644: closed to other accounts when the
 * services open it. Only a folder still open to others is walked, so a folder already private
 * costs one stat per start. Symbolic links are left alone (chmod would follow them out of the
 * folder). Best effort: a file that cannot be changed (owned by another account) does not stop the
 * app from opening; the count of those is returned for the support log.
 */
export function tightenDataFolder(dataDir: string): { changed: number; failed: number } {
  const counts = { changed: 0, failed: 0 };
  if (!modesApply()) return counts;
  if ((statSync(dataDir).mode & 0o077) === 0) return counts;
  const visit = (path: string): void => {
    let st;
    try {
      st = lstatSync(path);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) return;
    const wanted = st.isDirectory() ? PRIVATE_FOLDER_MODE : PRIVATE_FILE_MODE;
    if ((st.mode & 0o777) !== wanted) {
      try {
        chmodSync(path, wanted);
        counts.changed++;
      } catch {
        counts.failed++;
      }
    }
    if (st.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(path);
      } catch {
        counts.failed++;
      }
      for (const name of names) visit(join(path, name));
    }
  };
  visit(dataDir);
  return counts;
}

/** The data folder, created private, or an existing one tightened (tightenDataFolder) first. */
export function openPrivateDataFolder(dataDir: string): { changed: number; failed: number } {
  let counts = { changed: 0, failed: 0 };
  try {
    counts = tightenDataFolder(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  makePrivateFolder(dataDir);
  return counts;
}
