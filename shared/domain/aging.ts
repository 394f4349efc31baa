/**
 * How old an unpaid claim is, and how long the practice still has under the payer's timely
 * filing limit (issue 12: unpaid by age since billing, 0–30, 31–60, 61–90, 90+ days, with the
 * limit from the payer's profile). The limit runs from the date of service, as payers write it;
 * a claim the payer never received must be sent again before that day.
 */
import { addDays, daysBetween } from './iso-date';

export const AGING_BUCKETS = ['0–30 days', '31–60 days', '61–90 days', 'Over 90 days'] as const;

export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The bucket of an age in days: 0–30, 31–60, 61–90, over 90. */
export function agingBucketIndex(ageDays: number): 0 | 1 | 2 | 3 {
  if (ageDays <= 30) return 0;
  if (ageDays <= 60) return 1;
  if (ageDays <= 90) return 2;
  return 3;
}

export const agingBucket = (ageDays: number): AgingBucket => AGING_BUCKETS[agingBucketIndex(ageDays)];

export type TimelyFiling = { ends: string; daysLeft: number } | null;

/** The last day to file under the payer's limit, and the days left from today (negative: past). */
export function timelyFiling(dateOfService: string, limitDays: number | null, today: string): TimelyFiling {
  if (limitDays === null) return null;
  const ends = addDays(dateOfService, limitDays);
  return { ends, daysLeft: daysBetween(today, ends) };
}
