/** Shared by the integration tests: a fresh data folder per test, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'j3490-'));
}

export function removeTempDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A clock the test moves by hand: every timestamp the services write is predictable. */
export function testClock(start = '2025-03-01T12:00:00.000Z') {
  let ms = Date.parse(start);
  return {
    now: (): string => new Date(ms).toISOString(),
    set: (iso: string): void => {
      ms = Date.parse(iso);
    },
    advance: (seconds: number): string => {
      ms += seconds * 1000;
      return new Date(ms).toISOString();
    },
  };
}
