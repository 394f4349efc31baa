/**
 * `npm run web`: the app in a browser on this machine. Opens the real services on the data folder
 * (--data-dir, J3490_DATA_DIR, or the desktop app's own folder), serves the built renderer and
 * the API on 127.0.0.1, and prints the address with its one-time token.
 *
 * It holds the data folder's host lock (services/host-lock.ts): a second browser-mode host, or
 * this one while the desktop app serves the folder, stops with DATA_FOLDER_IN_USE (the CLI is not
 * locked out). SIGINT/SIGTERM close the server, then the database, then give up the lock.
 */
import { resolve } from 'node:path';
import { defaultDataDir } from '../services/data-dir';
import { openServices, type Services } from '../services/context';
import { AppError } from '../services/app-error';
import { scheduleAutomaticBackups } from '../services/backup/automatic-backup';
import { acquireHostLock, type HostLock } from '../services/host-lock';
import { doorLogger } from '../services/log/logger';
import { onTerminationSignals } from '../services/shutdown';
import { hasKeyFile, MIN_PASSPHRASE_LENGTH } from '../services/crypto/key-file';
import { PASSPHRASE_ENV, PASSPHRASE_FILE_OPTION, passphraseFrom } from '../services/crypto/passphrase-source';
import { askHidden } from './ask-passphrase';
import { startHost, type Host } from './server';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * The passphrase from --passphrase-file or J3490_PASSPHRASE, else asked at an interactive
 * terminal: to open an encrypted folder, or to encrypt a new or older one (Enter alone keeps it
 * in clear). Without a terminal, an encrypted folder is refused by openServices.
 */
async function hostPassphrase(dataDir: string, file: string | undefined): Promise<string | undefined> {
  const given = passphraseFrom(file === undefined ? undefined : resolve(file));
  if (given !== undefined || !process.stdin.isTTY) return given;
  if (hasKeyFile(dataDir)) return askHidden('Passphrase of this practice’s data: ');
  const chosen = await askHidden(
    `Choose a passphrase to encrypt the data in ${dataDir} (at least ${MIN_PASSPHRASE_LENGTH} characters; Enter alone keeps it unencrypted): `,
  );
  return chosen === '' ? undefined : chosen;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dataDir = resolve(argValue(args, '--data-dir') ?? defaultDataDir());
  const port = Number(argValue(args, '--port') ?? process.env.J3490_PORT ?? 0);
  const rendererDir = resolve(argValue(args, '--renderer-dir') ?? resolve(__dirname, '../../out/renderer'));
  let lock: HostLock | undefined;
  let services: Services | undefined;
  let host: Host | undefined = undefined;
  // Registered before anything is opened: a signal that came before its handler would end the
  // process on the spot, leaving the database open. Stopping browser mode is its normal end: exit 0.
  onTerminationSignals(() => {
    void (host ? host.close() : Promise.resolve()).then(() => {
      services?.close();
      lock?.release();
      process.exit(0);
    });
  });
  try {
    lock = acquireHostLock(dataDir, 'browser');
    const passphrase = await hostPassphrase(dataDir, argValue(args, `--${PASSPHRASE_FILE_OPTION}`));
    if (passphrase === undefined && !hasKeyFile(dataDir)) {
      console.warn(
        `The data in ${dataDir} is not encrypted. To encrypt it, start with ${PASSPHRASE_ENV} set or --${PASSPHRASE_FILE_OPTION} FILE.`,
      );
    }
    services = openServices({
      dataDir,
      mode: 'browser',
      ...(passphrase !== undefined ? { unlock: { passphrase } } : {}),
    });
  } catch (err) {
    lock?.release();
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const heldLock = lock;
  // An end no signal handler sees (an uncaught error, process.exit) still gives the lock up.
  process.on('exit', () => heldLock.release());
  host = await startHost({
    handlers: services.handlers,
    rendererDir,
    port,
    log: doorLogger(services.ctx.log, 'host'),
  });
  console.log(`J3490 Desk is running in browser mode. Data folder: ${dataDir}`);
  console.log(`Open this address in a browser on this machine: ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  // At start, then every few hours while the app is open (automatic-backup.ts).
  scheduleAutomaticBackups(services.ctx, (err: unknown) => console.error('Automatic backup failed', err));
}

void main();
