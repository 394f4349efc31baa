/**
 * What every service call runs against: the open database, where the data lives, who is acting
 * and a clock. Built once per process by `openServices`, by each door the same way.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schemaVersion, type Db } from './db/open';
import { createHandlers, type Handlers } from './handler-table';
import { dataDirLogger, errorFields, type Log } from './log/logger';
import { APP_VERSION } from './version';

export type Mode = 'electron' | 'browser' | 'cli';

export type ServiceContext = {
  db: Db;
  dataDir: string;
  databaseFile: string;
  mode: Mode;
  version: string;
  /** Who the audit log names: the operating-system user running the app. */
  actor: string;
  /** ISO timestamp; injectable so tests and reproducible documents control time. */
  now: () => string;
  /**
   * The practice's calendar day (YYYY-MM-DD) in the machine's own time zone: expiry and "today"
   * are local days, and a UTC date would already be tomorrow on a US evening.
   */
  today: () => string;
  /**
   * Close the database, run `replace` while nothing holds it open (a restore swaps files there),
   * then open it again and rebuild every handler on the new connection. The doors keep the same
   * handler object, so nothing else has to be re-registered. When the new file does not open,
   * the undo `replace` returned puts the old files back, they are opened, and the error is thrown.
   */
  reopenAfter: (replace: () => (() => void) | void) => void;
  /** The support log in `<dataDir>/logs/` (services/log): never given PHI, redacted anyway. */
  log: Log;
};

export type Services = { ctx: ServiceContext; handlers: Handlers; close: () => void };

export const DATABASE_FILE_NAME = 'j3490-desk.sqlite';

export function openServices(options: {
  dataDir: string;
  mode: Mode;
  nativeBinding?: string;
  now?: () => string;
  today?: () => string;
  actor?: string;
  log?: Log;
}): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? dataDirLogger(options.dataDir);
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const open = () => openDatabase(databaseFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  // Filled below and refilled in place after a restore: IPC, the host and the CLI hold this object.
  const handlers = {} as Handlers;
  let db: Db;
  try {
    db = open();
  } catch (err) {
    log.error('startup', 'The database could not be opened', errorFields(err));
    throw err;
  }
  const ctx: ServiceContext = {
    db,
    log,
    dataDir: options.dataDir,
    databaseFile,
    mode: options.mode,
    version: APP_VERSION,
    actor: options.actor ?? safeUserName(),
    now: options.now ?? (() => new Date().toISOString()),
    today:
      options.today ??
      (options.now ? () => (options.now as () => string)().slice(0, 10) : () => localIsoDate(new Date())),
    reopenAfter(replace) {
      ctx.db.close();
      let undo: (() => void) | void = undefined;
      try {
        undo = replace();
        ctx.db = open();
      } catch (err) {
        undo?.();
        ctx.db = open();
        throw err;
      } finally {
        Object.assign(handlers, createHandlers(ctx));
      }
    },
  };
  Object.assign(handlers, createHandlers(ctx));
  // Each CLI command opens the services once: its start-up line is debug so scripts do not fill the log.
  log[options.mode === 'cli' ? 'debug' : 'info']('startup', `J3490 Desk ${APP_VERSION} started`, {
    version: APP_VERSION,
    mode: options.mode,
    schemaVersion: schemaVersion(ctx.db),
    dataDir: options.dataDir,
    platform: process.platform,
    node: process.versions.node,
    ...(process.versions.electron ? { electron: process.versions.electron } : {}),
  });
  return { ctx, handlers, close: () => ctx.db.close() };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'local user';
  } catch {
    return 'local user';
  }
}

/** YYYY-MM-DD of a moment in the local time zone. */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
