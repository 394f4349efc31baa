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

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from one ISO date to another (UTC calendar days). Both instants are UTC midnights, whole
 * multiples of a day apart (JS time has no leap seconds), so the quotient is an exact integer.
 */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** An ISO date N calendar days later (UTC, so no daylight-saving hour moves it); at most 9999-12-31. */
export function addDays(isoDate: string, days: number): string {
  const later = new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000);
  return later.getUTCFullYear() > 9999 ? '9999-12-31' : later.toISOString().slice(0, 10);
}
