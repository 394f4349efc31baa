/**
 * Issue 16: Settings → Practice network, through the contract as the desktop app and browser mode
 * answer it (practice-network-door.ts).
 * - Sharing needs accounts and the owner; on, it answers over HTTPS with the fingerprint it shows,
 *   and is taken up again at the next start; off, nothing listens.
 * - A second desk peeks at the fingerprint, connects only when the one typed matches, and then
 *   every call it makes lands in the sharing desk's data; disconnecting goes back to its own.
 * - A call from another desk neither sees nor sets the sharing desk's idle lock, and cannot turn
 *   sharing off; the sharing desk being locked does not refuse the other desks.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { practiceNetworkDoor, type PracticeNetworkDoor } from '../../electron/host/practice-network-door';
import { pinServer, practiceDispatcher } from '../../electron/host/practice-client';
import { accountService } from '../../electron/services/accounts/account-service';
import { openServices, type Services } from '../../electron/services/context';
import type { Dispatcher } from '../../electron/services/dispatch';
import { readyAdministration, seedPractice, type Value } from '../fixtures/claim-seed';
import { makeTempDir, removeTempDir } from './temp-dir';

const OWNER = { name: 'Olivia Owner', password: 'owner password 1' };
const PASSPHRASE = 'practice passphrase 1';
type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string } };

let dir: string;
const opened: { services: Services; door: PracticeNetworkDoor }[] = [];

function openDesk(name: string): { services: Services; door: PracticeNetworkDoor; call: Dispatcher } {
  const services = openServices({ dataDir: join(dir, name), mode: 'browser', unlock: { passphrase: PASSPHRASE } });
  const door = practiceNetworkDoor({ services, rendererDir: join(dir, 'renderer'), log: { error: () => undefined } });
  opened.push({ services, door });
  return { services, door, call: door.dispatcher };
}
const code = (a: unknown): string => ((a as Answer).ok ? 'OK' : (a as { error: { code: string } }).error.code);
const valueOf = <T>(a: unknown): T => {
  if (!(a as Answer).ok) throw new Error(JSON.stringify(a));
  return (a as { value: T }).value;
};

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(async () => {
  for (const { services, door } of opened.splice(0)) {
    await door.close();
    services.close();
  }
  removeTempDir(dir);
});

/** The front desk with an owner, sharing on a free port; the back desk connected to it. */
async function frontSharedWithBack() {
  const front = openDesk('front');
  const owner = accountService(front.services.ctx).createFirstOwner(OWNER);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const shared = valueOf<{ fingerprint: string }>(
    await front.call('sharing:set', { on: true, port }, { session: owner.token }),
  );
  const back = openDesk('back');
  await back.call('desk:connect', { address: `127.0.0.1:${port}`, fingerprint: shared.fingerprint }, {});
  return { front, back, port, shared };
}

