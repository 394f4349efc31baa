/**
 * A desk's way to a practice server (issue 16): every contract call as an HTTPS POST to
 * `<server>/api/<channel>`, answering the server's Reply, so the CLI, browser mode and the desktop
 * app reach the one database through the same contract as before.
 *
 * Trust is by fingerprint, not by certificate authority: the server's certificate is usually one it
 * made itself. On first contact the desk reads the certificate the server presents (peekServer,
 * sending nothing), the person compares its SHA-256 fingerprint with the one the server printed,
 * and the certificate is pinned. Every connection after that trusts exactly that certificate: it
 * is the only one added to the roots, and checkServerIdentity compares the fingerprint (not the
 * host name, which may be an address the certificate does not list). A different certificate is
 * refused before any request, with its session, is sent: TLS_FINGERPRINT_MISMATCH.
 */
import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import { connect, rootCertificates, type PeerCertificate } from 'node:tls';
import { SESSION_HEADER } from '../../shared/api/auth-channels';
import { fail, type Reply } from '../../shared/api/reply';
import { AppError } from '../services/app-error';
import type { Dispatcher } from '../services/dispatch';

/** A server this desk trusts: its address and the certificate pinned on first contact. */
export type PinnedServer = { url: string; fingerprint: string; certificate: string };

const CONNECT_TIMEOUT_MS = 10_000;
/** OpenSSL's codes for a certificate chain it would not trust. */
const CERTIFICATE_REFUSED = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;
/** An import of a large file may take this long on the server; longer and the desk stops waiting. */
const CALL_TIMEOUT_MS = 120_000;

/** "https://host:port/" from what a person types (a bare "host:port" means https). */
export function serverUrl(typed: string): URL {
  const text = typed.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new AppError('SERVER_ADDRESS_INVALID', `"${typed}" is not a server address; write it as https://host:port.`);
  }
  if (url.protocol !== 'https:') {
    throw new AppError('SERVER_NOT_HTTPS', 'A practice server is reached over https:// only.');
  }
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url;
}

/** Fingerprints compared as people type them: case and separators do not matter. */
export function sameFingerprint(a: string, b: string): boolean {
  const bare = (f: string): string => f.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return bare(a).length === 64 && bare(a) === bare(b);
}

/**
 * The certificate the server presents, read without trusting it and without sending anything:
 * what the person compares with the server's printed fingerprint before pinning it.
 */
export function peekServer(typed: string): Promise<{ url: string; fingerprint: string; certificate: string }> {
  const url = serverUrl(typed);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      servername: isAddress(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      socket.destroy();
      if (!peer?.raw) return reject(new AppError('SERVER_NO_CERTIFICATE', `${url.host} presented no certificate.`));
      const certificate = new X509Certificate(peer.raw).toString();
      resolve({ url: url.toString(), fingerprint: peer.fingerprint256, certificate });
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(unreachable(url));
    });
    socket.once('error', () => reject(unreachable(url)));
  });
}

/**
 * Pin the server after the person's check: the fingerprint they were told must be the one presented.
 * Answers what to keep (known-servers.ts) or TLS_FINGERPRINT_MISMATCH.
 */
export async function pinServer(typed: string, expectedFingerprint: string): Promise<PinnedServer> {
  const seen = await peekServer(typed);
  if (!sameFingerprint(seen.fingerprint, expectedFingerprint)) throw mismatch(seen.url, seen.fingerprint);
  return seen;
}

/** The dispatcher of a desk connected to `server`: one kept-alive TLS connection pool, pinned. */
export function practiceDispatcher(server: PinnedServer): Dispatcher & { close: () => void } {
  const url = serverUrl(server.url);
  let presented: string | undefined;
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 6,
    ca: [...rootCertificates, server.certificate],
    checkServerIdentity: (_host: string, cert: PeerCertificate) => {
      if (sameFingerprint(cert.fingerprint256, server.fingerprint)) return undefined;
      presented = cert.fingerprint256;
      return mismatch(url.toString(), cert.fingerprint256);
    },
  });
  const call = (channel: string, args: unknown, caller: { session?: string | undefined }): Promise<Reply<unknown>> =>
    new Promise((resolve) => {
      const body = Buffer.from(JSON.stringify(args ?? {}));
      const req = request(
        new URL(`/api/${encodeURIComponent(channel)}`, url),
        {
          method: 'POST',
          agent,
          timeout: CALL_TIMEOUT_MS,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': body.length,
            ...(caller.session ? { [SESSION_HEADER]: caller.session } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply<unknown>);
            } catch {
              resolve(
                fail(
                  'SERVER_ANSWER_INVALID',
                  `The practice server at ${url.host} gave an answer that is not J3490 Desk's.`,
                ),
              );
            }
          });
          res.on('error', () => resolve(toReply(unreachable(url))));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (presented !== undefined) return resolve(toReply(mismatch(url.toString(), presented)));
        if (!CERTIFICATE_REFUSED.test(err.code ?? '')) return resolve(toReply(unreachable(url)));
        // Refused before checkServerIdentity ran (a certificate signed by nobody we trust): the
        // server presented another certificate than the pinned one. Say which, for the owner.
        peekServer(url.toString()).then(
          (seen) => resolve(toReply(mismatch(url.toString(), seen.fingerprint))),
          () => resolve(toReply(unreachable(url))),
        );
      });
      req.end(body);
    });
  return Object.assign(call, { close: () => agent.destroy() });
}

function isAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

function mismatch(url: string, presented: string): AppError {
  return new AppError(
    'TLS_FINGERPRINT_MISMATCH',
    `The server at ${url} presented a certificate with fingerprint ${presented}, not the one this desk trusts. ` +
      'Nothing was sent. Ask the practice owner before going on: if the server was not reinstalled, someone may be in between.',
  );
}

function unreachable(url: URL): AppError {
  return new AppError(
    'SERVER_UNREACHABLE',
    `The practice server at ${url.host} is not answering. Is it running, and is this desk on the practice network?`,
  );
}

function toReply(err: AppError): Reply<never> {
  return fail(err.code, err.message);
}
