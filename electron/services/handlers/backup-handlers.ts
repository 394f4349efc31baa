/**
 * Backups from the UI: the list, a backup now, a restore and a delete of a listed backup (named,
 * never a path from the renderer). After a restore the services are already reopened on the restored
 * database (context.ts reopenAfter); the UI reloads to forget what it had read before.
 */
import { AppError } from '../app-error';
import { backupsFolder, backupService, type BackupEntry } from '../backup/backup-service';
import { restoreService } from '../backup/restore-service';
import type { ServiceContext } from '../context';
import type { HandlersFor } from './handler-types';

const row = ({ path: _path, ...rest }: BackupEntry) => rest;

export function backupHandlers(
  ctx: ServiceContext,
): HandlersFor<'backups:list' | 'backups:create' | 'backups:restore' | 'backups:delete'> {
  const backups = backupService(ctx);
  return {
    'backups:list': () => ({ folder: backupsFolder(ctx.dataDir), rows: backups.list().map(row) }),
    'backups:create': async () => row(await backups.backupNow('manual')),
    'backups:restore': async ({ name }) => {
      const chosen = backups.list().find((b) => b.name === name);
      if (!chosen) throw new AppError('BACKUP_NOT_FOUND', 'That backup is no longer in the backups folder.');
      const report = await restoreService(ctx).restore(chosen.path);
      return { restored: row(chosen), previousKeptIn: row(report.previousKeptIn), folders: report.replaced.folders };
    },
    'backups:delete': ({ name }) => row(backups.remove(name)),
  };
}
