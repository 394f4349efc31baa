/**
 * The typed API every front end sees: one async function per channel, each answering a Reply.
 * The preload builds it over IPC, the renderer's browser mode over fetch; both from `channels`.
 */
import type { ArgsIn, Channel, Result } from './contract';
import type { Reply } from './reply';

export type Api = { [C in Channel]: (args: ArgsIn<C>) => Promise<Reply<Result<C>>> };

/** Build an Api from one transport function; used by the preload and the browser client alike. */
export function buildApi(
  channelNames: readonly Channel[],
  send: (channel: Channel, args: unknown) => Promise<Reply<unknown>>,
): Api {
  const api: Record<string, (args: unknown) => Promise<Reply<unknown>>> = {};
  for (const channel of channelNames) api[channel] = (args) => send(channel, args ?? {});
  return Object.freeze(api) as unknown as Api;
}
