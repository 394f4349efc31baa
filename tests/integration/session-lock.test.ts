/**
 * The idle lock and the passphrase through the dispatcher, as every door calls them (issue 15,
 * item 5): while locked, every channel but the lock screen's own is refused LOCKED before its
 * arguments are read; only the passphrase unlocks; five wrong ones in a row make unlocking wait
 * 30 seconds; a practice without a passphrase cannot be locked; the idle time is a setting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api/contract';
import { OPEN_WHILE_LOCKED } from '../../shared/api/session-channels';
import { openServices, type Services } from '../../electron/services/context';
import { passphraseOpens } from '../../electron/services/crypto/key-file';
import { dispatch } from '../../electron/services/dispatch';
import { createLogger } from '../../electron/services/log/logger';
import { makeTempDir, removeTempDir, testClock } from './temp-dir';

const PASSPHRASE = 'correct horse battery staple';
const PATIENT = 'Quixotebaum';

let dir: string;
let open: Services | undefined;
let logLines: string[];
let clock: ReturnType<typeof testClock>;

beforeEach(() => {
  dir = makeTempDir();
  logLines = [];
  clock = testClock('2026-12-07T15:00:00.000Z');
});
afterEach(() => {
  open?.close();
  open = undefined;
  removeTempDir(dir);
});

const start = (unlock?: { passphrase: string }): Services => {
  open?.close();
  open = openServices({
    dataDir: dir,
    mode: 'browser',
    actor: 'tester',
    now: clock.now,
    log: createLogger({ sink: (line) => logLines.push(line), level: 'debug' }),
    ...(unlock ? { unlock } : {}),
  });
  return open;
};

const send = (s: Services, channel: string, args: unknown = {}) =>
  dispatch(s.handlers, channel, args, { error: () => {} });

async function call<T = Record<string, unknown>>(s: Services, channel: string, args: unknown = {}): Promise<T> {
  const reply = await send(s, channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function refusal(s: Services, channel: string, args: unknown = {}) {
  const reply = await send(s, channel, args);
  if (reply.ok) throw new Error(`${channel} was not refused`);
  return reply.error;
}

describe('session:status', () => {
  it('says an encrypted folder with a passphrase is unlocked, locks after 15 minutes, and names the practice', async () => {
    const s = start({ passphrase: PASSPHRASE });
    expect(await call(s, 'session:status')).toEqual({
      encrypted: true,
      hasPassphrase: true,
      locked: false,
      lockAfterMinutes: 15,
      practiceName: null,
      keptAtServer: false,
    });
    await call(s, 'practice:set', {
      name: 'Lakeside Infusion',
      addressLine1: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      phone: '5551234567',
      billingContact: 'Dana',
      npi: '1234567893',
      tin: '123456789',
    });
    expect((await call(s, 'session:status')).practiceName).toBe('Lakeside Infusion');
  });

  it('says a folder kept in clear is not encrypted and has no passphrase', async () => {
    const s = start();
    expect(await call(s, 'session:status')).toMatchObject({ encrypted: false, hasPassphrase: false, locked: false });
  });
});

/** Services on an encrypted folder with one patient whose name must never leak through the lock. */
async function startWithPatient() {
  const s = start({ passphrase: PASSPHRASE });
  await call(s, 'patients:create', {
    lastName: PATIENT,
    firstName: 'Dulcinea',
    dateOfBirth: '1961-04-02',
    accountNumber: 'MRN-77123',
  });
  return s;
}

