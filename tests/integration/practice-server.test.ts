/**
 * Issue 16, items 1, 2 and 4: one practice server over HTTPS and three desks at once.
 * - Three people (owner, biller, finance) each on their own pinned TLS client, writing at once:
 *   every save lands, and what one desk saved the others list.
 * - A save from a form loaded before someone else's save is refused with RECORD_CHANGED and
 *   changes nothing; saving again from the fresh record works.
 * - Each role is refused (FORBIDDEN) outside its work; a made-up session and one idle past the
 *   owner's time are refused; without a session only signing in is answered.
 * - The client refuses a server whose certificate is not the pinned one before sending anything,
 *   and a first contact whose fingerprint is not the one the person was told.
 * - `j3490 serve` refuses to start without accounts and makes the owner with --owner; the CLI's
 *   --server needs the fingerprint the first time and then remembers it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { serveCommand } from '../../electron/cli-serve';
import { practiceDispatcher, pinServer, type PinnedServer } from '../../electron/host/practice-client';
import { startHost, type Host } from '../../electron/host/server';
import { practiceTlsIdentity, type TlsIdentity } from '../../electron/host/tls-certificate';
import { accountService } from '../../electron/services/accounts/account-service';
import { openServices, type Services } from '../../electron/services/context';
import type { Dispatcher } from '../../electron/services/dispatch';
import { makeTempDir, removeTempDir, testClock } from './temp-dir';

const PASSWORDS = { owner: 'owner password 1', biller: 'biller password 2', finance: 'finance password 3' };
const NAMES = { owner: 'Olivia Owner', biller: 'Bill Biller', finance: 'Fran Finance' };
type Person = keyof typeof NAMES;

type Desk = { person: Person; send: Dispatcher & { close: () => void }; session: string };
type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

let dir: string;
let services: Services;
let host: Host;
let tls: TlsIdentity;
let pinned: PinnedServer;
const clock = testClock('2026-12-07T09:00:00.000Z');
const desks = {} as Record<Person, Desk>;

const ask = async (desk: Desk, channel: string, args: unknown = {}): Promise<Answer> =>
  (await desk.send(channel, args, { session: desk.session })) as Answer;
const value = async <T>(desk: Desk, channel: string, args: unknown = {}): Promise<T> => {
  const reply = await ask(desk, channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
};
const codeOf = (reply: Answer): string => (reply.ok ? 'OK' : reply.error.code);

beforeAll(async () => {
  dir = makeTempDir();
  services = openServices({ dataDir: join(dir, 'server'), mode: 'server', now: clock.now });
  const accounts = accountService(services.ctx);
  const owner = accounts.createFirstOwner({ name: NAMES.owner, password: PASSWORDS.owner });
  accounts.addUser(owner.user, { name: NAMES.biller, role: 'biller', password: PASSWORDS.biller });
  accounts.addUser(owner.user, { name: NAMES.finance, role: 'finance', password: PASSWORDS.finance });
  tls = await practiceTlsIdentity(join(dir, 'server'));
  host = await startHost({
    handlers: services.handlers,
    rendererDir: join(dir, 'renderer'),
    practice: { host: '127.0.0.1', tls },
  });
  // Each desk checks the fingerprint the server printed, pins it, and signs in on its own client.
  pinned = await pinServer(host.url, tls.fingerprint.toLowerCase().replaceAll(':', ' '));
  for (const person of Object.keys(NAMES) as Person[]) {
    const send = practiceDispatcher(pinned);
    const signIn = (await send('auth:signIn', { name: NAMES[person], password: PASSWORDS[person] }, {})) as Answer;
    if (!signIn.ok) throw new Error(signIn.error.message);
    desks[person] = { person, send, session: (signIn.value as { token: string }).token };
  }
});

afterAll(async () => {
  for (const desk of Object.values(desks)) desk.send.close();
  await host?.close();
  services?.close();
  removeTempDir(dir);
});

const patient = (n: number, by: Person) => ({
  lastName: `${by === 'owner' ? 'Owens' : 'Billings'}-${n}`,
  firstName: 'Ana',
  dateOfBirth: '1970-01-02',
  accountNumber: `${by}-${n}`,
});

describe('three desks on one practice server', () => {
  it('lands every save made at once from two desks, and the third desk lists them all', async () => {
    const saves = await Promise.all(
      Array.from({ length: 25 }, (_, n) => [
        ask(desks.owner, 'patients:create', patient(n, 'owner')),
        ask(desks.biller, 'patients:create', patient(n, 'biller')),
      ]).flat(),
    );
    expect(saves.map(codeOf).filter((c) => c !== 'OK')).toEqual([]);
    // Finance may read patients (read-only work) and sees exactly what the other two saved.
    const listed = await value<{ rows: { accountNumber: string }[]; total: number }>(desks.finance, 'patients:list', {
      limit: 500,
    });
    expect(listed.total).toBe(50);
    expect(new Set(listed.rows.map((r) => r.accountNumber)).size).toBe(50);
    const actors = services.ctx.db
      .prepare(`SELECT actor, count(*) AS n FROM audit_log WHERE entity = 'patient' GROUP BY actor ORDER BY actor`)
      .all();
    expect(actors).toEqual([
      { actor: NAMES.biller, n: 25 },
      { actor: NAMES.owner, n: 25 },
    ]);
  });

  it('refuses a save from a stale form with RECORD_CHANGED, changing nothing, and takes it from the fresh one', async () => {
    const made = await value<{ id: number }>(desks.biller, 'patients:create', patient(100, 'biller'));
    type Patient = { id: number; version: number; firstName: string; lastName: string };
    // Both desks open the same patient's form.
    const atOwner = await value<Patient>(desks.owner, 'patients:get', { id: made.id });
    const atBiller = await value<Patient>(desks.biller, 'patients:get', { id: made.id });
    const input = (p: Patient, firstName: string) => ({
      ...patient(100, 'biller'),
      id: p.id,
      version: p.version,
      firstName,
    });
    expect(codeOf(await ask(desks.owner, 'patients:update', input(atOwner, 'Anabel')))).toBe('OK');
    const stale = await ask(desks.biller, 'patients:update', input(atBiller, 'Annie'));
    expect(codeOf(stale)).toBe('RECORD_CHANGED');
    expect((await value<Patient>(desks.finance, 'patients:get', { id: made.id })).firstName).toBe('Anabel');
    const fresh = await value<Patient>(desks.biller, 'patients:get', { id: made.id });
    expect(fresh.version).toBeGreaterThan(atBiller.version);
    expect(codeOf(await ask(desks.biller, 'patients:update', input(fresh, 'Annie')))).toBe('OK');
    expect((await value<Patient>(desks.owner, 'patients:get', { id: made.id })).firstName).toBe('Annie');
  });

  it('refuses each role outside its work with FORBIDDEN', async () => {
    const payer = { name: 'Acme Health', payerType: 'commercial' };
    expect(codeOf(await ask(desks.biller, 'payers:create', payer))).toBe('FORBIDDEN');
    expect(codeOf(await ask(desks.finance, 'patients:create', patient(200, 'biller')))).toBe('FORBIDDEN');
    expect(codeOf(await ask(desks.biller, 'users:list'))).toBe('FORBIDDEN');
    expect(codeOf(await ask(desks.finance, 'backups:restore', { id: 'x' }))).toBe('FORBIDDEN');
    expect(codeOf(await ask(desks.owner, 'users:list'))).toBe('OK');
  });

  it('answers only signing in without a session, and refuses a made-up or expired one', async () => {
    const anonymous: Desk = { ...desks.biller, session: '' };
    expect(codeOf(await ask(anonymous, 'patients:list'))).toBe('NOT_SIGNED_IN');
    expect(codeOf(await ask({ ...desks.biller, session: 'made-up-session' }, 'patients:list'))).toBe('NOT_SIGNED_IN');
    const wrong = await ask(anonymous, 'auth:signIn', { name: NAMES.biller, password: 'not the password' });
    expect(codeOf(wrong)).not.toBe('OK');
    // A desk left alone past the idle time (15 minutes unless the owner set another) signs in again.
    const idle = await pinnedDeskSignedIn('biller');
    clock.advance(16 * 60);
    expect(codeOf(await ask(idle, 'patients:list'))).toBe('SESSION_EXPIRED');
    idle.send.close();
  });

  it('refuses a server presenting another certificate than the pinned one, before sending anything', async () => {
    const impostor = await practiceTlsIdentity(join(dir, 'impostor'));
    const pinnedElsewhere = practiceDispatcher({
      ...pinned,
      fingerprint: impostor.fingerprint,
      certificate: impostor.cert,
    });
    const before = services.ctx.db.prepare(`SELECT count(*) FROM audit_log`).pluck().get();
    const refused = (await pinnedElsewhere(
      'auth:signIn',
      { name: NAMES.owner, password: PASSWORDS.owner },
      {},
    )) as Answer;
    pinnedElsewhere.close();
    expect(codeOf(refused)).toBe('TLS_FINGERPRINT_MISMATCH');
    expect(refused.ok ? '' : refused.error.message).toContain(tls.fingerprint);
    expect(services.ctx.db.prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBe(before);
    // First contact: the fingerprint the person was told is not the one presented.
    await expect(pinServer(host.url, impostor.fingerprint)).rejects.toMatchObject({ code: 'TLS_FINGERPRINT_MISMATCH' });
  });

  it('refuses plain HTTP on the practice port and a page from another site', async () => {
    await expect(fetch(`http://127.0.0.1:${host.port}/api/app:info`, { method: 'POST' })).rejects.toThrow();
    const fromElsewhere = await new Promise<number>((resolve, reject) => {
      // fetch cannot skip certificate checks; node:https with the pinned certificate can.
      void import('node:https').then(({ request }) => {
        const req = request(
          `${host.url}api/app:info`,
          {
            method: 'POST',
            ca: pinned.certificate,
            checkServerIdentity: () => undefined,
            headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
    });
    expect(fromElsewhere).toBe(403);
  });
});

async function pinnedDeskSignedIn(person: Person): Promise<Desk> {
  const send = practiceDispatcher(pinned);
  const signIn = (await send('auth:signIn', { name: NAMES[person], password: PASSWORDS[person] }, {})) as Answer;
  if (!signIn.ok) throw new Error(signIn.error.message);
  return { person, send, session: (signIn.value as { token: string }).token };
}

describe('j3490 serve and the CLI with --server', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };

  it('will not serve a practice without accounts, and makes the owner on the first start with --owner', async () => {
    const folder = join(dir, 'served');
    const first = io();
    const refused = await serveCommand(new Map([['listen', '127.0.0.1:0']]), folder, first.io);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ACCOUNTS_REQUIRED' } });

    const passwordFile = join(dir, 'owner-password.txt');
    writeFileSync(passwordFile, `${PASSWORDS.owner}\n`);
    const stop = new AbortController();
    const started = io();
    const serving = serveCommand(
      new Map<string, string | true>([
        ['listen', '127.0.0.1:0'],
        ['owner', NAMES.owner],
        ['password-file', passwordFile],
      ]),
      folder,
      started.io,
      stop.signal,
    );
    await waitFor(() => started.out.length > 0);
    const printed = JSON.parse(started.out[0] ?? '{}') as { url: string; fingerprint: string };
    expect(printed.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const desk = join(dir, 'desk');
    const cli = async (argv: string[]) => {
      const out: string[] = [];
      const code = await runCli(['--data-dir', desk, '--server', printed.url, ...argv], {
        out: (t) => out.push(t),
        err: () => undefined,
        readStdin: () => '',
      });
      return { code, json: JSON.parse(out.join('\n')) as { error?: { code: string; message: string } } };
    };
    const unmet = await cli(['payers', 'list']);
    expect([unmet.code, unmet.json.error?.code]).toEqual([2, 'FINGERPRINT_REQUIRED']);
    expect(unmet.json.error?.message).toContain(printed.fingerprint);
    const anonymous = await cli(['--fingerprint', printed.fingerprint, 'payers', 'list']);
    expect(anonymous.json.error?.code).toBe('NOT_SIGNED_IN');
    // Remembered from the first contact: no --fingerprint needed again.
    const asOwner = await cli(['--user', NAMES.owner, '--password-file', passwordFile, 'payers', 'list']);
    expect([asOwner.code, asOwner.json]).toEqual([0, []]);
    stop.abort();
    expect(await serving).toEqual({ stopped: true });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
