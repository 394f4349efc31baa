/**
 * Restoring a backup over the data folder. Policy:
 * - Everything is checked before anything is replaced: the folder holds our manifest, the
 *   database copy has the SHA-256 the manifest says (a cut-short or altered copy is refused),
 *   SQLite's integrity_check is ok, its schema is not newer than this app's (BACKUP_FROM_FUTURE),
 *   and every stored file still matches the SHA-256 in its name.
 * - Then the current data is itself backed up ("before-restore"), the backup's files are staged
 *   inside the data folder (same drive, so the swap is renames), and with the database closed the
 *   old database and folders are moved aside and the staged ones moved in. If any step fails the
 *   moves are undone and the old database opened again; nothing is left half-replaced.
 * - A restored database with an older schema is brought up to date by the usual migrations when
 *   it is opened again.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../app-error';
import { DATABASE_FILE_NAME, type ServiceContext } from '../context';
import { intactCopyVersion } from '../db/database-copy';
import { latestSchemaVersion } from '../db/migrations';
import { makePrivateFile } from '../private-files';
import { readManifest, STORED_FOLDERS, type BackupManifest } from './backup-manifest';
import { backupService, type BackupEntry } from './backup-service';
import { copyStoredFolder, damagedFiles, fileSha256, storedFiles } from './stored-folders';

export type RestoreReport = {
  restoredFrom: string;
  backupMadeAt: string;
  /** What was replaced: the database file and, per stored-files folder, files before and after. */
  replaced: { database: string; folders: Record<string, { before: number; after: number }> };
  /** The before-restore backup holding the data as it was just before. */
  previousKeptIn: BackupEntry;
};

const refuse = (code: string, message: string) => new AppError(code, message);

/** The backup folder a path names: the folder itself, or a file inside it. */
function backupFolderOf(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    throw refuse('BACKUP_NOT_FOUND', `There is nothing at ${path}. Choose a backup folder.`);
  }
}

