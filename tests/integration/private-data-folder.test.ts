/**
 * Issue 15 item 9, the data folder's modes: everything the app writes there (database and its
 * -wal/-shm, scans, generated documents, stored 835 files, backups and their manifests, the log,
 * a restore's staged copies) is readable by this account only, folders 0700 and files 0600, under
 * a umask that would otherwise leave them open to every account; and a folder an earlier version
 * left 0755/0644 is closed when the services open it. Windows has no such modes (its profile ACL
 * keeps the folder private), so these run elsewhere only.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupService } from '../../electron/services/backup/backup-service';
import { restoreService } from '../../electron/services/backup/restore-service';
import { DATABASE_FILE_NAME, openServices } from '../../electron/services/context';
import type { EraReadingResult } from '../../shared/api/remittance-channels';
import { billedAdministration, seedPractice } from '../fixtures/claim-seed';
import { remittance835 } from '../fixtures/era/remittance-835';
import { serviceCalls } from './service-calls';
import { makeTempDir, removeTempDir, testClock } from './temp-dir';

/** Every folder and file under `root` (root included) with its permission bits, as "path 0700". */
function modesUnder(root: string): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  const visit = (path: string, shown: string) => {
    const st = lstatSync(path);
    const entry = `${shown} ${(st.mode & 0o777).toString(8).padStart(4, '0')}`;
    if (st.isDirectory()) {
      folders.push(entry);
      for (const name of readdirSync(path).sort()) visit(join(path, name), `${shown}/${name}`);
    } else files.push(entry);
  };
  visit(root, '.');
  return { folders, files };
}

const onlyOwner = (entries: string[], mode: string) => entries.filter((e) => !e.endsWith(` ${mode}`));

describe.skipIf(process.platform === 'win32')('the data folder is private to the account running the app', () => {
  let root: string;
  let umaskBefore: number;
  beforeEach(() => {
    root = makeTempDir();
    // The widest umask: what a create gets is then only what the code asked for.
    umaskBefore = process.umask(0);
  });
  afterEach(() => {
    process.umask(umaskBefore);
    removeTempDir(root);
  });

  it('a scan, a document, an 835 file, a backup and a restore later: every folder 0700, every file 0600', async () => {
    const dataDir = join(root, 'fresh', 'J3490 Desk');
    const services = openServices({ dataDir, mode: 'browser', now: testClock().now, actor: 'tester' });
    const loggedErrors: string[] = [];
    try {
      const { value } = serviceCalls(() => services.handlers, loggedErrors);
      // seedPractice attaches a scanned invoice.
      const s = await seedPractice(value);
      const a = await billedAdministration(value, s, s.patients[0]!, { claimNumber: 'CLM-1' });
      await value('attachments:generate', { administrationId: a.id });
      const text = remittance835([{ administration: a, lines: [{ kind: 'given' }, { kind: 'wasted' }] }]);
      const imported = await value<EraReadingResult>('remittances:import', {
        fileName: 'medicare.835',
        contentBase64: Buffer.from(text, 'latin1').toString('base64'),
      });
      expect(imported.importId).toBeGreaterThan(0);
      const backup = await backupService(services.ctx).backupNow('manual');
      await restoreService(services.ctx).restore(backup.path);
      // A write on the restored database: its -wal and -shm are made anew.
      await value('suppliers:create', { name: 'Cardinal Health' });

      const { folders, files } = modesUnder(dataDir);
      // The control: the walk did see what was written.
      const names = files.map((f) => f.split(' ')[0]);
      for (const expected of [
        `./${DATABASE_FILE_NAME}`,
        `./${DATABASE_FILE_NAME}-wal`,
        `./${DATABASE_FILE_NAME}-shm`,
        './logs/j3490.log',
      ]) {
        expect(names).toContain(expected);
      }
      for (const folder of ['scans', 'documents', 'remittances']) {
        expect(names.some((n) => n?.startsWith(`./${folder}/`))).toBe(true);
        expect(names.some((n) => n?.startsWith(`./backups/${backup.name}/${folder}/`))).toBe(true);
      }
      expect(names).toContain(`./backups/${backup.name}/manifest.json`);
      expect(names).toContain(`./backups/${backup.name}/${DATABASE_FILE_NAME}`);
      // The restore left a before-restore backup too.
      expect(folders.filter((f) => /^\.\/backups\/[^/]*-before-restore /.test(f))).toHaveLength(1);
      // The parent folders the app created on the way are private too.
      expect(statSync(join(root, 'fresh')).mode & 0o777).toBe(0o700);

      expect(onlyOwner(folders, '0700')).toEqual([]);
      expect(onlyOwner(files, '0600')).toEqual([]);
      expect(loggedErrors).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('closes a folder an earlier version left 0755 with files 0644 when the services open it', () => {
    const dataDir = join(root, 'old');
    openServices({ dataDir, mode: 'cli' }).close();
    mkdirSync(join(dataDir, 'scans'), { mode: 0o755 });
    const scan = join(dataDir, 'scans', `${'a'.repeat(64)}.pdf`);
    writeFileSync(scan, '%PDF-1.4\n', { mode: 0o644 });
    for (const [path, mode] of [
      [dataDir, 0o755],
      [join(dataDir, 'scans'), 0o755],
      [join(dataDir, DATABASE_FILE_NAME), 0o644],
      [scan, 0o644],
    ] as const) {
      chmodSync(path, mode);
    }
    expect(onlyOwner(modesUnder(dataDir).folders, '0700').length).toBeGreaterThan(0);

    openServices({ dataDir, mode: 'cli' }).close();

    const { folders, files } = modesUnder(dataDir);
    expect(files.map((f) => f.split(' ')[0])).toContain(`./scans/${'a'.repeat(64)}.pdf`);
    expect(onlyOwner(folders, '0700')).toEqual([]);
    expect(onlyOwner(files, '0600')).toEqual([]);
    const log = modesUnder(join(dataDir, 'logs')).files;
    expect(log.length).toBeGreaterThan(0);
  });

  it('closes a database file left 0644 even when the folder is already private', () => {
    const dataDir = join(root, 'db-only');
    openServices({ dataDir, mode: 'cli' }).close();
    chmodSync(join(dataDir, DATABASE_FILE_NAME), 0o644);
    openServices({ dataDir, mode: 'cli' }).close();
    expect(statSync(join(dataDir, DATABASE_FILE_NAME)).mode & 0o777).toBe(0o600);
  });
});
