/**
 * `j3490 backup` and `j3490 restore PATH` (issue 15): a backup of the data folder now, and a
 * restore that asks nothing (the command line is for scripts) but says what it replaced and
 * where the data as it was is kept. The process ends right after, so nothing keeps the old
 * connection.
 */
import { resolve } from 'node:path';
import { fail, ok, type Reply } from '../shared/api/reply';
import { AppError } from './services/app-error';
import { backupService } from './services/backup/backup-service';
import { restoreService } from './services/backup/restore-service';
import type { ServiceContext } from './services/context';

export async function backupCommand(ctx: ServiceContext): Promise<Reply<unknown>> {
  return coded(async () => {
    const b = await backupService(ctx).backupNow('manual');
    return { folder: b.path, createdAt: b.createdAt, bytes: b.bytes, counts: b.counts };
  });
}

export async function restoreCommand(ctx: ServiceContext, path: string | undefined): Promise<Reply<unknown>> {
  if (!path) return fail('ARGUMENT_MISSING', 'Say which backup: j3490 restore PATH (a folder in the backups folder).');
  return coded(async () => {
    const r = await restoreService(ctx).restore(resolve(path));
    return {
      restoredFrom: r.restoredFrom,
      backupMadeAt: r.backupMadeAt,
      replaced: r.replaced,
      previousDataKeptIn: r.previousKeptIn.path,
    };
  });
}

async function coded<T>(run: () => Promise<T>): Promise<Reply<T>> {
  try {
    return ok(await run());
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message);
    throw err;
  }
}
