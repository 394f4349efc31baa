/**
 * Vials bought but never billed (issue 12, item 6; domain.md §8, PODIS's "report of vials not
 * billed or billed inconsistently"). For one lot, what the practice paid for and no claim accounts
 * for, and where it went.
 *
 * - Billed means drawn by an administration whose claim went out (FROZEN_STATUSES: billed, paid,
 *   denied, appealed). A denied claim was still billed: its money is the variance report's business.
 * - Unbilled = received − drawn by billed administrations, split into what the records say
 *   happened to it: administered but not billed yet (draft or ready), still on the shelf past its
 *   expiry, still on the shelf and usable, written off as returned, damaged, expired, or by a count
 *   correction (a correction that put stock back is negative), and unexplained: what is left once
 *   all of those are taken away, when that is more than nothing.
 * - The cost of what was not billed is the lot's net cost (extended − discount) × unbilled ÷
 *   received, rounded half-up to the cent once. Returned stock came back as a credit and stock still
 *   usable can still be billed, so neither is part of that cost; returned stock is listed all the
 *   same, so the credit can be checked against the supplier's statement.
 * - Quantities are integer micro-units (see stock-quantity.ts): adding and subtracting them is
 *   exact in JavaScript numbers; money goes through decimal.js only.
 */
import { z } from 'zod';
import { FROZEN_STATUSES } from './administration';
import { idSchema } from './field-rules';
import { asCents, decimalFromCents, roundToCents, type Cents } from './money';
import { unitsFromMicro } from './stock-quantity';
import { isExpired, type AdjustmentReason } from './stock';

/** The statuses whose administrations count as billed: the claim went out. */
export const BILLED_STATUSES = FROZEN_STATUSES;

/** What the database knows about one lot, every quantity in micro-units of the drug's NDC unit. */
export type LotDraws = {
  receivedMicro: number;
  /** extended − discount, in cents. */
  netCostCents: number;
  /** Given + wasted by administrations whose claim went out. */
  billedMicro: number;
  /** Given + wasted by administrations still draft or ready. */
  notBilledMicro: number;
  /** Stock adjustments summed per reason (positive took stock out). */
  writtenOffMicro: Readonly<Record<AdjustmentReason, number>>;
  onHandMicro: number;
  expiryDate: string;
  /** The day the report is for: a lot whose expiry date is before it has expired. */
  today: string;
};

/** Where the unbilled part of a lot went; the parts add up to `unbilledMicro` unless the lot is overdrawn. */
export type StockLoss = {
  unbilledMicro: number;
  administeredNotBilledMicro: number;
  expiredOnShelfMicro: number;
  /** On hand and not expired: it can still be given and billed, so it is no loss. */
  onShelfMicro: number;
  returnedMicro: number;
  damagedMicro: number;
  expiredWrittenOffMicro: number;
  /** Count corrections, net: negative when a count put stock back. */
  correctedMicro: number;
  unexplainedMicro: number;
  /** Unbilled less what was returned and what is still usable: what the lost cost is worked on. */
  lostMicro: number;
  netCostCents: Cents;
  /** net cost × lost ÷ received, half-up to the cent. */
  unbilledCostCents: Cents;
};

// never-billed.ts imports isExpired from here.
export { isExpired };

export function stockLoss(lot: LotDraws): StockLoss {
  const unbilledMicro = lot.receivedMicro - lot.billedMicro;
  const onHand = Math.max(lot.onHandMicro, 0);
  const expired = isExpired(lot.expiryDate, lot.today);
  const expiredOnShelfMicro = expired ? onHand : 0;
  const onShelfMicro = expired ? 0 : onHand;
  const w = lot.writtenOffMicro;
  const recorded =
    lot.notBilledMicro + expiredOnShelfMicro + onShelfMicro + w.returned + w.damaged + w.expired + w.correction;
  const lostMicro = Math.max(unbilledMicro - w.returned - onShelfMicro, 0);
  const netCostCents = asCents(lot.netCostCents);
  return {
    unbilledMicro,
    administeredNotBilledMicro: lot.notBilledMicro,
    expiredOnShelfMicro,
    onShelfMicro,
    returnedMicro: w.returned,
    damagedMicro: w.damaged,
    expiredWrittenOffMicro: w.expired,
    correctedMicro: w.correction,
    unexplainedMicro: Math.max(unbilledMicro - recorded, 0),
    lostMicro,
    netCostCents,
    unbilledCostCents: costOfShare(netCostCents, lostMicro, lot.receivedMicro),
  };
}

/** cost × part ÷ whole, half-up to the cent; nothing when the lot received nothing. */
export function costOfShare(costCents: Cents, partMicro: number, wholeMicro: number): Cents {
  if (wholeMicro <= 0 || partMicro === 0) return asCents(0);
  return roundToCents(decimalFromCents(costCents).times(partMicro).dividedBy(wholeMicro));
}

/** "3 UN", "2.5 ML": a stock quantity as the stock list writes it, in the drug's NDC unit. */
export const ndcQuantityText = (micro: number, ndcUnit: string): string => `${unitsFromMicro(micro)} ${ndcUnit}`;

const quantity = z.string();
const micro = z.number().int();

/**
 * One lot of the never-billed worklist. Each quantity twice: as a person reads it in the drug's
 * NDC unit ("3 UN") and in micro-units for sums and exports; money as decimal strings ("277.50").
 */
export const neverBilledLotSchema = z.object({
  invoiceLineId: idSchema,
  invoiceId: idSchema,
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  supplierName: z.string(),
  ndc11: z.string(),
  genericName: z.string(),
  brandName: z.string(),
  ndcUnit: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string(),
  expired: z.boolean(),
  received: quantity,
  billed: quantity,
  unbilled: quantity,
  administeredNotBilled: quantity,
  expiredOnShelf: quantity,
  returned: quantity,
  damaged: quantity,
  expiredWrittenOff: quantity,
  corrected: quantity,
  unexplained: quantity,
  onHand: quantity,
  receivedMicro: micro,
  billedMicro: micro,
  unbilledMicro: micro,
  administeredNotBilledMicro: micro,
  expiredOnShelfMicro: micro,
  returnedMicro: micro,
  damagedMicro: micro,
  expiredWrittenOffMicro: micro,
  correctedMicro: micro,
  unexplainedMicro: micro,
  onHandMicro: micro,
  /** What the lot cost: extended − discount. */
  netCost: z.string(),
  /** What the stock no claim accounts for cost, less returned stock (credited). */
  unbilledCost: z.string(),
});
export type NeverBilledLot = z.output<typeof neverBilledLotSchema>;
