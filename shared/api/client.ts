/**
 * The typed API every front end sees: one async function per channel, each answering a Reply.
 * The preload builds it over IPC, the renderer's browser mode over fetch; both from `channels`.
 */
import type { ArgsIn, Channel, Result } from './contract';
import type { Reply } from './reply';

/** `session`: the token a sign-in gave, sent with every call once the practice has accounts. */
export type Api = { [C in Channel]: (args: ArgsIn<C>, session?: string) => Promise<Reply<Result<C>>> };

/** Build an Api from one transport function; used by the preload and the browser client alike. */
export function buildApi(
  channelNames: readonly Channel[],
  send: (channel: Channel, args: unknown, session?: string) => Promise<Reply<unknown>>,
): Api {
  const api: Record<string, (args: unknown, session?: string) => Promise<Reply<unknown>>> = {};
  for (const channel of channelNames) {
    api[channel] = (args, session) => send(channel, args ?? {}, typeof session === 'string' ? session : undefined);
  }
  return Object.freeze(api) as unknown as Api;
}
