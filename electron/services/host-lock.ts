/**
 * One host per data folder. The desktop app and browser mode each hold `<dataDir>/.host.lock`
 * while they serve a folder, so two of them never open one folder (two windows each believing
 * they alone show the data, two automatic backups racing). The CLI takes no lock: it writes
 * alongside a host by design (issue 15 item 3; SQLite's busy timeout orders the writes).
 *
 * The lock file is created with 'wx' (fails if present) and holds the owner's process id. A lock
 * whose process is gone (a crash, a kill -9, a power cut) is stale and taken over.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './app-error';
import { makePrivateFile, PRIVATE_FOLDER_MODE } from './private-files';

export const HOST_LOCK_FILE = '.host.lock';

export type HostKind = 'electron' | 'browser' | 'server';
type LockContent = { pid: number; kind: HostKind; since: string };
export type HostLock = { path: string; release: () => void };

/** A lock file still empty or half-written this long after it was made was left by a crash. */
const UNREADABLE_GRACE_MS = 10_000;

const KIND_WORDS: Record<HostKind, string> = {
  electron: 'the J3490 Desk app',
  browser: 'J3490 Desk in a browser',
  server: 'the J3490 Desk practice server',
};

/** Signal 0 checks that a process exists without touching it; EPERM means it exists as another user. */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireHostLock(
  dataDir: string,
  kind: HostKind,
  options: { pid?: number; isAlive?: (pid: number) => boolean; now?: () => Date } = {},
): HostLock {
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processIsAlive;
  const now = options.now ?? (() => new Date());
  const path = join(dataDir, HOST_LOCK_FILE);
  // A first start: the folder is made private here; an existing one is left for openServices to
  // tighten (private-files.ts), which only walks a folder it finds still open to others.
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });

  const create = (): boolean => {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
    try {
      makePrivateFile(path);
      const content: LockContent = { pid, kind, since: now().toISOString() };
      writeSync(fd, `${JSON.stringify(content)}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  };

  const release = () => {
    if (readLock(path)?.pid === pid) rmSync(path, { force: true });
  };

  // A second try only after a stale lock was moved away; a lock taken meanwhile by another host wins.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create()) return { path, release };
    const holder = readLock(path);
    const stale = holder
      ? holder.pid !== pid && !isAlive(holder.pid)
      : now().getTime() - modifiedAt(path) > UNREADABLE_GRACE_MS;
    if (!stale) {
      const who = holder ? `${KIND_WORDS[holder.kind] ?? 'J3490 Desk'} (process ${holder.pid})` : 'J3490 Desk';
      throw new AppError(
        'DATA_FOLDER_IN_USE',
        `This data folder is already open in ${who}. Use that window, or close it before opening the folder again here. ` +
          'The j3490 command can still be used alongside it.',
      );
    }
    // Moved aside, not deleted: if another host took the stale lock over first, only one rename succeeds.
    const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(path, aside);
      rmSync(aside, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new AppError(
    'DATA_FOLDER_IN_USE',
    'Another copy of J3490 Desk is opening this data folder at this moment. Use that window, or try again.',
  );
}

function readLock(path: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0
      ? { pid: parsed.pid, kind: parsed.kind === 'electron' ? 'electron' : 'browser', since: String(parsed.since) }
      : null;
  } catch {
    return null;
  }
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
