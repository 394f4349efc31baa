/**
 * Accounts, sign-in and sessions (issue 16), kept by the services so every door obeys them:
 * - no users: the practice works without accounts (one desk, as before) until the owner makes
 *   the first account, which must be an owner;
 * - a wrong name or password gets one sentence for both (the answer does not tell a stranger
 *   which names exist); 5 wrong in a row and the account waits 15 minutes (ACCOUNT_LOCKED);
 * - a session is a random token; it expires after the owner's idle time (15 minutes unless set,
 *   read at each check so a change holds at once) and the password is asked again (SESSION_EXPIRED);
 * - a new password ends the person's other sessions; one set by the owner also lifts the wait
 *   after wrong passwords (the owner is who a locked-out person asks).
 * - `authorize` is what a door asks before a call: FORBIDDEN when the role may not call it
 *   (shared/api/channel-roles.ts), NOT_SIGNED_IN without a session.
 * Sessions live in memory: a restarted app asks everyone to sign in again.
 */
import { randomBytes } from 'node:crypto';
import { CHANNEL_ROLES, mayCall, OPEN } from '../../../shared/api/channel-roles';
import {
  DEFAULT_SESSION_IDLE_MINUTES,
  MAX_SESSION_IDLE_MINUTES,
  MIN_SESSION_IDLE_MINUTES,
} from '../../../shared/api/auth-channels';
import type { Channel } from '../../../shared/api/contract';
import { isRole, type Role } from '../../../shared/domain/roles';
import { AppError, fieldError } from '../app-error';
import type { ServiceContext } from '../context';
import { auditLog } from '../repositories/audit-log';
import { minutesSettingRepository } from '../repositories/minutes-setting-repository';
import { userRepository, type StoredUser } from '../repositories/user-repository';
import { hashPassword, passwordMatches } from './password-hash';

const MIN_PASSWORD_LENGTH = 10;
const WRONG_TRIES_BEFORE_WAIT = 5;
const WAIT_AFTER_TRIES_MINUTES = 15;

/** A hash made once, checked against for a name that has no account (see signIn). */
let unknownNameHash: string | undefined;

export type SignedIn = { userId: number; name: string; role: Role };
type Session = SignedIn & { lastUsedMs: number };

// One table of sessions per open practice: the doors of one process share it.
const sessionsOf = new WeakMap<ServiceContext, Map<string, Session>>();

const WRONG_SIGN_IN = 'That name and password do not match an account of this practice.';

// One service per open database: its statements are prepared once, not on every call; a
// restore opens a new database and so gets a new one.
const servicesOf = new WeakMap<object, AccountService>();

/** The account service of `ctx`'s open database, made on first use. */
export function accountsFor(ctx: ServiceContext): AccountService {
  let service = servicesOf.get(ctx.db);
  if (!service) {
    service = accountService(ctx);
    servicesOf.set(ctx.db, service);
  }
  return service;
}

