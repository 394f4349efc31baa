/**
 * Stock by lot. A lot is an invoice line; what it holds is never stored but always summed from
 * what moved: purchased (the line's units) less used (administrations, given and wasted) less
 * adjusted (stock_adjustments: positive takes stock out, negative puts it back after a count).
 * Every figure is an integer number of micro-units summed by SQLite, so it is exact; it becomes
 * a decimal string ("7.25") only on the way out.
 *
 * Every query reads the per-lot sums from one grouped subquery (MOVEMENTS), joined once, so a list
 * of thousands of lots is one statement, and administrations will be added there alone.
 */
import { lotSearchSql } from './lot-search';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { addDays, daysBetween } from '../../../shared/domain/iso-date';
import { lotStatus, suggestLots, type AdjustmentReason, type Lot, type LotStatus } from '../../../shared/domain/stock';
import { microFromUnits, packagesToMicro, unitsFromMicro } from '../../../shared/domain/stock-quantity';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { lotMovementsSql, ON_HAND_MICRO_SQL } from './lot-movements';

/** The window within which a lot counts as expiring when the caller does not say. */
export const DEFAULT_EXPIRING_DAYS = 60;

/** One lot with its stock figures still in micro-units, before they are written as decimals. */
export type LotStock = Omit<Lot, 'purchased' | 'used' | 'adjusted' | 'onHand' | 'status' | 'daysToExpiry'> & {
  purchasedMicro: number;
  usedMicro: number;
  adjustedMicro: number;
  onHandMicro: number;
};

export type StockListQuery = {
  search: string;
  status: 'all' | LotStatus;
  expiringWithinDays: number;
  includeEmpty: boolean;
  today: string;
  limit: number;
  offset: number;
};

export type AdjustmentInput = { invoiceLineId: number; quantity: string; reason: AdjustmentReason; note: string };

// The stock list never shows use counts: leave them out of its per-lot sums.
const movements = (filter: string): string => lotMovementsSql(filter, false);
const ON_HAND = ON_HAND_MICRO_SQL;

const LOT_JOINS = `FROM invoice_lines l
  JOIN invoices i ON i.id = l.invoice_id
  JOIN suppliers s ON s.id = i.supplier_id
  JOIN drugs d ON d.ndc11 = l.ndc11`;

const lotFrom = (filter: string): string => `${LOT_JOINS}
  LEFT JOIN (${movements(filter)}) m ON m.invoice_line_id = l.id`;

const LOT_COLUMNS = `l.id AS invoiceLineId, l.invoice_id AS invoiceId, l.ndc11, d.generic_name AS drugName,
  d.ndc_unit AS ndcUnit, l.lot_number AS lotNumber, l.expiry_date AS expiryDate, s.name AS supplierName,
  i.invoice_number AS invoiceNumber, i.invoice_date AS invoiceDate,
  coalesce(nullif(i.received_date, ''), i.invoice_date) AS receivedDate, l.units_micro AS purchasedMicro,
  coalesce(m.used_micro, 0) AS usedMicro, coalesce(m.adjusted_micro, 0) AS adjustedMicro, ${ON_HAND} AS onHandMicro`;

// The same rules as lotStatus, written in SQL so the filter pages and counts in the database.
// @horizon is today + the expiring window: a lot expiring on that very day is still 'expiring'.
const STATUS_WHERE: Record<LotStatus, string> = {
  empty: `${ON_HAND} <= 0`,
  expired: `${ON_HAND} > 0 AND l.expiry_date < @today`,
  expiring: `${ON_HAND} > 0 AND l.expiry_date >= @today AND l.expiry_date <= @horizon`,
  ok: `${ON_HAND} > 0 AND l.expiry_date > @horizon`,
};

export function toLot(row: LotStock, today: string, expiringWithinDays = DEFAULT_EXPIRING_DAYS): Lot {
  const { purchasedMicro, usedMicro, adjustedMicro, onHandMicro, ...rest } = row;
  return {
    ...rest,
    purchased: unitsFromMicro(purchasedMicro),
    used: unitsFromMicro(usedMicro),
    adjusted: unitsFromMicro(adjustedMicro),
    onHand: unitsFromMicro(onHandMicro),
    status: lotStatus(onHandMicro, row.expiryDate, today, expiringWithinDays),
    daysToExpiry: daysBetween(today, row.expiryDate),
  };
}

