/**
 * Automatic backups: one when the app starts, then one every few hours while it is in use
 * (each door runs the schedule below), so a day's invoices and postings are never more than a
 * few hours from a copy. A backup is due when the last automatic one is from an earlier local day
 * or at least `everyHours` old; rotation (backup-rotation.ts) keeps the newest of each of the
 * last 7 days and 4 weeks. It copies between other work; a failure is logged, never fatal.
 */
import { localIsoDate, type ServiceContext } from '../context';
import { backupService, type BackupEntry } from './backup-service';

export const BACKUP_EVERY_HOURS = 4;
/** How often a running app asks whether a backup is due. */
export const CHECK_EVERY_MS = 15 * 60 * 1000;

export async function automaticBackupIfDue(
  ctx: ServiceContext,
  everyHours: number = BACKUP_EVERY_HOURS,
): Promise<BackupEntry | null> {
  const backups = backupService(ctx);
  const now = new Date(ctx.now());
  const last = backups
    .list()
    .filter((b) => b.reason === 'automatic')
    .map((b) => new Date(b.createdAt))
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const due =
    !last || localIsoDate(last) !== localIsoDate(now) || now.getTime() - last.getTime() >= everyHours * 60 * 60 * 1000;
  return due ? backups.backupNow('automatic') : null;
}

/**
 * The schedule a door runs: a backup now if due, then a check every CHECK_EVERY_MS. Failures go
 * to `onError` (the support log already has them from backupNow). Returns the stop for shutdown.
 */
export function scheduleAutomaticBackups(
  ctx: ServiceContext,
  onError: (err: unknown) => void,
  options: { everyHours?: number; checkEveryMs?: number } = {},
): () => void {
  let running = false;
  const check = () => {
    // One at a time: a slow copy of a large folder is never overlapped by the next check.
    if (running) return;
    running = true;
    automaticBackupIfDue(ctx, options.everyHours)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
