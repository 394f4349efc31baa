/**
 * How a drug was administered beyond its route: IV push, IV infusion, injection or other. The
 * billing guide lists "Administration Method: route and technique" among the essential
 * documentation of a J3490 line, and a payer's reviewer reads an infusion's length from it.
 * Policy:
 * - The technique may be left unchosen while the record is a draft; the readiness checklist asks
 *   for it before the claim is ready.
 * - An IV infusion needs its start and stop times (HH:MM, 24-hour, stop after start on the same
 *   day) or its duration in whole minutes; an infusion that runs past midnight is recorded by its
 *   duration. When both are given they must agree. Times and duration belong to an infusion only.
 * - Everything is kept as text as typed ('' when not given), like the rest of the record.
 */
import { z } from 'zod';
import { addCodedIssue } from './field-rules';

export const TECHNIQUES = ['iv-push', 'iv-infusion', 'injection', 'other'] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const TECHNIQUE_LABELS: Record<Technique, string> = {
  'iv-push': 'IV push',
  'iv-infusion': 'IV infusion',
  injection: 'Injection',
  other: 'Other',
};

/** A week: longer than any infusion a practice gives, short enough to catch a typo. */
export const MAX_INFUSION_MINUTES = 10_080;

export type TechniqueFacts = {
  technique: Technique | '';
  infusionStart: string;
  infusionStop: string;
  infusionMinutes: string;
};

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "14:05" → 845; null when it is not a 24-hour HH:MM time. */
export function minutesOfDay(hhmm: string): number | null {
  const m = CLOCK.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export const techniqueField = z
  .enum(['', ...TECHNIQUES], { error: 'Choose the technique: IV push, IV infusion, injection or other.' })
  .default('');

/** '' or a 24-hour time; "9:05" is kept as "09:05" so every time is written one way. */
export const clockField = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .transform((s, ctx) => {
      if (s === '') return '';
      const padded = /^\d:\d\d$/.test(s) ? `0${s}` : s;
      if (minutesOfDay(padded) === null) {
        addCodedIssue(ctx, 'INFUSION_TIME_INVALID', `${label}: enter a 24-hour time such as 14:05.`);
        return z.NEVER;
      }
      return padded;
    });

export const minutesField = z
  .string()
  .trim()
  .default('')
  .superRefine((s, ctx) => {
    if (s === '') return;
    if (!/^\d{1,5}$/.test(s) || Number(s) === 0 || Number(s) > MAX_INFUSION_MINUTES) {
      addCodedIssue(
        ctx,
        'INFUSION_MINUTES_INVALID',
        `Infusion duration: enter whole minutes from 1 to ${MAX_INFUSION_MINUTES}, e.g. 45.`,
      );
    }
  })
  .transform((s) => (s === '' ? '' : String(Number(s))));

/** The infusion's length in minutes from its times or its duration; null when neither is there. */
export function infusionMinutesOf(f: TechniqueFacts): number | null {
  const start = minutesOfDay(f.infusionStart);
  const stop = minutesOfDay(f.infusionStop);
  if (start !== null && stop !== null && stop > start) return stop - start;
  return f.infusionMinutes === '' ? null : Number(f.infusionMinutes);
}

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; path: string[]; params: { code: string } }) => void };
const issue = (ctx: Ctx, path: keyof TechniqueFacts, code: string, message: string): void =>
  ctx.addIssue({ code: 'custom', message, path: [path], params: { code } });

/** The rules that tie the technique to its times; each refusal sits on the field to fix. */
export function checkTechnique(f: TechniqueFacts, ctx: Ctx): void {
  const hasStart = f.infusionStart !== '';
  const hasStop = f.infusionStop !== '';
  const hasMinutes = f.infusionMinutes !== '';
  if (f.technique !== 'iv-infusion') {
    for (const key of ['infusionStart', 'infusionStop', 'infusionMinutes'] as const) {
      if (f[key] !== '') {
        issue(
          ctx,
          key,
          'INFUSION_TIMES_NOT_INFUSION',
          'Infusion times and duration go with an IV infusion: choose IV infusion, or clear them.',
        );
      }
    }
    return;
  }
  if (!hasMinutes && !(hasStart && hasStop)) {
    const message = 'An IV infusion needs its start and stop times (e.g. 14:05 and 14:50) or its duration in minutes.';
    if (hasStart) issue(ctx, 'infusionStop', 'INFUSION_TIMES_REQUIRED', message);
    else if (hasStop) issue(ctx, 'infusionStart', 'INFUSION_TIMES_REQUIRED', message);
    else issue(ctx, 'infusionStart', 'INFUSION_TIMES_REQUIRED', message);
    return;
  }
  if (hasStart !== hasStop) {
    issue(
      ctx,
      hasStart ? 'infusionStop' : 'infusionStart',
      'INFUSION_TIMES_REQUIRED',
      'Enter both the start and the stop time, or clear the one entered and give the duration.',
    );
    return;
  }
  if (hasStart && hasStop) {
    const start = minutesOfDay(f.infusionStart);
    const stop = minutesOfDay(f.infusionStop);
    if (start === null || stop === null) return; // each time's own message says why
    if (stop <= start) {
      issue(
        ctx,
        'infusionStop',
        'INFUSION_TIMES_INVALID',
        `The stop time ${f.infusionStop} is not after the start time ${f.infusionStart}; past midnight, give the duration instead.`,
      );
      return;
    }
    if (hasMinutes && Number(f.infusionMinutes) !== stop - start) {
      issue(
        ctx,
        'infusionMinutes',
        'INFUSION_DURATION_MISMATCH',
        `${f.infusionStart}–${f.infusionStop} is ${stop - start} minutes, not ${f.infusionMinutes}: correct one of them, or clear the duration.`,
      );
    }
  }
}

/**
 * Whether the cross-field rules can run: the input is an object and each of the four fields
 * parsed on its own (a field's own message says what is wrong with it). Other fields' issues do
 * not stop them, so an infusion's message shows together with theirs.
 */
export const techniqueFieldsParsed = (payload: {
  value: unknown;
  issues: readonly { path?: readonly PropertyKey[] }[];
}): boolean =>
  typeof payload.value === 'object' &&
  payload.value !== null &&
  !Array.isArray(payload.value) &&
  !payload.issues.some(
    (i) =>
      (i.path?.length ?? 0) === 0 ||
      ['technique', 'infusionStart', 'infusionStop', 'infusionMinutes'].includes(String(i.path?.[0])),
  );

/**
 * As a reviewer reads it: "IV infusion, 14:05–14:50 (45 minutes)", "IV infusion, 90 minutes",
 * "IV push"; '' when no technique was recorded.
 */
export function techniqueText(f: TechniqueFacts): string {
  if (f.technique === '') return '';
  const label = TECHNIQUE_LABELS[f.technique];
  if (f.technique !== 'iv-infusion') return label;
  const minutes = infusionMinutesOf(f);
  const length = minutes === null ? '' : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (f.infusionStart !== '' && f.infusionStop !== '') {
    return `${label}, ${f.infusionStart}–${f.infusionStop}${length ? ` (${length})` : ''}`;
  }
  return length ? `${label}, ${length}` : label;
}
