/**
 * Medicare sequestration by date of service. It comes off the Medicare payment only, after the
 * allowed amount, deductible and coinsurance are settled; the patient's share is untouched. It is
 * CARC 253 on the 835.
 *
 * Timeline (domain.md §2, CRS R45106):
 *   before 2013-04-01            0%  (not yet in force)
 *   2013-04-01 .. 2020-04-30     2%
 *   2020-05-01 .. 2022-03-31     0%  (suspended for COVID-19)
 *   2022-04-01 .. 2022-06-30     1%
 *   from 2022-07-01              2%  (extended through FY2032; later dates assume 2% until law says otherwise)
 * Policy `none` is for payers that do not sequester (commercial, Medicaid).
 */
import { Dec } from './money';
import { parseIsoDate } from './iso-date';
import { type Failure } from './result';

export const SEQUESTRATION_POLICIES = ['medicare', 'none'] as const;
export type SequestrationPolicy = (typeof SEQUESTRATION_POLICIES)[number];

export type SequestrationRate = {
  /** "2", "1" or "0". */
  percent: string;
  fraction: Dec;
  /** Why this rate applies, for the trace. */
  reason: string;
};

type Period = { from: string; rate: SequestrationRate };

const rate = (percent: string, reason: string): SequestrationRate => ({
  percent,
  fraction: new Dec(percent).dividedBy(100),
  reason,
});

// Newest first: the first period whose start is on or before the date of service applies.
const MEDICARE_PERIODS: readonly Period[] = [
  { from: '2022-07-01', rate: rate('2', 'Medicare sequestration 2%') },
  { from: '2022-04-01', rate: rate('1', 'Medicare sequestration 1% (phase-in 2022-04-01 to 2022-06-30)') },
  { from: '2020-05-01', rate: rate('0', 'Medicare sequestration suspended 2020-05-01 to 2022-03-31') },
  { from: '2013-04-01', rate: rate('2', 'Medicare sequestration 2%') },
];
const BEFORE_2013 = rate('0', 'Medicare sequestration began 2013-04-01; none before');
const NONE = rate('0', 'no sequestration for this payer');

export function sequestrationRate(
  policy: SequestrationPolicy,
  dateOfService: string,
): { ok: true; rate: SequestrationRate } | Failure<'DATE_INVALID'> {
  const parsed = parseIsoDate(dateOfService);
  return parsed.ok ? { ok: true, rate: sequestrationRateOn(policy, parsed.date) } : parsed;
}

/** The same for a date already checked by parseIsoDate (the estimate parses it once). */
export function sequestrationRateOn(policy: SequestrationPolicy, isoDate: string): SequestrationRate {
  if (policy === 'none') return NONE;
  for (const period of MEDICARE_PERIODS) {
    if (isoDate >= period.from) return period.rate;
  }
  return BEFORE_2013;
}
