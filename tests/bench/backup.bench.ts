/**
 * Backup and restore figures (issue 15: a 1 GB database backed up in ≤ 15 s without blocking the
 * UI; a restore verified in ≤ 20 s). The database is filled to J3490_BENCH_BACKUP_MB megabytes
 * (256 unless set; 1024 for the size) with filler rows; the longest pause of the event
 * loop during the backup says whether the UI would have stalled.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { backupService } from '../../electron/services/backup/backup-service';
import { restoreService } from '../../electron/services/backup/restore-service';
import { openServices } from '../../electron/services/context';
import { figure, ms, tempDir } from './bench-util';

const megabytes = Number(process.env.J3490_BENCH_BACKUP_MB ?? 256);
const dir = tempDir();
const services = openServices({ dataDir: dir, mode: 'cli' });

async function main(): Promise<void> {
  const db = services.ctx.db;
  db.exec('CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, body BLOB) STRICT');
  const insert = db.prepare('INSERT INTO bench_filler (body) VALUES (?)');
  const chunk = 64 * 1024;
  db.transaction(() => {
    for (let i = 0; i < (megabytes * 1024 * 1024) / chunk; i++) insert.run(randomBytes(chunk));
  })();

  let longestPause = 0;
  let last = process.hrtime.bigint();
  const timer = setInterval(() => {
    longestPause = Math.max(longestPause, ms(last));
    last = process.hrtime.bigint();
  }, 5);
  const t = process.hrtime.bigint();
  const made = await backupService(services.ctx).backupNow('manual');
  const backupMs = ms(t);
  clearInterval(timer);
  figure(`backup of a ${megabytes} MB database`, `${(backupMs / 1000).toFixed(2)} s`, '≤ 15 s for 1 GB');
  figure('longest event-loop pause during the backup', `${longestPause.toFixed(0)} ms`);

  const v = process.hrtime.bigint();
  await restoreService(services.ctx).verify(made.path);
  figure(
    `restore checks (SHA-256, integrity_check, schema) of ${megabytes} MB`,
    `${(ms(v) / 1000).toFixed(2)} s`,
    '≤ 20 s for 1 GB',
  );
}

main()
  .finally(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
