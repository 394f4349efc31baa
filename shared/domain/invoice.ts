/**
 * Acquisition invoices: a supplier's invoice number (unique per supplier), dates, and lines, each
 * a lot of one NDC with its lot number, expiry, packages bought, cost per package, extended cost
 * and any discount or credit. The lines must reconcile with the invoice total; when they don't,
 * the invoice is still kept (it is what the supplier sent) and the difference is shown.
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText, requiredText, rowVersionSchema } from './field-rules';
import { isoDateField } from './contract-terms';
import { parseIsoDate } from './iso-date';
import { ndcField } from './drug-catalog';
import { Dec, moneyString, parseAmount, roundCents, ZERO } from './money';
import type { Warning } from './result';

const amount = (label: string, options: { maxDecimals: number; allowZero?: boolean; allowNegative?: boolean }) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseAmount(s, { ...options, label });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });
const optionalMoney = (label: string, allowNegative = false) =>
  z
    .string()
    .trim()
    .default('')
    .superRefine((s, ctx) => {
      if (s === '') return;
      const r = parseAmount(s, { maxDecimals: 2, allowNegative, label });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

export const supplierInputSchema = z.object({
  name: requiredText('Supplier name', 120),
  accountNumber: optionalText('Account number', 60),
  notes: optionalText('Notes', 2000),
});
export type SupplierInput = z.input<typeof supplierInputSchema>;
export const supplierSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  name: z.string(),
  accountNumber: z.string(),
  notes: z.string(),
  invoiceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Supplier = z.output<typeof supplierSchema>;

export const invoiceLineInputSchema = z.object({
  /** The stored line this row corrects, when changing an invoice; absent for a new line. */
  id: idSchema.optional(),
  ndc: ndcField,
  lotNumber: requiredText('Lot number', 40),
  expiryDate: isoDateField('Expiry date'),
  packageQuantity: amount('Packages', { maxDecimals: 3, allowZero: false }),
  costPerPackage: amount('Cost per package', { maxDecimals: 4 }),
  /** As printed; when empty it is packages × cost per package, rounded to cents. */
  extendedCost: optionalMoney('Extended cost'),
  discount: optionalMoney('Discount or credit'),
});
export type InvoiceLineInput = z.input<typeof invoiceLineInputSchema>;

export const invoiceInputSchema = z.object({
  supplierId: idSchema,
  invoiceNumber: requiredText('Invoice number', 60),
  invoiceDate: isoDateField('Invoice date'),
  receivedDate: z
    .string()
    .trim()
    .default('')
    .superRefine((s, ctx) => {
      if (s === '') return;
      const r = parseIsoDate(s, 'Received date');
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    }),
  total: optionalMoney('Invoice total'),
  adjustment: optionalMoney('Freight, fees or credits', true),
  notes: optionalText('Notes', 2000),
  lines: z.array(invoiceLineInputSchema).min(1, { error: 'An invoice has at least one line.' }).max(500),
});
export type InvoiceInput = z.input<typeof invoiceInputSchema>;
export type InvoiceFields = z.output<typeof invoiceInputSchema>;

export const invoiceLineSchema = z.object({
  id: idSchema,
  lineNumber: z.number().int(),
  ndc11: z.string(),
  drugName: z.string(),
  ndcUnit: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string(),
  packageQuantity: z.string(),
  costPerPackage: z.string(),
  extendedCost: z.string(),
  discount: z.string(),
  /** (extended − discount) ÷ packages: the acquisition cost per package a claim documents. */
  netCostPerPackage: z.string(),
  units: z.string(),
  onHand: z.string(),
  /** Something took stock out of this lot (administrations, adjustments): it keeps its NDC and stays. */
  inUse: z.boolean(),
});
export type InvoiceLine = z.output<typeof invoiceLineSchema>;

export const reconciliationSchema = z.object({
  linesNet: z.string(),
  adjustment: z.string(),
  computedTotal: z.string(),
  statedTotal: z.string().nullable(),
  difference: z.string().nullable(),
  matches: z.boolean().nullable(),
});
export type Reconciliation = z.output<typeof reconciliationSchema>;

