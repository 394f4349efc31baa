/**
 * The host in its practice form (server.ts), as `j3490 serve` and "Share this practice" start it:
 * a port already taken, or an address that is not this machine's, is a coded refusal for the
 * person who chose it rather than a crash.
 */
import { AppError } from '../services/app-error';
import type { Dispatcher, Logger } from '../services/dispatch';
import { startHost, type Host } from './server';
import type { TlsIdentity } from './tls-certificate';

export async function startPracticeHost(options: {
  dispatcher: Dispatcher;
  rendererDir: string;
  log: Logger;
  listen: { host: string; port: number };
  tls: TlsIdentity;
}): Promise<Host> {
  const { listen } = options;
  try {
    return await startHost({
      dispatcher: options.dispatcher,
      rendererDir: options.rendererDir,
      log: options.log,
      port: listen.port,
      practice: { host: listen.host, tls: options.tls },
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new AppError('PORT_IN_USE', `Port ${listen.port} is already used on this computer; choose another port.`);
    }
    if (code === 'EADDRNOTAVAIL') {
      throw new AppError('LISTEN_INVALID', `${listen.host} is not an address of this computer.`);
    }
    throw err;
  }
}
