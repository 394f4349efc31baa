/**
 * The practice servers this desk has met (issue 16), like SSH's known_hosts: each address with the
 * certificate pinned when a person checked its fingerprint, kept in this desk's own folder
 * (`known-servers.json`, private to the account). A server is trusted only as pinned here; a new
 * fingerprint needs the person to check it again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from '../services/durable-file';
import type { PinnedServer } from './practice-client';
import { serverUrl } from './practice-client';

export const KNOWN_SERVERS_FILE = 'known-servers.json';

type Stored = { servers: (PinnedServer & { pinnedAt: string })[] };

function read(folder: string): Stored {
  try {
    const parsed = JSON.parse(readFileSync(join(folder, KNOWN_SERVERS_FILE), 'utf8')) as Partial<Stored>;
    return { servers: Array.isArray(parsed.servers) ? parsed.servers : [] };
  } catch {
    // Missing (never connected) or unreadable: no server is trusted, so the person checks again.
    return { servers: [] };
  }
}

/** The pinned server at this address (as typed: "host:port" or a URL), if this desk has met it. */
export function knownServer(folder: string, typed: string): PinnedServer | undefined {
  const url = serverUrl(typed).toString();
  const found = read(folder).servers.find((s) => s.url === url);
  return found ? { url: found.url, fingerprint: found.fingerprint, certificate: found.certificate } : undefined;
}

/** Keep (or replace) the pin of `server`. */
export function rememberServer(folder: string, server: PinnedServer, now: Date = new Date()): void {
  const stored = read(folder);
  const others = stored.servers.filter((s) => s.url !== server.url);
  const next: Stored = { servers: [...others, { ...server, pinnedAt: now.toISOString() }] };
  writeFileDurably(join(folder, KNOWN_SERVERS_FILE), Buffer.from(JSON.stringify(next, null, 2)), { private: true });
}
