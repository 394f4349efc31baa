/**
 * Integer cents as CSV money text written by SQLite, for the variance export of a million lines:
 * one string of amounts per line crosses into JavaScript instead of nine numbers each formatted
 * there. The same rule as cents-text.ts's centsText ("-12.34"), by integer division and
 * remainder, exact (no floating point is involved); tests/integration/csv-sql.test.ts compares
 * the two.
 */
const CENTS_FORMAT = '%s%d.%02d';
/** The sign, the dollars and the two-digit cents of `c`, the arguments of CENTS_FORMAT. */
const centsArgs = (c: string): string => `iif(${c} < 0, '-', ''), abs(${c}) / 100, abs(${c}) % 100`;

export const centsCsvSql = (c: string): string => `printf('${CENTS_FORMAT}', ${centsArgs(c)})`;

/**
 * Amounts (integer cents, as centsCsvSql writes each) and then texts as one run of CSV fields,
 * in a single printf: over a million lines, a call per amount joined by concatenations costs
 * SQLite about a third more.
 */
export const csvRunSql = (cents: readonly string[], texts: readonly string[]): string => {
  const formats = [...cents.map(() => CENTS_FORMAT), ...texts.map(() => '%s')].join(',');
  const args = [...cents.map(centsArgs), ...texts];
  return `printf('${formats}', ${args.join(', ')})`;
};
