/**
 * Browser mode's loopback HTTP adapter over the same handler table as IPC.
 * Policy: bind 127.0.0.1 only; a random token per launch is required on every API call, sent as
 * `Bearer <token>`; the Host header must name this loopback address (defeats DNS rebinding) and an
 * Origin header, when sent, this same address; API bodies are JSON only and at
 * most MAX_BODY_BYTES (a channel may allow more: file imports); every failure is a JSON Reply with a 4xx/5xx status, never a crash.
 * Static files are the built renderer, served read-only. Every response carries the page's
 * Content-Security-Policy (with frame-ancestors 'none') and nosniff, as the Electron window's
 * app:// responses do (shared/content-security-policy.ts). A request target that is not a plain
 * path inside the site ("//..", "/%2e%2e/", "*", an absolute URL) is a 400 (request-target.ts).
 * Accounts (issue 16): the signed-in person's session travels in SESSION_HEADER and is handed to
 * the dispatcher, which answers FORBIDDEN / NOT_SIGNED_IN (403 / 401) when it does not allow the call.
 *
 * The practice server (issue 16, `j3490 serve` and Settings → "Share this practice") is the same
 * adapter in its second form, `practice`: HTTPS on the address it is told (the practice network),
 * no launch token (desks on other machines cannot know it) but accounts required, so every call
 * but signing in carries a person's session. Desks reach it by any name or address, so the Host
 * header is not pinned; a page from another site is still refused by its Origin, and a session in
 * a header (never a cookie) is not something a foreign page can make the browser send.
 * Plain HTTP is only ever served on 127.0.0.1.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { extname, join, normalize, resolve as resolvePath, sep } from 'node:path';
import { contract, isChannel } from '../../shared/api/contract';
import { SECURITY_HEADERS } from '../../shared/content-security-policy';
import { SESSION_HEADER } from '../../shared/api/auth-channels';
import { fail, type Reply } from '../../shared/api/reply';
import { localDispatcher, type Dispatcher, type Logger } from '../services/dispatch';
import type { Handlers } from '../services/handler-table';
import { requestPath } from './request-target';

export const MAX_BODY_BYTES = 1024 * 1024;
/** The request header carrying the session token of the person signed in (shared with the renderer). */
// Node gives header names in lower case.
const SESSION_HEADER_KEY = SESSION_HEADER.toLowerCase();

// Maps, not object literals: a lookup keyed by request-derived text never finds Object's own.
const CONTENT_TYPES = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
  ['.json', 'application/json'],
]);

const STATUS_BY_CODE = new Map<string, number>([
  ['UNAUTHORIZED', 401],
  ['NOT_SIGNED_IN', 401],
  ['SESSION_EXPIRED', 401],
  ['FORBIDDEN', 403],
  ['HOST_REFUSED', 403],
  ['ORIGIN_REFUSED', 403],
  ['UNKNOWN_CHANNEL', 404],
  ['METHOD_NOT_ALLOWED', 405],
  ['BODY_TOO_LARGE', 413],
  ['NOT_JSON', 415],
  ['INTERNAL', 500],
]);

export type Host = { url: string; port: number; token: string; server: Server; close: () => Promise<void> };

/** Serving the practice network: the address to listen on and the TLS certificate and key. */
export type PracticeListen = { host: string; tls: { cert: string; key: string } };

