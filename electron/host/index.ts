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
import { hasKeyFile } from '../services/crypto/key-file';
import { PASSPHRASE_ENV, PASSPHRASE_FILE_OPTION } from '../services/crypto/passphrase-source';
import { hostPassphrase } from './host-passphrase';
import { startHost, type Host } from './server';
import { practiceNetworkDoor, type PracticeNetworkDoor } from './practice-network-door';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dataDir = resolve(argValue(args, '--data-dir') ?? defaultDataDir());
  const port = Number(argValue(args, '--port') ?? process.env.J3490_PORT ?? 0);
  const rendererDir = resolve(argValue(args, '--renderer-dir') ?? resolve(__dirname, '../../out/renderer'));
  let lock: HostLock | undefined;
  let services: Services | undefined;
  let host: Host | undefined = undefined;
  let networkDoor: PracticeNetworkDoor | undefined = undefined;
  // Registered before anything is opened: a signal that came before its handler would end the
  // process on the spot, leaving the database open. Stopping browser mode is its normal end: exit 0.
  onTerminationSignals(() => {
    void Promise.all([host?.close(), networkDoor?.close()]).then(() => {
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
  // Sharing this practice, or working on a practice server, as chosen in Settings (issue 16).
  const network = practiceNetworkDoor({ services, rendererDir, log: doorLogger(services.ctx.log, 'network') });
  networkDoor = network;
  await network.resume();
  host = await startHost({
    dispatcher: network.dispatcher,
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
