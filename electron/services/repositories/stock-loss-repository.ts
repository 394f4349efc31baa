/**
 * The lots behind the never-billed worklist: used up (nothing on hand) or expired, and holding
 * received stock that no billed administration drew. SQL only; shared/domain/stock-loss.ts says
 * where the unbilled stock went and what it cost.
 *
 * Every lot in the invoice-date range needs its sums before the list can filter and page, so each
 * sum is worked out once per lot and kept cheap: what left a lot is the correlated sum over the
 * covering indexes (lot-movements.ts, as the stock list reads it), materialized so it is not
 * repeated wherever a figure is used; the part drawn by administrations NOT yet billed comes from
 * the few draft and ready ones, found through the status index and grouped once. Billed = drawn −
 * not yet billed, so no billed administration row is ever read. Write-offs per reason are summed
 * only for the lots shown. 100,000 lots page in about the time the stock list's expired filter
 * takes (tests/bench/never-billed.bench.ts).
 */
import { lotSearchSql } from './lot-search';
import { ADMINISTRATION_STATUSES } from '../../../shared/domain/administration';
import { ADJUSTMENT_REASONS, type AdjustmentReason } from '../../../shared/domain/stock';
import { BILLED_STATUSES } from '../../../shared/domain/stock-loss';
import type { Db } from '../db/open';
import { statementCache } from './statement-cache';
import { lotMovementsSql, ON_HAND_MICRO_SQL } from './lot-movements';

/** One lot with its figures in micro-units and cents, as SQLite sums them. */
export type StockLossRow = {
  invoiceLineId: number;
  invoiceId: number;
  invoiceNumber: string;
  invoiceDate: string;
  supplierName: string;
  ndc11: string;
  genericName: string;
  brandName: string;
  ndcUnit: string;
  lotNumber: string;
  expiryDate: string;
  receivedMicro: number;
  netCostCents: number;
  /** Given + wasted by every administration of the lot, billed or not. */
  usedMicro: number;
  billedMicro: number;
  notBilledMicro: number;
  onHandMicro: number;
} & Record<`${AdjustmentReason}Micro`, number>;

export type StockLossFilter = {
  /** Invoice dates from … to, inclusive (ISO dates); either may be left out. */
  from?: string | undefined;
  to?: string | undefined;
  /** Part of an NDC (any printed form), a lot number, or a generic or brand name. */
  search?: string | undefined;
  /** The day the list is for: lots with an expiry date before it have expired. */
  today: string;
};

export type StockLossQuery = StockLossFilter & { limit: number; offset: number };

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
const NOT_BILLED_STATUSES = ADMINISTRATION_STATUSES.filter((s) => !BILLED_STATUSES.includes(s));

// Grouped once per statement (MATERIALIZED), then read by lot from the result.
const NOT_BILLED_CTE = `not_billed AS MATERIALIZED (
  SELECT invoice_line_id, sum(given_micro + wasted_micro) AS micro FROM administrations
   WHERE status IN (${quoted(NOT_BILLED_STATUSES)}) GROUP BY invoice_line_id)`;

const USED = 'm.used_micro';
const NOT_BILLED = 'coalesce(nb.micro, 0)';
const BILLED = `(${USED} - ${NOT_BILLED})`;

const LOT_JOINS = `invoice_lines l
  JOIN invoices i ON i.id = l.invoice_id
  JOIN suppliers s ON s.id = i.supplier_id
  JOIN drugs d ON d.ndc11 = l.ndc11`;

/**
 * The per-lot sums, each worked out once per statement: `movements` (materialized, so the
 * correlated sums are not repeated wherever a figure is used) for the lots `lotWhere` keeps, and
 * `not_billed`.
 */
const withDraws = (lotWhere: string): string => {
  const lots = lotWhere ? `invoice_line_id IN (SELECT l.id FROM ${LOT_JOINS} ${lotWhere})` : '';
  return `WITH ${NOT_BILLED_CTE}, movements AS MATERIALIZED (${lotMovementsSql(lots, false)})`;
};

const DRAWS_JOINS = `JOIN movements m ON m.invoice_line_id = l.id
  LEFT JOIN not_billed nb ON nb.invoice_line_id = l.id`;

