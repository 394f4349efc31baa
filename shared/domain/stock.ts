/**
 * A lot's stock: what was bought (packages × package size, in NDC units) less what left it
 * (administrations given and wasted, adjustments). A lot past its expiry date cannot be used
 * (LOT_EXPIRED); more than is on hand cannot be drawn (LOT_INSUFFICIENT). When recording an
 * administration the oldest unexpired lot with stock is offered first (first expiry, first out).
 */
import { z } from 'zod';
import { idSchema } from './field-rules';
import { daysBetween } from './iso-date';

export const ADJUSTMENT_REASONS = ['expired', 'returned', 'damaged', 'correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export const LOT_STATUSES = ['ok', 'expiring', 'expired', 'empty'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

export const lotSchema = z.object({
  invoiceLineId: idSchema,
  invoiceId: idSchema,
  ndc11: z.string(),
  drugName: z.string(),
  ndcUnit: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string(),
  supplierName: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  /** The day the lot could first be given: its invoice's received date, else the invoice date. */
  receivedDate: z.string(),
  purchased: z.string(),
  used: z.string(),
  adjusted: z.string(),
  onHand: z.string(),
  status: z.enum(LOT_STATUSES),
  daysToExpiry: z.number().int(),
});
export type Lot = z.output<typeof lotSchema>;

// tests/unit/domain/stock.test.ts imports daysBetween from here.
export { daysBetween };

/** A lot is expired the day after its expiry date: the expiry day itself is still usable. */
export const isExpired = (expiryDate: string, today: string): boolean => expiryDate < today;

export function lotStatus(
  onHandMicro: number,
  expiryDate: string,
  today: string,
  expiringWithinDays: number,
): LotStatus {
  if (onHandMicro <= 0) return 'empty';
  if (isExpired(expiryDate, today)) return 'expired';
  return daysBetween(today, expiryDate) <= expiringWithinDays ? 'expiring' : 'ok';
}

/**
 * First expiry, first out: lots already received and not expired on the date of service, with
 * stock, soonest expiry first. A lot received after the date cannot have been given on it.
 */
export function suggestLots<
  T extends { expiryDate: string; receivedDate: string; onHandMicro: number; invoiceLineId: number },
>(lots: readonly T[], dateOfService: string): T[] {
  return lots
    .filter((l) => l.onHandMicro > 0 && l.expiryDate >= dateOfService && l.receivedDate <= dateOfService)
    .sort((a, b) =>
      a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : a.invoiceLineId - b.invoiceLineId,
    );
}
