import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, dataDirLogger, doorLogger, parseLogLevel } from '../../../electron/services/log/logger';
import { assertNoPhi, hostilePatient } from './hostile-records';

const NOW = () => '2026-12-07T14:03:11.412Z';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('logger', () => {
  it('writes one line: ISO time, level, area, message, fields as JSON', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (l) => lines.push(l), now: NOW });
    log.info('import', 'imports:commit done', { added: 12, durationMs: 340 });
    expect(lines).toEqual([
      '2026-12-07T14:03:11.412Z INFO  import imports:commit done {"added":12,"durationMs":340}\n',
    ]);
  });

  it('filters by level: info drops debug, error keeps only errors', () => {
    const lines: string[] = [];
    const info = createLogger({ sink: (l) => lines.push(l), level: 'info', now: NOW });
    info.debug('a', 'hidden');
    info.info('a', 'shown');
    info.warn('a', 'shown');
    info.error('a', 'shown');
    expect(lines).toHaveLength(3);
    lines.length = 0;
    const error = createLogger({ sink: (l) => lines.push(l), level: 'error', now: NOW });
    error.warn('a', 'hidden');
    error.info('a', 'hidden');
    error.error('a', 'shown');
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['ERROR']);
    expect(parseLogLevel('DEBUG')).toBe('debug');
    expect(parseLogLevel('loud')).toBe('info');
  });

  it('never lets a name, DOB, member ID or note reach the file, whatever a caller hands it', () => {
    dir = mkdtempSync(join(tmpdir(), 'j3490-log-'));
    const log = dataDirLogger(dir, { level: 'debug', now: NOW });
    log.error('patients', 'Save failed', { patientId: 42, input: hostilePatient, ...hostilePatient });
    log.info('attachments', 'Batch done', { rows: [hostilePatient, hostilePatient], count: 2 });
    doorLogger(log, 'ipc').error(
      'Unexpected error in patients:save',
      new Error(
        `duplicate member ${hostilePatient.memberId} for ${hostilePatient.lastName}, DOB ${hostilePatient.dob}`,
      ),
    );
    const text = readFileSync(join(dir, 'logs', 'j3490.log'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(assertNoPhi(text)).toEqual([]);
    expect(text).toContain('"patientId":42');
    expect(text).toContain('Unexpected error in patients:save');
  });

  it('does not throw into the caller when a field cannot be serialised or the sink fails', () => {
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    const failing = createLogger({
      sink: () => {
        throw new Error('ENOSPC');
      },
    });
    expect(() => failing.error('backup', 'x', { cyclic, big: 10n })).not.toThrow();
  });
});
