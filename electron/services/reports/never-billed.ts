/**
 * The never-billed worklist (issue 12, item 6): lots used up or expired with stock that no billed
 * administration accounts for, each with where that stock went and what it cost. The repository
 * finds and sums the lots; shared/domain/stock-loss.ts splits and prices each one; this module
 * writes the figures as the app shows them (quantities in the drug's NDC unit, money as "277.50").
 */
import { centsText } from '../../../shared/domain/cents-text';
import { isExpired, ndcQuantityText, stockLoss, type NeverBilledLot } from '../../../shared/domain/stock-loss';
import type { Db } from '../db/open';
import { stockLossRepository, type StockLossFilter, type StockLossRow } from '../repositories/stock-loss-repository';

export type NeverBilledQuery = {
  from?: string;
  to?: string;
  search?: string;
  today: string;
  limit: number;
  offset: number;
};
export type NeverBilledFilter = Omit<NeverBilledQuery, 'limit' | 'offset'>;

/** "277.50": money as the wire writes it. */

function neverBilledLot(row: StockLossRow, today: string): NeverBilledLot {
  const loss = stockLoss({
    receivedMicro: row.receivedMicro,
    netCostCents: row.netCostCents,
    billedMicro: row.billedMicro,
    notBilledMicro: row.notBilledMicro,
    writtenOffMicro: {
      expired: row.expiredMicro,
      returned: row.returnedMicro,
      damaged: row.damagedMicro,
      correction: row.correctionMicro,
    },
    onHandMicro: row.onHandMicro,
    expiryDate: row.expiryDate,
    today,
  });
  const micro = {
    receivedMicro: row.receivedMicro,
    billedMicro: row.billedMicro,
    unbilledMicro: loss.unbilledMicro,
    administeredNotBilledMicro: loss.administeredNotBilledMicro,
    expiredOnShelfMicro: loss.expiredOnShelfMicro,
    returnedMicro: loss.returnedMicro,
    damagedMicro: loss.damagedMicro,
    expiredWrittenOffMicro: loss.expiredWrittenOffMicro,
    correctedMicro: loss.correctedMicro,
    unexplainedMicro: loss.unexplainedMicro,
    onHandMicro: row.onHandMicro,
  };
  const text = (m: number): string => ndcQuantityText(m, row.ndcUnit);
  return {
    invoiceLineId: row.invoiceLineId,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    invoiceDate: row.invoiceDate,
    supplierName: row.supplierName,
    ndc11: row.ndc11,
    genericName: row.genericName,
    brandName: row.brandName,
    ndcUnit: row.ndcUnit,
    lotNumber: row.lotNumber,
    expiryDate: row.expiryDate,
    expired: isExpired(row.expiryDate, today),
    received: text(micro.receivedMicro),
    billed: text(micro.billedMicro),
    unbilled: text(micro.unbilledMicro),
    administeredNotBilled: text(micro.administeredNotBilledMicro),
    expiredOnShelf: text(micro.expiredOnShelfMicro),
    returned: text(micro.returnedMicro),
    damaged: text(micro.damagedMicro),
    expiredWrittenOff: text(micro.expiredWrittenOffMicro),
    corrected: text(micro.correctedMicro),
    unexplained: text(micro.unexplainedMicro),
    onHand: text(micro.onHandMicro),
    ...micro,
    netCost: centsText(loss.netCostCents),
    unbilledCost: centsText(loss.unbilledCostCents),
  };
}

export function neverBilledStock(db: Db) {
  const repo = stockLossRepository(db);
  const filterOf = (q: NeverBilledFilter): StockLossFilter => ({
    from: q.from,
    to: q.to,
    search: q.search,
    today: q.today,
  });
  return {
    /** A page of the worklist, latest expiry first, with how many lots it holds in all. */
    list(q: NeverBilledQuery): { rows: NeverBilledLot[]; total: number } {
      const { rows, total } = repo.list({ ...filterOf(q), limit: q.limit, offset: q.offset });
      return { rows: rows.map((r) => neverBilledLot(r, q.today)), total };
    },
    /** Every lot of the worklist, one at a time, for exports. */
    *each(q: NeverBilledFilter): Generator<NeverBilledLot> {
      for (const row of repo.each(filterOf(q))) yield neverBilledLot(row, q.today);
    },
  };
}
export type NeverBilledStock = ReturnType<typeof neverBilledStock>;
