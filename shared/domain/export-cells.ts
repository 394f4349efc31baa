/**
 * How a value goes into an exported CSV or XLSX cell.
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some with a tab or carriage
 * return) as a formula, so a patient name or a payer's remark typed as `=HYPERLINK(…)` could act
 * when the biller opens the export. Such text gets a leading apostrophe (OWASP's advice), which
 * spreadsheets show as text. A plain number ("-12.50", an amount or a count) cannot be a formula
 * and is left as it is, so negative amounts stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export type CellValue = string | number | null;

/** The text of a cell, made safe from formula injection. */
export function safeCellText(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: CellValue): string {
  const text = safeCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF line ending. */
export function csvRecord(values: readonly CellValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i] ?? null);
  return `${line}\r\n`;
}
