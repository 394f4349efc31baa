/**
 * The renderer's one way to the services. In Electron the preload provides window.api (IPC);
 * in browser mode the same Api is built over fetch to the loopback host, with the per-launch
 * token taken once from the address bar and then removed from it.
 * Once the practice has accounts (issue 16), the signed-in person's session token is kept for this
 * window (sessionStorage: it ends with the window) and sent with every call.
 */
import { SESSION_HEADER } from '../../shared/api/auth-channels';
import { buildApi, type Api } from '../../shared/api/client';
import { channels, type ArgsIn, type Channel, type Result } from '../../shared/api/contract';
import type { FieldIssue, Reply } from '../../shared/api/reply';

const TOKEN_KEY = 'j3490.token';
const SESSION_STORAGE_KEY = 'j3490.session';

/** The session token of the person signed in in this window, if any. */
export const currentSession = (): string | undefined => sessionStorage.getItem(SESSION_STORAGE_KEY) ?? undefined;

export function keepSession(token: string | null): void {
  if (token === null) sessionStorage.removeItem(SESSION_STORAGE_KEY);
  else sessionStorage.setItem(SESSION_STORAGE_KEY, token);
}

function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function fetchApi(): Api {
  const token = browserToken();
  return buildApi(channels, async (channel, args, session) => {
    try {
      const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          ...(session ? { [SESSION_HEADER]: session } : {}),
        },
        body: JSON.stringify(args),
      });
      return (await res.json()) as Reply<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'OFFLINE', message: 'The J3490 Desk server is not answering. Is `npm run web` still running?' },
      };
    }
  });
}

export const api: Api = window.api ?? fetchApi();
export const isBrowserMode = window.api === undefined;

/** A refused call, thrown into react-query so pages can show the code and sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

const LOCKED = 'LOCKED';
/**
 * Fired when any call is refused because the services are locked (another window or tab locked
 * them, or this one slept through its own timer): the session gate shows the lock screen.
 */
export const LOCKED_EVENT = 'j3490:locked';

/**
 * Fired when a call is refused for want of a session (nobody signed in in this window, or the
 * session ended after the idle time or was signed out elsewhere): the sign-in gate shows itself.
 */
export const SIGNED_OUT_EVENT = 'j3490:signed-out';
const SIGNED_OUT = new Set(['NOT_SIGNED_IN', 'SESSION_EXPIRED']);

/** Call a channel and return its value, or throw ApiError. */
export async function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const send = api[channel] as (a: ArgsIn<C>, session?: string) => Promise<Reply<Result<C>>>;
  const reply = await send(args, currentSession());
  if (!reply.ok && reply.error.code === LOCKED) window.dispatchEvent(new Event(LOCKED_EVENT));
  if (!reply.ok && SIGNED_OUT.has(reply.error.code)) {
    window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: reply.error.code }));
  }
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.fields);
  return reply.value;
}
