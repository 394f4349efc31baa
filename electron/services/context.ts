/**
 * What every service call runs against: the open database, where the data lives, who is acting
 * and a clock. Built once per process by `openServices`, by each door the same way.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createDataKey, unlockDataKey, type Unlock } from './crypto/key-file';
import { sealStoredFiles } from './crypto/seal-stored-files';
import { openDatabase, schemaVersion, type Db } from './db/open';
import { createHandlers, type Handlers } from './handler-table';
import { dataDirLogger, errorFields, type Log } from './log/logger';
import { openPrivateDataFolder } from './private-files';
import { sealedFilesFlag } from './repositories/sealed-files-flag';
import { bindSessionLock } from './session/session-lock';
import { currentCall } from './accounts/actor-scope';
import { APP_VERSION } from './version';
import type { PracticeNetwork } from './practice-network';

/** Which door opened the services; 'server' is the practice server desks connect to (issue 16). */
export type Mode = 'electron' | 'browser' | 'cli' | 'server';

export type ServiceContext = {
  db: Db;
  dataDir: string;
  databaseFile: string;
  mode: Mode;
  version: string;
  /**
   * Who the audit log names: the person signed in for the call being answered (accounts/actor-scope),
   * else the operating-system user running the app. Read-only: a getter.
   */
  readonly actor: string;
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
  /**
   * The data key when the folder is encrypted at rest (crypto/key-file.ts): the database is opened
   * with it and stored files are sealed with it. Undefined for a folder kept in clear.
   */
  dataKey?: Buffer;
  /** The SQLite driver's native binding when it is not Node's (Electron), for worker threads. */
  nativeBinding?: string;
  /**
   * The idle lock (session/session-lock.ts): while true the dispatcher refuses every channel but
   * the lock screen's own, whichever window or door asks. Only `session:*` handlers change it.
   */
  locked: boolean;
  /**
   * The practice network (issue 16): sharing this practice and connecting to a server, which only
   * a door that can listen and reach the network gives (services/practice-network.ts). Unset for
   * the command line and tests, where the sharing:* and desk:* channels say so.
   */
  network?: PracticeNetwork;
};

/** `close` may be called any number of times; the database is closed once. */
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
  /**
   * How to unlock an encrypted folder: the desktop key store and/or the passphrase. A folder not
   * yet encrypted is encrypted with a new key when either is given; with neither, a folder in
   * clear stays in clear (tests, scripts) and an encrypted one is refused (PASSPHRASE_REQUIRED).
   */
  unlock?: Unlock;
}): Services {
  const tightened = openPrivateDataFolder(options.dataDir);
  const log = options.log ?? dataDirLogger(options.dataDir);
  if (tightened.changed + tightened.failed > 0) {
    log.warn('startup', 'The data folder was open to other accounts; it is now private to this one', tightened);
  }
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const unlock = options.unlock ?? {};
  let dataKey: Buffer | undefined;
  try {
    dataKey =
      unlockDataKey(options.dataDir, unlock) ??
      (unlock.passphrase !== undefined || unlock.protector ? createDataKey(options.dataDir, unlock) : undefined);
  } catch (err) {
    log.warn('startup', 'The data folder could not be unlocked', errorFields(err));
    throw err;
  }
  const open = () => {
    const db = openDatabase(databaseFile, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(dataKey ? { key: dataKey } : {}),
    });
    // Scans and documents in clear (an older folder, a restored older backup) are sealed once;
    // the flag keeps every later start from reading each stored file again.
    const flag = sealedFilesFlag(db);
    if (dataKey && !flag.isSet()) {
      const { sealed, damaged } = sealStoredFiles(options.dataDir, dataKey);
      if (sealed + damaged > 0) log.info('startup', 'Stored files encrypted', { sealed, damaged });
      flag.set();
    }
    return db;
  };
  // Filled below and refilled in place after a restore: IPC, the host and the CLI hold this object.
  const handlers = {} as Handlers;
  let db: Db;
  try {
    db = open();
  } catch (err) {
    log.error('startup', 'The database could not be opened', errorFields(err));
    throw err;
  }
  const machineActor = options.actor ?? safeUserName();
  const ctx: ServiceContext = {
    db,
    log,
    ...(dataKey ? { dataKey } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    locked: false,
    dataDir: options.dataDir,
    databaseFile,
    mode: options.mode,
    version: APP_VERSION,
    get actor() {
      return currentCall()?.user?.name ?? machineActor;
    },
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
  bindSessionLock(handlers, ctx);
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
  // Every door closes on more than one path (quit, a signal, the window closing): only the first closes.
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    ctx.db.close();
  };
  return { ctx, handlers, close };
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
