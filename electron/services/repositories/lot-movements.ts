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
 * One row per lot (`invoice_line_id`, `used_micro`, `adjusted_micro`, and `use_count_<i>` per
 * source when `withCounts`), for the lots matching `filter` (a condition on `invoice_line_id`).
 * Each figure is a correlated sum over its source's (invoice_line_id, quantity) index: a lot's
 * movements are read from the index alone, never by scanning the wide administration rows.
 */
export function lotMovementsSql(filter = '', withCounts = true): string {
  const sumOf = (kind: MovementSource['kind']) => {
    const parts = MOVEMENT_SOURCES.filter((src) => src.kind === kind).map(
      (src) => `(SELECT coalesce(sum(${src.microSql}), 0) FROM ${src.table} x WHERE x.invoice_line_id = lm.id)`,
    );
    return parts.length ? parts.join(' + ') : '0';
  };
  const counts = withCounts
    ? MOVEMENT_SOURCES.map(
        (src, i) => `, (SELECT count(*) FROM ${src.table} x WHERE x.invoice_line_id = lm.id) AS use_count_${i}`,
      ).join('')
    : '';
  const where = filter ? `WHERE ${filter}` : '';
  return `SELECT * FROM (SELECT lm.id AS invoice_line_id, ${sumOf('used')} AS used_micro, ${sumOf('adjusted')} AS adjusted_micro${counts}
    FROM invoice_lines lm) ${where}`;
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
