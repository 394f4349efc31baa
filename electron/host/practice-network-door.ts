/**
 * The practice network of a desk (issue 16), for the desktop app and browser mode:
 * - **Sharing**: this desk's services also answered over HTTPS on every address of the machine
 *   (a second startHost in its `practice` form), with the certificate kept in the data folder.
 * - **Connecting**: every call but the desk:* ones sent to a practice server, pinned by the
 *   fingerprint the person confirmed (practice-client.ts), instead of this desk's own data.
 * Both choices are remembered in the data folder (`practice-network.json`) and taken up again at
 * the next start (`resume`). The door dispatches through `dispatcher`, which routes accordingly.
 */
import { readFileSync, rmSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { contract } from '../../shared/api/contract';
import { savedFileName } from '../../shared/api/document-names';
import type { GeneratedDocument } from '../../shared/api/document-schemas';
import { fail, ok, type Reply } from '../../shared/api/reply';
import { saveIntoFolder } from '../services/attachments/save-into-folder';
import { AppError } from '../services/app-error';
import type { Services } from '../services/context';
import { invalidInput, localDispatcher, type Caller, type Dispatcher, type Logger } from '../services/dispatch';
import { writeFileDurably } from '../services/durable-file';
import type { PracticeNetwork } from '../services/practice-network';
import { knownServer, rememberServer } from './known-servers';
import { peekServer, pinServer, practiceDispatcher, type PinnedServer } from './practice-client';
import { startPracticeHost } from './practice-host';
import type { Host } from './server';
import { practiceTlsIdentity } from './tls-certificate';

export const NETWORK_FILE = 'practice-network.json';

type Remembered = { sharingPort?: number; server?: string };

export type PracticeNetworkDoor = PracticeNetwork & {
  /** What the door's IPC or loopback host calls: this desk's services, or the server it works on. */
  dispatcher: Dispatcher;
  /** Take up what was on at the last start; a failure (the port taken) is logged, not fatal. */
  resume: () => Promise<void>;
  close: () => Promise<void>;
};

export function practiceNetworkDoor(options: {
  services: Services;
  rendererDir: string;
  log: Logger;
}): PracticeNetworkDoor {
  const { services, rendererDir, log } = options;
  const dataDir = services.ctx.dataDir;
  const local = localDispatcher(services.handlers, log);
  let sharing: { host: Host; fingerprint: string } | undefined;
  let server: { pinned: PinnedServer; send: ReturnType<typeof practiceDispatcher> } | undefined;

  const file = join(dataDir, NETWORK_FILE);
  const remembered = (): Remembered => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Remembered;
    } catch {
      return {};
    }
  };
  const remember = (next: Remembered): void => {
    if (next.sharingPort === undefined && next.server === undefined) rmSync(file, { force: true });
    else writeFileDurably(file, Buffer.from(JSON.stringify(next)), { private: true });
  };

  const startSharing = async (port: number): Promise<void> => {
    const tls = await practiceTlsIdentity(dataDir);
    const host = await startPracticeHost({
      dispatcher: local,
      rendererDir,
      log,
      listen: { host: '0.0.0.0', port },
      tls,
    });
    sharing = { host, fingerprint: tls.fingerprint };
  };
  const stopSharing = async (): Promise<void> => {
    await sharing?.host.close();
    sharing = undefined;
  };
  const useServer = (pinned: PinnedServer): void => {
    server?.send.close();
    server = { pinned, send: practiceDispatcher(pinned) };
  };

  const network: PracticeNetwork = {
    sharingStatus: () => {
      if (!sharing) return { on: false, port: null, addresses: [], fingerprint: null };
      const port = sharing.host.port;
      return { on: true, port, addresses: addressesOf(port), fingerprint: sharing.fingerprint };
    },
    setSharing: async (on, port) => {
      await stopSharing();
      if (on) await startSharing(port);
      remember({ ...remembered(), sharingPort: on ? port : undefined });
    },
    deskStatus: () => ({
      connectedTo: server ? { url: server.pinned.url, fingerprint: server.pinned.fingerprint } : null,
    }),
    peek: async (address) => {
      const seen = await peekServer(address);
      return { url: seen.url, fingerprint: seen.fingerprint };
    },
    connect: async (address, fingerprint) => {
      const pinned = await pinServer(address, fingerprint);
      rememberServer(dataDir, pinned);
      useServer(pinned);
      remember({ ...remembered(), server: pinned.url });
    },
    disconnect: async () => {
      server?.send.close();
      server = undefined;
      remember({ ...remembered(), server: undefined });
    },
  };
  services.ctx.network = network;

  return {
    ...network,
    dispatcher: (channel, args, caller) => {
      if (!server || channel.startsWith('desk:')) return local(channel, args, caller);
      if (channel === 'documents:save') return saveHere(server.send, args, caller);
      return server.send(channel, args, caller);
    },
    resume: async () => {
      const { sharingPort, server: url } = remembered();
      if (url !== undefined) {
        const pinned = knownServer(dataDir, url);
        if (pinned) useServer(pinned);
      }
      if (sharingPort !== undefined && !server) {
        await startSharing(sharingPort).catch((err: unknown) =>
          log.error('Sharing this practice could not start again', err),
        );
      }
    },
    close: async () => {
      server?.send.close();
      await stopSharing();
    },
  };
}

/**
 * `documents:save` on a connected desk: the folder is this desk's, so the documents are read from
 * the server (documents:read, checked there against their SHA-256) and written here, under the
 * same names and the same never-over-a-file rule as the services use.
 */
async function saveHere(send: Dispatcher, args: unknown, caller: Caller): Promise<Reply<unknown>> {
  const parsed = contract['documents:save'].args.safeParse(args ?? {});
  if (!parsed.success) return invalidInput(parsed.error);
  const { ids, folder } = parsed.data;
  if (!isAbsolute(folder))
    return fail('FOLDER_INVALID', 'Choose a folder by its full path.', [
      { field: 'folder', code: 'FOLDER_INVALID', message: 'Choose a folder by its full path.' },
    ]);
  const written: { id: number; path: string }[] = [];
  try {
    for (const id of ids) {
      const read = await send('documents:read', { id }, caller);
      if (!read.ok) return read;
      const { document, contentBase64 } = read.value as { document: GeneratedDocument; contentBase64: string };
      written.push({ id, path: saveIntoFolder(folder, savedFileName(document), Buffer.from(contentBase64, 'base64')) });
    }
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.message);
    throw err;
  }
  return ok({ written });
}

/** What other desks type: this machine's name and each of its network addresses, with the port. */
function addressesOf(port: number): string[] {
  const addresses = [`https://${hostname()}:${port}/`];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (!a.internal && a.family === 'IPv4') addresses.push(`https://${a.address}:${port}/`);
    }
  }
  return addresses;
}
