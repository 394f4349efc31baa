/**
 * The contract's channels for accounts (issue 16): whether the practice has accounts and who is
 * signed in, the first owner, signing in and out, changing one's own password, and the owner's
 * list of people, their passwords and the idle time after which sessions end. Who may call each
 * is in channel-roles.ts; the services refuse the rest. Spread into contract.ts.
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

export const DEFAULT_SESSION_IDLE_MINUTES = 15;
export const MIN_SESSION_IDLE_MINUTES = 5;
export const MAX_SESSION_IDLE_MINUTES = 480;

/**
 * Minutes without use before a session ends and the password is asked again: 5 to 480 (eight
 * hours). Anything else (text, a fraction, null) gets one code and sentence for the field.
 */
export const sessionIdleMinutesSchema = z
  .unknown()
  .superRefine((minutes, ctx) => {
    if (
      typeof minutes !== 'number' ||
      !Number.isInteger(minutes) ||
      minutes < MIN_SESSION_IDLE_MINUTES ||
      minutes > MAX_SESSION_IDLE_MINUTES
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `Enter a whole number of minutes from ${MIN_SESSION_IDLE_MINUTES} to ${MAX_SESSION_IDLE_MINUTES}.`,
        params: { code: 'SESSION_IDLE_INVALID' },
      });
    }
  })
  .transform((minutes) => minutes as number);

export const signedInSchema = z.object({ name: z.string(), role: z.enum(ROLES) });
export type SignedInPerson = z.output<typeof signedInSchema>;

export const authStatusSchema = z.object({
  /** The practice has accounts: every call but the sign-in screen's needs a session. */
  accountsOn: z.boolean(),
  signedIn: signedInSchema.nullable(),
  /** Minutes without use before a session ends (the owner's setting; the default until set). */
  sessionIdleMinutes: z.number().int(),
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
  'auth:changePassword': {
    summary: 'Change your own password: the current one, then the new one; your other sessions end.',
    args: z.object({ current: passwordText, next: passwordText }),
    result: z.object({ changed: z.boolean() }),
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
  'users:setPassword': {
    summary:
      'Give a person a new password (owner only): their sessions end and a wait after wrong passwords is lifted.',
    args: z.object({ id: idSchema, password: passwordText }),
    result: userSummarySchema,
  },
  'users:setSessionIdle': {
    summary: 'Minutes without use (5 to 480) before a session ends and the password is asked again (owner only).',
    args: z.object({ sessionIdleMinutes: sessionIdleMinutesSchema }),
    result: z.object({ sessionIdleMinutes: z.number().int() }),
  },
} as const satisfies Record<string, ChannelSpec>;
