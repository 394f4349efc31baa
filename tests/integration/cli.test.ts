/**
 * The `j3490` command: in-process through runCli with captured output (fast, every path), plus
 * the real bin spawned once under Node and once through npx.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli';
import { DATABASE_FILE_NAME } from '../../electron/services/context';
import { latestSchemaVersion } from '../../electron/services/db/migrations';
import type { Drug } from '../../shared/domain/drug-catalog';
import type { PracticeSettings } from '../../shared/domain/practice-settings';
import { makeTempDir, removeTempDir } from './temp-dir';

const repoRoot = resolve(__dirname, '../..');

let dir: string;
let savedDataDirEnv: string | undefined;

beforeEach(() => {
  dir = makeTempDir();
  // Belt and braces: a test that forgot --data-dir must never reach the user's real data folder.
  savedDataDirEnv = process.env.J3490_DATA_DIR;
  process.env.J3490_DATA_DIR = join(dir, 'env-default');
});

afterEach(() => {
  if (savedDataDirEnv === undefined) delete process.env.J3490_DATA_DIR;
  else process.env.J3490_DATA_DIR = savedDataDirEnv;
  removeTempDir(dir);
});

type Run = { code: number; out: string; err: string; json: unknown };

async function cli(args: string[], stdin = ''): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: () => stdin };
  const code = await runCli(['--data-dir', dir, ...args], io);
  const text = out.join('\n');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { code, out: text, err: err.join('\n'), json };
}

const addZiconotide = [
  'drugs',
  'add',
  '--ndc',
  '0002-7597-01',
  '--generic-name',
  'Ziconotide',
  '--brand-name',
  'Prialt',
  '--strength-amount',
  '25',
  '--strength-unit',
  'mcg',
  '--package-size',
  '20',
  '--ndc-unit',
  'ML',
  '--container',
  'single-dose',
  '--route',
  'IT',
];

const practiceFlags = [
  '--name',
  'Lakeside Infusion Center',
  '--address-line1',
  '100 Main St',
  '--city',
  'Springfield',
  '--state',
  'IL',
  '--zip',
  '62701',
  '--phone',
  '2175550100',
  '--billing-contact',
  'Pat Biller',
  '--npi',
  '1234567893',
  '--tin',
  '12-3456789',
];

describe('help and discovery', () => {
  it('--help exits 0 and mentions --data-dir and every command', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('--data-dir');
    for (const command of [
      'practice show',
      'practice set',
      'drugs list',
      'drugs add',
      'drugs show',
      'drugs delete',
      'call',
    ]) {
      expect(run.out).toContain(command);
    }
    expect(existsSync(join(dir, DATABASE_FILE_NAME))).toBe(false);
  });

  it('no command at all prints the help too', async () => {
    const run = await cli([]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: j3490');
  });

  it('channels lists every contract channel as JSON', async () => {
    const run = await cli(['channels']);
    expect(run.code).toBe(0);
    const list = run.json as { channel: string; summary: string }[];
    expect(list.map((c) => c.channel)).toEqual(
      expect.arrayContaining(['drugs:list', 'drugs:create', 'practice:get', 'practice:set', 'app:info']),
    );
    for (const c of list) expect(c.summary.length).toBeGreaterThan(0);
  });
});

describe('drugs', () => {
  it('drugs add exits 0 and prints the drug with its ndc11', async () => {
    const run = await cli(addZiconotide);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({
      id: 1,
      ndc11: '00002759701',
      genericName: 'Ziconotide',
      brandName: 'Prialt',
      strengthAmount: '25',
      strengthUnit: 'mcg',
      packageSize: '20',
      ndcUnit: 'ML',
      container: 'single-dose',
      route: 'IT',
    });
    expect(existsSync(join(dir, DATABASE_FILE_NAME))).toBe(true);
  });

  it('the same NDC again exits 2 with DRUG_NDC_TAKEN', async () => {
    expect((await cli(addZiconotide)).code).toBe(0);
    const again = await cli(addZiconotide.map((a) => (a === '0002-7597-01' ? '00002759701' : a)));
    expect(again.code).toBe(2);
    expect(again.json).toMatchObject({
      ok: false,
      error: { code: 'DRUG_NDC_TAKEN', fields: [{ field: 'ndc', code: 'DRUG_NDC_TAKEN' }] },
    });
  });

  it('drugs add with an ambiguous NDC exits 2 with NDC_AMBIGUOUS', async () => {
    const run = await cli(addZiconotide.map((a) => (a === '0002-7597-01' ? '0002759701' : a)));
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'NDC_AMBIGUOUS' } });
  });

  it('drugs list, with search, sort, --desc and --limit', async () => {
    await cli(addZiconotide);
    await cli([
      ...addZiconotide.slice(0, 2),
      '--ndc',
      '50242-040-62',
      '--generic-name',
      'Alemtuzumab',
      ...addZiconotide.slice(6),
    ]);
    const all = await cli(['drugs', 'list']);
    expect(all.code).toBe(0);
    const page = all.json as { rows: Drug[]; total: number };
    expect(page.total).toBe(2);
    expect(page.rows.map((d) => d.genericName)).toEqual(['Alemtuzumab', 'Ziconotide']);

    const desc = (await cli(['drugs', 'list', '--sort', 'ndc11', '--desc'])).json as { rows: Drug[] };
    expect(desc.rows.map((d) => d.ndc11)).toEqual(['50242004062', '00002759701']);

    const limited = (await cli(['drugs', 'list', '--limit', '1'])).json as { rows: Drug[]; total: number };
    expect(limited.rows).toHaveLength(1);
    expect(limited.total).toBe(2);

    const searched = (await cli(['drugs', 'list', '--search', 'zicon'])).json as { rows: Drug[]; total: number };
    expect(searched.rows.map((d) => d.genericName)).toEqual(['Ziconotide']);
  });

  it('drugs list with a bad --limit or --sort exits 2', async () => {
    const badLimit = await cli(['drugs', 'list', '--limit', 'lots']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.json).toMatchObject({ ok: false, error: { fields: [{ field: 'limit' }] } });
    const badSort = await cli(['drugs', 'list', '--sort', 'price']);
    expect(badSort.code).toBe(2);
    expect(badSort.json).toMatchObject({ ok: false, error: { fields: [{ field: 'sortBy' }] } });
  });

  it('drugs show ID and drugs show NDC print the same drug', async () => {
    const created = (await cli(addZiconotide)).json as Drug;
    const byId = await cli(['drugs', 'show', String(created.id)]);
    expect(byId.code).toBe(0);
    expect(byId.json).toEqual(created);
    const byNdc = await cli(['drugs', 'show', '0002-7597-01']);
    expect(byNdc.code).toBe(0);
    expect(byNdc.json).toEqual(created);
    const byNdc11 = await cli(['drugs', 'show', '00002759701']);
    expect(byNdc11.json).toEqual(created);
  });

  it('drugs show of something missing exits 2 with DRUG_NOT_FOUND; without an argument ARGUMENT_MISSING', async () => {
    expect((await cli(['drugs', 'show', '42'])).json).toMatchObject({ error: { code: 'DRUG_NOT_FOUND' } });
    expect((await cli(['drugs', 'show', '42'])).code).toBe(2);
    const missing = await cli(['drugs', 'show']);
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'ARGUMENT_MISSING' } });
  });

  it('drugs delete ID removes it; a non-numeric id is ARGUMENT_INVALID', async () => {
    const created = (await cli(addZiconotide)).json as Drug;
    const bad = await cli(['drugs', 'delete', '0002-7597-01']);
    expect(bad.code).toBe(2);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'ARGUMENT_INVALID' } });

    const deleted = await cli(['drugs', 'delete', String(created.id)]);
    expect(deleted.code).toBe(0);
    expect(deleted.json).toEqual(created);
    expect((await cli(['drugs', 'list'])).json).toEqual({ rows: [], total: 0 });
    expect((await cli(['drugs', 'delete', String(created.id)])).code).toBe(2);
  });
});

describe('practice', () => {
  it('practice show is null before any save', async () => {
    const run = await cli(['practice', 'show']);
    expect(run.code).toBe(0);
    expect(run.json).toBeNull();
  });

  it('practice set with every flag saves; partial flags later merge over the stored values', async () => {
    const first = await cli(['practice', 'set', ...practiceFlags]);
    expect(first.code).toBe(0);
    const saved = first.json as PracticeSettings;
    expect(saved).toMatchObject({
      name: 'Lakeside Infusion Center',
      phone: '(217) 555-0100',
      npi: '1234567893',
      tin: '123456789',
      addressLine2: '',
    });

    const partial = await cli(['practice', 'set', '--city', 'Chicago', '--zip', '60601']);
    expect(partial.code).toBe(0);
    const merged = partial.json as PracticeSettings;
    // The second set sends the version its own get read, so it is not refused as a stale form.
    expect(merged).toEqual({
      ...saved,
      city: 'Chicago',
      zip: '60601',
      updatedAt: merged.updatedAt,
      version: saved.version + 1,
    });
    expect((await cli(['practice', 'show'])).json).toEqual(merged);
  });

  it('practice set with partial flags before any save exits 2 naming the missing fields', async () => {
    const run = await cli(['practice', 'set', '--name', 'Only a name']);
    expect(run.code).toBe(2);
    const fields = ((run.json as { error: { fields: { field: string }[] } }).error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['addressLine1', 'city', 'state', 'zip', 'phone', 'npi', 'tin']));
    expect(fields).not.toContain('name');
    expect((await cli(['practice', 'show'])).json).toBeNull();
  });

  it('a refused partial set (bad NPI) leaves the stored settings unchanged', async () => {
    const saved = (await cli(['practice', 'set', ...practiceFlags])).json as PracticeSettings;
    const bad = await cli(['practice', 'set', '--npi', '1234567890', '--city', 'Chicago']);
    expect(bad.code).toBe(2);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'NPI_INVALID', fields: [{ field: 'npi' }] } });
    expect((await cli(['practice', 'show'])).json).toEqual(saved);
  });
});

describe('errors and the generic call', () => {
  it('an unknown command exits 2 with UNKNOWN_COMMAND and creates no database', async () => {
    const run = await cli(['frobnicate', 'now']);
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect((run.json as { error: { message: string } }).error.message).toContain('frobnicate now');
    expect(existsSync(join(dir, DATABASE_FILE_NAME))).toBe(false);
  });

  it("call drugs:list '{}' answers the list", async () => {
    await cli(addZiconotide);
    const run = await cli(['call', 'drugs:list', '{}']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ total: 1, rows: [{ ndc11: '00002759701' }] });
  });

  it('call with arguments from stdin (-)', async () => {
    await cli(addZiconotide);
    const run = await cli(['call', 'drugs:get', '-'], '{"ndc": "0002-7597-01"}');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ id: 1, genericName: 'Ziconotide' });
  });

  it('call with bad JSON exits 2 with NOT_JSON', async () => {
    const run = await cli(['call', 'drugs:list', '{search:']);
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'NOT_JSON' } });
  });

  it('call of an unknown channel exits 2 with UNKNOWN_CHANNEL; call without a channel ARGUMENT_MISSING', async () => {
    const run = await cli(['call', 'drugs:steal', '{}']);
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const none = await cli(['call']);
    expect(none.code).toBe(2);
    expect(none.json).toMatchObject({ ok: false, error: { code: 'ARGUMENT_MISSING' } });
  });

  it('a database from a newer app exits 2 with DB_FROM_FUTURE and is left untouched', async () => {
    const file = join(dir, DATABASE_FILE_NAME);
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x TEXT) STRICT');
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');

    const run = await cli(['drugs', 'list']);
    expect(run.code).toBe(2);
    expect(run.json).toMatchObject({ ok: false, error: { code: 'DB_FROM_FUTURE' } });
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(hash);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('--data-dir without a folder exits 2 with ARGUMENT_MISSING instead of using the default folder', async () => {
    const out: string[] = [];
    const code = await runCli(['drugs', 'list', '--data-dir'], {
      out: (t) => out.push(t),
      err: () => {},
      readStdin: () => '',
    });
    expect(code).toBe(2);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: false, error: { code: 'ARGUMENT_MISSING' } });
    expect(existsSync(join(dir, 'env-default', DATABASE_FILE_NAME))).toBe(false);
  });

  it('without --data-dir it uses $J3490_DATA_DIR', async () => {
    const out: string[] = [];
    const code = await runCli(['drugs', 'list'], { out: (t) => out.push(t), err: () => {}, readStdin: () => '' });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual({ rows: [], total: 0 });
    expect(existsSync(join(dir, 'env-default', DATABASE_FILE_NAME))).toBe(true);
  });
});

describe('the real bin', () => {
  it('node bin/j3490.cjs --data-dir DIR drugs list exits 0 with JSON on stdout', () => {
    const r = spawnSync(process.execPath, ['bin/j3490.cjs', '--data-dir', dir, 'drugs', 'list'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: [], total: 0 });
    expect(existsSync(join(dir, DATABASE_FILE_NAME))).toBe(true);
  }, 60_000);

  it('a refusal from the real bin exits 2 with the error JSON on stdout', () => {
    const r = spawnSync(process.execPath, ['bin/j3490.cjs', '--data-dir', dir, 'nonsense'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  }, 60_000);

  it('npx j3490 --help exits 0', () => {
    const r = spawnSync('npx', ['--no-install', 'j3490', '--help'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, J3490_DATA_DIR: dir },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: j3490');
    expect(r.stdout).toContain('--data-dir');
  }, 90_000);
});
