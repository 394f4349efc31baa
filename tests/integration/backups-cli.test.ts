/**
 * `j3490 backup` and `j3490 restore PATH` on a data folder: the backup folder printed, a restore
 * that brings the record back and prints what it replaced and where the data as it was is kept,
 * and a refusal (exit 2, coded) that changes nothing.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/services/context';
import { runCliIn } from './cli-run';
import { makeTempDir, removeTempDir } from './temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const practice = (name: string) => [
  'practice',
  'set',
  '--name',
  name,
  '--address-line1',
  '100 Main St',
  '--city',
  'Springfield',
  '--state',
  'IL',
  '--zip',
  '62701',
  '--phone',
  '217-555-0100',
  '--billing-contact',
  'Pat Biller',
  '--npi',
  '1234567893',
  '--tin',
  '12-3456789',
];

const practiceName = async () => ((await runCliIn(dir, ['practice', 'show'])).json as { name: string }).name;

describe('j3490 backup and restore', () => {
  it('backs up, then restores the practice name as it was, keeping the replaced data as a backup', async () => {
    expect((await runCliIn(dir, practice('Lakeside Infusion Center'))).code).toBe(0);

    const backup = await runCliIn(dir, ['backup']);
    expect(backup.code).toBe(0);
    const folder = backup.json.folder as string;
    expect(folder.startsWith(join(dir, 'backups'))).toBe(true);
    expect(existsSync(join(folder, DATABASE_FILE_NAME))).toBe(true);
    expect(existsSync(join(folder, 'manifest.json'))).toBe(true);

    await runCliIn(dir, practice('Lakeside Infusion Center West'));
    expect(await practiceName()).toBe('Lakeside Infusion Center West');

    const restored = await runCliIn(dir, ['restore', folder]);
    expect(restored.code).toBe(0);
    expect(restored.json).toMatchObject({
      restoredFrom: folder,
      replaced: {
        database: join(dir, DATABASE_FILE_NAME),
        folders: { scans: { before: 0, after: 0 }, documents: { before: 0, after: 0 } },
      },
    });
    const kept = restored.json.previousDataKeptIn as string;
    expect(kept).toMatch(/-before-restore$/);
    expect(existsSync(join(kept, DATABASE_FILE_NAME))).toBe(true);
    expect(await practiceName()).toBe('Lakeside Infusion Center');
  });

  it('refuses a folder that is not a backup (exit 2, coded) and changes nothing', async () => {
    await runCliIn(dir, practice('Lakeside Infusion Center'));
    const other = join(dir, 'somewhere-else');
    mkdirSync(other);
    const before = readFileSync(join(dir, DATABASE_FILE_NAME));
    const refused = await runCliIn(dir, ['restore', other]);
    expect(refused.code).toBe(2);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_A_BACKUP' } });
    expect(readFileSync(join(dir, DATABASE_FILE_NAME)).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('asks for the path when none is given', async () => {
    const refused = await runCliIn(dir, ['restore']);
    expect(refused.code).toBe(2);
    expect(refused.json).toMatchObject({ error: { code: 'ARGUMENT_MISSING' } });
  });
});
