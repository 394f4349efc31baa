/**
 * Backups of the data folder, in `<dataDir>/backups/<timestamp>-<reason>/`. Policy:
 * - The database is copied with SQLite's online backup API (better-sqlite3's async `db.backup`),
 *   which copies a consistent snapshot page by page between other work, so the app keeps
 *   answering while a large database is copied.
 * - Beside it go the stored-files folders (stored-folders.ts) and manifest.json
 *   (backup-manifest.ts) with the SHA-256 of the database copy.
 * - Everything is written into a hidden temp folder and renamed into place last: a crash leaves a
 *   `.tmp-…` folder that is never listed and is cleared by the next backup, never half a backup.
 * - After an automatic backup, rotation (backup-rotation.ts) deletes the automatic ones no
 *   longer kept. Manual and before-restore backups stay until a person deletes them.
 * - A backup holds the same health information as the data: folders 0700, files 0600
 *   (private-files.ts).
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_NAME } from '../../../shared/api/backup-channels';
import { AppError } from '../app-error';
import { DATABASE_FILE_NAME, type ServiceContext } from '../context';
import { copyDatabase, makeSelfContained, rowCounts } from '../db/database-copy';
import { schemaVersion } from '../db/open';
import { hasKeyFile, KEY_FILE_NAME, keyFilePath } from '../crypto/key-file';
import { makePrivateFile, makePrivateFolder, PRIVATE_FILE_MODE } from '../private-files';
import {
  BACKUP_FORMAT,
  MANIFEST_FILE,
  readManifest,
  STORED_FOLDERS,
  type BackupManifest,
  type BackupReason,
} from './backup-manifest';
import { backupsToRotate, DEFAULT_ROTATION, type RotationPolicy } from './backup-rotation';
import { copyStoredFolder, fileSha256 } from './stored-folders';

export const BACKUPS_FOLDER = 'backups';
const TEMP_PREFIX = '.tmp-';

const COUNTED_TABLES = ['invoices', 'administrations', 'patients', 'drugs', 'payers', 'remittances'] as const;

export type BackupEntry = {
  name: string;
  path: string;
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  appVersion: string;
  /** The database copy and the stored files together. */
  bytes: number;
  counts: Record<string, number>;
};

