/**
 * Forms keep every input as text (what the person typed); the contract schemas take booleans,
 * lists and numbers. `formSchema` turns the text into the contract's input, validates it with the
 * contract's own schema, and reports each problem under the form field's name, so
 * `useRecordForm` can put the message next to the input.
 */
import { z } from 'zod';
import { ApiError } from '../api';
import type { FormValues } from '../components/use-record-form';
import { localDay } from '../components/local-time';

export type FormIssue = { path: PropertyKey[]; message: string };

export function formSchema<T>(
  toInput: (values: FormValues) => unknown,
  schema: z.ZodType<T>,
  precheck: (values: FormValues) => FormIssue[] = () => [],
) {
  return z.record(z.string(), z.string()).transform((values, ctx): T => {
    const issues = precheck(values);
    const parsed = schema.safeParse(toInput(values));
    if (!parsed.success) for (const i of parsed.error.issues) issues.push({ path: i.path, message: i.message });
    if (issues.length > 0 || !parsed.success) {
      for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
      return z.NEVER;
    }
    return parsed.data;
  });
}

/** A service refusal for `{ id, terms }`-shaped arguments names fields as `terms.x`: strip that. */
export function withoutPrefix(err: unknown, prefix: string): unknown {
  if (!(err instanceof ApiError) || err.fields.length === 0) return err;
  return new ApiError(
    err.code,
    err.message,
    err.fields.map((f) => ({ ...f, field: f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field })),
  );
}

export const checked = (v: string | undefined): boolean => v === 'true';
export const flag = (b: boolean): string => (b ? 'true' : 'false');

/** "2026-11-27" in the person's own time zone (not UTC), for "today" defaults. */
export { todayIso } from '../components/today';

/** A stored timestamp or date shown as its date: "2026-11-27T10:00:00Z" → "2026-11-27". */
/** The local day of a stored moment ("Dec 6, 2026"), as the practice's calendar has it. */
export const dateOnly = (s: string): string => localDay(s);