// The page's lots again, their sums worked out afresh for those few rather than looked up in
// `movements` (which would need an index built over every lot's row).
const PAGE_JOINS = `${LOT_JOINS.replace('invoice_lines l', 'invoice_lines l ON l.id = page.id')}
  JOIN (${lotMovementsSql('invoice_line_id IN (SELECT id FROM page)', false)}) m ON m.invoice_line_id = l.id
  LEFT JOIN not_billed nb ON nb.invoice_line_id = l.id`;

// Write-offs per reason, summed per lot through stock_adjustments' (invoice_line_id) index: only
// for the lots shown.
const WRITTEN_OFF = ADJUSTMENT_REASONS.map(
  (r) =>
    `(SELECT coalesce(sum(x.quantity_micro), 0) FROM stock_adjustments x
       WHERE x.invoice_line_id = l.id AND x.reason = '${r}') AS ${r}Micro`,
).join(', ');

const COLUMNS = `l.id AS invoiceLineId, l.invoice_id AS invoiceId, i.invoice_number AS invoiceNumber,
  i.invoice_date AS invoiceDate, s.name AS supplierName, l.ndc11, d.generic_name AS genericName,
  d.brand_name AS brandName, d.ndc_unit AS ndcUnit, l.lot_number AS lotNumber, l.expiry_date AS expiryDate,
  l.units_micro AS receivedMicro, l.extended_cents - l.discount_cents AS netCostCents, ${USED} AS usedMicro,
  ${BILLED} AS billedMicro, ${NOT_BILLED} AS notBilledMicro, ${ON_HAND_MICRO_SQL} AS onHandMicro, ${WRITTEN_OFF}`;

// Used up or expired, and not all of it billed: the same expiry rule as lotStatus.
const LISTED = `WHERE (${ON_HAND_MICRO_SQL} <= 0 OR l.expiry_date < @today) AND l.units_micro > ${BILLED}`;

const ORDER = 'ORDER BY l.expiry_date DESC, l.id';

/** The conditions on invoice date and search, as a WHERE over LOT_JOINS ('' when none). */
function filterSql(f: StockLossFilter): { lotWhere: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = { today: f.today };
  if (f.from) {
    params.from = f.from;
    where.push('i.invoice_date >= @from');
  }
  if (f.to) {
    params.to = f.to;
    where.push('i.invoice_date <= @to');
  }
  const search = f.search?.trim() ?? '';
  if (search) where.push(lotSearchSql(search, params));
  return { lotWhere: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function stockLossRepository(db: Db) {
  // A handful of shapes (which filters are used), each prepared once.
  const prepared = statementCache(db);

  return {
    /**
     * A page of the lots, latest expiry first, with how many there are in all. One statement: the
     * lots are summed and filtered once, the page and the total (a window count) taken from that,
     * and only the page's lots get their write-offs and names.
     */
    list(q: StockLossQuery): { rows: StockLossRow[]; total: number } {
      const { lotWhere, params } = filterSql(q);
      const rows = prepared(
        `${withDraws(lotWhere)},
           page AS MATERIALIZED (SELECT l.id, count(*) OVER () AS total FROM ${LOT_JOINS} ${DRAWS_JOINS} ${LISTED}
                                 ${ORDER} LIMIT @limit OFFSET @offset)
         SELECT ${COLUMNS}, page.total FROM page CROSS JOIN ${PAGE_JOINS} ${ORDER}`,
      ).all({ ...params, limit: q.limit, offset: q.offset }) as (StockLossRow & { total: number })[];
      // A page past the end has no row to carry the total: count on its own then.
      const total =
        rows[0]?.total ??
        (q.offset > 0
          ? (prepared(`${withDraws(lotWhere)} SELECT count(*) FROM ${LOT_JOINS} ${DRAWS_JOINS} ${LISTED}`)
              .pluck()
              .get(params) as number)
          : 0);
      return { rows: rows.map(({ total: _, ...row }) => row), total };
    },

    /** Every lot of a filter in the list's order, streamed by SQLite one at a time, for exports. */
    *each(f: StockLossFilter): Generator<StockLossRow> {
      const { lotWhere, params } = filterSql(f);
      const statement = prepared(
        `${withDraws(lotWhere)} SELECT ${COLUMNS} FROM ${LOT_JOINS} ${DRAWS_JOINS} ${LISTED} ${ORDER}`,
      );
      for (const row of statement.iterate(params)) yield row as StockLossRow;
    },
  };
}
export type StockLossRepository = ReturnType<typeof stockLossRepository>;
