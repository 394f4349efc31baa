/**
 * The dates a report opens with: the last twelve calendar months, this one included (from the
 * first day of the month eleven months ago to today), by this computer's own calendar, so a
 * biller working late on the last day of a month still sees that month.
 */
import { addMonths } from '../../../shared/domain/months';
import { todayIso } from '../components/today';

/** Today as YYYY-MM-DD in local time (not `toISOString`, which is UTC and can be tomorrow). */
export const localToday = (now: Date): string => todayIso(now);

export function defaultReportDates(now: Date): { from: string; to: string } {
  const today = localToday(now);
  return { from: `${addMonths(today.slice(0, 7), -11)}-01`, to: today };
}
