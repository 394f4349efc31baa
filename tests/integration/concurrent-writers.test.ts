/**
 * Issue 15 item 3, concurrent use: two CLI processes and the in-process services (as browser mode
 * runs them) write to one data folder at the same time. Afterwards the database passes
 * integrity_check and holds every write of every writer, with its audit row: none lost, none
 * doubled, no SQLITE_BUSY surfacing to any writer.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openServices } from '../../electron/services/context';
import { serviceCalls } from './service-calls';
import { makeTempDir, removeTempDir } from './temp-dir';

const PER_WRITER = 200;
const repoRoot = resolve(__dirname, '../..');
const child = join(__dirname, 'concurrent-writer-child.ts');

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

type Outcome = { written: number; refusals: string[] };

/** A CLI writer in its own process; resolves once it says "ready", with its final line to come. */
function startCliWriter(prefix: string): Promise<{ proc: ChildProcessWithoutNullStreams; done: Promise<Outcome> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, prefix, String(PER_WRITER)], {
    cwd: repoRoot,
    env: { ...process.env, J3490_DATA_DIR: join(dir, 'never-used') },
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<Outcome>((settle, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        settle(JSON.parse(last) as Outcome);
      } catch {
        reject(new Error(`writer ${prefix} exited ${String(code)} without a report: ${out} ${err}`));
      }
    });
  });
  return new Promise((ready, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      const before = out;
      out += c.toString();
      if (!before.includes('ready\n') && out.includes('ready\n')) ready({ proc, done });
    });
    done.catch(reject);
  });
}

it('two CLI processes and browser mode each write 200 suppliers at once: all 600 are there, the file is sound', async () => {
  // The folder exists and is migrated before anyone races to create it.
  openServices({ dataDir: dir, mode: 'browser' }).close();
  const writers = await Promise.all([startCliWriter('cli-a'), startCliWriter('cli-b')]);

  const services = openServices({ dataDir: dir, mode: 'browser', actor: 'browser' });
  const loggedErrors: string[] = [];
  const { call } = serviceCalls(() => services.handlers, loggedErrors);
  const browserRefusals: string[] = [];
  const started = Date.now();
  for (const w of writers) w.proc.stdin.end('go\n');
  try {
    for (let i = 0; i < PER_WRITER; i++) {
      const reply = await call('suppliers:create', { name: `browser ${String(i).padStart(3, '0')}` });
      if (!reply.ok) browserRefusals.push(`${reply.error.code}: ${reply.error.message}`);
      // Let the children's output be read while this process keeps writing.
      await yieldToEvents();
    }
  } finally {
    services.close();
  }
  const outcomes = await Promise.all(writers.map((w) => w.done));
  const seconds = (Date.now() - started) / 1000;

  expect(browserRefusals).toEqual([]);
  expect(loggedErrors).toEqual([]);
  expect(outcomes).toEqual([
    { written: PER_WRITER, refusals: [] },
    { written: PER_WRITER, refusals: [] },
  ]);

  const db = new Database(join(dir, DATABASE_FILE_NAME), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const byWriter = db
      .prepare(
        `SELECT substr(name, 1, instr(name, ' ') - 1) AS writer, count(*) AS n, count(DISTINCT name) AS names
           FROM suppliers GROUP BY writer ORDER BY writer`,
      )
      .all();
    expect(byWriter).toEqual([
      { writer: 'browser', n: PER_WRITER, names: PER_WRITER },
      { writer: 'cli-a', n: PER_WRITER, names: PER_WRITER },
      { writer: 'cli-b', n: PER_WRITER, names: PER_WRITER },
    ]);
    const audited = db
      .prepare(`SELECT count(DISTINCT entity_id) AS n FROM audit_log WHERE entity = 'supplier' AND action = 'create'`)
      .get() as { n: number };
    expect(audited.n).toBe(3 * PER_WRITER);
  } finally {
    db.close();
  }
  console.info(`concurrent writers: ${3 * PER_WRITER} suppliers from 3 writers in ${seconds.toFixed(1)} s`);
}, 60_000);
