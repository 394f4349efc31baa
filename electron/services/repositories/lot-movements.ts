/**
 * What leaves a lot (or comes back to it), defined once for every reader of stock: the stock
 * list, the lot checks, and an invoice's lines ("on hand", "in use by …"). Positive micro-units
 * leave the lot; a count correction may be negative. Administrations (given + wasted) become one
 * more entry in MOVEMENT_SOURCES, of kind 'used'.
 */
type MovementSource = {
  table: string;
  microSql: string;
  kind: 'used' | 'adjusted';
  /** How a person counts it: "1 stock adjustment", "3 stock adjustments". */
  one: string;
  many: string;
};

export const MOVEMENT_SOURCES: readonly MovementSource[] = [
  {
    table: 'administrations',
    microSql: 'given_micro + wasted_micro',
    kind: 'used',
    one: 'administration',
    many: 'administrations',
  },
  {
    table: 'stock_adjustments',
    microSql: 'quantity_micro',
    kind: 'adjusted',
    one: 'stock adjustment',
    many: 'stock adjustments',
  },
];

/**
 * One row per lot: used_micro, adjusted_micro and use_count_<i> per source. `filter` is a condition
 * on `invoice_line_id` applied inside every branch, so a one-lot or one-invoice lookup sums only that.
 */
export function lotMovementsSql(filter = ''): string {
  const where = filter ? `WHERE ${filter}` : '';
  const branches = MOVEMENT_SOURCES.map((src, i) => {
    const counts = MOVEMENT_SOURCES.map((_, j) => `${i === j ? 1 : 0} AS use_count_${j}`).join(', ');
    const used = src.kind === 'used' ? src.microSql : '0';
    const adjusted = src.kind === 'adjusted' ? src.microSql : '0';
    return `SELECT invoice_line_id, ${used} AS used_micro, ${adjusted} AS adjusted_micro, ${counts} FROM ${src.table} ${where}`;
  });
  const countSums = MOVEMENT_SOURCES.map((_, j) => `sum(use_count_${j}) AS use_count_${j}`).join(', ');
  return `SELECT invoice_line_id, sum(used_micro) AS used_micro, sum(adjusted_micro) AS adjusted_micro, ${countSums}
    FROM (${branches.join(' UNION ALL ')}) GROUP BY invoice_line_id`;
}

/** The per-source use counts of movements alias `m`, as columns use_count_<i>. */
export const USE_COUNT_COLUMNS = MOVEMENT_SOURCES.map((_, i) => `coalesce(m.use_count_${i}, 0) AS use_count_${i}`).join(
  ', ',
);

/** On hand for lot alias `l` joined to movements alias `m`. */
export const ON_HAND_MICRO_SQL = `(l.units_micro - coalesce(m.used_micro, 0) - coalesce(m.adjusted_micro, 0))`;

/** The movement counts of a row as words: ["2 stock adjustments"]. */
export function describeUses(row: Record<string, unknown>): string[] {
  return MOVEMENT_SOURCES.flatMap((src, i) => {
    const n = Number(row[`use_count_${i}`] ?? 0);
    return n > 0 ? [`${n} ${n === 1 ? src.one : src.many}`] : [];
  });
}
