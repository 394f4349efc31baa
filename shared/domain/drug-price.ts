/**
 * Drug prices: AWP and WAC per package for an NDC, each in force from its date until the next
 * price of the same kind; and CMS payment limits per HCPCS dosage for a calendar quarter (they
 * already include ASP + 6%; never multiply by 1.06 again).
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, rowVersionSchema } from './field-rules';
import { isoDateField } from './contract-terms';
import { parseAmount } from './money';
import { ndcField } from './drug-catalog';
import { DOSE_UNITS } from './units';

export const PRICE_TYPES = ['AWP', 'WAC'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

export const priceAmountField = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseAmount(s, { maxDecimals: 6, allowZero: false, label });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

export const drugPriceInputSchema = z.object({
  ndc: ndcField,
  priceType: z.enum(PRICE_TYPES, { error: 'Choose AWP or WAC.' }),
  pricePerPackage: priceAmountField('Price per package'),
  effectiveFrom: isoDateField('Effective from'),
});
export type DrugPriceInput = z.input<typeof drugPriceInputSchema>;
export type DrugPriceFields = z.output<typeof drugPriceInputSchema>;

export const drugPriceSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  ndc11: z.string(),
  priceType: z.enum(PRICE_TYPES),
  pricePerPackage: z.string(),
  effectiveFrom: z.string(),
  /** The day before the next price of the same kind; null while it is the latest. */
  effectiveTo: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
});
export type DrugPrice = z.output<typeof drugPriceSchema>;

export const PAYMENT_LIMIT_SOURCES = ['asp', 'noc', 'manual'] as const;

export const paymentLimitSchema = z.object({
  id: idSchema,
  source: z.enum(PAYMENT_LIMIT_SOURCES),
  hcpcs: z.string(),
  drugName: z.string(),
  description: z.string(),
  dosageText: z.string(),
  dosageAmount: z.string().nullable(),
  dosageUnit: z.enum(DOSE_UNITS).nullable(),
  paymentLimit: z.string(),
  quarter: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  notes: z.string(),
});
export type PaymentLimit = z.output<typeof paymentLimitSchema>;

/** "2025Q1" → the quarter's first and last day. */
export function quarterSpan(quarter: string): { effectiveFrom: string; effectiveTo: string } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) return null;
  const year = m[1] ?? '';
  const q = Number(m[2]);
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const starts = ['01-01', '04-01', '07-01', '10-01'];
  return { effectiveFrom: `${year}-${starts[q - 1]}`, effectiveTo: `${year}-${ends[q - 1]}` };
}

/** The quarter a date falls in: "2025-05-10" → "2025Q2". */
export const quarterOf = (isoDate: string): string =>
  `${isoDate.slice(0, 4)}Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * CMS writes a HCPCS dosage as text ("10 MG", "0.5 MG", "1 ML", "100 UNITS", "1 MCG"). The
 * amount and unit are read when they are plain; anything else keeps only its text and cannot
 * price a dose until a person supplies the quantity.
 */
export function parseDosage(text: string): { amount: string; unit: (typeof DOSE_UNITS)[number] } | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(MG|MCG|G|GM|ML|CC|UNITS?|IU|U)\s*$/i.exec(text);
  if (!m) return null;
  const unitText = (m[2] ?? '').toUpperCase();
  const unit =
    unitText === 'MG'
      ? 'mg'
      : unitText === 'MCG'
        ? 'mcg'
        : unitText === 'G' || unitText === 'GM'
          ? 'g'
          : unitText === 'ML' || unitText === 'CC'
            ? 'mL'
            : 'units';
  return { amount: m[1] ?? '', unit };
}
