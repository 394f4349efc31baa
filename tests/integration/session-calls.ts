/**
 * Calling the services as a signed-in person, as a door does (the session passed to dispatch), for
 * the accounts tests: `as(session, channel, args)`, and the value or code of its reply.
 */
import { dispatch } from '../../electron/services/dispatch';
import type { Reply } from '../../shared/api/reply';
import type { serviceHarness } from './service-harness';

export function sessionCalls(h: ReturnType<typeof serviceHarness>) {
  const as = (session: string | undefined, channel: string, args: unknown = {}): Promise<Reply<unknown>> =>
    dispatch(
      h.services().handlers,
      channel,
      args,
      { error: (m, e) => h.loggedErrors.push(`${m}: ${String(e)}`) },
      { session },
    );
  const valueOf = async <T>(reply: Promise<Reply<unknown>>): Promise<T> => {
    const r = await reply;
    if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const codeOf = async (reply: Promise<Reply<unknown>>): Promise<string> => {
    const r = await reply;
    return r.ok ? 'OK' : r.error.code;
  };
  return { as, valueOf, codeOf };
}
