/**
 * Issue 16, accounts at the doors: the loopback host takes the session from the X-J3490-Session
 * header (401 without one, 403 for a role outside its work, the audit log naming the person), and
 * the CLI signs in with --user and a password from --password-file or J3490_PASSWORD before the
 * command, refusing a wrong password and a missing sign-in with their codes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/server';
import { accountService } from '../../electron/services/accounts/account-service';
import { openServices, type Services } from '../../electron/services/context';
import { runCliIn } from './cli-run';
import { makeTempDir, removeTempDir } from './temp-dir';

const OWNER_PASSWORD = 'owner password 1';
const BILLER_PASSWORD = 'biller password 2';
const patient = { lastName: 'Rivera', firstName: 'Ana', dateOfBirth: '1970-01-02', accountNumber: 'MRN-1' };

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

/** The practice's owner and a biller, made on the folder before any door opens it. */
function seedAccounts(dataDir: string): void {
  const s = openServices({ dataDir, mode: 'cli', actor: 'seed' });
  try {
    const owner = accountService(s.ctx).createFirstOwner({ name: 'Olivia Owner', password: OWNER_PASSWORD });
    accountService(s.ctx).addUser(owner.user, { name: 'Bill Biller', role: 'biller', password: BILLER_PASSWORD });
  } finally {
    s.close();
  }
}

const patientActors = (dataDir: string): string[] => {
  const s = openServices({ dataDir, mode: 'cli' });
  try {
    return s.ctx.db
      .prepare(`SELECT actor FROM audit_log WHERE entity = 'patient' ORDER BY id`)
      .pluck()
      .all() as string[];
  } finally {
    s.close();
  }
};

describe('the loopback host with accounts', () => {
  let services: Services;
  let host: Host;
  beforeEach(async () => {
    seedAccounts(join(dir, 'data'));
    services = openServices({ dataDir: join(dir, 'data'), mode: 'browser', actor: 'os-login' });
    host = await startHost({ handlers: services.handlers, rendererDir: join(dir, 'renderer') });
  });
  afterEach(async () => {
    await host.close();
    services.close();
  });

  const post = async (channel: string, args: unknown, session?: string) => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${host.token}`,
        ...(session ? { 'X-J3490-Session': session } : {}),
      },
      body: JSON.stringify(args),
    });
    const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    return { status: res.status, code: reply.ok ? 'OK' : reply.error?.code, value: reply.value };
  };

  it('runs a call as the person whose session the header carries, and refuses the others', async () => {
    expect(await post('patients:list', {})).toMatchObject({ status: 401, code: 'NOT_SIGNED_IN' });
    const signIn = await post('auth:signIn', { name: 'Bill Biller', password: BILLER_PASSWORD });
    expect(signIn).toMatchObject({ status: 200, code: 'OK' });
    const token = (signIn.value as { token: string }).token;
    expect(await post('auth:status', {}, token)).toMatchObject({
      value: { accountsOn: true, signedIn: { name: 'Bill Biller', role: 'biller' } },
    });
    expect(await post('patients:create', patient, token)).toMatchObject({ status: 200, code: 'OK' });
    expect(await post('settings:setVarianceTolerance', { value: '2.00' }, token)).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await post('patients:list', {}, 'a-made-up-session')).toMatchObject({ status: 401, code: 'NOT_SIGNED_IN' });
    const actors = services.ctx.db.prepare(`SELECT actor FROM audit_log WHERE entity = 'patient'`).pluck().all();
    expect(actors).toEqual(['Bill Biller']);
  });
});

describe('the CLI with accounts', () => {
  const passwordFile = (text: string) => {
    const file = join(dir, 'password.txt');
    writeFileSync(file, `${text}\n`);
    return file;
  };

  it('signs in with --user and --password-file and runs the command as that person', async () => {
    seedAccounts(dir);
    const file = passwordFile(BILLER_PASSWORD);
    const made = await runCliIn(dir, [
      '--user',
      'Bill Biller',
      '--password-file',
      file,
      'call',
      'patients:create',
      JSON.stringify(patient),
    ]);
    expect(made.code).toBe(0);
    expect(patientActors(dir)).toEqual(['Bill Biller']);
    const forbidden = await runCliIn(dir, [
      '--user',
      'Bill Biller',
      '--password-file',
      file,
      'call',
      'settings:setVarianceTolerance',
      '{"value":"2.00"}',
    ]);
    expect([forbidden.code, (forbidden.json as { error: { code: string } }).error.code]).toEqual([2, 'FORBIDDEN']);
    const restore = await runCliIn(dir, ['--user', 'Bill Biller', '--password-file', file, 'restore', dir]);
    expect((restore.json as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('takes the password from J3490_PASSWORD, and refuses a wrong one or none', async () => {
    seedAccounts(dir);
    const none = await runCliIn(dir, ['payers', 'list']);
    expect([none.code, (none.json as { error: { code: string } }).error.code]).toEqual([2, 'NOT_SIGNED_IN']);
    const wrong = await runCliIn(dir, [
      '--user',
      'Olivia Owner',
      '--password-file',
      passwordFile('not it at all'),
      'payers',
      'list',
    ]);
    expect([wrong.code, (wrong.json as { error: { code: string } }).error.code]).toEqual([2, 'SIGN_IN_WRONG']);
    const missing = await runCliIn(dir, ['--user', 'Olivia Owner', 'payers', 'list']);
    expect((missing.json as { error: { code: string } }).error.code).toBe('PASSWORD_MISSING');
    process.env.J3490_PASSWORD = OWNER_PASSWORD;
    try {
      const listed = await runCliIn(dir, ['--user', 'Olivia Owner', 'payers', 'list']);
      expect([listed.code, listed.json]).toEqual([0, []]);
    } finally {
      delete process.env.J3490_PASSWORD;
    }
  });

  it('needs no sign-in while the practice has no accounts', async () => {
    const listed = await runCliIn(dir, ['payers', 'list']);
    expect([listed.code, listed.json]).toEqual([0, []]);
  });
});
