/**
 * Small zod building blocks shared by every record schema. Each refusal carries a stable code in
 * `params.code` (read by the dispatcher and by forms) and a sentence for the person typing.
 */
import { z } from 'zod';

type Ctx = {
  addIssue: (issue: { code: 'custom'; message: string; params: { code: string }; input?: unknown }) => void;
};

export const addCodedIssue = (ctx: Ctx, code: string, message: string): void =>
  ctx.addIssue({ code: 'custom', message, params: { code } });

/** Trimmed text; empty is refused with "<label> is required." */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is at most ${max} characters.` });

/** Trimmed text that may be empty; stored as '' rather than NULL so lists sort simply. */
export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is at most ${max} characters.` })
    .default('');

/**
 * An exact positive decimal written as a string ("20", "0.5", "2.25"). Kept as text end to end so
 * no binary float ever touches a strength or a package size.
 */
export const positiveDecimal = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      if (s === '') return addCodedIssue(ctx, 'REQUIRED', `${label} is required.`);
      if (!/^\d{1,9}(\.\d{1,6})?$/.test(s)) {
        return addCodedIssue(ctx, 'NUMBER_INVALID', `${label} must be a number such as 20 or 2.5 (up to 6 decimals).`);
      }
      if (/^0+(\.0+)?$/.test(s)) addCodedIssue(ctx, 'NUMBER_NOT_POSITIVE', `${label} must be more than zero.`);
    })
    .transform(canonicalDecimal);

/**
 * "020.500" → "20.5": one spelling per value, so equal amounts compare equal as text. The zeros
 * are counted by scanning, not trimmed with /0+$/, which is quadratic on a long run of zeros.
 */
export function canonicalDecimal(s: string): string {
  const [int = '0', frac = ''] = s.split('.');
  let start = 0;
  while (start < int.length - 1 && int.charCodeAt(start) === 48) start++;
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  const i = int.slice(start);
  return end > 0 ? `${i}.${frac.slice(0, end)}` : i;
}

export const idSchema = z.number().int().positive();

/**
 * A record's row version (issue 16): every change to the row raises it, and a save names the one
 * its form was loaded with, so a change made from a stale form is refused (RECORD_CHANGED).
 */
export const rowVersionSchema = z.number().int().positive();

/** An optional YYYY-MM-DD filter of a list or report query (the shape only; the query compares text). */
export const optionalIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Write the date as YYYY-MM-DD.' })
  .optional();

/** The page of a list query: up to 500 rows, 50 by default. Spread into the query's object. */
export const pageFields = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
};
