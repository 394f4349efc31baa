import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, logFile } from '../../../electron/services/log/log-file';

let dir: string | undefined;
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'j3490-log-')));
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('log file', () => {
  it('creates the logs folder on the first write, private to the user', () => {
    const dataDir = fresh();
    const file = logFile(dataDir);
    expect(existsSync(join(dataDir, 'logs'))).toBe(false);
    file.append('first line\n');
    expect(readFileSync(join(dataDir, 'logs', LOG_FILE_NAME), 'utf8')).toBe('first line\n');
    if (process.platform !== 'win32') {
      expect(statSync(join(dataDir, 'logs')).mode & 0o777).toBe(0o700);
      expect(statSync(file.path).mode & 0o777).toBe(0o600);
    }
  });

  it('rotates at the size limit and keeps N files, newest in .1, none above the limit', () => {
    const dataDir = fresh();
    const file = logFile(dataDir, { maxBytes: 1000, keep: 3 });
    const line = (n: number) => `${String(n).padStart(4, '0')} ${'x'.repeat(94)}\n`; // 100 bytes
    for (let n = 0; n < 100; n++) file.append(line(n));
    const names = readdirSync(join(dataDir, 'logs')).sort();
    expect(names).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.3`]);
    for (const name of names) expect(statSync(join(dataDir, 'logs', name)).size).toBeLessThanOrEqual(1000);
    // 10 lines a file: the live file holds 90–99, .1 80–89, .3 the oldest kept (60–69).
    expect(readFileSync(file.path, 'utf8').startsWith('0090')).toBe(true);
    expect(readFileSync(`${file.path}.1`, 'utf8').startsWith('0080')).toBe(true);
    expect(readFileSync(`${file.path}.3`, 'utf8').startsWith('0060')).toBe(true);
    expect(file.dropped()).toBe(0);
  });

  it('never throws when it cannot write, and counts what it lost', () => {
    const dataDir = fresh();
    writeFileSync(join(dataDir, 'logs'), 'a file where the folder should be');
    const file = logFile(dataDir);
    expect(() => file.append('lost\n')).not.toThrow();
    expect(file.dropped()).toBe(1);
  });
});
