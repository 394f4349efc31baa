/**
 * The contract's channels for accounts (issue 16): whether the practice has accounts and who is
 * signed in, the first owner, signing in and out, and the owner's list of people. Who may call
 * each is in channel-roles.ts; the services refuse the rest. Spread into contract.ts.
 */
import { z } from 'zod';
import { idSchema } from '../domain/field-rules';
import { ROLES } from '../domain/roles';
import type { ChannelSpec } from './channel-spec';

/** The header browser mode sends a signed-in person's session in (electron/host/server.ts). */
export const SESSION_HEADER = 'X-J3490-Session';

// Not trimmed: spaces are part of a password. The service says when one is too short.
const passwordText = z.string().max(1000);
const nameText = z.string().max(200);

export const signedInSchema = z.object({ name: z.string(), role: z.enum(ROLES) });
export type SignedInPerson = z.output<typeof signedInSchema>;

export const authStatusSchema = z.object({
  /** The practice has accounts: every call but the sign-in screen's needs a session. */
  accountsOn: z.boolean(),
  signedIn: signedInSchema.nullable(),
});
export type AuthStatus = z.output<typeof authStatusSchema>;

/** A session: the token every later call sends, and who it is. */
const signedInReplySchema = z.object({ token: z.string(), user: signedInSchema });

export const userSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type UserSummary = z.output<typeof userSummarySchema>;

export const authChannels = {
  'auth:status': {
    summary: 'Whether the practice has accounts, and who this session belongs to.',
    args: z.object({}),
    result: authStatusSchema,
  },
  'auth:createFirstOwner': {
    summary: 'Turn accounts on: the first account, an owner, signed in at once. Refused once accounts exist.',
    args: z.object({ name: nameText, password: passwordText }),
    result: signedInReplySchema,
  },
  'auth:signIn': {
    summary: 'Sign in with a name and password; five wrong passwords in a row make the account wait.',
    args: z.object({ name: nameText, password: passwordText }),
    result: signedInReplySchema,
  },
  'auth:signOut': {
    summary: 'End this session.',
    args: z.object({}),
    result: z.object({ signedOut: z.boolean() }),
  },
  'users:list': {
    summary: 'The practice’s accounts, with their roles and whether they are active.',
    args: z.object({}),
    result: z.array(userSummarySchema),
  },
  'users:create': {
    summary: 'Add a person with a role and a first password (owner only).',
    args: z.object({ name: nameText, role: z.string(), password: passwordText }),
    result: userSummarySchema,
  },
  'users:deactivate': {
    summary: 'Stop an account from signing in; its sessions end. The last owner is kept.',
    args: z.object({ id: idSchema }),
    result: userSummarySchema,
  },
} as const satisfies Record<string, ChannelSpec>;