export function backupsFolder(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

/** 2026-12-07T13:45:09.123Z → 2026-12-07T134509Z: sortable, and legal in Windows file names. */
function stamp(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

export function backupService(ctx: ServiceContext, policy: RotationPolicy = DEFAULT_ROTATION) {
  const root = backupsFolder(ctx.dataDir);

  function list(): BackupEntry[] {
    if (!existsSync(root)) return [];
    const entries: BackupEntry[] = [];
    for (const e of readdirSync(root, { withFileTypes: true })) {
      if (!e.isDirectory() || !BACKUP_NAME.test(e.name)) continue;
      const path = join(root, e.name);
      const manifest = readManifest(path);
      if (!manifest) continue;
      entries.push({
        name: e.name,
        path,
        createdAt: manifest.createdAt,
        reason: manifest.reason,
        schemaVersion: manifest.schemaVersion,
        appVersion: manifest.appVersion,
        bytes: manifest.database.bytes + Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0),
        counts: manifest.counts,
      });
    }
    return entries.sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name),
    );
  }

  /** Leftovers of a backup that a crash interrupted: never listed, removed before the next one. */
  function clearTemps(): void {
    if (!existsSync(root)) return;
    for (const name of readdirSync(root)) {
      if (name.startsWith(TEMP_PREFIX)) rmSync(join(root, name), { recursive: true, force: true });
    }
  }

  /** The outcome goes to the support log: name, size, counts and time on success, the code on failure. */
  async function backupNow(reason: BackupReason): Promise<BackupEntry> {
    const started = Date.now();
    try {
      const entry = await writeBackup(reason);
      ctx.log.info('backup', `Backup written (${reason})`, {
        backupName: entry.name,
        reasonCode: reason,
        bytes: entry.bytes,
        schemaVersion: entry.schemaVersion,
        durationMs: Date.now() - started,
        counts: entry.counts,
      });
      return entry;
    } catch (err) {
      ctx.log.error('backup', `Backup failed (${reason})`, {
        reasonCode: reason,
        code: err instanceof AppError ? err.code : 'INTERNAL',
        durationMs: Date.now() - started,
      });
      throw err;
    }
  }

  async function writeBackup(reason: BackupReason): Promise<BackupEntry> {
    makePrivateFolder(root);
    clearTemps();
    const createdAt = ctx.now();
    const temp = join(root, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
    makePrivateFolder(temp);
    try {
      const dbCopy = join(temp, DATABASE_FILE_NAME);
      const version = schemaVersion(ctx.db);
      const counts = rowCounts(ctx.db, COUNTED_TABLES);
      await copyDatabase(
        ctx.db,
        dbCopy,
        ctx.dataKey
          ? { key: ctx.dataKey, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) }
          : undefined,
      );
      makeSelfContained(ctx.db, dbCopy);
      // SQLite created the copy 0644; the temp folder (0700) kept it from others meanwhile.
      makePrivateFile(dbCopy);
      const files: BackupManifest['files'] = {};
      for (const folder of STORED_FOLDERS) {
        files[folder] = copyStoredFolder(join(ctx.dataDir, folder), join(temp, folder));
      }
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: 1,
        appVersion: ctx.version,
        schemaVersion: version,
        createdAt,
        reason,
        database: { file: DATABASE_FILE_NAME, bytes: statSync(dbCopy).size, sha256: await fileSha256(dbCopy) },
        files,
        counts,
      };
      // The key stays wrapped (passphrase, key store): with the passphrase, a copied backup opens elsewhere.
      if (hasKeyFile(ctx.dataDir)) {
        copyFileSync(keyFilePath(ctx.dataDir), join(temp, KEY_FILE_NAME));
        makePrivateFile(join(temp, KEY_FILE_NAME));
      }
      const manifestFile = join(temp, MANIFEST_FILE);
      writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
      makePrivateFile(manifestFile);
      const name = placeBackup(temp, `${stamp(createdAt)}-${reason}`);
      if (reason === 'automatic') rotate();
      const entry = list().find((e) => e.name === name);
      if (!entry) throw new Error(`The backup ${name} was written but cannot be read back.`);
      return entry;
    } catch (err) {
      rmSync(temp, { recursive: true, force: true });
      if (err instanceof AppError) throw err;
      throw new AppError(
        'BACKUP_FAILED',
        `The backup could not be written (${(err as Error).message}); the data itself was not changed.`,
      );
    }
  }

  /** Rename the finished temp folder to its name; a second backup in the same second gets -2, -3… */
  function placeBackup(temp: string, base: string): string {
    for (let n = 1; n < 100; n++) {
      const name = n === 1 ? base : `${base}-${n}`;
      const target = join(root, name);
      if (existsSync(target)) continue;
      renameSync(temp, target);
      return name;
    }
    throw new Error('too many backups with the same time');
  }

  function rotate(): string[] {
    const doomed = backupsToRotate(
      list().map((e) => ({ name: e.name, createdAt: e.createdAt, automatic: e.reason === 'automatic' })),
      policy,
    );
    for (const name of doomed) rmSync(join(root, name), { recursive: true, force: true });
    if (doomed.length > 0) ctx.log.info('backup', `Rotation removed ${doomed.length} automatic backup(s)`, { doomed });
    return doomed;
  }

  /**
   * Delete a listed backup. The last one left is refused: a practice is never one click away from
   * having none. The folder is first renamed out of the list (atomic), then removed; what a crash
   * leaves behind is cleared with the temp folders.
   */
  function remove(name: string): BackupEntry {
    const all = list();
    const chosen = all.find((b) => b.name === name);
    if (!chosen) throw new AppError('BACKUP_NOT_FOUND', 'That backup is no longer in the backups folder.');
    if (all.length === 1) {
      throw new AppError('BACKUP_LAST_ONE', 'This is the only backup; make another before deleting it.');
    }
    const doomed = join(root, `${TEMP_PREFIX}deleted-${randomBytes(6).toString('hex')}`);
    renameSync(chosen.path, doomed);
    rmSync(doomed, { recursive: true, force: true });
    ctx.log.info('backup', 'Backup deleted by hand', { backupName: name, reasonCode: chosen.reason });
    return chosen;
  }

  return { list, backupNow, rotate, remove };
}
export type BackupService = ReturnType<typeof backupService>;