describe('locked', () => {
  it('refuses every channel but status and unlock with LOCKED and a sentence, before reading the arguments', async () => {
    const s = await startWithPatient();
    expect(await call(s, 'session:lock')).toMatchObject({ locked: true });
    expect(s.ctx.locked).toBe(true);

    const refusedChannels = channels.filter((c) => !(OPEN_WHILE_LOCKED as readonly string[]).includes(c));
    expect(refusedChannels.length).toBeGreaterThan(100);
    for (const channel of refusedChannels) {
      // Arguments that would not even validate: the lock answers first, and says nothing about them.
      const error = await refusal(s, channel, { nonsense: true });
      expect(error.code, channel).toBe('LOCKED');
      expect(error.message).toMatch(/locked .* passphrase/i);
      expect(error.message).not.toContain(PATIENT);
    }
    expect((await call(s, 'session:status')).locked).toBe(true);
  });

  it('opens only with the passphrase; a wrong one is refused next to the field and the lock stays', async () => {
    const s = await startWithPatient();
    await call(s, 'session:lock');

    const wrong = await refusal(s, 'session:unlock', { passphrase: 'correct horse battery stapler' });
    expect(wrong.code).toBe('PASSPHRASE_WRONG');
    expect(wrong.fields).toEqual([{ field: 'passphrase', code: 'PASSPHRASE_WRONG', message: wrong.message }]);
    expect((await refusal(s, 'patients:list')).code).toBe('LOCKED');

    expect(await call(s, 'session:unlock', { passphrase: PASSPHRASE })).toMatchObject({ locked: false });
    const list = await call<{ rows: { lastName: string }[] }>(s, 'patients:list');
    expect(list.rows.map((r) => r.lastName)).toEqual([PATIENT]);
    // The support log tells what happened, never what was typed.
    const log = logLines.join('\n');
    expect(log).toMatch(/session Locked/);
    expect(log).toMatch(/session Wrong passphrase at unlock/);
    expect(log).toMatch(/session Unlocked/);
    expect(log).not.toContain('correct horse');
  });

  it('after five wrong passphrases in a row, waits 30 seconds even for the right one', async () => {
    const s = start({ passphrase: PASSPHRASE });
    await call(s, 'session:lock');
    for (let i = 1; i <= 4; i += 1) {
      expect((await refusal(s, 'session:unlock', { passphrase: `wrong guess ${i}` })).code).toBe('PASSPHRASE_WRONG');
    }
    const fifth = await refusal(s, 'session:unlock', { passphrase: 'wrong guess 5' });
    expect(fifth.code).toBe('TOO_MANY_TRIES');
    expect(fifth.fields?.[0]?.field).toBe('passphrase');
    expect(fifth.message).toContain('wait 30 seconds');

    clock.advance(10);
    const waiting = await refusal(s, 'session:unlock', { passphrase: PASSPHRASE });
    expect(waiting.code).toBe('TOO_MANY_TRIES');
    expect(waiting.message).toContain('wait 20 seconds');
    expect(s.ctx.locked).toBe(true);

    clock.advance(21);
    expect(await call(s, 'session:unlock', { passphrase: PASSPHRASE })).toMatchObject({ locked: false });
  });

  it('counts wrong passphrases in a row only: a right one starts the count again', async () => {
    const s = start({ passphrase: PASSPHRASE });
    await call(s, 'session:lock');
    for (let i = 0; i < 4; i += 1) await refusal(s, 'session:unlock', { passphrase: 'not the passphrase' });
    await call(s, 'session:unlock', { passphrase: PASSPHRASE });
    await call(s, 'session:lock');
    for (let i = 0; i < 4; i += 1) {
      expect((await refusal(s, 'session:unlock', { passphrase: 'not the passphrase' })).code).toBe('PASSPHRASE_WRONG');
    }
  });

  it('checks the passphrase even when another window has already unlocked the app', async () => {
    const s = start({ passphrase: PASSPHRASE });
    expect((await refusal(s, 'session:unlock', { passphrase: 'anything at all' })).code).toBe('PASSPHRASE_WRONG');
    expect(await call(s, 'session:unlock', { passphrase: PASSPHRASE })).toMatchObject({ locked: false });
  });

  it('is not kept by a new start of the services (the lock is of the running app)', async () => {
    const s = start({ passphrase: PASSPHRASE });
    await call(s, 'session:lock');
    const again = start({ passphrase: PASSPHRASE });
    expect((await call(again, 'session:status')).locked).toBe(false);
  });
});

