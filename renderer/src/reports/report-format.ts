/**
 * How the reports write months and amounts. Every amount on screen comes from the exact decimal
 * string the service sent ("1087.92"), and every total is added up with decimal.js. A chart needs
 * a number for the height of a bar; `chartHeight` is the one place a string becomes one, and no
 * shown amount is ever read back from it.
 */
import { addMonths } from '../../../shared/domain/months';
import { Dec, moneyString, ZERO } from '../../../shared/domain/money';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-01" → "Jan 2026", read from the text (no Date, so no time zone can shift the month). */
export function monthLabel(month: string): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  return name ? `${name} ${month.slice(0, 4)}` : month;
}

/** "2026-01" → "Jan ’26": short enough for a chart's axis. */
export function shortMonthLabel(month: string): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  return name ? `${name} ’${month.slice(2, 4)}` : month;
}

/** The exact sum of amounts written as decimal strings, as a decimal string ("12.50"). */
export function sumAmounts(amounts: Iterable<string>): string {
  let total = ZERO;
  for (const a of amounts) total = total.plus(new Dec(a));
  return moneyString(total);
}

/** a − b, exact. */
export const minusAmount = (a: string, b: string): string => moneyString(new Dec(a).minus(new Dec(b)));

/** Part of a whole as a percent with one decimal ("23.4%"), or "—" when the whole is zero. */
export function percentOf(part: string, whole: string): string {
  const w = new Dec(whole);
  if (w.isZero()) return '—';
  return `${new Dec(part).dividedBy(w).times(100).toFixed(1)}%`;
}

/** The height of a bar or point. Only the chart's drawing uses this number. */
export const chartHeight = (fixed: string): number => Number(fixed);

const AXIS_USD = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** An axis tick as dollars: "$400", "$1.2K", "$15K". */
export const axisUsd = (n: number): string => AXIS_USD.format(n);

/** Whole numbers on a count axis; a fractional tick ("0.5 administrations") is left blank. */
export const axisCount = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : '');

/**
 * Every month from the first to the last, so a month with nothing billed shows as an empty slot
 * rather than vanishing from the chart. Past `limit` months, only the months that have rows.
 */
export function monthsOfChart(present: readonly string[], from?: string, to?: string, limit = 60): string[] {
  const sorted = [...new Set(present)].sort();
  const first = from?.slice(0, 7) ?? sorted[0];
  const last = to?.slice(0, 7) ?? sorted[sorted.length - 1];
  if (first === undefined || last === undefined || first > last) return sorted;
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) {
    months.push(m);
    if (months.length > limit) return sorted;
  }
  return months;
}

/**
 * For each of `months` (e.g. from `monthsOfChart`), `total` of that month's rows (none for an empty
 * month). The rows are grouped by month once, not searched again for every month.
 */
export function monthTotals<R extends { month: string }, T>(
  rows: readonly R[],
  months: readonly string[],
  total: (month: string, ofMonth: readonly R[]) => T,
): T[] {
  const byMonth = new Map<string, R[]>();
  for (const r of rows) {
    const ofMonth = byMonth.get(r.month);
    if (ofMonth) ofMonth.push(r);
    else byMonth.set(r.month, [r]);
  }
  return months.map((month) => total(month, byMonth.get(month) ?? []));
}

/** Names cut to fit a chart's axis; the tooltip and the table show them whole. */
export function axisName(name: string, max = 18): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
