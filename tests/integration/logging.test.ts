/**
 * The support log through the real doors (issue 15 item 8): start-up line, an INTERNAL error
 * logged once without the call's arguments and answered with a generic message, refused host
 * requests logged without their body or token, and backup outcomes — and no PHI in any of it.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/server';
import { AppError } from '../../electron/services/app-error';
import { openServices, type Services } from '../../electron/services/context';
import { latestSchemaVersion } from '../../electron/services/db/migrations';
import { dispatch } from '../../electron/services/dispatch';
import type { Handlers } from '../../electron/services/handler-table';
import { doorLogger } from '../../electron/services/log/logger';
import { APP_VERSION } from '../../electron/services/version';
import { assertNoPhi, hostilePatient } from '../unit/log/hostile-records';
import { makeTempDir, removeTempDir } from './temp-dir';

let dir: string;
let services: Services;
const logText = () => {
  const file = join(dir, 'logs', 'j3490.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
const entries = () => logText().trim().split('\n').filter(Boolean);

const patientArgs = {
  lastName: hostilePatient.lastName,
  firstName: hostilePatient.firstName,
  dateOfBirth: hostilePatient.dob,
  accountNumber: hostilePatient.accountNumber,
  payerId: 1,
  memberId: hostilePatient.memberId,
};

/** A handler failing the way a bug does: its error message quotes the record it was given. */
function failingHandlers(): Handlers {
  return {
    ...services.handlers,
    'patients:create': (args: typeof patientArgs) => {
      throw new TypeError(`cannot read member ${args.memberId} of ${args.lastName}, born ${args.dateOfBirth}`);
    },
  } as Handlers;
}

beforeEach(() => {
  dir = makeTempDir();
  services = openServices({ dataDir: dir, mode: 'browser', actor: 'tester' });
});
afterEach(() => {
  services.close();
  removeTempDir(dir);
});

describe('support log', () => {
  it('is created with the data folder and starts with version, mode, schema version and folder', () => {
    const [first] = entries();
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z INFO {2}startup /);
    const fields = JSON.parse(first?.slice(first.indexOf('{')) ?? '{}');
    expect(fields).toMatchObject({
      version: APP_VERSION,
      mode: 'browser',
      schemaVersion: latestSchemaVersion,
      dataDir: dir,
    });
  });

  it('logs an INTERNAL error once, with channel and stack, without the arguments; the reply says nothing of them', async () => {
    const before = entries().length;
    const reply = await dispatch(
      failingHandlers(),
      'patients:create',
      patientArgs,
      doorLogger(services.ctx.log, 'ipc'),
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INTERNAL');
    expect(assertNoPhi(JSON.stringify(reply))).toEqual([]);
    expect(reply.error.message).toBe('Something went wrong inside the app; nothing was saved. Details are in the log.');

    const added = entries().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('ERROR ipc Unexpected error in patients:create');
    expect(added[0]).toContain('"errorName":"TypeError"');
    expect(added[0]).toMatch(/"stack":\["at /);
    expect(assertNoPhi(logText())).toEqual([]);
  });

  it('answers an INTERNAL error over HTTP with the generic message and logs refused requests without body or token', async () => {
    const host: Host = await startHost({
      handlers: failingHandlers(),
      rendererDir: join(dir, 'no-renderer'),
      log: doorLogger(services.ctx.log, 'host'),
    });
    try {
      const url = `http://127.0.0.1:${host.port}/api/patients:create`;
      const body = JSON.stringify(patientArgs);
      const internal = await fetch(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body,
      });
      expect(internal.status).toBe(500);
      const wire = await internal.text();
      expect(assertNoPhi(wire)).toEqual([]);
      expect(JSON.parse(wire).error.code).toBe('INTERNAL');

      const wrongToken = await fetch(url, {
        method: 'POST',
        headers: { Authorization: 'Bearer not-the-token', 'Content-Type': 'application/json' },
        body,
      });
      expect(wrongToken.status).toBe(401);
      const text = logText();
      expect(text).toMatch(
        /WARN {2}host Refused a request \(UNAUTHORIZED\) \{"code":"UNAUTHORIZED","method":"POST","channel":"patients:create"\}/,
      );
      expect(text).not.toContain('not-the-token');
      expect(text).not.toContain(host.token);
      expect(assertNoPhi(text)).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it('logs a backup outcome with counts and time, and a restore refusal with its code', async () => {
    const made = await dispatch(services.handlers, 'backups:create', {}, doorLogger(services.ctx.log, 'cli'));
    if (!made.ok) throw new Error(made.error.message);
    expect(logText()).toMatch(
      /INFO {2}backup Backup written \(manual\) \{"backupName":"[^"]+","reasonCode":"manual","bytes":\d+/,
    );
    expect(logText()).toMatch(/"counts":\{"invoices":0,"administrations":0,"patients":0/);
    const { name } = made.value as { name: string };
    appendFileSync(join(dir, 'backups', name, 'j3490-desk.sqlite'), 'cut short');
    const refused = await dispatch(services.handlers, 'backups:restore', { name }, doorLogger(services.ctx.log, 'cli'));
    expect(refused.ok).toBe(false);
    expect(logText()).toMatch(/WARN {2}backup Restore refused; nothing was replaced \{"code":"BACKUP_DAMAGED"/);
  });

  it('summarises an import by its counts and duration, or a refusal by its code, never by its content', async () => {
    let refuse = false;
    const handlers = {
      ...services.handlers,
      'imports:commit': () => {
        if (refuse) throw new AppError('IMPORT_HAS_ERRORS', `Row 3: ${hostilePatient.lastName} has no member id.`);
        return { importId: 9, kind: 'prices', fileName: hostilePatient.scanFileName, taken: 120, refused: 2 };
      },
    } as Handlers;
    const call = () => dispatch(handlers, 'imports:commit', { stagedId: 's-1' }, doorLogger(services.ctx.log, 'ipc'));
    expect((await call()).ok).toBe(true);
    expect(logText()).toMatch(
      /INFO {2}ipc imports:commit done \{"channel":"imports:commit","durationMs":\d+,"importId":9,"taken":120,"refused":2\}\n$/,
    );
    refuse = true;
    const reply = await call();
    expect(reply.ok).toBe(false);
    expect(logText()).toMatch(
      /INFO {2}ipc imports:commit refused \{"channel":"imports:commit","code":"IMPORT_HAS_ERRORS","durationMs":\d+\}\n$/,
    );
    expect(assertNoPhi(logText())).toEqual([]);
  });
});
