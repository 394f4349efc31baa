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
  | 'users:list'
  | 'users:create'
  | 'users:deactivate';

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
      if (!service.accountsOn()) return { accountsOn: false, signedIn: null };
      const session = currentCall()?.session;
      if (session === undefined) return { accountsOn: true, signedIn: null };
      try {
        const user = service.session(session);
        return { accountsOn: true, signedIn: { name: user.name, role: user.role } };
      } catch {
        return { accountsOn: true, signedIn: null };
      }
    },
    'auth:createFirstOwner': (input) => person(accounts().createFirstOwner(input)),
    'auth:signIn': ({ name, password }) => person(accounts().signIn(name, password)),
    'auth:signOut': () => {
      const session = currentCall()?.session;
      if (session !== undefined) accounts().signOut(session);
      return { signedOut: session !== undefined };
    },
    'users:list': () => users.list().map(summary),
    'users:create': (input) => summary(found(accounts().addUser(currentCall()?.user ?? null, input).userId)),
    'users:deactivate': ({ id }) => {
      accounts().deactivate(currentCall()?.user ?? null, id);
      return summary(found(id));
    },
  };
}
