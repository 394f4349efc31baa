/**
 * Dates of service are ISO `YYYY-MM-DD` strings. Zero-padded ISO dates sort as text, so policy
 * tables compare them with `<` on strings and no Date object (and no time zone) is ever involved.
 * Only real calendar days pass: 2023-02-30 and 2023-02-29 are refused, 2024-02-29 is fine.
 */
import { failure, type Failure } from './result';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDateResult = { ok: true; date: string } | Failure<'DATE_INVALID'>;

export function parseIsoDate(input: string, label = 'Date of service'): IsoDateResult {
  const m = typeof input === 'string' ? ISO_DATE.exec(input.trim()) : null;
  if (!m) {
    return failure('DATE_INVALID', `${label} must be written YYYY-MM-DD, for example 2024-03-15.`);
  }
  const year = Number.parseInt(m[1] ?? '', 10);
  const month = Number.parseInt(m[2] ?? '', 10);
  const day = Number.parseInt(m[3] ?? '', 10);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return failure('DATE_INVALID', `${label} ${input.trim()} is not a real calendar date.`);
  }
  return { ok: true, date: `${m[1]}-${m[2]}-${m[3]}` };
}

export const isIsoDate = (input: string): boolean => parseIsoDate(input).ok;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
