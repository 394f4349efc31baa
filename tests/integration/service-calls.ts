/**
 * Calling the services the way every door does (dispatch), for integration tests: `value` for a
 * call that must succeed, `refusal` for one that must be refused, `fieldCodes` to compare the
 * per-field problems. Errors the dispatcher logs (message: cause) land in `loggedErrors` so a test
 * can require none.
 */
import type { FieldIssue, Reply, ReplyError } from '../../shared/api/reply';
import { dispatch } from '../../electron/services/dispatch';
import type { Handlers } from '../../electron/services/handler-table';

export function serviceCalls(handlers: () => Handlers, loggedErrors: string[]) {
  const call = (channel: string, args: unknown): Promise<Reply<unknown>> =>
    dispatch(handlers(), channel, args, { error: (m, e) => loggedErrors.push(`${m}: ${String(e)}`) });

  async function value<T>(channel: string, args: unknown): Promise<T> {
    const reply = await call(channel, args);
    if (!reply.ok) throw new Error(`${channel} refused: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  }

  async function refusal(channel: string, args: unknown): Promise<ReplyError> {
    const reply = await call(channel, args);
    if (reply.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(reply.value).slice(0, 400)}`);
    return reply.error;
  }

  return { call, value, refusal };
}

export const fieldCodes = (error: ReplyError): Pick<FieldIssue, 'field' | 'code'>[] =>
  (error.fields ?? []).map(({ field, code }) => ({ field, code }));
