/**
 * Backups and restore (issue 15 item 1) against a real data folder: what a backup holds, what a
 * restore brings back, what it refuses without changing anything, which automatic backups
 * rotation keeps, and the before-restore backup a restore leaves.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupService } from '../../electron/services/backup/backup-service';
import { restoreService } from '../../electron/services/backup/restore-service';
import { readManifest } from '../../electron/services/backup/backup-manifest';
import { automaticBackupIfDue, scheduleAutomaticBackups } from '../../electron/services/backup/automatic-backup';
import { sha256Hex } from '../../electron/services/content-file';
import { DATABASE_FILE_NAME } from '../../electron/services/context';
import { latestSchemaVersion } from '../../electron/services/db/migrations';
import { scanStore } from '../../electron/services/scan-store';
import type { Drug } from '../../shared/domain/drug-catalog';
import { serviceHarness } from './service-harness';

const h = serviceHarness();

const ziconotide = {
  ndc: '0002-7597-01',
  genericName: 'Ziconotide',
  brandName: 'Prialt',
  strengthAmount: '25',
  strengthUnit: 'mcg',
  packageSize: '20',
  ndcUnit: 'ML',
  container: 'single-dose',
  route: 'IT',
};

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`, 'latin1');
const backups = () => backupService(h.services().ctx);
const restores = () => restoreService(h.services().ctx);
const drugName = async (id: number) => (await h.value<Drug>('drugs:get', { id })).genericName;
const dbBytes = () => readFileSync(join(h.dir(), DATABASE_FILE_NAME));

async function seeded() {
  const drug = await h.value<Drug>('drugs:create', ziconotide);
  const scan = scanStore(h.dir()).save(pdf('invoice 1001'), 'application/pdf');
  return { drug, scan };
}

describe('a backup', () => {
  it('holds a consistent copy of the database, the stored files and a manifest with the copy’s SHA-256', async () => {
    const { scan } = await seeded();
    const entry = await backups().backupNow('manual');

    expect(entry.name).toMatch(/^2025-03-01T120000Z-manual$/);
    expect(entry.reason).toBe('manual');
    expect(entry.counts.drugs).toBe(1);
    const copy = join(entry.path, DATABASE_FILE_NAME);
    const manifest = readManifest(entry.path);
    expect(manifest?.schemaVersion).toBe(latestSchemaVersion);
    expect(manifest?.database.sha256).toBe(sha256Hex(readFileSync(copy)));
    expect(manifest?.files.scans).toEqual({ count: 1, bytes: pdf('invoice 1001').length });
    // The copy is one self-contained file (no WAL beside it) that holds the drug.
    expect(readdirSync(entry.path).sort()).toEqual([
      'documents',
      DATABASE_FILE_NAME,
      'manifest.json',
      'remittances',
      'scans',
    ]);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT generic_name AS n FROM drugs').all()).toEqual([{ n: 'Ziconotide' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(readFileSync(join(entry.path, 'scans', `${scan.sha256}.pdf`))).toEqual(pdf('invoice 1001'));
  });

  it('is listed newest first; two in the same second get distinct names; a half-written one is never listed', async () => {
    await seeded();
    const first = await backups().backupNow('manual');
    const second = await backups().backupNow('manual');
    expect(second.name).toBe(`${first.name}-2`);
    // What a crash mid-backup leaves, and a folder someone put there.
    mkdirSync(join(h.dir(), 'backups', '.tmp-abc123', 'scans'), { recursive: true });
    mkdirSync(join(h.dir(), 'backups', 'holiday photos'));
    h.clock.advance(60);
    const third = await backups().backupNow('automatic');
    expect(
      backups()
        .list()
        .map((b) => b.name),
    ).toEqual([third.name, second.name, first.name]);
    expect(existsSync(join(h.dir(), 'backups', '.tmp-abc123'))).toBe(false);
  });
});

describe('restore', () => {
  it('brings back a changed record and a deleted scan, and keeps the replaced data as a before-restore backup', async () => {
    const { drug, scan } = await seeded();
    const backup = await backups().backupNow('manual');

    h.clock.advance(3600);
    await h.value('drugs:update', {
      ...ziconotide,
      id: drug.id,
      version: h.version('drugs', drug.id),
      genericName: 'Ziconotide acetate',
    });
    unlinkSync(scan.path);
    const later = scanStore(h.dir()).save(pdf('invoice 2002'), 'application/pdf');

    const report = await restores().restore(backup.path);

    expect(await drugName(drug.id)).toBe('Ziconotide');
    expect(readFileSync(scan.path)).toEqual(pdf('invoice 1001'));
    expect(existsSync(later.path)).toBe(false);
    expect(report.replaced.folders.scans).toEqual({ before: 1, after: 1 });
    expect(report.previousKeptIn.reason).toBe('before-restore');
    // The before-restore backup holds the data as it was just before: the changed name, the later scan.
    const kept = new Database(join(report.previousKeptIn.path, DATABASE_FILE_NAME), { readonly: true });
    expect(kept.prepare('SELECT generic_name AS n FROM drugs').all()).toEqual([{ n: 'Ziconotide acetate' }]);
    kept.close();
    expect(existsSync(join(report.previousKeptIn.path, 'scans', `${later.sha256}.pdf`))).toBe(true);
    // Nothing staged or moved aside is left in the data folder.
    expect(readdirSync(h.dir()).filter((n) => n.startsWith('.'))).toEqual([]);
    // The services work on the restored database: a new record can be written and read.
    await h.value('drugs:update', {
      ...ziconotide,
      id: drug.id,
      version: h.version('drugs', drug.id),
      genericName: 'Ziconotide again',
    });
    expect(await drugName(drug.id)).toBe('Ziconotide again');
  });

  it('restores from the database file named inside a backup folder too', async () => {
    const { drug } = await seeded();
    const backup = await backups().backupNow('manual');
    await h.value('drugs:update', {
      ...ziconotide,
      id: drug.id,
      version: h.version('drugs', drug.id),
      genericName: 'Changed',
    });
    await restores().restore(join(backup.path, DATABASE_FILE_NAME));
    expect(await drugName(drug.id)).toBe('Ziconotide');
  });

  describe('refuses bad input with a code and changes nothing', () => {
    async function refusedWith(prepare: (backupPath: string) => string): Promise<string> {
      const { drug } = await seeded();
      const backup = await backups().backupNow('manual');
      await h.value('drugs:update', {
        ...ziconotide,
        id: drug.id,
        version: h.version('drugs', drug.id),
        genericName: 'Changed',
      });
      const path = prepare(backup.path);
      const before = dbBytes();
      const listed = backups().list().length;
      const err = await restores()
        .restore(path)
        .then(
          () => null,
          (e: { code: string }) => e,
        );
      expect(err).not.toBeNull();
      expect(await drugName(drug.id)).toBe('Changed');
      expect(dbBytes().equals(before)).toBe(true);
      // No before-restore backup either: the refusal came before anything was done.
      expect(backups().list()).toHaveLength(listed);
      return (err as { code: string }).code;
    }

    it('a truncated database copy', async () => {
      const code = await refusedWith((p) => {
        truncateSync(join(p, DATABASE_FILE_NAME), 4096);
        return p;
      });
      expect(code).toBe('BACKUP_DAMAGED');
    });

    it('a corrupt database whose manifest was rewritten to match', async () => {
      const code = await refusedWith((p) => {
        const file = join(p, DATABASE_FILE_NAME);
        const bytes = readFileSync(file);
        bytes.fill(0x5a, 4096, 8192);
        writeFileSync(file, bytes);
        rewriteSha(p);
        return p;
      });
      expect(code).toBe('BACKUP_DAMAGED');
    });

    it('a folder that is not a backup', async () => {
      const code = await refusedWith(() => {
        const other = join(h.dir(), 'not-a-backup');
        mkdirSync(other);
        writeFileSync(join(other, DATABASE_FILE_NAME), 'hello');
        return other;
      });
      expect(code).toBe('BACKUP_NOT_A_BACKUP');
    });

    it('a path where there is nothing', async () => {
      expect(await refusedWith((p) => join(p, 'gone', 'nowhere'))).toBe('BACKUP_NOT_FOUND');
    });

    it('a backup from a newer version of the app (schema from the future)', async () => {
      const code = await refusedWith((p) => {
        const file = join(p, DATABASE_FILE_NAME);
        const db = new Database(file);
        db.pragma(`user_version = ${latestSchemaVersion + 1}`);
        db.close();
        rewriteSha(p);
        return p;
      });
      expect(code).toBe('BACKUP_FROM_FUTURE');
    });

    it('a stored file altered inside the backup', async () => {
      const code = await refusedWith((p) => {
        const scans = join(p, 'scans');
        const [name] = readdirSync(scans);
        // A fresh file (not writing through the hard link, which would alter the live scan too).
        rmSync(join(scans, name as string));
        writeFileSync(join(scans, name as string), pdf('altered'));
        return p;
      });
      expect(code).toBe('BACKUP_DAMAGED');
    });
  });
});

function rewriteSha(folder: string): void {
  const path = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { database: { sha256: string } };
  manifest.database.sha256 = sha256Hex(readFileSync(join(folder, DATABASE_FILE_NAME)));
  writeFileSync(path, JSON.stringify(manifest));
}

describe('rotation of automatic backups', () => {
  it('keeps the newest of the last 7 days and of the last 4 weeks; manual ones stay', async () => {
    await seeded();
    // 40 days of automatic backups, two a day (08:00 and 17:00 local time: rotation counts the
    // practice's own days), and one manual one at the start.
    const local = (month: number, day: number, hour: number) => new Date(2025, month, day, hour).toISOString();
    h.clock.set(local(0, 1, 7));
    const manual = await backups().backupNow('manual');
    const made: string[] = [];
    for (let day = 1; day <= 40; day++) {
      for (const hour of [8, 17]) {
        h.clock.set(local(0, day, hour));
        made.push((await backups().backupNow('automatic')).createdAt);
      }
    }
    const kept = backups().list();
    expect(kept.filter((b) => b.reason === 'manual').map((b) => b.name)).toEqual([manual.name]);
    const automatic = kept.filter((b) => b.reason === 'automatic').map((b) => b.createdAt);
    // Last day 2025-02-09 (a Sunday): the 17:00 backups of Feb 3–9 are the daily ones; the weeks
    // starting Jan 13, 20 and 27 keep their Sunday 17:00 backup (the week of Feb 3 is already kept).
    expect(automatic).toEqual([
      local(1, 9, 17),
      local(1, 8, 17),
      local(1, 7, 17),
      local(1, 6, 17),
      local(1, 5, 17),
      local(1, 4, 17),
      local(1, 3, 17),
      local(1, 2, 17),
      local(0, 26, 17),
      local(0, 19, 17),
    ]);
    expect(made).toHaveLength(80);
  }, 60_000);
});

describe('the backups channels (what the Settings card calls)', () => {
  it('create, list and restore through the contract; the same handler table answers from the restored database', async () => {
    const { drug } = await seeded();
    const made = await h.value<{ name: string; reason: string; bytes: number }>('backups:create', {});
    expect(made.reason).toBe('manual');
    expect(made.bytes).toBeGreaterThan(0);
    const listed = await h.value<{ folder: string; rows: { name: string }[] }>('backups:list', {});
    expect(listed.folder).toBe(join(h.dir(), 'backups'));
    expect(listed.rows.map((r) => r.name)).toEqual([made.name]);

    await h.value('drugs:update', {
      ...ziconotide,
      id: drug.id,
      version: h.version('drugs', drug.id),
      genericName: 'Changed',
    });
    h.clock.advance(60);
    const restored = await h.value<{ restored: { name: string }; previousKeptIn: { reason: string } }>(
      'backups:restore',
      { name: made.name },
    );
    expect(restored.restored.name).toBe(made.name);
    expect(restored.previousKeptIn.reason).toBe('before-restore');
    expect(await drugName(drug.id)).toBe('Ziconotide');
    expect((await h.value<{ rows: unknown[] }>('backups:list', {})).rows).toHaveLength(2);
  });

  it('refuses a name that is not a listed backup, a path above all', async () => {
    expect((await h.refusal('backups:restore', { name: '../../etc' })).code).toBe('BACKUP_NOT_FOUND');
    expect((await h.refusal('backups:restore', { name: '2025-03-01T120000Z-manual' })).code).toBe('BACKUP_NOT_FOUND');
  });
});

describe('the automatic backups', () => {
  it('are made at start and every 4 hours of use, on each new day, and never count a manual one', async () => {
    await seeded();
    const at = (day: number, hour: number) => new Date(2025, 2, day, hour).toISOString();
    h.clock.set(at(3, 7));
    await backups().backupNow('manual');
    h.clock.set(at(3, 8));
    const first = await automaticBackupIfDue(h.services().ctx);
    expect(first?.reason).toBe('automatic');
    h.clock.set(at(3, 11));
    expect(await automaticBackupIfDue(h.services().ctx)).toBeNull();
    h.clock.set(at(3, 12));
    expect((await automaticBackupIfDue(h.services().ctx))?.createdAt).toBe(at(3, 12));
    h.clock.set(at(4, 0));
    expect((await automaticBackupIfDue(h.services().ctx))?.createdAt).toBe(at(4, 0));
    // Rotation keeps the newest automatic backup of each day: 8:00 gave way to 12:00.
    expect(
      backups()
        .list()
        .map((b) => [b.reason, b.createdAt]),
    ).toEqual([
      ['automatic', at(4, 0)],
      ['automatic', at(3, 12)],
      ['manual', at(3, 7)],
    ]);
  });

  it('run on a schedule while the app is open, one at a time', async () => {
    await seeded();
    const at = (hour: number) => new Date(2025, 2, 3, hour).toISOString();
    h.clock.set(at(8));
    const errors: unknown[] = [];
    const stop = scheduleAutomaticBackups(h.services().ctx, (e) => errors.push(e), { checkEveryMs: 20 });
    try {
      const newest = () => backups().list()[0]?.createdAt;
      await expect.poll(newest).toBe(at(8));
      h.clock.set(at(11));
      // Checks within the 4 hours add nothing.
      await new Promise((r) => setTimeout(r, 150));
      expect(newest()).toBe(at(8));
      h.clock.set(at(12));
      await expect.poll(newest).toBe(at(12));
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
  });
});

describe('deleting a backup', () => {
  it('removes a listed backup, leaves the data and the others, and refuses the only one left', async () => {
    await seeded();
    const older = await backups().backupNow('manual');
    h.clock.advance(60);
    const newer = await backups().backupNow('manual');
    const gone = await h.value<{ name: string }>('backups:delete', { name: older.name });
    expect(gone.name).toBe(older.name);
    expect(existsSync(older.path)).toBe(false);
    expect(
      backups()
        .list()
        .map((b) => b.name),
    ).toEqual([newer.name]);
    // No trace of the deleted folder is left under another name either.
    expect(readdirSync(join(h.dir(), 'backups'))).toEqual([newer.name]);
    const refused = await h.refusal('backups:delete', { name: newer.name });
    expect(refused.code).toBe('BACKUP_LAST_ONE');
    expect(existsSync(newer.path)).toBe(true);
    expect((await h.refusal('backups:delete', { name: older.name })).code).toBe('BACKUP_NOT_FOUND');
    expect((await h.refusal('backups:delete', { name: '../../etc' })).code).toBe('BACKUP_NOT_FOUND');
  });
});