export function stockRepository(db: Db, audit: AuditLog) {
  const oneLot = db.prepare(`SELECT ${LOT_COLUMNS} ${lotFrom('invoice_line_id = @id')} WHERE l.id = @id`);
  const lotsOfNdc = db.prepare(
    `SELECT ${LOT_COLUMNS} ${lotFrom('invoice_line_id IN (SELECT id FROM invoice_lines WHERE ndc11 = @ndc11)')}
      WHERE l.ndc11 = @ndc11`,
  );
  const linesOfNdc = db.prepare(`SELECT id, package_quantity AS packageQuantity FROM invoice_lines WHERE ndc11 = ?`);
  const setUnits = db.prepare(`UPDATE invoice_lines SET units_micro = ? WHERE id = ?`);
  const insertAdjustment = db.prepare(
    `INSERT INTO stock_adjustments (invoice_line_id, quantity_micro, reason, note, at, actor)
     VALUES (@invoiceLineId, @quantityMicro, @reason, @note, @at, @actor)`,
  );
  // The list's SQL varies only by which filters are used: a handful of shapes, each prepared once.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  const stockOf = (invoiceLineId: number): LotStock => {
    const row = oneLot.get({ id: invoiceLineId }) as LotStock | undefined;
    if (!row) {
      throw new AppError(
        'LOT_NOT_FOUND',
        `There is no lot with id ${invoiceLineId}; its invoice may have been deleted.`,
      );
    }
    return row;
  };

  const insufficient = (lot: LotStock, neededMicro: number): AppError =>
    fieldError(
      'quantity',
      'LOT_INSUFFICIENT',
      `Lot ${lot.lotNumber} has ${unitsFromMicro(lot.onHandMicro)} ${lot.ndcUnit} on hand; ` +
        `${unitsFromMicro(neededMicro)} ${lot.ndcUnit} cannot be taken out.`,
    );

  return {
    stockOf,

    get: (invoiceLineId: number, today: string, expiringWithinDays = DEFAULT_EXPIRING_DAYS): Lot =>
      toLot(stockOf(invoiceLineId), today, expiringWithinDays),

    list(q: StockListQuery): { rows: Lot[]; total: number } {
      const where: string[] = [];
      const params: Record<string, string | number> = {
        today: q.today,
        horizon: addDays(q.today, q.expiringWithinDays),
        limit: q.limit,
        offset: q.offset,
      };
      if (q.search) where.push(lotSearchSql(q.search, params));
      if (q.status !== 'all') where.push(STATUS_WHERE[q.status]);
      else if (!q.includeEmpty) where.push(`${ON_HAND} > 0`);
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      let rows: LotStock[];
      let countSql: string;
      if (whereSql.includes(ON_HAND)) {
        // A condition on the quantity on hand needs every lot's sums before it can page.
        rows = prepared(
          `SELECT ${LOT_COLUMNS} ${lotFrom('')} ${whereSql} ORDER BY l.expiry_date, l.id LIMIT @limit OFFSET @offset`,
        ).all(params) as LotStock[];
        countSql = `SELECT count(*) AS total ${lotFrom('')} ${whereSql}`;
      } else {
        // Otherwise page the lots first and sum the movements of that page's lots only.
        const page = `SELECT l.id ${LOT_JOINS} ${whereSql} ORDER BY l.expiry_date, l.id LIMIT @limit OFFSET @offset`;
        rows = prepared(
          `SELECT ${LOT_COLUMNS} ${lotFrom(`invoice_line_id IN (${page})`)} WHERE l.id IN (${page}) ORDER BY l.expiry_date, l.id`,
        ).all(params) as LotStock[];
        countSql = `SELECT count(*) AS total ${LOT_JOINS} ${whereSql}`;
      }
      const { total } = prepared(countSql).get(params) as { total: number };
      return { rows: rows.map((r) => toLot(r, q.today, q.expiringWithinDays)), total };
    },

    /**
     * A drug's package size was corrected: every lot of its NDC counts packages × the new size
     * again. Returns the lots that would then hold less than was already taken from them.
     */
    recountLots(ndc11: string, packageSize: string): LotStock[] {
      for (const line of linesOfNdc.all(ndc11) as { id: number; packageQuantity: string }[]) {
        const units = packagesToMicro(line.packageQuantity, packageSize);
        if (units === null) {
          throw fieldError(
            'packageSize',
            'QUANTITY_UNWRITABLE',
            `${line.packageQuantity} packages of ${packageSize} cannot be counted to the millionth of an NDC unit; check the package size.`,
          );
        }
        setUnits.run(units, line.id);
      }
      return (lotsOfNdc.all({ ndc11 }) as LotStock[]).filter((l) => l.onHandMicro < 0);
    },

    /** Lots of an NDC usable on the date of service, first expiry first out. */
    suggest: (ndc11: string, dateOfService: string, today: string): Lot[] =>
      suggestLots(lotsOfNdc.all({ ndc11 }) as LotStock[], dateOfService).map((r) => toLot(r, today)),

    /**
     * Refuses a lot that cannot supply `neededMicro` on the date of service: LOT_NOT_YET_RECEIVED
     * when the date is before the lot arrived (its invoice's received date, else the invoice date),
     * LOT_EXPIRED when the date is after its expiry (the expiry day itself is still usable),
     * LOT_INSUFFICIENT when it holds less. Callers run it inside the transaction that then writes
     * the use.
     */
    assertUsable(invoiceLineId: number, dateOfService: string, neededMicro: number): LotStock {
      const lot = stockOf(invoiceLineId);
      if (lot.receivedDate > dateOfService) {
        throw new AppError(
          'LOT_NOT_YET_RECEIVED',
          `Lot ${lot.lotNumber} arrived on ${lot.receivedDate} (invoice ${lot.invoiceNumber}); it cannot have been given on ${dateOfService}. Check the date of service, or choose a lot received by then.`,
        );
      }
      if (lot.expiryDate < dateOfService) {
        throw new AppError(
          'LOT_EXPIRED',
          `Lot ${lot.lotNumber} expired on ${lot.expiryDate}; it cannot be used on ${dateOfService}.`,
        );
      }
      if (neededMicro > lot.onHandMicro) throw insufficient(lot, neededMicro);
      return lot;
    },

    /**
     * Takes stock out of a lot (or puts it back, for a count correction) and audits the lot as it
     * was and as it is, all in one transaction; a refusal writes nothing.
     */
    adjust: db.transaction((input: AdjustmentInput, at: string, actor: string): Lot => {
      const today = at.slice(0, 10);
      const quantityMicro = microFromUnits(input.quantity);
      if (quantityMicro === null) {
        throw fieldError('quantity', 'QUANTITY_INVALID', 'A quantity has at most 6 decimals, e.g. 2.5.');
      }
      if (quantityMicro === 0) {
        throw fieldError('quantity', 'QUANTITY_ZERO', 'Enter how many NDC units leave the lot; 0 changes nothing.');
      }
      const before = stockOf(input.invoiceLineId);
      if (quantityMicro < 0 && input.reason !== 'correction') {
        throw fieldError(
          'reason',
          'ADJUSTMENT_REASON_INVALID',
          'Only a count correction can put stock back into a lot; a negative quantity needs the reason "correction".',
        );
      }
      if (quantityMicro > before.onHandMicro) throw insufficient(before, quantityMicro);
      const { lastInsertRowid } = insertAdjustment.run({
        invoiceLineId: input.invoiceLineId,
        quantityMicro,
        reason: input.reason,
        note: input.note,
        at,
        actor,
      });
      const after = stockOf(input.invoiceLineId);
      audit.record(
        at,
        actor,
        'stock_adjustment',
        Number(lastInsertRowid),
        'create',
        toLot(before, today),
        toLot(after, today),
      );
      return toLot(after, today);
    }),
  };
}
export type StockRepository = ReturnType<typeof stockRepository>;
