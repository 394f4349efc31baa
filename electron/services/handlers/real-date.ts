/**
 * The contract checks a date's shape only; a date like 2025-02-30 would silently match nothing
 * (or become March 2). Handlers take each date argument through here: the date, or a field error.
 */
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { fieldError } from '../app-error';

export function realDate(field: string, label: string, value: string): string {
  const r = parseIsoDate(value, label);
  if (!r.ok) throw fieldError(field, r.error.code, r.error.message);
  return r.date;
}

type Dated = { from?: string | undefined; to?: string | undefined };

/** A filter's From and To, each a real day when typed; the filter itself, unchanged. */
export function realDates<T extends Dated>(q: T): T {
  if (q.from !== undefined) realDate('from', 'From', q.from);
  if (q.to !== undefined) realDate('to', 'To', q.to);
  return q;
}
