/**
 * A drug in the practice's catalog, keyed by its 11-digit 5-4-2 NDC. Strength is the amount of
 * drug in ONE NDC unit (20 mg per ML); package size is how many NDC units one package holds
 * (a 10 ML vial). Those two numbers turn a dose into the N4 quantity and a package price into a
 * price for the dose, so they are exact decimal strings, never floats.
 *
 * The NDC as printed on the package (`ndcPrinted`, hyphenated 10 digits) is kept beside the
 * 11-digit code: the 11 digits alone cannot say which of 4-4-2, 5-3-2 or 5-4-1 the label shows,
 * and a payer's reviewer compares the attachment with the label. Policy:
 * - An NDC typed in its hyphenated 10-digit form is the printed form: it is kept (in canonical
 *   spelling, without an "NDC" prefix) without being asked for twice.
 * - An NDC typed as 11 digits (or as hyphenated 5-4-2) says nothing about the label: `ndcPrinted`
 *   is then what was given separately, '' when nothing was. When given it must be a 10-digit form
 *   (NDC_PRINTED_NOT_10_DIGIT) of the same NDC (NDC_PRINTED_MISMATCH).
 * - An update that keeps the NDC and gives no printed form keeps the one on file
 *   (drug-repository.ts): retyping the 11 digits does not forget the label.
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText, positiveDecimal, requiredText, rowVersionSchema } from './field-rules';
import { Dec } from './money';
import { ndc10Candidates, parseNdc } from './ndc';

import { DOSE_UNITS, NDC_UNITS, type NdcUnit } from './units';
import { CONTAINERS } from './waste';

export { CONTAINERS, NDC_UNITS, type NdcUnit };
/** A strength is written in the same units as a dose. */
export const STRENGTH_UNITS = DOSE_UNITS;

export const NDC_UNIT_LABELS: Record<NdcUnit, string> = {
  UN: 'UN — unit (each)',
  ML: 'ML — milliliter',
  GR: 'GR — gram',
  F2: 'F2 — international unit',
  ME: 'ME — milligram',
};

/** Routes as billers write them in the NOC narrative. */
export const ROUTES = [
  'IV',
  'IM',
  'SC',
  'ID',
  'IT',
  'IO',
  'INTRAVITREAL',
  'INTRA-ARTICULAR',
  'INTRALESIONAL',
  'OTHER',
] as const;
export type Route = (typeof ROUTES)[number];

export const ndcField = z
  .string({ error: 'NDC is required.' })
  .trim()
  .transform((s, ctx) => {
    if (s === '') {
      addCodedIssue(ctx, 'REQUIRED', 'NDC is required.');
      return z.NEVER;
    }
    const r = parseNdc(s);
    if (!r.ok) {
      addCodedIssue(ctx, r.error.code, r.error.message);
      return z.NEVER;
    }
    return r.ndc11;
  });

/** The hyphenated 10-digit form `input` names, canonical; null when it is not one. */
export function printedNdcOf(input: string): string | null {
  const r = parseNdc(input);
  if (!r.ok || r.format === '5-4-2') return null;
  return ndc10Candidates(r.ndc11).find((c) => c.format === r.format)?.ndc10 ?? null;
}

/** '' or the NDC as printed on the package, in its hyphenated 10-digit form. */
export const ndcPrintedField = z
  .string()
  .trim()
  .default('')
  .transform((s, ctx) => {
    if (s === '') return '';
    const r = parseNdc(s);
    if (!r.ok) {
      addCodedIssue(ctx, r.error.code, `NDC as printed: ${r.error.message}`);
      return z.NEVER;
    }
    const printed = printedNdcOf(s);
    if (printed === null) {
      addCodedIssue(
        ctx,
        'NDC_PRINTED_NOT_10_DIGIT',
        'The NDC as printed on the package has 10 digits in 4-4-2, 5-3-2 or 5-4-1 form, e.g. 0002-7597-01.',
      );
      return z.NEVER;
    }
    return printed;
  });

const drugObjectSchema = z
  .object({
    ndc: ndcField,
    /** '' when not known; filled from `ndc` when that is typed as printed (see the policy above). */
    ndcPrinted: ndcPrintedField,
    genericName: requiredText('Generic name'),
    brandName: optionalText('Brand name'),
    strengthAmount: positiveDecimal('Strength'),
    strengthUnit: z.enum(STRENGTH_UNITS, { error: 'Choose the strength unit.' }),
    packageSize: positiveDecimal('Package size'),
    ndcUnit: z.enum(NDC_UNITS, { error: 'Choose the NDC unit (UN, ML, GR, F2 or ME).' }),
    container: z.enum(CONTAINERS, { error: 'Choose single-dose or multi-dose.' }),
    route: z.enum(ROUTES, { error: 'Choose a route.' }),
  })
  .superRefine(
    (d, ctx) => {
      const printed = d.ndcPrinted === '' ? null : parseNdc(d.ndcPrinted);
      if (printed?.ok && printed.ndc11 !== d.ndc) {
        ctx.addIssue({
          code: 'custom',
          path: ['ndcPrinted'],
          message: `The NDC as printed, ${d.ndcPrinted}, is ${printed.ndc11} in 11 digits, not this drug's ${d.ndc}: correct one of them.`,
          params: { code: 'NDC_PRINTED_MISMATCH' },
        });
      }
    },
    {
      when: (p) =>
        typeof p.value === 'object' &&
        p.value !== null &&
        !p.issues.some((i) => (i.path?.length ?? 0) === 0 || i.path?.[0] === 'ndc' || i.path?.[0] === 'ndcPrinted'),
    },
  );

