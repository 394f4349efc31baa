/**
 * Stored moments and dates as people read them. Timestamps are stored as UTC ISO strings; a person
 * reads them in the practice's own time zone, which is the zone of the computer showing or
 * printing them ("Dec 6, 2026, 3:18 PM"). Dates without a time (a date of service, a contract's
 * first day) are calendar days and never move with a time zone ("Jan 1, 2026").
 *
 * Pure: Intl only, so the renderer, the PDF code and the services print the same words.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${JSON.stringify(options)}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', timeZone ? { ...options, timeZone } : options);
    formats.set(key, f);
  }
  return f;
}

/** "Dec 6, 2026, 3:18 PM" from a stored UTC timestamp; the text as given when it is not one. */
export function localTime(iso: string, timeZone?: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format({ dateStyle: 'medium', timeStyle: 'short' }, timeZone).format(ms);
}

/** "Dec 6, 2026": the local calendar day of a stored UTC timestamp. */
export function localDay(iso: string, timeZone?: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format({ dateStyle: 'medium' }, timeZone).format(ms);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Jan 1, 2026" from a calendar date "2026-01-01" (no time zone involved); other text as given. */
export function dayInWords(isoDate: string): string {
  const m = ISO_DAY.exec(isoDate);
  if (!m) return isoDate;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? isoDate : format({ dateStyle: 'medium' }, 'UTC').format(ms);
}