describe('Settings → Practice network', () => {
  it('shares only with accounts, shows the fingerprint, and lets a second desk work on the shared data', async () => {
    const front = openDesk('front');
    expect(code(await front.call('sharing:set', { on: true, port: 0 }, {}))).not.toBe('OK');
    const noAccounts = await front.call('sharing:set', { on: true, port: 3490 }, {});
    expect(code(noAccounts)).toBe('SHARING_NEEDS_ACCOUNTS');

    const owner = accountService(front.services.ctx).createFirstOwner(OWNER);
    const asOwner = { session: owner.token };
    // Port 0 is refused by the contract (a person types a real port); take any free one above 1024.
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const shared = valueOf<{ on: boolean; fingerprint: string; addresses: string[]; port: number }>(
      await front.call('sharing:set', { on: true, port }, asOwner),
    );
    expect(shared).toMatchObject({ on: true, port, accountsOn: true });
    expect(shared.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(shared.addresses.length).toBeGreaterThan(0);

    const back = openDesk('back');
    const address = `127.0.0.1:${port}`;
    const seen = valueOf<{ fingerprint: string }>(await back.call('desk:peek', { address }, {}));
    expect(seen.fingerprint).toBe(shared.fingerprint);
    const wrong = await back.call('desk:connect', { address, fingerprint: 'AB'.repeat(32) }, {});
    expect(code(wrong)).toBe('TLS_FINGERPRINT_MISMATCH');
    expect(valueOf<{ connectedTo: unknown }>(await back.call('desk:status', {}, {})).connectedTo).toBeNull();

    const connected = valueOf<{ connectedTo: { url: string } }>(
      await back.call('desk:connect', { address, fingerprint: shared.fingerprint }, {}),
    );
    expect(connected.connectedTo.url).toBe(`https://127.0.0.1:${port}/`);
    // Now the back desk signs in at the server and its saves land in the front desk's data.
    expect(code(await back.call('patients:list', {}, {}))).toBe('NOT_SIGNED_IN');
    const session = valueOf<{ token: string }>(await back.call('auth:signIn', OWNER, {})).token;
    const patient = { lastName: 'Rivera', firstName: 'Ana', dateOfBirth: '1970-01-02', accountNumber: 'MRN-1' };
    expect(code(await back.call('patients:create', patient, { session }))).toBe('OK');
    const frontList = valueOf<{ total: number }>(await front.call('patients:list', {}, asOwner));
    expect(frontList.total).toBe(1);
    const backOwn = back.services.ctx.db.prepare('SELECT count(*) FROM patients').pluck().get();
    expect(backOwn).toBe(0);

    // Another desk cannot turn sharing off, nor lock or read the lock of the sharing desk.
    expect(code(await back.call('sharing:set', { on: false, port }, { session }))).toBe('SHARING_AT_SERVER');
    expect(code(await back.call('session:lock', {}, { session }))).toBe('AT_THE_SERVER');
    expect(
      valueOf<{ keptAtServer: boolean; lockAfterMinutes: number }>(await back.call('session:status', {}, { session })),
    ).toMatchObject({ keptAtServer: true, lockAfterMinutes: 0 });
    // The front desk locked at its screen does not shut the other desks out.
    expect(code(await front.call('session:lock', {}, asOwner))).toBe('OK');
    expect(code(await front.call('patients:list', {}, asOwner))).toBe('LOCKED');
    expect(code(await back.call('patients:list', {}, { session }))).toBe('OK');

    // Back to its own data folder.
    await back.call('desk:disconnect', {}, {});
    expect(code(await back.call('patients:list', {}, {}))).toBe('OK');
    expect(valueOf<{ total: number }>(await back.call('patients:list', {}, {})).total).toBe(0);
  });

  it('takes sharing and the chosen server up again at the next start, and stops listening when turned off', async () => {
    const { port } = await frontSharedWithBack();

    // Both desks restart: the front shares again on the same port, the back works on it again.
    for (const desk of opened.splice(0)) {
      await desk.door.close();
      desk.services.close();
    }
    const front2 = openDesk('front');
    await front2.door.resume();
    const session = valueOf<{ token: string }>(await front2.call('auth:signIn', OWNER, {})).token;
    expect(valueOf<{ on: boolean; port: number }>(await front2.call('sharing:status', {}, { session }))).toMatchObject({
      on: true,
      port,
    });
    const back2 = openDesk('back');
    await back2.door.resume();
    expect(
      valueOf<{ connectedTo: { url: string } | null }>(await back2.call('desk:status', {}, {})).connectedTo?.url,
    ).toBe(`https://127.0.0.1:${port}/`);
    expect(code(await back2.call('patients:list', {}, {}))).toBe('NOT_SIGNED_IN');

    expect(valueOf<{ on: boolean }>(await front2.call('sharing:set', { on: false, port }, { session })).on).toBe(false);
    expect(code(await back2.call('patients:list', {}, {}))).toBe('SERVER_UNREACHABLE');
  });

  it('saves a document into the connected desk’s own folder, and refuses a folder on the server from another desk', async () => {
    const { back, port, shared } = await frontSharedWithBack();
    const session = valueOf<{ token: string }>(await back.call('auth:signIn', OWNER, {})).token;
    // The whole claim is entered from the back desk, through the server.
    const value: Value = async <T>(channel: string, args: unknown) =>
      valueOf<T>(await back.call(channel, args, { session }));
    const seeded = await seedPractice(value);
    const [patient] = seeded.patients;
    if (!patient) throw new Error('no patient seeded');
    const administration = await readyAdministration(value, seeded, patient);
    const made = await value<{ attachment: { id: number } }>('attachments:generate', {
      administrationId: administration.id,
    });

    const folder = join(dir, 'back-desk-documents');
    mkdirSync(folder);
    const saved = valueOf<{ written: { path: string }[] }>(
      await back.call('documents:save', { ids: [made.attachment.id], folder }, { session }),
    );
    expect(saved.written.map((w) => dirname(w.path))).toEqual([folder]);
    const read = await value<{ contentBase64: string }>('documents:read', { id: made.attachment.id });
    expect(readFileSync(saved.written[0]?.path ?? '').equals(Buffer.from(read.contentBase64, 'base64'))).toBe(true);

    // Straight to the server, a folder would be one on the server's disk: refused.
    const direct = practiceDispatcher(await pinServer(`127.0.0.1:${port}`, shared.fingerprint));
    const refused = await direct(
      'documents:save',
      { ids: [made.attachment.id], folder: join(dir, 'elsewhere') },
      { session },
    );
    direct.close();
    expect(code(refused)).toBe('SAVE_AT_THE_DESK');
  });
});
