/**
 * The contract's channels for the Suppliers page (issue 14): how much each supplier is used, and
 * merging a duplicate into the supplier that is kept. Adding, listing and changing a supplier are
 * the older `suppliers:*` channels in contract.ts. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { idSchema } from '../domain/field-rules';
import { supplierSchema } from '../domain/invoice';

/** What the Suppliers list shows beside each supplier's own fields. */
export const supplierUsageSchema = z.object({
  supplierId: idSchema,
  invoiceCount: z.number().int(),
  /** The newest invoice date (YYYY-MM-DD), null when the supplier has no invoice yet. */
  lastInvoiceDate: z.string().nullable(),
  /** The import wizard remembers which column of this supplier's files holds which field. */
  remembersColumns: z.boolean(),
});
export type SupplierUsage = z.output<typeof supplierUsageSchema>;

export const supplierMergeArgsSchema = z.object({
  /** The supplier that stays, and receives the other's invoices. */
  keepId: idSchema,
  /** The duplicate, removed once its invoices have moved. */
  mergeId: idSchema,
});

/**
 * What happens to the duplicate's remembered import columns: they move when the kept supplier
 * has none of its own; otherwise the kept supplier's own choices stay and the duplicate's go.
 */
export const COLUMN_CHOICE_OUTCOMES = ['move', 'keep-own', 'none'] as const;
export type ColumnChoiceOutcome = (typeof COLUMN_CHOICE_OUTCOMES)[number];

/** A merge as it would happen now, for the confirmation: nothing is written. */
export const supplierMergePlanSchema = z.object({
  keep: supplierSchema,
  merge: supplierSchema,
  invoicesMoving: z.number().int(),
  columnChoices: z.enum(COLUMN_CHOICE_OUTCOMES),
  /**
   * Invoice numbers both suppliers have: an invoice number is unique per supplier, so while any
   * is left the merge is refused (it is most likely one invoice entered under both names).
   */
  clashingInvoiceNumbers: z.array(z.string()),
});
export type SupplierMergePlan = z.output<typeof supplierMergePlanSchema>;

export const supplierMergeResultSchema = z.object({
  kept: supplierSchema,
  removedName: z.string(),
  invoicesMoved: z.number().int(),
  columnChoices: z.enum(COLUMN_CHOICE_OUTCOMES),
});
export type SupplierMergeResult = z.output<typeof supplierMergeResultSchema>;

export const supplierRecordChannels = {
  'suppliers:usage': {
    summary: 'For every supplier: its invoices, the date of the newest, and whether import columns are remembered.',
    args: z.object({}),
    result: z.array(supplierUsageSchema),
  },
  'suppliers:mergePlan': {
    summary: 'What merging one supplier into another would move, and what would stop it; writes nothing.',
    args: supplierMergeArgsSchema,
    result: supplierMergePlanSchema,
  },
  'suppliers:merge': {
    summary:
      'Merge a duplicate supplier into the one kept: its invoices and remembered import columns move, then it is removed. All or nothing.',
    args: supplierMergeArgsSchema,
    result: supplierMergeResultSchema,
  },
} as const satisfies Record<string, ChannelSpec>;