export async function startHost(options: {
  /** The services to answer with; or `dispatcher`, e.g. a practice server's (practice-client.ts). */
  handlers?: Handlers;
  dispatcher?: Dispatcher;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: Logger;
  practice?: PracticeListen;
}): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const practice = options.practice;
  const chosen = options.dispatcher ?? (options.handlers ? localDispatcher(options.handlers, options.log) : undefined);
  if (!chosen) throw new Error('startHost needs handlers or a dispatcher');
  const send: Dispatcher = chosen;
  let port = 0;

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err) => {
      options.log?.error('host: unexpected failure', err);
      if (!res.headersSent) sendReply(res, fail('INTERNAL', 'The local server failed to answer.'));
      else res.destroy();
    });
  };
  const server: Server = practice
    ? createTlsServer({ cert: practice.tls.cert, key: practice.tls.key }, listener)
    : createServer(listener);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The practice server is reached by whatever name or address a desk uses: its Host is taken as given.
    const allowedHosts = practice ? [req.headers.host ?? ''] : [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!practice && !allowedHosts.includes(req.headers.host ?? '')) {
      return refuse(req, res, fail('HOST_REFUSED', 'This server only answers requests addressed to 127.0.0.1.'));
    }
    // A page on another site may POST here (CORS only hides the answer); its Origin gives it away.
    const origin = req.headers.origin;
    const scheme = practice ? 'https' : 'http';
    if (origin !== undefined && !allowedHosts.some((h) => origin === `${scheme}://${h}`)) {
      req.resume();
      return refuse(req, res, fail('ORIGIN_REFUSED', 'This server only answers the J3490 Desk page it serves.'));
    }
    const pathname = requestPath(req.url);
    if (pathname === null) {
      req.resume();
      return refuse(req, res, fail('BAD_PATH', 'The address is not valid.'));
    }
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendReply(res, fail('METHOD_NOT_ALLOWED', 'Only GET is served outside /api/.'));
    }
    return serveStatic(res, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendReply(res, fail('METHOD_NOT_ALLOWED', 'API calls are POST requests.'));
    const authorization = req.headers.authorization ?? '';
    const given = Buffer.from(authorization.startsWith('Bearer ') ? authorization.slice(7) : '');
    // The practice server's desks prove who they are by signing in (the dispatcher checks each call).
    if (!practice && (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes))) {
      req.resume();
      return refuse(
        req,
        res,
        fail('UNAUTHORIZED', 'The access token is missing or wrong; open the address printed by `npm run web`.'),
      );
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      req.resume();
      return refuse(req, res, fail('NOT_JSON', 'API calls must send a JSON body (Content-Type: application/json).'));
    }
    const limit = bodyLimitFor(channel);
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      return refuse(req, res, fail('BODY_TOO_LARGE', `This request may be at most ${Math.round(limit / 1024)} KB.`));
    }
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendReply(res, fail('NOT_JSON', 'The request body is not valid JSON.'));
    }
    const session = req.headers[SESSION_HEADER_KEY];
    const caller = {
      ...(typeof session === 'string' && session !== '' ? { session } : {}),
      ...(practice ? { network: true } : {}),
    };
    sendReply(res, await send(channel, args, caller));
  }

  /**
   * A refused request goes to the support log with its code, method and the channel it named (when
   * that is a real channel): never its body, headers or token.
   */
  function refuse(req: IncomingMessage, res: ServerResponse, reply: Reply<never>): void {
    if (!reply.ok) {
      const channel = (req.url ?? '').split('?')[0]?.replace(/^\/api\//, '') ?? '';
      options.log?.warn?.(`Refused a request (${reply.error.code})`, {
        code: reply.error.code,
        method: req.method,
        ...(isChannel(channel) ? { channel } : {}),
      });
    }
    sendReply(res, reply);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const root = resolvePath(options.rendererDir);
    const requested = normalize(join(root, pathname));
    // Anything outside the renderer folder, or without an extension (a client route), gets the app.
    const inside = requested.startsWith(root + sep);
    const file = inside && extname(requested) ? requested : join(root, 'index.html');
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES.get(extname(file)) ?? 'application/octet-stream',
        'Content-Length': data.length,
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(data);
    } catch {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(extname(file) === '.html' ? 'The app is not built yet: run `npm run build`.' : 'Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, practice?.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  server.requestTimeout = 30_000;
  // Desks keep their connection between calls: a TLS handshake per call would cost more than most calls.
  server.keepAliveTimeout = 65_000;

  return {
    url: practice ? `https://${urlHost(practice.host)}:${port}/` : `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    // A browser keeps idle keep-alive connections open; close them too or close() waits for them.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** How a listening address is written in a URL: IPv6 in brackets; "every address" as this machine's loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function bodyLimitFor(channel: string): number {
  if (!isChannel(channel)) return MAX_BODY_BYTES;
  const spec = contract[channel];
  return 'maxBodyBytes' in spec ? spec.maxBodyBytes : MAX_BODY_BYTES;
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendReply(res: ServerResponse, reply: Reply<unknown>): void {
  const status = reply.ok ? 200 : (STATUS_BY_CODE.get(reply.error.code) ?? 400);
  const body = JSON.stringify(reply);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
