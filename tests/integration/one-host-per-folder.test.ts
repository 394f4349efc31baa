/**
 * Issue 15 item 9, one host per data folder and a clean stop: browser mode (`npm run web`, run
 * here as its real entry, electron/host/index.ts) holds `<data>/.host.lock`; a second host on the
 * same folder stops with DATA_FOLDER_IN_USE while the CLI keeps reading and writing there; a lock
 * left by a process that no longer exists is taken over; and SIGTERM closes the database (SQLite
 * folds the WAL back and removes -wal/-shm only when the last connection closes) and gives the
 * lock up.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/services/context';
import { acquireHostLock, HOST_LOCK_FILE } from '../../electron/services/host-lock';
import { countIn, runCliIn } from './cli-run';
import { makeTempDir, removeTempDir } from './temp-dir';

const repoRoot = resolve(__dirname, '../..');
const hostEntry = join(repoRoot, 'electron/host/index.ts');

type Running = { proc: ChildProcessWithoutNullStreams; out: () => string; exited: Promise<number | null> };

function startBrowserHost(dataDir: string, rendererDir: string): Running {
  const env = { ...process.env };
  delete env.J3490_PASSPHRASE;
  delete env.J3490_DATA_DIR;
  const proc = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', hostEntry, '--data-dir', dataDir, '--renderer-dir', rendererDir],
    { cwd: repoRoot, env },
  );
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((done) => proc.on('close', (code) => done(code)));
  return { proc, out: () => out, exited };
}

async function untilServing(host: Running): Promise<void> {
  const started = Date.now();
  while (!host.out().includes('Open this address')) {
    if (Date.now() - started > 30_000) throw new Error(`the host did not start: ${host.out()}`);
    if (host.proc.exitCode !== null) throw new Error(`the host exited: ${host.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let root: string;
let dataDir: string;
let rendererDir: string;
const running: Running[] = [];
beforeEach(() => {
  root = makeTempDir();
  dataDir = join(root, 'data');
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>');
});
afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
    await r.exited;
  }
  removeTempDir(root);
});

describe('browser mode holds its data folder', () => {
  it('a second host on the folder stops with DATA_FOLDER_IN_USE; the CLI still writes; SIGTERM closes the database and frees the folder', async () => {
    const first = startBrowserHost(dataDir, rendererDir);
    running.push(first);
    await untilServing(first);
    const lock = JSON.parse(readFileSync(join(dataDir, HOST_LOCK_FILE), 'utf8')) as { pid: number; kind: string };
    expect(lock).toMatchObject({ pid: first.proc.pid, kind: 'browser' });

    const second = startBrowserHost(dataDir, rendererDir);
    running.push(second);
    expect(await second.exited).toBe(2);
    expect(second.out()).toContain('DATA_FOLDER_IN_USE: This data folder is already open in J3490 Desk in a browser');
    expect(second.out()).toContain('The j3490 command can still be used alongside it.');
    expect(second.out()).not.toContain('Open this address');

    // The CLI is not a host: it works beside the running one.
    const made = await runCliIn(dataDir, ['call', 'suppliers:create', JSON.stringify({ name: 'Cardinal Health' })]);
    expect(made.code).toBe(0);
    expect(countIn(dataDir, 'suppliers')).toBe(1);
    // The first host's connection keeps the WAL open while it runs.
    expect(existsSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(true);

    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, HOST_LOCK_FILE))).toBe(false);
    expect(existsSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(false);
    expect(existsSync(join(dataDir, `${DATABASE_FILE_NAME}-shm`))).toBe(false);

    // The folder is free again.
    const third = startBrowserHost(dataDir, rendererDir);
    running.push(third);
    await untilServing(third);
    third.proc.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 90_000);
});

describe('the host lock', () => {
  it('is refused while its process lives, taken over once it is gone, and released only by its owner', () => {
    mkdirSync(dataDir);
    let alive = true;
    const isAlive = () => alive;
    const held = acquireHostLock(dataDir, 'electron', { pid: 4242, isAlive });
    let refused: unknown;
    try {
      acquireHostLock(dataDir, 'browser', { pid: 5353, isAlive });
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'DATA_FOLDER_IN_USE' });
    expect((refused as Error).message).toContain('already open in the J3490 Desk app (process 4242)');

    // Process 4242 crashed without releasing: its lock is stale.
    alive = false;
    const taken = acquireHostLock(dataDir, 'browser', { pid: 5353, isAlive });
    expect(JSON.parse(readFileSync(taken.path, 'utf8'))).toMatchObject({ pid: 5353, kind: 'browser' });
    // The old owner's release must not remove the new owner's lock.
    held.release();
    expect(existsSync(taken.path)).toBe(true);
    taken.release();
    taken.release();
    expect(existsSync(taken.path)).toBe(false);
  });

  it('an empty lock file (a crash while writing it) counts as held for a moment, then as stale', () => {
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, HOST_LOCK_FILE), '');
    const now = new Date();
    expect(() => acquireHostLock(dataDir, 'browser', { now: () => now })).toThrow(/already open/);
    const later = new Date(now.getTime() + 60_000);
    const lock = acquireHostLock(dataDir, 'browser', { now: () => later });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
