/**
 * Accounts (issue 16): the dispatcher has already checked the caller's role for these channels
 * (channel-roles.ts) and put the caller's session and person in the call scope; the rules are
 * accountService's. A status never fails: an ended or unknown session reads as nobody signed in.
 */
import type { AuthStatus, UserSummary } from '../../../shared/api/auth-channels';
import { AppError } from '../app-error';
import { accountsFor } from '../accounts/account-service';
import { currentCall } from '../accounts/actor-scope';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { userRepository, type StoredUser } from '../repositories/user-repository';
import type { HandlersFor } from './handler-types';

type AuthChannel =
  | 'auth:status'
  | 'auth:createFirstOwner'
  | 'auth:signIn'
  | 'auth:signOut'
  | 'auth:changePassword'
  | 'users:list'
  | 'users:create'
  | 'users:deactivate'
  | 'users:setPassword'
  | 'users:setSessionIdle';

const summary = (u: StoredUser): UserSummary => ({ id: u.id, name: u.name, role: u.role, active: u.active === 1 });
const person = ({ token, user }: { token: string; user: { name: string; role: UserSummary['role'] } }) => ({
  token,
  user: { name: user.name, role: user.role },
});

export function authHandlers(ctx: ServiceContext, audit: AuditLog): HandlersFor<AuthChannel> {
  const accounts = () => accountsFor(ctx);
  const users = userRepository(ctx.db, audit);
  const found = (id: number): StoredUser => {
    const user = users.get(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'There is no such account.');
    return user;
  };

  return {
    'auth:status': (): AuthStatus => {
      const service = accounts();
      const sessionIdleMinutes = service.sessionIdleMinutes();
      if (!service.accountsOn()) return { accountsOn: false, signedIn: null, sessionIdleMinutes };
      const session = currentCall()?.session;
      if (session === undefined) return { accountsOn: true, signedIn: null, sessionIdleMinutes };
      try {
        const user = service.session(session);
        return { accountsOn: true, signedIn: { name: user.name, role: user.role }, sessionIdleMinutes };
      } catch {
        return { accountsOn: true, signedIn: null, sessionIdleMinutes };
      }
    },
    'auth:createFirstOwner': (input) => person(accounts().createFirstOwner(input)),
    'auth:signIn': async ({ name, password }) => person(await accounts().signIn(name, password)),
    'auth:signOut': () => {
      const session = currentCall()?.session;
      if (session !== undefined) accounts().signOut(session);
      return { signedOut: session !== undefined };
    },
    'auth:changePassword': async ({ current, next }) => {
      const call = currentCall();
      await accounts().changeOwnPassword(call?.user ?? null, call?.session, current, next);
      return { changed: true };
    },
    'users:list': () => users.list().map(summary),
    'users:create': (input) => summary(found(accounts().addUser(currentCall()?.user ?? null, input).userId)),
    'users:deactivate': ({ id }) => {
      accounts().deactivate(currentCall()?.user ?? null, id);
      return summary(found(id));
    },
    'users:setPassword': ({ id, password }) => {
      const call = currentCall();
      accounts().setPasswordFor(call?.user ?? null, id, password, call?.session);
      return summary(found(id));
    },
    'users:setSessionIdle': ({ sessionIdleMinutes }) => ({
      sessionIdleMinutes: accounts().setSessionIdleMinutes(currentCall()?.user ?? null, sessionIdleMinutes),
    }),
  };
}
