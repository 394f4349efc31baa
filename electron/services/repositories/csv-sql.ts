/**
 * Integer cents as CSV money text written by SQLite, for the variance export of a million lines:
 * one string of amounts per line crosses into JavaScript instead of nine numbers each formatted
 * there. The same rule as cents-text.ts's centsText ("-12.34"), by integer division and
 * remainder, exact (no floating point is involved); tests/integration/csv-sql.test.ts compares
 * the two.
 */
export const centsCsvSql = (c: string): string =>
  `printf('%s%d.%02d', CASE WHEN ${c} < 0 THEN '-' ELSE '' END, abs(${c}) / 100, abs(${c}) % 100)`;
