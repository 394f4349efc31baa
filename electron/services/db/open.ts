/**
 * Opening the database. Policy:
 * - A database written by a newer app (user_version above ours) is refused with DB_FROM_FUTURE
 *   BEFORE anything is written to it, WAL mode included (switching to WAL rewrites the header).
 * - Then: foreign keys on, WAL, synchronous=FULL (a lost invoice costs more than a slow commit),
 *   a busy timeout so the CLI and the app can share the file, and a page cache sized for
 *   lookups over hundreds of thousands of rows.
 * - All pending migrations run in ONE transaction: a failure leaves the previous schema intact.
 * - Every transaction begins IMMEDIATE (immediateTransactions below), so a writer waits its turn.
 * - With a data key (crypto/key-file.ts), every page is encrypted (SQLite3 Multiple Ciphers,
 *   ChaCha20-Poly1305); a database still in clear is encrypted in place the first time it is
 *   opened with a key (an older version's folder, or a backup restored from before encryption).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { foldForSearch } from '../../../shared/domain/search-fold';
import { AppError } from '../app-error';
import { tightenDatabaseFiles } from './file-modes';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path to a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** The 32-byte data key of an encrypted data folder; without it the file must be in clear. */
  key?: Buffer;
};

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const all = options.migrations ?? migrations;
  const latest = options.migrations ? all.length : latestSchemaVersion;
  const connect = () => new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  let db = connect();
  try {
    if (options.key) db = unlockOrEncrypt(db, options.key, connect);
    else if (!readable(db)) {
      // Without a key file the two cannot be told apart: encrypted pages look like any other bytes.
      throw new AppError(
        'DB_UNREADABLE',
        'The database file cannot be read: it is not a database, or it is encrypted and its key file ' +
          '(j3490-key.json) is missing from the data folder. Nothing was changed.',
      );
    }
    tightenDatabaseFiles(file);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new AppError(
        'DB_FROM_FUTURE',
        `This database was written by a newer version of J3490 Desk (schema ${current}; this app knows ${latest}). ` +
          'It was left untouched; update the app to open it.',
      );
    }
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    immediateTransactions(db);
    // A 64 MB page cache (SQLite's default is 2 MB): price and administration lookups stay in memory.
    db.pragma('cache_size = -65536');
    // Search ignores case and accents the same way everywhere (repositories/search-text.ts).
    db.function('fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? foldForSearch(text) : text,
    );
    migrate(db, all, current);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const readable = (db: Db): boolean => {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw err;
  }
};

// PRAGMA cannot take a bound parameter; the key is our own 32 bytes, written as hex.
const keyPragma = (key: Buffer): string => `"x'${key.toString('hex')}'"`;

/** The connection keyed with `key`; a database in clear is encrypted with it first. */
function unlockOrEncrypt(db: Db, key: Buffer, connect: () => Db): Db {
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`key = ${keyPragma(key)}`);
  if (readable(db)) return db;
  db.close();
  const clear = connect();
  if (!readable(clear)) {
    clear.close();
    throw new AppError(
      'DB_KEY_WRONG',
      'The data folder’s key does not open its database (the database may come from another practice or folder); nothing was changed.',
    );
  }
  try {
    // SQLite3 Multiple Ciphers rewrites every page in one journaled transaction; it cannot in WAL mode.
    clear.pragma('journal_mode = DELETE');
    clear.pragma(`cipher = 'chacha20'`);
    clear.pragma(`rekey = ${keyPragma(key)}`);
  } catch (err) {
    clear.close();
    throw err;
  }
  return clear;
}

function migrate(db: Db, all: readonly Migration[], current: number): void {
  const pending = all.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      // PRAGMA cannot take a bound parameter; the value is our own integer.
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

/**
 * A deferred transaction (better-sqlite3's default) that reads and then writes cannot wait for
 * another connection's write: SQLite answers SQLITE_BUSY at once, busy_timeout or not, and the
 * write was lost when the CLI and the app wrote to one file together
 * (tests/integration/concurrent-writers.test.ts). BEGIN IMMEDIATE takes the write lock first,
 * where busy_timeout does wait. Calling `.deferred(...)` explicitly still gets a deferred one.
 */
function immediateTransactions(db: Db): void {
  const make = db.transaction.bind(db);
  db.transaction = (<F extends (...args: never[]) => unknown>(fn: F) => {
    const t = make(fn);
    const run = function (this: unknown, ...args: Parameters<typeof t.immediate>) {
      return t.immediate.apply(this, args);
    };
    return Object.assign(run, {
      default: t.default,
      deferred: t.deferred,
      immediate: t.immediate,
      exclusive: t.exclusive,
    });
  }) as Db['transaction'];
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;
