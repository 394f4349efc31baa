/**
 * CSV export that a spreadsheet cannot turn into a formula (OWASP "CSV injection"). A cell that
 * begins with = + - @ (or a tab or carriage return, which Excel skips before looking) is
 * prefixed with an apostrophe, so "=HYPERLINK(…)" from an imported drug name shows as text.
 * A plain number ("-5", "+3.25") cannot be a formula and is left as a number.
 * Imports need no such step: what a file holds is stored as text and never evaluated.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Rows → CSV text (quoted as needed, CRLF line ends), every cell passed through csvCell. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(
    rows.map((r) => r.map(csvCell)),
    { record_delimiter: 'windows' },
  );
}
