/**
 * Who is making the call now (issue 16): the dispatcher runs each handler inside a scope holding
 * the caller's session and, when the practice has accounts, the signed-in person. `ctx.actor`
 * reads it (context.ts), so the audit log names that person without any handler passing it on;
 * AsyncLocalStorage keeps the scope across the awaits of one call and apart from other calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SignedIn } from './account-service';

/** `network`: the call came from another desk through the practice server (not this machine's own window). */
export type CallScope = { session?: string; user: SignedIn | null; network?: boolean };

const scope = new AsyncLocalStorage<CallScope>();

export const runInCallScope = <T>(call: CallScope, fn: () => T): T => scope.run(call, fn);

/** The scope of the call being answered; undefined outside a dispatched call (tests, start-up). */
export const currentCall = (): CallScope | undefined => scope.getStore();
