/**
 * A drug in the practice's catalog, keyed by its 11-digit 5-4-2 NDC. Strength is the amount of
 * drug in ONE NDC unit (20 mg per ML); package size is how many NDC units one package holds
 * (a 10 ML vial). Those two numbers turn a dose into the N4 quantity and a package price into a
 * price for the dose, so they are exact decimal strings, never floats.
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText, positiveDecimal, requiredText } from './field-rules';
import { Dec } from './money';
import { parseNdc } from './ndc';

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

export const drugInputSchema = z.object({
  ndc: ndcField,
  genericName: requiredText('Generic name'),
  brandName: optionalText('Brand name'),
  strengthAmount: positiveDecimal('Strength'),
  strengthUnit: z.enum(STRENGTH_UNITS, { error: 'Choose the strength unit.' }),
  packageSize: positiveDecimal('Package size'),
  ndcUnit: z.enum(NDC_UNITS, { error: 'Choose the NDC unit (UN, ML, GR, F2 or ME).' }),
  container: z.enum(CONTAINERS, { error: 'Choose single-dose or multi-dose.' }),
  route: z.enum(ROUTES, { error: 'Choose a route.' }),
});

export type DrugInput = z.input<typeof drugInputSchema>;
export type DrugFields = z.output<typeof drugInputSchema>;

export const drugSchema = z.object({
  id: idSchema,
  ndc11: z.string(),
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
