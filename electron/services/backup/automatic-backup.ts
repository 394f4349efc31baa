/**
 * The automatic backup each door makes when the app starts: at most one a day (the machine's
 * local day), so a practice that opens the app every morning has a backup of every working day,
 * and rotation (backup-rotation.ts) keeps the last week of days and the last month of weeks. It
 * runs after the app is open, copying between other work; a failure is logged, never fatal.
 */
import { localIsoDate, type ServiceContext } from '../context';
import { backupService, type BackupEntry } from './backup-service';

export async function automaticBackupIfDue(ctx: ServiceContext): Promise<BackupEntry | null> {
  const backups = backupService(ctx);
  const today = localIsoDate(new Date(ctx.now()));
  const doneToday = backups
    .list()
    .some((b) => b.reason === 'automatic' && localIsoDate(new Date(b.createdAt)) === today);
  return doneToday ? null : backups.backupNow('automatic');
}