describe('locking needs a passphrase', () => {
  it('refuses to lock a folder kept in clear (NO_PASSPHRASE), and every channel still answers', async () => {
    const s = start();
    const error = await refusal(s, 'session:lock');
    expect(error.code).toBe('NO_PASSPHRASE');
    expect(error.message).toMatch(/passphrase is set/);
    expect(s.ctx.locked).toBe(false);
    expect((await send(s, 'patients:list')).ok).toBe(true);
    expect((await refusal(s, 'session:setPassphrase', { next: 'a long enough passphrase' })).code).toBe(
      'NOT_ENCRYPTED',
    );
  });
});

describe('session:setPassphrase', () => {
  it('changes the passphrase when the current one is given; the old one no longer unlocks', async () => {
    const s = start({ passphrase: PASSPHRASE });
    const next = 'a new passphrase for the desk';
    const wrongCurrent = await refusal(s, 'session:setPassphrase', { current: 'not it at all', next });
    expect(wrongCurrent.fields).toEqual([expect.objectContaining({ field: 'current', code: 'PASSPHRASE_WRONG' })]);
    const missing = await refusal(s, 'session:setPassphrase', { next });
    expect(missing.fields?.[0]?.field).toBe('current');
    const short = await refusal(s, 'session:setPassphrase', { current: PASSPHRASE, next: 'short' });
    expect(short.fields).toEqual([expect.objectContaining({ field: 'next', code: 'PASSPHRASE_TOO_SHORT' })]);
    // Refused changes left the passphrase as it was.
    expect(passphraseOpens(dir, s.ctx.dataKey as Buffer, PASSPHRASE)).toBe(true);

    expect(await call(s, 'session:setPassphrase', { current: PASSPHRASE, next })).toMatchObject({
      hasPassphrase: true,
    });
    await call(s, 'session:lock');
    expect((await refusal(s, 'session:unlock', { passphrase: PASSPHRASE })).code).toBe('PASSPHRASE_WRONG');
    await call(s, 'session:unlock', { passphrase: next });

    // Who changed it is in the audit log (without the passphrase); the support log never holds it either.
    const audit = await call<{ rows: { entity: string; entityId: string; action: string }[] }>(s, 'audit:list', {
      entity: 'setting',
    });
    expect(audit.rows).toEqual([
      expect.objectContaining({ entity: 'setting', entityId: 'passphrase', action: 'update' }),
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(next);
    expect(logLines.join('\n')).not.toContain(next);
  });
});

describe('session:setLockAfter', () => {
  it('keeps 0 to 480 minutes, audited, and refuses anything else next to the field', async () => {
    const s = start({ passphrase: PASSPHRASE });
    expect(await call(s, 'session:setLockAfter', { lockAfterMinutes: 5 })).toMatchObject({ lockAfterMinutes: 5 });
    expect(await call(s, 'session:setLockAfter', { lockAfterMinutes: 0 })).toMatchObject({ lockAfterMinutes: 0 });
    expect(await call(s, 'session:setLockAfter', { lockAfterMinutes: 480 })).toMatchObject({ lockAfterMinutes: 480 });
    for (const bad of [-1, 481, 2.5]) {
      const error = await refusal(s, 'session:setLockAfter', { lockAfterMinutes: bad });
      expect(error.code).toBe('LOCK_AFTER_INVALID');
      expect(error.fields).toEqual([
        {
          field: 'lockAfterMinutes',
          code: 'LOCK_AFTER_INVALID',
          message: 'Enter a whole number of minutes from 1 to 480, or 0 to never lock.',
        },
      ]);
    }
    expect((await call(s, 'session:status')).lockAfterMinutes).toBe(480);
    const again = start({ passphrase: PASSPHRASE });
    expect((await call(again, 'session:status')).lockAfterMinutes).toBe(480);
    const audit = await call<{ rows: { entityId: string }[] }>(again, 'audit:list', { entity: 'setting' });
    expect(audit.rows.filter((r) => r.entityId === 'lock_after_minutes')).toHaveLength(3);
  });
});
