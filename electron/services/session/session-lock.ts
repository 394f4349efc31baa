/**
 * The idle lock, kept by the services: while `ctx.locked`, the dispatcher answers LOCKED to every
 * channel but the two the lock screen needs, so a second window, a browser tab or a script on the
 * same host reads nothing either. The dispatcher is handed only a handler table, so each table is
 * bound here to the context it was built on (openServices); a table bound to nothing never locks.
 *
 * Wrong passphrases are counted per context: five in a row and unlocking waits 30 seconds, which
 * turns guessing at the desk into hours per thousand tries without locking the practice out.
 */
import { OPEN_WHILE_LOCKED } from '../../../shared/api/session-channels';
import { fail, type Reply } from '../../../shared/api/reply';
import type { ServiceContext } from '../context';

export const TRIES_BEFORE_WAIT = 5;
export const WAIT_AFTER_TRIES_MS = 30_000;

const contexts = new WeakMap<object, ServiceContext>();
const open = new Set<string>(OPEN_WHILE_LOCKED);

/** Tie a handler table to its context, so dispatching through it obeys that context's lock. */
export function bindSessionLock(handlers: object, ctx: ServiceContext): void {
  contexts.set(handlers, ctx);
}

/** The context a handler table was built on (undefined for a table bound to nothing, as in some tests). */
export function boundContext(handlers: object): ServiceContext | undefined {
  return contexts.get(handlers);
}

/** The LOCKED refusal for `channel` when the table's context is locked, else null. */
export function lockedRefusal(handlers: object, channel: string): Reply<never> | null {
  if (!contexts.get(handlers)?.locked || open.has(channel)) return null;
  return fail('LOCKED', 'J3490 Desk is locked after a time without use. Enter the practice’s passphrase to unlock it.');
}

type Tries = { wrong: number; waitUntil: number };
const tries = new WeakMap<ServiceContext, Tries>();

/** How many wrong passphrases in a row, and until when unlocking waits (ms since the epoch). */
export function unlockTries(ctx: ServiceContext): Tries {
  let t = tries.get(ctx);
  if (!t) {
    t = { wrong: 0, waitUntil: 0 };
    tries.set(ctx, t);
  }
  return t;
}
