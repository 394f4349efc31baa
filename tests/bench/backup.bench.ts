/**
 * Backup and restore figures (issue 15: a 1 GB database backed up in ≤ 15 s without blocking the
 * UI; a restore verified in ≤ 20 s). The database is filled to J3490_BENCH_BACKUP_MB megabytes
 * (256 unless set; 1024 for the size) with filler rows; the longest pause of the event
 * loop during the backup says whether the UI would have stalled. Each figure twice: a folder in
 * clear (SQLite's online backup) and an encrypted one (VACUUM INTO in a worker thread).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { backupService } from '../../electron/services/backup/backup-service';
import { restoreService } from '../../electron/services/backup/restore-service';
import { openServices } from '../../electron/services/context';
import { figure, ms, tempDir } from './bench-util';

const megabytes = Number(process.env.J3490_BENCH_BACKUP_MB ?? 256);

async function measure(encrypted: boolean): Promise<void> {
  const dir = tempDir();
  const services = openServices({
    dataDir: dir,
    mode: 'cli',
    ...(encrypted ? { unlock: { passphrase: 'bench passphrase, not secret' } } : {}),
  });
  const label = encrypted ? 'encrypted' : 'in clear';
  try {
    await measureOn(services, label);
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureOn(services: ReturnType<typeof openServices>, label: string): Promise<void> {
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
  figure(`backup of a ${megabytes} MB database, ${label}`, `${(backupMs / 1000).toFixed(2)} s`, '≤ 15 s for 1 GB');
  figure(`longest event-loop pause during the backup, ${label}`, `${longestPause.toFixed(0)} ms`);

  const v = process.hrtime.bigint();
  await restoreService(services.ctx).verify(made.path);
  figure(
    `restore checks (SHA-256, integrity_check, schema) of ${megabytes} MB, ${label}`,
    `${(ms(v) / 1000).toFixed(2)} s`,
    '≤ 20 s for 1 GB',
  );
}

measure(false)
  .then(() => measure(true))
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
