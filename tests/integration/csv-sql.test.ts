/** Cents written by SQLite for the million-line export (csv-sql.ts) are centsText's, every kind of amount. */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsCsvSql } from '../../electron/services/repositories/csv-sql';
import { centsText } from '../../shared/domain/cents-text';

const db = new Database(':memory:');
const centsOf = db.prepare(`SELECT ${centsCsvSql('@x')}`).pluck();
const cents = { get: (x: number) => centsOf.get({ x }) };

describe('CSV written by SQLite', () => {
  it('integer cents are centsText’s, negative and large included', () => {
    for (const c of [0, 5, -5, 99, -100, 108792, -108792, 900719925474099]) expect(cents.get(c)).toBe(centsText(c));
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        expect(cents.get(c)).toBe(centsText(c));
      }),
    );
  });
});