export function restoreService(ctx: ServiceContext) {
  /** Every check a restore makes first; throws a coded AppError and changes nothing. */
  async function verify(path: string): Promise<{ folder: string; manifest: BackupManifest }> {
    const folder = backupFolderOf(path);
    const manifest = readManifest(folder);
    if (!manifest || manifest.database.file !== DATABASE_FILE_NAME) {
      throw refuse(
        'BACKUP_NOT_A_BACKUP',
        `${folder} is not a J3490 Desk backup (it has no backup manifest). Choose a folder from the backups folder.`,
      );
    }
    const dbFile = join(folder, DATABASE_FILE_NAME);
    if (!existsSync(dbFile)) {
      throw refuse('BACKUP_DAMAGED', 'This backup has lost its database file; it cannot be restored.');
    }
    if (manifest.schemaVersion > latestSchemaVersion) throw fromFuture(manifest.schemaVersion);
    if ((await fileSha256(dbFile)) !== manifest.database.sha256) {
      throw refuse(
        'BACKUP_DAMAGED',
        'The database in this backup has changed since the backup was made (cut short or altered); it cannot be restored.',
      );
    }
    const version = checkDatabase(dbFile);
    if (version > latestSchemaVersion) throw fromFuture(version);
    for (const name of STORED_FOLDERS) {
      const damaged = await damagedFiles(join(folder, name), ctx.dataKey);
      if (damaged.length > 0) {
        throw refuse(
          'BACKUP_DAMAGED',
          `${damaged.length} stored file(s) in the backup's ${name} folder have changed since the backup was made; it cannot be restored.`,
        );
      }
    }
    return { folder, manifest };
  }

  const fromFuture = (version: number) =>
    refuse(
      'BACKUP_FROM_FUTURE',
      `This backup was made by a newer version of J3490 Desk (schema ${version}; this app knows ${latestSchemaVersion}). Update the app to restore it.`,
    );

  /** integrity_check and the schema version of the backup's database (database-copy.ts). */
  function checkDatabase(file: string): number {
    const version = intactCopyVersion(ctx.db, file);
    if (version === null) {
      throw refuse(
        'BACKUP_DAMAGED',
        "The database in this backup is damaged (SQLite's integrity check failed); it cannot be restored.",
      );
    }
    return version;
  }

  /** The outcome goes to the support log: when the backup was made and how long, or the refusal's code. */
  async function restore(path: string): Promise<RestoreReport> {
    const started = Date.now();
    try {
      const report = await replaceFromBackup(path);
      ctx.log.info('backup', 'Restore done', {
        backupMadeAt: report.backupMadeAt,
        previousKeptIn: report.previousKeptIn.name,
        durationMs: Date.now() - started,
      });
      return report;
    } catch (err) {
      ctx.log[err instanceof AppError ? 'warn' : 'error']('backup', 'Restore refused; nothing was replaced', {
        code: err instanceof AppError ? err.code : 'INTERNAL',
        durationMs: Date.now() - started,
      });
      throw err;
    }
  }

  async function replaceFromBackup(path: string): Promise<RestoreReport> {
    const { folder, manifest } = await verify(path);
    const previous = await backupService(ctx).backupNow('before-restore');

    const tag = randomBytes(6).toString('hex');
    const staged = (name: string) => join(ctx.dataDir, `.restore-${tag}-${name}`);
    const aside = (name: string) => join(ctx.dataDir, `.replaced-${tag}-${name}`);
    const live = (name: string) => join(ctx.dataDir, name);
    const folders: RestoreReport['replaced']['folders'] = {};
    try {
      copyFileSync(join(folder, DATABASE_FILE_NAME), staged(DATABASE_FILE_NAME));
      makePrivateFile(staged(DATABASE_FILE_NAME));
      flush(staged(DATABASE_FILE_NAME));
      for (const name of STORED_FOLDERS) {
        const { count } = copyStoredFolder(join(folder, name), staged(name));
        folders[name] = { before: storedFiles(live(name)).length, after: count };
      }
    } catch (err) {
      cleanUp(staged);
      throw refuse(
        'RESTORE_FAILED',
        `The backup could not be copied into the data folder (${(err as Error).message}); nothing was replaced.`,
      );
    }

    const moves: [string, string][] = [];
    const move = (from: string, to: string) => {
      renameSync(from, to);
      moves.push([from, to]);
    };
    const undo = () => {
      for (const [from, to] of moves.reverse()) if (existsSync(to)) renameSync(to, from);
    };
    try {
      ctx.reopenAfter(() => {
        try {
          // The old -wal/-shm belong to the old file: left beside the new one they would be replayed into it.
          for (const name of [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`, `${DATABASE_FILE_NAME}-shm`]) {
            if (existsSync(live(name))) move(live(name), aside(name));
          }
          move(staged(DATABASE_FILE_NAME), live(DATABASE_FILE_NAME));
          for (const name of STORED_FOLDERS) {
            if (existsSync(live(name))) move(live(name), aside(name));
            move(staged(name), live(name));
          }
        } catch (err) {
          undo();
          throw err;
        }
        return undo;
      });
    } catch (err) {
      cleanUp(staged);
      throw refuse(
        'RESTORE_FAILED',
        `The backup could not replace the data (${(err as Error).message}); the data is as it was before.`,
      );
    }
    cleanUp(aside);
    return {
      restoredFrom: folder,
      backupMadeAt: manifest.createdAt,
      replaced: { database: live(DATABASE_FILE_NAME), folders },
      previousKeptIn: previous,
    };
  }

  /** On disk before it is renamed into place, so a power cut cannot leave a half-copied database. */
  function flush(file: string): void {
    const fd = openSync(file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  function cleanUp(place: (name: string) => string): void {
    for (const name of [
      DATABASE_FILE_NAME,
      `${DATABASE_FILE_NAME}-wal`,
      `${DATABASE_FILE_NAME}-shm`,
      ...STORED_FOLDERS,
    ]) {
      rmSync(place(name), { recursive: true, force: true });
    }
  }

  return { verify, restore };
}
