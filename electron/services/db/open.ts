/**
 * Opening the database. Policy:
 * - A database written by a newer app (user_version above ours) is refused with DB_FROM_FUTURE
 *   BEFORE anything is written to it, WAL mode included (switching to WAL rewrites the header).
 * - Then: foreign keys on, WAL, synchronous=FULL (a lost invoice costs more than a slow commit),
 *   a busy timeout so the CLI and the app can share the file, and a page cache sized for
 *   lookups over hundreds of thousands of rows.
 * - All pending migrations run in ONE transaction: a failure leaves the previous schema intact.
 * - Every transaction begins IMMEDIATE (immediateTransactions below), so a writer waits its turn.
 */
import Database from 'better-sqlite3';
import { foldForSearch } from '../../../shared/domain/search-fold';
import { AppError } from '../app-error';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path to a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
};

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const all = options.migrations ?? migrations;
  const latest = options.migrations ? all.length : latestSchemaVersion;
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
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
