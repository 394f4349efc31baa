/**
 * The database file itself: migrations, pragmas, the refusal of a database from a newer app, and
 * the append-only audit log. Every test works on a real SQLite file in its own temp folder.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/app-error';
import { openDatabase, schemaVersion, type Db } from '../../electron/services/db/open';
import { latestSchemaVersion, migrations, type Migration } from '../../electron/services/db/migrations';
import { makeTempDir, removeTempDir } from './temp-dir';

let dir: string;
let file: string;
const opened: Db[] = [];

const open = (...args: Parameters<typeof openDatabase>): Db => {
  const db = openDatabase(...args);
  opened.push(db);
  return db;
};

beforeEach(() => {
  dir = makeTempDir();
  file = join(dir, 'test.sqlite');
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  removeTempDir(dir);
});

const userTables = (db: Db): { name: string; strict: number }[] =>
  (db.prepare('PRAGMA table_list').all() as { schema: string; name: string; type: string; strict: number }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map(({ name, strict }) => ({ name, strict }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Inspect a file without going through openDatabase (no pragmas, no migrations). */
function inspect<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}

describe('opening a new database file', () => {
  it('applies every migration and records the latest schema version', () => {
    const db = open(file);
    expect(latestSchemaVersion).toBe(migrations.length);
    expect(latestSchemaVersion).toBeGreaterThanOrEqual(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
  });

  it('creates the foundation tables, all of them STRICT', () => {
    const db = open(file);
    const tables = userTables(db);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_log', 'drugs', 'practice_settings']));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
  });

  it('STRICT really refuses a value of the wrong type', () => {
    const db = open(file);
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (id, at, actor, entity, entity_id, action) VALUES (1, 'x', X'00', 'x', '1', 'create')`,
        )
        .run(),
    ).toThrow(/cannot store BLOB value in TEXT column audit_log.actor/);
  });

  it('sets foreign_keys on, WAL, synchronous FULL and a busy timeout', () => {
    const db = open(file);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true }) as number).toBeGreaterThan(0);
    // WAL is a property of the file: another connection sees it too.
    db.close();
    expect(inspect(file, (raw) => raw.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('reopening is idempotent: same version, same tables, data kept', () => {
    const first = open(file);
    const tablesBefore = userTables(first);
    first
      .prepare(
        `INSERT INTO drugs (ndc11, generic_name, strength_amount, strength_unit, package_size, ndc_unit, container, route, created_at, updated_at)
         VALUES ('00002759701', 'Ziconotide', '25', 'mcg', '20', 'ML', 'single-dose', 'IT', 't', 't')`,
      )
      .run();
    first.close();

    const second = open(file);
    expect(second.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(userTables(second)).toEqual(tablesBefore);
    expect(second.prepare('SELECT ndc11, generic_name AS name FROM drugs').all()).toEqual([
      { ndc11: '00002759701', name: 'Ziconotide' },
    ]);
    second.close();

    const third = open(file);
    expect(third.prepare('SELECT count(*) AS n FROM drugs').get()).toEqual({ n: 1 });
  });
});

describe('migrations 7 and 8 (indexes for imports and searches)', () => {
  const invoiceLineIndexes = (raw: Database.Database): string[] =>
    (
      raw
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'invoice_lines'")
        .pluck()
        .all() as string[]
    ).sort();

  it('drops the index on invoice_lines (lot_number) from a version 6 file and keeps the NDC and line indexes', () => {
    open(file, { migrations: migrations.slice(0, 6) }).close();
    expect(inspect(file, invoiceLineIndexes)).toContain('invoice_lines_lot');
    open(file).close();
    expect(inspect(file, (raw) => raw.pragma('user_version', { simple: true }))).toBe(latestSchemaVersion);
    expect(inspect(file, invoiceLineIndexes)).toEqual(['invoice_lines_ndc', 'sqlite_autoindex_invoice_lines_1']);
  });

  it('ends the patient and claim-number indexes of a version 7 file with the date of service and id', () => {
    const columns = (raw: Database.Database, index: string): string[] =>
      (raw.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((c) => c.name);
    open(file, { migrations: migrations.slice(0, 7) }).close();
    expect(inspect(file, (raw) => columns(raw, 'administrations_by_patient'))).toEqual(['patient_id']);
    open(file).close();
    expect(inspect(file, (raw) => columns(raw, 'administrations_by_patient'))).toEqual([
      'patient_id',
      'date_of_service',
      'id',
    ]);
    expect(inspect(file, (raw) => columns(raw, 'administrations_by_claim'))).toEqual([
      'claim_number',
      'date_of_service',
      'id',
    ]);
  });
});

describe('migration 9 (billing record facts)', () => {
  it('adds the stale flag, technique, provider names, printed NDC and content hash to a version 8 file, keeping its rows', () => {
    const v8 = open(file, { migrations: migrations.slice(0, 8) });
    v8.prepare(
      `INSERT INTO drugs (ndc11, generic_name, strength_amount, strength_unit, package_size, ndc_unit, container, route, created_at, updated_at)
       VALUES ('00002759701', 'Ziconotide', '25', 'mcg', '20', 'ML', 'single-dose', 'IT', 't', 't')`,
    ).run();
    v8.close();
    open(file).close();
    const columns = (raw: Database.Database, table: string): string[] =>
      (raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(inspect(file, (raw) => raw.pragma('user_version', { simple: true }))).toBe(latestSchemaVersion);
    expect(inspect(file, (raw) => columns(raw, 'administrations'))).toEqual(
      expect.arrayContaining([
        'estimate_stale',
        'technique',
        'infusion_start',
        'infusion_stop',
        'infusion_minutes',
        'ordering_provider_name',
        'rendering_provider_name',
      ]),
    );
    expect(inspect(file, (raw) => columns(raw, 'generated_documents'))).toContain('content_sha256');
    expect(inspect(file, (raw) => raw.prepare('SELECT ndc11, ndc_printed FROM drugs').all())).toEqual([
      { ndc11: '00002759701', ndc_printed: '' },
    ]);
  });
});

describe('a failing migration', () => {
  const good: Migration = { version: 1, name: 'good', sql: 'CREATE TABLE alpha (x INTEGER) STRICT;' };
  const bad: Migration = {
    version: 2,
    name: 'bad',
    sql: 'CREATE TABLE beta (x INTEGER) STRICT; THIS IS NOT SQL;',
  };

  it('rolls back every pending migration of a new file (user_version 0, no tables)', () => {
    expect(() => open(file, { migrations: [good, bad] })).toThrow(/syntax error/);
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(0);
    expect(inspect(file, userTables)).toEqual([]);
  });

  it('leaves an existing schema exactly as it was', () => {
    const real = migrations[0];
    if (!real) throw new Error('no migrations');
    const db = open(file, { migrations: [real] });
    const before = userTables(db);
    db.close();
    const beforeSchema = inspect(file, (raw) =>
      raw.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all(),
    );

    const v2: Migration = { version: 2, name: 'adds-gamma', sql: 'CREATE TABLE gamma (x INTEGER) STRICT;' };
    const v3: Migration = { version: 3, name: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN y INTEGER;' };
    expect(() => open(file, { migrations: [real, v2, v3] })).toThrow(/no such table/);

    expect(inspect(file, (raw) => raw.pragma('user_version', { simple: true }))).toBe(1);
    expect(inspect(file, userTables)).toEqual(before);
    expect(
      inspect(file, (raw) => raw.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()),
    ).toEqual(beforeSchema);
  });

  it('closes the connection it opened, so the file can be opened again at once', () => {
    expect(() => open(file, { migrations: [good, bad] })).toThrow();
    const db = open(file, { migrations: [good] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(userTables(db).map((t) => t.name)).toEqual(['alpha']);
  });
});

describe('a database from the future (DB_FROM_FUTURE)', () => {
  function writeFutureDatabase(journalMode: 'delete' | 'wal'): void {
    const raw = new Database(file);
    raw.pragma(`journal_mode = ${journalMode}`);
    raw.exec("CREATE TABLE future_thing (x TEXT) STRICT; INSERT INTO future_thing VALUES ('keep me');");
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
  }

  for (const journalMode of ['delete', 'wal'] as const) {
    it(`is refused and left byte-for-byte untouched (file written in ${journalMode} mode)`, () => {
      writeFutureDatabase(journalMode);
      const filesBefore = readdirSync(dir).sort();
      expect(filesBefore).toEqual(['test.sqlite']);
      const hashBefore = sha256(file);

      const err = catchError(() => open(file));
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('DB_FROM_FUTURE');
      expect((err as AppError).message).toContain(`schema ${latestSchemaVersion + 5}`);

      expect(sha256(file)).toBe(hashBefore);
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(existsSync(`${file}-shm`)).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(filesBefore);
      expect(inspect(file, (raw) => raw.pragma('journal_mode', { simple: true }))).toBe(journalMode);
      expect(inspect(file, (raw) => raw.prepare('SELECT x FROM future_thing').all())).toEqual([{ x: 'keep me' }]);
    });
  }

  it('a file that is not a database is refused and left byte-for-byte untouched', () => {
    const junk = Buffer.from('Invoice 2025-001: not a SQLite file at all. '.repeat(200));
    writeFileSync(file, junk);
    expect(() => open(file)).toThrow(/not a database/);
    expect(readFileSync(file).equals(junk)).toBe(true);
    expect(readdirSync(dir)).toEqual(['test.sqlite']);
  });

  it('a database exactly at the latest version opens', () => {
    open(file).close();
    expect(inspect(file, (raw) => raw.pragma('user_version', { simple: true }))).toBe(latestSchemaVersion);
    const db = open(file);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
  });
});

describe('audit_log is append-only', () => {
  let db: Db;
  beforeEach(() => {
    db = open(file);
    db.prepare(
      `INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json)
       VALUES ('2025-01-01T00:00:00.000Z', 'tester', 'drug', '1', 'create', NULL, '{"a":1}')`,
    ).run();
  });

  it('accepts inserts', () => {
    expect(db.prepare('SELECT actor, entity, action, after_json AS after FROM audit_log').all()).toEqual([
      { actor: 'tester', entity: 'drug', action: 'create', after: '{"a":1}' },
    ]);
  });

  it('refuses UPDATE', () => {
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'mallory'`).run()).toThrow(/audit_log is append-only/);
    expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: 'tester' }]);
  });

  it('refuses DELETE', () => {
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/audit_log is append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('refuses an action outside the allowed list', () => {
    expect(() =>
      db
        .prepare(`INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES ('t', 'a', 'drug', '1', 'erase')`)
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