export const invoiceSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  supplierId: idSchema,
  supplierName: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  receivedDate: z.string(),
  total: z.string().nullable(),
  adjustment: z.string(),
  notes: z.string(),
  scan: z.object({ sha256: z.string(), fileName: z.string(), mediaType: z.string() }).nullable(),
  lines: z.array(invoiceLineSchema),
  reconciliation: reconciliationSchema,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  inUse: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Invoice = z.output<typeof invoiceSchema>;

export const invoiceSummarySchema = z.object({
  id: idSchema,
  supplierName: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  lineCount: z.number().int(),
  linesNet: z.string(),
  total: z.string().nullable(),
  hasScan: z.boolean(),
  matches: z.boolean().nullable(),
});
export type InvoiceSummary = z.output<typeof invoiceSummarySchema>;

/** Extended cost of a line: as printed, else packages × cost rounded half-up to cents. */
export const extendedCostOf = (line: {
  packageQuantity: string;
  costPerPackage: string;
  extendedCost: string;
}): string =>
  line.extendedCost !== ''
    ? moneyString(new Dec(line.extendedCost))
    : moneyString(roundCents(new Dec(line.packageQuantity).times(line.costPerPackage)));

/**
 * The checks a person should see: a line whose extended cost is not packages × cost, a lot that
 * had already expired on the invoice date (it can never be given), and totals.
 */
export function reconcile(input: {
  lines: readonly {
    lineNumber: number;
    packageQuantity: string;
    costPerPackage: string;
    extendedCost: string;
    discount: string;
    lotNumber?: string;
    expiryDate?: string;
  }[];
  adjustment: string;
  total: string | null;
  /** YYYY-MM-DD; without it the expiry check is left out. */
  invoiceDate?: string;
}): { reconciliation: Reconciliation; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let net = ZERO;
  for (const l of input.lines) {
    if (input.invoiceDate && l.expiryDate && l.expiryDate < input.invoiceDate) {
      warnings.push({
        code: 'LOT_EXPIRED_ON_INVOICE_DATE',
        message: `Line ${l.lineNumber}: ${l.lotNumber ? `lot ${l.lotNumber}` : 'the lot'} expired on ${l.expiryDate}, before the invoice date ${input.invoiceDate}, so it can never be given; check the expiry date, or record it as returned.`,
      });
    }
    const extended = new Dec(l.extendedCost);
    const expected = roundCents(new Dec(l.packageQuantity).times(l.costPerPackage));
    if (!extended.equals(expected)) {
      warnings.push({
        code: 'LINE_EXTENDED_MISMATCH',
        message: `Line ${l.lineNumber}: ${l.packageQuantity} × ${l.costPerPackage} is ${moneyString(expected)}, but the extended cost is ${moneyString(extended)}.`,
      });
    }
    net = net.plus(extended).minus(l.discount || '0');
  }
  const adjustment = new Dec(input.adjustment || '0');
  const computed = net.plus(adjustment);
  let difference: string | null = null;
  let matches: boolean | null = null;
  if (input.total !== null) {
    const diff = new Dec(input.total).minus(computed);
    difference = moneyString(diff);
    matches = diff.isZero();
    if (!matches) {
      warnings.push({
        code: 'INVOICE_TOTAL_MISMATCH',
        message: `The lines come to ${moneyString(computed)} with adjustments, but the invoice total is ${moneyString(new Dec(input.total))}: ${moneyString(diff.abs())} ${diff.isPositive() ? 'missing from' : 'more than'} the lines.`,
      });
    }
  }
  return {
    reconciliation: {
      linesNet: moneyString(net),
      adjustment: moneyString(adjustment),
      computedTotal: moneyString(computed),
      statedTotal: input.total === null ? null : moneyString(new Dec(input.total)),
      difference,
      matches,
    },
    warnings,
  };
}

/** Net cost per package: (extended − discount) ÷ packages, exact (no rounding: it is a rate). */
export const netCostPerPackage = (extendedCost: string, discount: string, packageQuantity: string): string =>
  new Dec(extendedCost)
    .minus(discount || '0')
    .dividedBy(packageQuantity)
    .toDecimalPlaces(6)
    .toFixed();
