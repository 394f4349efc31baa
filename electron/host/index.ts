/**
 * `npm run web`: the app in a browser on this machine. Opens the real services on the data folder
 * (--data-dir, J3490_DATA_DIR, or the desktop app's own folder), serves the built renderer and
 * the API on 127.0.0.1, and prints the address with its one-time token.
 */
import { resolve } from 'node:path';
import { defaultDataDir } from '../services/data-dir';
import { openServices } from '../services/context';
import { AppError } from '../services/app-error';
import { automaticBackupIfDue } from '../services/backup/automatic-backup';
import { doorLogger } from '../services/log/logger';
import { startHost } from './server';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dataDir = resolve(argValue(args, '--data-dir') ?? defaultDataDir());
  const port = Number(argValue(args, '--port') ?? process.env.J3490_PORT ?? 0);
  const rendererDir = resolve(argValue(args, '--renderer-dir') ?? resolve(__dirname, '../../out/renderer'));
  let services;
  try {
    services = openServices({ dataDir, mode: 'browser' });
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const host = await startHost({
    handlers: services.handlers,
    rendererDir,
    port,
    log: doorLogger(services.ctx.log, 'host'),
  });
  console.log(`J3490 Desk is running in browser mode. Data folder: ${dataDir}`);
  console.log(`Open this address in a browser on this machine: ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  automaticBackupIfDue(services.ctx).catch((err: unknown) => console.error('Automatic backup failed', err));
  const stop = () => {
    void host.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
