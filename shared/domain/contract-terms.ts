/**
 * A payer's contract terms as versions in time. A version applies to all drugs, one NDC or one
 * HCPCS code from `effectiveFrom` to `effectiveTo` (inclusive; open-ended when empty). Two
 * versions with the same scope may not overlap (CONTRACT_OVERLAP); on a date of service the most
 * specific scope in force wins: NDC, then HCPCS, then all drugs.
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText, rowVersionSchema } from './field-rules';
import { parseIsoDate } from './iso-date';
import { BASES } from './methodology';
import { parseAmount, rateFromPercent } from './money';
import { parseNdc } from './ndc';
import { SEQUESTRATION_POLICIES } from './sequestration';
import { DOSE_UNITS } from './units';

export const SCOPE_KINDS = ['all', 'ndc', 'hcpcs'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const isoDateField = (label: string) =>
  z
    .string({ error: `${label} is required (YYYY-MM-DD).` })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseIsoDate(s, label);
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

const amountField = (label: string, maxDecimals: number, allowZero = true) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseAmount(s, { maxDecimals, allowZero, label });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

const percentField = (label: string, max: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      const r = rateFromPercent(s, { max, label });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

export const contractInputSchema = z
  .object({
    payerId: idSchema,
    label: optionalText('Label', 120),
    scopeKind: z.enum(SCOPE_KINDS, { error: 'Choose what the terms apply to.' }),
    scopeValue: z.string().trim().default(''),
    effectiveFrom: isoDateField('Effective from'),
    effectiveTo: z.string().trim().default(''),
    basis: z.enum(BASES, { error: 'Choose the basis.' }),
    percent: percentField('Percent of the basis', '1000'),
    addOn: amountField('Add-on', 2).default('0'),
    feeScheduleRate: z.string().trim().default(''),
    feeSchedulePerAmount: z.string().trim().default(''),
    feeSchedulePerUnit: z.enum(DOSE_UNITS).default('mg'),
    lesserOfBilled: z.boolean(),
    coinsurancePercent: percentField('Coinsurance', '100'),
    sequestration: z.enum(SEQUESTRATION_POLICIES),
  })
  .transform((c, ctx) => {
    const issue = (path: string, code: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });
    let scopeValue = '';
    if (c.scopeKind === 'ndc') {
      const r = parseNdc(c.scopeValue);
      if (!r.ok) issue('scopeValue', r.error.code, r.error.message);
      else scopeValue = r.ndc11;
    } else if (c.scopeKind === 'hcpcs') {
      scopeValue = c.scopeValue.toUpperCase();
      if (!/^[A-Z]\d{4}$/.test(scopeValue))
        issue('scopeValue', 'HCPCS_INVALID', 'A HCPCS code is a letter and 4 digits, such as J3490.');
    }
    if (c.effectiveTo !== '') {
      const r = parseIsoDate(c.effectiveTo, 'Effective to');
      if (!r.ok) issue('effectiveTo', r.error.code, r.error.message);
      else if (c.effectiveTo < c.effectiveFrom)
        issue('effectiveTo', 'DATE_RANGE_INVALID', 'Effective to is before effective from.');
    }
    if (c.basis === 'FEE_SCHEDULE' && c.feeScheduleRate !== '') {
      const rate = parseAmount(c.feeScheduleRate, { maxDecimals: 6, label: 'Fee schedule rate' });
      if (!rate.ok) issue('feeScheduleRate', rate.error.code, rate.error.message);
      const per = parseAmount(c.feeSchedulePerAmount, { maxDecimals: 6, allowZero: false, label: 'Rate per' });
      if (!per.ok) issue('feeSchedulePerAmount', per.error.code, per.error.message);
    }
    return { ...c, scopeValue, effectiveTo: c.effectiveTo === '' ? null : c.effectiveTo };
  });
export type ContractInput = z.input<typeof contractInputSchema>;
export type ContractFields = z.output<typeof contractInputSchema>;

export const contractSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  payerId: idSchema,
  label: z.string(),
  scopeKind: z.enum(SCOPE_KINDS),
  scopeValue: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  basis: z.enum(BASES),
  percent: z.string(),
  addOn: z.string(),
  feeScheduleRate: z.string(),
  feeSchedulePerAmount: z.string(),
  feeSchedulePerUnit: z.enum(DOSE_UNITS),
  lesserOfBilled: z.boolean(),
  coinsurancePercent: z.string(),
  sequestration: z.enum(SEQUESTRATION_POLICIES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.output<typeof contractSchema>;

type Span = { effectiveFrom: string; effectiveTo: string | null };

/** Inclusive date ranges overlap; an open end runs forever. */
export const spansOverlap = (a: Span, b: Span): boolean =>
  (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo) &&
  (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo);

export const inForce = (s: Span, date: string): boolean =>
  s.effectiveFrom <= date && (s.effectiveTo === null || date <= s.effectiveTo);

const SPECIFICITY: Record<ScopeKind, number> = { ndc: 0, hcpcs: 1, all: 2 };

/** The version that applies to a drug on a date: most specific scope first. */
export function pickContract<T extends Span & { scopeKind: ScopeKind; scopeValue: string }>(
  versions: readonly T[],
  target: { ndc11: string; hcpcs: string; date: string },
): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (!inForce(v, target.date)) continue;
    if (v.scopeKind === 'ndc' && v.scopeValue !== target.ndc11) continue;
    if (v.scopeKind === 'hcpcs' && v.scopeValue !== target.hcpcs) continue;
    if (!best || SPECIFICITY[v.scopeKind] < SPECIFICITY[best.scopeKind]) best = v;
  }
  return best;
}
