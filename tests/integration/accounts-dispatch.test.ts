/**
 * Issue 16, accounts at the dispatcher (every door's one entry): with accounts on, a call without
 * a session is refused NOT_SIGNED_IN, a role's call outside its work FORBIDDEN, and what a
 * signed-in person saves is audited under their name, not the machine's login; the account
 * channels keep field errors next to their fields; a practice without accounts works as before.
 */
import { describe, expect, it } from 'vitest';
import { fieldCodes } from './service-calls';
import { serviceHarness } from './service-harness';
import { sessionCalls } from './session-calls';

const h = serviceHarness({ actor: 'os-login' });
const OWNER_PASSWORD = 'owner password 1';
const BILLER_PASSWORD = 'biller password 2';

const { as, valueOf, codeOf } = sessionCalls(h);
const patient = { lastName: 'Rivera', firstName: 'Ana', dateOfBirth: '1970-01-02', accountNumber: 'MRN-1' };

async function practiceWithBiller() {
  const owner = await valueOf<{ token: string }>(
    as(undefined, 'auth:createFirstOwner', { name: 'Olivia Owner', password: OWNER_PASSWORD }),
  );
  await valueOf(as(owner.token, 'users:create', { name: 'Bill Biller', role: 'biller', password: BILLER_PASSWORD }));
  const biller = await valueOf<{ token: string; user: unknown }>(
    as(undefined, 'auth:signIn', { name: 'bill biller', password: BILLER_PASSWORD }),
  );
  return { owner: owner.token, biller };
}

describe('accounts at the dispatcher', () => {
  it('audit what a signed-in biller saves under the biller’s name', async () => {
    const { biller } = await practiceWithBiller();
    expect(biller.user).toEqual({ name: 'Bill Biller', role: 'biller' });
    await valueOf(as(biller.token, 'patients:create', patient));
    expect(h.auditRows('patient').map((r) => r.actor)).toEqual(['Bill Biller']);
    expect(h.auditRows('user').map((r) => r.actor)).toEqual(['Olivia Owner', 'Olivia Owner']);
  });

  it('refuse a role outside its work, a call without a session, and an ended session', async () => {
    const { owner, biller } = await practiceWithBiller();
    expect(await codeOf(as(biller.token, 'payers:create', { name: 'Aetna' }))).toBe('FORBIDDEN');
    expect(await codeOf(as(biller.token, 'settings:setVarianceTolerance', { value: '2.00' }))).toBe('FORBIDDEN');
    expect(await codeOf(as(biller.token, 'users:list'))).toBe('FORBIDDEN');
    expect(await codeOf(as(undefined, 'patients:list', {}))).toBe('NOT_SIGNED_IN');
    expect(await codeOf(as('not-a-session', 'patients:list', {}))).toBe('NOT_SIGNED_IN');
    expect(await codeOf(as(biller.token, 'patients:list', {}))).toBe('OK');
    h.clock.set('2025-03-01T12:16:00.000Z');
    expect(await codeOf(as(biller.token, 'patients:list', {}))).toBe('SESSION_EXPIRED');
    expect(await codeOf(as(owner, 'patients:list', {}))).toBe('SESSION_EXPIRED');
    expect(h.auditRows('patient')).toEqual([]);
  });

  it('answer the status, sign out, and list and deactivate people for the owner', async () => {
    expect(await valueOf(as(undefined, 'auth:status'))).toEqual({
      accountsOn: false,
      signedIn: null,
      sessionIdleMinutes: 15,
    });
    const { owner, biller } = await practiceWithBiller();
    expect(await valueOf(as(undefined, 'auth:status'))).toEqual({
      accountsOn: true,
      signedIn: null,
      sessionIdleMinutes: 15,
    });
    expect(await valueOf(as(biller.token, 'auth:status'))).toEqual({
      accountsOn: true,
      signedIn: { name: 'Bill Biller', role: 'biller' },
      sessionIdleMinutes: 15,
    });
    const people = await valueOf<{ id: number; name: string; active: boolean }[]>(as(owner, 'users:list'));
    expect(people.map((p) => [p.name, p.active])).toEqual([
      ['Bill Biller', true],
      ['Olivia Owner', true],
    ]);
    const bill = people.find((p) => p.name === 'Bill Biller');
    expect(await valueOf(as(owner, 'users:deactivate', { id: bill?.id }))).toMatchObject({ active: false });
    expect(await codeOf(as(biller.token, 'patients:list', {}))).toBe('NOT_SIGNED_IN');
    expect(await valueOf(as(owner, 'auth:signOut'))).toEqual({ signedOut: true });
    expect(await codeOf(as(owner, 'patients:list', {}))).toBe('NOT_SIGNED_IN');
  });

  it('keep field errors next to the fields of sign-in and of a new person', async () => {
    const { owner } = await practiceWithBiller();
    const wrong = await as(undefined, 'auth:signIn', { name: 'Bill Biller', password: 'wrong password' });
    expect(wrong.ok ? [] : fieldCodes(wrong.error)).toEqual([{ field: 'password', code: 'SIGN_IN_WRONG' }]);
    const bad = await as(owner, 'users:create', { name: 'Bill Biller', role: 'boss', password: 'short' });
    expect(bad.ok ? [] : fieldCodes(bad.error)).toEqual([{ field: 'role', code: 'ROLE_UNKNOWN' }]);
    const taken = await as(owner, 'users:create', { name: 'bill biller', role: 'finance', password: 'x'.repeat(12) });
    expect(taken.ok ? [] : fieldCodes(taken.error)).toEqual([{ field: 'name', code: 'USER_NAME_TAKEN' }]);
    const again = await as(undefined, 'auth:createFirstOwner', { name: 'Eve', password: 'x'.repeat(12) });
    expect(again.ok ? 'OK' : again.error.code).toBe('ACCOUNTS_EXIST');
  });

  it('let everything through, audited under the machine’s login, while the practice has no accounts', async () => {
    await valueOf(as(undefined, 'patients:create', patient));
    await valueOf(as(undefined, 'settings:setVarianceTolerance', { value: '2.00' }));
    expect(h.auditRows('patient').map((r) => r.actor)).toEqual(['os-login']);
  });
});
