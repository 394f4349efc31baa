/** Statements whose SQL is built from the filters used: a handful of shapes, each prepared once. */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/open';

export function statementCache(db: Db): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
}
