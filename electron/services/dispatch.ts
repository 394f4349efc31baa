/**
 * The single entry into the services for every door (IPC, HTTP, CLI): look the channel up in the
 * contract, validate the arguments with its zod schema, call the handler, validate the result,
 * and answer a Reply. Nothing thrown escapes; an unexpected error becomes INTERNAL and is logged.
 * What reaches the log: the channel, the error (name, code, stack frames; services/log turns the
 * error into those) — never the call's arguments, which carry patients' records. The INTERNAL
 * reply's message is fixed text: an error's own message may quote user data and stays inside.
 *
 * Accounts (issue 16): the door passes the caller's session; before the arguments are read the
 * account service says whether that person's role may call the channel (FORBIDDEN, NOT_SIGNED_IN,
 * SESSION_EXPIRED otherwise), and the handler runs in a call scope naming them, so `ctx.actor`,
 * and with it the audit log, names the signed-in person. A practice without accounts is let through.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/api/contract';
import { fail, ok, type FieldIssue, type Reply } from '../../shared/api/reply';
import { AppError } from './app-error';
import type { Handlers } from './handler-table';
import { accountsFor, type SignedIn } from './accounts/account-service';
import { runInCallScope } from './accounts/actor-scope';
import { boundContext, lockedRefusal } from './session/session-lock';

export type Logger = {
  error: (message: string, err?: unknown) => void;
  /** Refused requests at a door (wrong token, foreign origin): the code, never the body. */
  warn?: (message: string, fields?: Record<string, unknown>) => void;
  /** Summaries of imports and exports: counts and a duration, read from the result's numbers. */
  info?: (message: string, fields?: Record<string, unknown>) => void;
};

/** Channels whose outcome support asks about: imports, exports, stored documents. */
const SUMMARISED = new Set<string>([
  'imports:commit',
  'remittances:import',
  'reference:commit',
  'reports:export',
  'transitions:export',
  'documents:save',
  'payments:post',
]);

/**
 * Who is calling, as the door knows it: the session token a sign-in gave, if any, and whether the
 * call came from another desk through the practice server (`network`). This machine's idle lock
 * guards its own screen; it does not refuse the other desks, whose sessions expire on their own.
 */
export type Caller = { session?: string | undefined; network?: boolean };

/**
 * A door's way to the services: the local dispatcher below, or a practice server's over HTTPS
 * (electron/host/practice-client.ts) for a desk connected to one. Doors take either.
 */
export type Dispatcher = (channel: string, args: unknown, caller: Caller) => Promise<Reply<unknown>>;

export function localDispatcher(handlers: Handlers, log?: Logger): Dispatcher {
  return (channel, args, caller) => dispatch(handlers, channel, args, log, caller);
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawArgs: unknown,
  log: Logger = { error: (m, e) => console.error(m, e) },
  caller: Caller = {},
): Promise<Reply<unknown>> {
  if (!isChannel(channel)) {
    return fail('UNKNOWN_CHANNEL', `There is no operation named "${channel}".`);
  }
  // Before the arguments are even read: a locked app answers nothing but its lock screen.
  const locked = caller.network ? null : lockedRefusal(handlers, channel);
  if (locked) return locked;
  let user: SignedIn | null = null;
  const ctx = boundContext(handlers);
  try {
    if (ctx) user = accountsFor(ctx).authorize(caller.session, channel);
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.fields);
    log.error(`Unexpected error authorizing ${channel}`, err);
    return fail('INTERNAL', 'Something went wrong inside the app; nothing was saved. Details are in the log.');
  }
  const spec = contract[channel];
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) return invalidInput(parsed.error);
  const started = Date.now();
  try {
    const handler = handlers[channel] as (args: unknown) => unknown;
    const scope = {
      user,
      ...(caller.session !== undefined ? { session: caller.session } : {}),
      ...(caller.network ? { network: true } : {}),
    };
    const value = await runInCallScope(scope, () => handler(parsed.data));
    const checked = spec.result.safeParse(value);
    if (!checked.success) {
      log.error(`Result of ${channel} does not match the contract`, checked.error);
      return fail('INTERNAL', 'The app produced an answer it could not check; nothing else was changed.');
    }
    if (SUMMARISED.has(channel)) {
      log.info?.(`${channel} done`, { channel, durationMs: Date.now() - started, ...countsOf(checked.data) });
    }
    return ok(checked.data);
  } catch (err) {
    if (err instanceof AppError) {
      if (SUMMARISED.has(channel)) {
        log.info?.(`${channel} refused`, { channel, code: err.code, durationMs: Date.now() - started });
      }
      return fail(err.code, err.message, err.fields);
    }
    log.error(`Unexpected error in ${channel}`, err);
    return fail('INTERNAL', 'Something went wrong inside the app; nothing was saved. Details are in the log.');
  }
}

/** The top-level whole numbers of a result (rows added, skipped, files): safe to log, unlike its text. */
function countsOf(value: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'number' && Number.isInteger(v)) counts[key] = v;
      else if (Array.isArray(v)) counts[`${key}Count`] = v.length;
    }
  }
  return counts;
}

/** zod issues → field issues carrying our codes (params.code) or a generic INVALID_INPUT. */
export function invalidInput(error: z.ZodError): Reply<never> {
  const fields: FieldIssue[] = error.issues.map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    const code = typeof params?.code === 'string' ? params.code : 'INVALID_INPUT';
    return { field: issue.path.map(String).join('.'), code, message: issue.message };
  });
  const first = fields[0];
  const message =
    fields.length === 1 && first
      ? first.message
      : `${fields.length} fields need attention: ${fields.map((f) => f.field || 'input').join(', ')}.`;
  // A single coded problem keeps its own code so callers (and the CLI) see e.g. NDC_AMBIGUOUS.
  const code = fields.length === 1 && first ? first.code : 'INVALID_INPUT';
  return fail(code, message, fields);
}

export type { Channel };
