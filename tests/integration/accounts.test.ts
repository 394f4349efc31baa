/**
 * Issue 16, accounts in the services: a practice without accounts works as before; the first
 * account is the owner; the owner adds people with roles; sign-in refuses a wrong password with
 * one sentence and makes the account wait after 5 in a row; a session expires after the idle
 * time; a role is refused what it may not call (FORBIDDEN); the last owner cannot be
 * deactivated; no password or hash reaches the audit log.
 */
import { describe, expect, it } from 'vitest';
import { passwordMatches } from '../../electron/services/accounts/password-hash';
import { accountService } from '../../electron/services/accounts/account-service';
import { serviceHarness } from './service-harness';

const h = serviceHarness();
const accounts = () => accountService(h.services().ctx);
const OWNER_PASSWORD = 'owner password 1';
const BILLER_PASSWORD = 'biller password 2';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

/** As codeOf, for a promise (signing in checks the password off the main thread). */
const codeOfSoon = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

function practiceWithPeople() {
  const owner = accounts().createFirstOwner({ name: 'Olivia Owner', password: OWNER_PASSWORD });
  accounts().addUser(owner.user, { name: 'Bill Biller', role: 'biller', password: BILLER_PASSWORD });
  accounts().addUser(owner.user, { name: 'Fran Finance', role: 'finance', password: 'finance password 3' });
  return owner;
}

describe('accounts', () => {
  it('are off until the first account: every call is allowed, as on one desk', () => {
    expect(accounts().accountsOn()).toBe(false);
    expect(accounts().authorize(undefined, 'payments:post')).toBeNull();
  });

  it('start with an owner, who adds people with their roles; nobody else can', async () => {
    const owner = practiceWithPeople();
    expect(owner.user.role).toBe('owner');
    expect(accounts().accountsOn()).toBe(true);
    expect(codeOf(() => accounts().createFirstOwner({ name: 'Someone', password: 'another password' }))).toBe(
      'ACCOUNTS_EXIST',
    );
    const biller = await accounts().signIn('bill biller', BILLER_PASSWORD);
    expect(codeOf(() => accounts().addUser(biller.user, { name: 'X', role: 'owner', password: 'x'.repeat(12) }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(() => accounts().addUser(owner.user, { name: 'bill BILLER', role: 'finance', password: 'y'.repeat(12) })),
    ).toBe('USER_NAME_TAKEN');
    expect(codeOf(() => accounts().addUser(owner.user, { name: 'Short', role: 'finance', password: 'short' }))).toBe(
      'PASSWORD_TOO_SHORT',
    );
    expect(codeOf(() => accounts().addUser(owner.user, { name: 'Role', role: 'boss', password: 'y'.repeat(12) }))).toBe(
      'ROLE_UNKNOWN',
    );
  });

  it('refuse each role what it may not call, and anyone without a session', async () => {
    practiceWithPeople();
    const biller = await accounts().signIn('Bill Biller', BILLER_PASSWORD);
    expect(accounts().authorize(biller.token, 'patients:create')?.name).toBe('Bill Biller');
    expect(codeOf(() => accounts().authorize(biller.token, 'payments:post'))).toBe('FORBIDDEN');
    expect(codeOf(() => accounts().authorize(undefined, 'patients:list'))).toBe('NOT_SIGNED_IN');
    expect(codeOf(() => accounts().authorize('made-up-token', 'patients:list'))).toBe('NOT_SIGNED_IN');
    // What the sign-in screen needs is open to all.
    expect(accounts().authorize(undefined, 'app:info')).toBeNull();
  });

  it('refuse a wrong password with one sentence for a wrong name too, and wait after 5 in a row', async () => {
    practiceWithPeople();
    const wrongName = await codeOfSoon(accounts().signIn('Nobody', BILLER_PASSWORD));
    const wrongPassword = await codeOfSoon(accounts().signIn('Bill Biller', 'not it at all'));
    expect([wrongName, wrongPassword]).toEqual(['SIGN_IN_WRONG', 'SIGN_IN_WRONG']);
    for (let i = 0; i < 4; i++) await codeOfSoon(accounts().signIn('Bill Biller', 'not it at all'));
    // The fifth wrong one locked it: even the right password waits.
    expect(await codeOfSoon(accounts().signIn('Bill Biller', BILLER_PASSWORD))).toBe('ACCOUNT_LOCKED');
    h.clock.advance(15 * 60 + 1);
    expect((await accounts().signIn('Bill Biller', BILLER_PASSWORD)).user.role).toBe('biller');
  });

  it('end a session after 15 minutes without use, and keep it while in use', async () => {
    practiceWithPeople();
    const biller = await accounts().signIn('Bill Biller', BILLER_PASSWORD);
    h.clock.advance(14 * 60);
    expect(accounts().session(biller.token).name).toBe('Bill Biller');
    h.clock.advance(14 * 60);
    expect(accounts().session(biller.token).name).toBe('Bill Biller');
    h.clock.advance(15 * 60 + 1);
    expect(codeOf(() => accounts().session(biller.token))).toBe('SESSION_EXPIRED');
    expect(codeOf(() => accounts().session(biller.token))).toBe('NOT_SIGNED_IN');
  });

  it('keep the last owner, end a deactivated person’s sessions, and keep no secret in the audit log', async () => {
    const owner = practiceWithPeople();
    expect(codeOf(() => accounts().deactivate(owner.user, owner.user.userId))).toBe('LAST_OWNER');
    const biller = await accounts().signIn('Bill Biller', BILLER_PASSWORD);
    accounts().deactivate(owner.user, biller.user.userId);
    expect(codeOf(() => accounts().session(biller.token))).toBe('NOT_SIGNED_IN');
    expect(await codeOfSoon(accounts().signIn('Bill Biller', BILLER_PASSWORD))).toBe('SIGN_IN_WRONG');

    const stored = h
      .services()
      .ctx.db.prepare(`SELECT password_hash FROM users WHERE name = 'Olivia Owner'`)
      .pluck()
      .get() as string;
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await passwordMatches(OWNER_PASSWORD, stored)).toBe(true);
    const log = JSON.stringify(h.services().ctx.db.prepare(`SELECT * FROM audit_log WHERE entity = 'user'`).all());
    expect(log).toContain('Bill Biller');
    expect(log).not.toContain(OWNER_PASSWORD);
    expect(log).not.toContain(BILLER_PASSWORD);
    expect(log).not.toContain('scrypt$');
  });
});