export function accountService(ctx: ServiceContext) {
  const audit = auditLog(ctx.db);
  const users = userRepository(ctx.db, audit);
  const idleSetting = minutesSettingRepository(ctx.db, audit, {
    key: 'session_idle_minutes',
    fallback: DEFAULT_SESSION_IDLE_MINUTES,
    min: MIN_SESSION_IDLE_MINUTES,
    max: MAX_SESSION_IDLE_MINUTES,
  });
  // Accounts are deactivated, never deleted: once there are some, there always are.
  let accountsOn = false;
  const hasAccounts = (): boolean => accountsOn || (accountsOn = users.count() > 0);
  const nowMs = () => Date.parse(ctx.now());
  let sessions = sessionsOf.get(ctx);
  if (!sessions) {
    sessions = new Map();
    sessionsOf.set(ctx, sessions);
  }
  const live = sessions;

  const checkPassword = (password: string, field = 'password') => {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw fieldError(field, 'PASSWORD_TOO_SHORT', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
  };
  const checkName = (name: string) => {
    if (name.trim() === '') throw fieldError('name', 'NAME_REQUIRED', 'Enter the person’s name.');
    if (users.byName(name))
      throw fieldError('name', 'USER_NAME_TAKEN', `There is already an account named ${name.trim()}.`);
  };
  const requireOwner = (by: SignedIn | null) => {
    if (hasAccounts() && by?.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'Only the practice’s owner can manage accounts.');
    }
  };
  const open = (user: StoredUser): { token: string; user: SignedIn } => {
    const token = randomBytes(32).toString('base64url');
    const signedIn = { userId: user.id, name: user.name, role: user.role };
    live.set(token, { ...signedIn, lastUsedMs: nowMs() });
    return { token, user: signedIn };
  };
  /** Ends every session of `userId` but `keep` (the caller's own, when it is theirs). */
  const endSessionsOf = (userId: number, keep?: string) => {
    for (const [token, s] of live) if (s.userId === userId && token !== keep) live.delete(token);
  };

  return {
    /** Whether the practice has accounts (any user at all): without them every call is allowed. */
    accountsOn: hasAccounts,

    /**
     * The first account, an owner, made from the one desk the practice had; it is signed in at
     * once. Later accounts are added by an owner (addUser).
     */
    createFirstOwner(input: { name: string; password: string }) {
      if (hasAccounts()) throw new AppError('ACCOUNTS_EXIST', 'This practice already has accounts; sign in.');
      checkName(input.name);
      checkPassword(input.password);
      const made = users.create(
        { name: input.name, role: 'owner', passwordHash: hashPassword(input.password) },
        ctx.now(),
        input.name.trim(),
      );
      return open(made);
    },

    addUser(by: SignedIn | null, input: { name: string; role: string; password: string }): SignedIn {
      if (!hasAccounts()) throw new AppError('NO_OWNER', 'Make the owner’s account first.');
      requireOwner(by);
      if (!isRole(input.role)) throw fieldError('role', 'ROLE_UNKNOWN', 'Choose one of the roles.');
      checkName(input.name);
      checkPassword(input.password);
      const made = users.create(
        { name: input.name, role: input.role, passwordHash: hashPassword(input.password) },
        ctx.now(),
        by?.name ?? ctx.actor,
      );
      return { userId: made.id, name: made.name, role: made.role };
    },

    async signIn(name: string, password: string): Promise<{ token: string; user: SignedIn }> {
      const user = users.byName(name);
      // The same sentence whether the name exists or not; a hash is still computed for an unknown name
      // so the time taken does not tell either.
      if (!user || user.active !== 1) {
        await passwordMatches(password, (unknownNameHash ??= hashPassword('not a real password')));
        throw fieldError('password', 'SIGN_IN_WRONG', WRONG_SIGN_IN);
      }
      if (user.lockedUntil && Date.parse(user.lockedUntil) > nowMs()) {
        throw new AppError(
          'ACCOUNT_LOCKED',
          `Too many wrong passwords: this account can try again after ${WAIT_AFTER_TRIES_MINUTES} minutes, or the owner can set a new password.`,
        );
      }
      if (!(await passwordMatches(password, user.passwordHash))) {
        // Read again after the wait: other sign-ins of this person may have counted meanwhile.
        const tries = (users.get(user.id)?.failedSignIns ?? user.failedSignIns) + 1;
        const waitUntil =
          tries >= WRONG_TRIES_BEFORE_WAIT ? new Date(nowMs() + WAIT_AFTER_TRIES_MINUTES * 60_000).toISOString() : null;
        users.recordTries(user.id, waitUntil ? 0 : tries, waitUntil);
        ctx.log.warn('accounts', 'A sign-in was refused', { userId: user.id, tries });
        throw fieldError('password', 'SIGN_IN_WRONG', WRONG_SIGN_IN);
      }
      users.recordTries(user.id, 0, null);
      return open(user);
    },

    signOut(token: string): void {
      live.delete(token);
    },

    /** Who holds `token`, its idle time renewed; SESSION_EXPIRED after the idle time, NOT_SIGNED_IN without one. */
    session(token: string | undefined): SignedIn {
      const found = token === undefined ? undefined : live.get(token);
      if (!found) throw new AppError('NOT_SIGNED_IN', 'Sign in to go on.');
      const user = users.get(found.userId);
      if (!user || user.active !== 1) {
        live.delete(token as string);
        throw new AppError('NOT_SIGNED_IN', 'This account is no longer active; sign in with another.');
      }
      if (nowMs() - found.lastUsedMs > idleSetting.minutes() * 60_000) {
        live.delete(token as string);
        throw new AppError('SESSION_EXPIRED', 'You were away for a while: enter your password again.');
      }
      found.lastUsedMs = nowMs();
      return { userId: user.id, name: user.name, role: user.role };
    },

    /**
     * What a door asks before a call: the signed-in person (null when the practice has no
     * accounts, or for a channel open to all), or a refusal.
     */
    authorize(token: string | undefined, channel: Channel): SignedIn | null {
      if (CHANNEL_ROLES[channel] === OPEN || !hasAccounts()) return null;
      const user = this.session(token);
      if (!mayCall(user.role, channel)) {
        throw new AppError('FORBIDDEN', 'Your role does not allow this; ask the practice’s owner.');
      }
      return user;
    },

    deactivate(by: SignedIn | null, userId: number): void {
      requireOwner(by);
      const user = users.get(userId);
      if (!user) throw new AppError('USER_NOT_FOUND', 'There is no such account.');
      if (user.role === 'owner' && user.active === 1 && users.activeOwners() === 1) {
        throw new AppError('LAST_OWNER', 'This is the practice’s only owner; make another owner first.');
      }
      users.setActive(userId, false, ctx.now(), by?.name ?? ctx.actor);
      endSessionsOf(userId);
    },

    /** Minutes without use before a session ends: the owner's setting, or 15. */
    sessionIdleMinutes: (): number => idleSetting.minutes(),

    /** Minutes already checked by the contract (5–480); sessions already open follow it at once. */
    setSessionIdleMinutes(by: SignedIn | null, minutes: number): number {
      requireOwner(by);
      idleSetting.setMinutes(minutes, ctx.now(), by?.name ?? ctx.actor);
      return idleSetting.minutes();
    },

    /**
     * The owner gives a person a new password (they forgot it, or it may be known to others):
     * their sessions end, but for the one the owner is calling from, and the wait after wrong
     * passwords is lifted. The audit log keeps that it was set, never what to.
     */
    setPasswordFor(by: SignedIn | null, userId: number, password: string, callerSession?: string): void {
      requireOwner(by);
      const user = users.get(userId);
      if (!user) throw new AppError('USER_NOT_FOUND', 'There is no such account.');
      checkPassword(password);
      users.setPasswordHash(userId, hashPassword(password), ctx.now(), by?.name ?? ctx.actor);
      endSessionsOf(userId, callerSession);
      ctx.log.info('accounts', 'A password was set by the owner', { userId });
    },

    /**
     * A signed-in person changes their own password: the current one first, so a desk left
     * signed in does not hand the account over; their other sessions end, this one goes on.
     */
    async changeOwnPassword(
      by: SignedIn | null,
      session: string | undefined,
      current: string,
      next: string,
    ): Promise<void> {
      const user = by ? users.get(by.userId) : undefined;
      if (!by || !user || user.active !== 1) throw new AppError('NOT_SIGNED_IN', 'Sign in to change your password.');
      if (!(await passwordMatches(current, user.passwordHash))) {
        ctx.log.warn('accounts', 'A password change was refused: wrong current password', { userId: user.id });
        throw fieldError('current', 'PASSWORD_WRONG', 'That is not your current password.');
      }
      checkPassword(next, 'next');
      users.setPasswordHash(user.id, hashPassword(next), ctx.now(), by.name);
      endSessionsOf(user.id, session);
      ctx.log.info('accounts', 'A person changed their password', { userId: user.id });
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
