/**
 * `j3490 serve` (issue 16): the practice server. One process opens the practice's one database
 * (WAL, its writes in order) and answers every desk over HTTPS on the practice network; desks never
 * touch the file. It serves the app's pages too, so a browser on any desk can open it.
 *
 * - `--listen HOST:PORT` (default 0.0.0.0:3490, every address of this machine);
 * - TLS with the certificate made on first start (server-tls/ in the data folder) or the one given
 *   with `--tls-cert FILE --tls-key FILE`; its SHA-256 fingerprint is printed for desks to compare;
 * - accounts are required: on the first start `--owner NAME` with the password from
 *   `--password-file FILE` or J3490_PASSWORD makes the owner's account;
 * - it holds the folder's host lock, backs up on its own schedule, and stops on Ctrl+C or SIGTERM
 *   (the server first, then the database).
 *
 * What it prints on stdout is one JSON line (address, fingerprint, folder) for scripts; the
 * sentences for the person who started it go to stderr.
 */
import { resolve } from 'node:path';
import { fail, ok, type Reply } from '../shared/api/reply';
import { optionText } from './cli-common';
import { passwordFrom } from './cli-sign-in';
import { AppError } from './services/app-error';
import { accountsFor } from './services/accounts/account-service';
import { scheduleAutomaticBackups } from './services/backup/automatic-backup';
import { openServices, type Services } from './services/context';
import { PASSPHRASE_FILE_OPTION } from './services/crypto/passphrase-source';
import { acquireHostLock, type HostLock } from './services/host-lock';
import { doorLogger } from './services/log/logger';
import { onTerminationSignals } from './services/shutdown';
import { hostPassphrase } from './host/host-passphrase';
import { startPracticeHost } from './host/practice-host';
import type { Host } from './host/server';
import { localDispatcher } from './services/dispatch';
import { givenTlsIdentity, practiceTlsIdentity, type TlsIdentity } from './host/tls-certificate';

export const DEFAULT_LISTEN = '0.0.0.0:3490';

export type ServeIo = { out: (text: string) => void; err: (text: string) => void };

/** "HOST:PORT", "[::]:PORT" or ":PORT" (every address). */
export function parseListen(text: string): Reply<{ host: string; port: number }> {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]*)):(\d{1,5})$/i.exec(text.trim());
  const port = Number(match?.[3]);
  // Port 0 asks the system for any free port (tests; the printed JSON says which).
  if (!match || port > 65535) {
    return fail('LISTEN_INVALID', `--listen is an address and a port, e.g. --listen 0.0.0.0:3490 (not "${text}").`);
  }
  return ok({ host: match[1] ?? (match[2] || '0.0.0.0'), port });
}

/**
 * Start the server; the promise ends when it stops (a signal), with the exit code, or at once with
 * a refusal. `stopSignal` lets a test stop it without a signal.
 */
export async function serveCommand(
  options: Map<string, string | true>,
  dataDir: string,
  io: ServeIo,
  stopSignal?: AbortSignal,
): Promise<Reply<unknown> | { stopped: true }> {
  const listen = parseListen(optionText(options, 'listen') ?? DEFAULT_LISTEN);
  if (!listen.ok) return listen;
  const certFile = optionText(options, 'tls-cert');
  const keyFile = optionText(options, 'tls-key');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    return fail(
      'TLS_PAIR_INCOMPLETE',
      'Give both --tls-cert FILE and --tls-key FILE, or neither to use the server’s own.',
    );
  }
  let lock: HostLock | undefined;
  let services: Services | undefined;
  let host: Host | undefined;
  let stopBackups = (): void => undefined;
  const stop = async (): Promise<void> => {
    stopBackups();
    await host?.close();
    services?.close();
    lock?.release();
  };
  try {
    lock = acquireHostLock(dataDir, 'server');
    const passphraseFile = optionText(options, PASSPHRASE_FILE_OPTION);
    const passphrase = await hostPassphrase(dataDir, passphraseFile);
    services = openServices({
      dataDir,
      mode: 'server',
      ...(passphrase !== undefined ? { unlock: { passphrase } } : {}),
    });
    const owner = ensureOwner(services, options);
    if (!owner.ok) {
      await stop();
      return owner;
    }
    const tls: TlsIdentity =
      certFile !== undefined && keyFile !== undefined
        ? givenTlsIdentity(resolve(certFile), resolve(keyFile))
        : await practiceTlsIdentity(dataDir, [listen.value.host]);
    const log = doorLogger(services.ctx.log, 'server');
    host = await startPracticeHost({
      dispatcher: localDispatcher(services.handlers, log),
      rendererDir: resolve(optionText(options, 'renderer-dir') ?? resolve(__dirname, '../out/renderer')),
      log,
      listen: listen.value,
      tls,
    });
    const opened = services;
    stopBackups = scheduleAutomaticBackups(opened.ctx, (err: unknown) =>
      io.err(`Automatic backup failed: ${String(err)}`),
    );
    io.out(
      JSON.stringify({
        url: host.url,
        port: host.port,
        listen: listen.value.host,
        fingerprint: tls.fingerprint,
        dataDir,
      }),
    );
    io.err(`The J3490 Desk practice server is running on port ${host.port} (data folder: ${dataDir}).`);
    io.err(`Certificate fingerprint (SHA-256), for each desk to compare on first connection:\n  ${tls.fingerprint}`);
    io.err('Press Ctrl+C to stop.');
  } catch (err) {
    await stop();
    if (err instanceof AppError) return fail(err.code, err.message);
    throw err;
  }
  await new Promise<void>((done) => {
    const off = onTerminationSignals(() => done());
    stopSignal?.addEventListener('abort', () => {
      off();
      done();
    });
  });
  await stop();
  return { stopped: true };
}

/** A practice server needs accounts; the first start makes the owner's from --owner and its password. */
function ensureOwner(services: Services, options: Map<string, string | true>): Reply<unknown> {
  const accounts = accountsFor(services.ctx);
  if (accounts.accountsOn()) return ok(null);
  const name = optionText(options, 'owner');
  if (name === undefined) {
    return fail(
      'ACCOUNTS_REQUIRED',
      'A practice server needs accounts, so each desk signs in. Start it once with --owner "Your name" and the password in --password-file FILE (or $J3490_PASSWORD).',
    );
  }
  const password = passwordFrom(options, process.env);
  if (!password.ok) return password;
  try {
    accounts.createFirstOwner({ name, password: password.value });
    return ok(null);
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message, err.fields);
    throw err;
  }
}
