/** Cents written by SQLite for the million-line export (csv-sql.ts) are centsText's, every kind of amount. */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsCsvSql, csvRunSql } from '../../electron/services/repositories/csv-sql';
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

  it('a run of amounts and texts in one printf is each amount’s centsText, then the texts, comma-separated', () => {
    const run = db.prepare(`SELECT ${csvRunSql(['@a', '@b', '@c'], ['@d', "coalesce(@e, '')"])}`).pluck();
    expect(run.get({ a: -5, b: 0, c: 108792, d: '2025-01-02', e: null })).toBe('-0.05,0.00,1087.92,2025-01-02,');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 3, maxLength: 3 }),
        fc.string(),
        ([a, b, c], d) => {
          expect(run.get({ a, b, c, d, e: d })).toBe(`${centsText(a!)},${centsText(b!)},${centsText(c!)},${d},${d}`);
        },
      ),
    );
  });
});