/**
 * The NDC typed as printed becomes `ndcPrinted` when that was not given: the raw text is needed,
 * since `ndc` is read as its 11 digits. Anything else passes through for the schema to judge.
 */
function withTypedPrintedNdc<T>(raw: T): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  if (typeof r.ndc !== 'string' || (r.ndcPrinted !== undefined && r.ndcPrinted !== '')) return raw;
  const printed = printedNdcOf(r.ndc);
  return printed === null ? raw : ({ ...r, ndcPrinted: printed } as T);
}

type DrugObjectInput = z.input<typeof drugObjectSchema>;

export const drugInputSchema = z.preprocess((raw: DrugObjectInput) => withTypedPrintedNdc(raw), drugObjectSchema);
export const drugUpdateSchema = z.preprocess(
  (raw: DrugObjectInput & { id: number; version: number }) => withTypedPrintedNdc(raw),
  drugObjectSchema.extend({ id: idSchema, version: rowVersionSchema }),
);
/** A correction (drugs:correct) also says how many open administrations the person was told it recomputes. */
export const drugCorrectionSchema = z.preprocess(
  (raw: DrugObjectInput & { id: number; openAdministrations: number }) => withTypedPrintedNdc(raw),
  drugObjectSchema.extend({ id: idSchema, openAdministrations: z.number().int().min(0) }),
);

export type DrugInput = z.input<typeof drugInputSchema>;
/** What the repository writes; `ndcPrinted` may be left out by bulk inserts (imports, fixtures). */
export type DrugFields = Omit<z.output<typeof drugObjectSchema>, 'ndcPrinted'> & { ndcPrinted?: string };

export const drugSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  ndc11: z.string(),
  /** The NDC as printed on the package (hyphenated 10 digits); '' when not known. */
  ndcPrinted: z.string(),
  genericName: z.string(),
  brandName: z.string(),
  strengthAmount: z.string(),
  strengthUnit: z.enum(STRENGTH_UNITS),
  packageSize: z.string(),
  ndcUnit: z.enum(NDC_UNITS),
  container: z.enum(CONTAINERS),
  route: z.enum(ROUTES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Drug = z.output<typeof drugSchema>;

/**
 * The facts that turn a dose into an NDC quantity and a purchase into stock. Administrations and
 * invoice lines were billed and counted with them, so on a drug they use these cannot change in
 * place (DRUG_IN_USE): a different product is a new catalog entry, a mistake is corrected with
 * `drugs:correct`, which recomputes the open administrations and refuses when any is billed.
 */
export const BILLING_FACTS = [
  { label: 'NDC', same: (d: Drug, f: DrugFields) => d.ndc11 === f.ndc },
  { label: 'NDC unit', same: (d: Drug, f: DrugFields) => d.ndcUnit === f.ndcUnit },
  {
    label: 'strength',
    same: (d: Drug, f: DrugFields) =>
      d.strengthUnit === f.strengthUnit && new Dec(d.strengthAmount).equals(f.strengthAmount),
  },
  { label: 'package size', same: (d: Drug, f: DrugFields) => new Dec(d.packageSize).equals(f.packageSize) },
  { label: 'container', same: (d: Drug, f: DrugFields) => d.container === f.container },
] as const;

/** Labels of the billing facts `fields` would change on `drug` ("strength", "package size"). */
export const changedBillingFacts = (drug: Drug, fields: DrugFields): string[] =>
  BILLING_FACTS.filter((fact) => !fact.same(drug, fields)).map((fact) => fact.label);

/** What refers to a drug: how many invoice lines (lots), administrations (open and billed) and prices. */
export const drugUsageSchema = z.object({
  invoiceLines: z.number().int(),
  openAdministrations: z.number().int(),
  billedAdministrations: z.number().int(),
  prices: z.number().int(),
});
export type DrugUsage = z.output<typeof drugUsageSchema>;

export const DRUG_SORT_KEYS = ['genericName', 'brandName', 'ndc11', 'updatedAt'] as const;
export const drugListQuerySchema = z.object({
  search: z.string().trim().max(100).default(''),
  sortBy: z.enum(DRUG_SORT_KEYS).default('genericName'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type DrugListQuery = z.input<typeof drugListQuerySchema>;
