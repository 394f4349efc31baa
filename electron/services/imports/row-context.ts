/**
 * What every kind's row reader (validate-rows.ts, price-rows.ts) is built from: the collector,
 * the mapped columns, and what the database already holds.
 */
import { readDate, type Read } from './cells';
import type { PriceKeys } from './price-keys';
import type { RowCollector } from './staged-rows';

/** What the database already holds that a row may collide with (loaded once per preview). */
export type ExistingKeys = {
  /** Fee schedules and payment limits: keys of stored records (see each reader). */
  keys: ReadonlySet<string>;
  /** Prices: the drug catalog and the stored prices. */
  prices?: PriceKeys;
  /** Invoices: the drug catalog, ndc11 → package size (`keys` holds the supplier's invoice numbers). */
  packageSizes?: ReadonlyMap<string, string>;
};

/** What each kind's row reader closes over; column indexes are looked up once per file. */
export type RowContext = {
  collector: RowCollector;
  col: (field: string) => number;
  header: (field: string) => string;
  existing: ExistingKeys;
  /** Keys of records taken earlier in this file. */
  seen: Set<string>;
};

export type Column = ReturnType<typeof column>;

/** A mapped column: its index, its header for messages, and a reader that records refusals. */
export function column(ctx: RowContext, field: string) {
  const at = ctx.col(field);
  const header = ctx.header(field);
  return {
    at,
    header,
    text: (cells: string[]): string => (at < 0 ? '' : (cells[at] ?? '')),
    take<T>(line: number, read: Read<T>): T | null {
      if (read.ok) return read.value;
      ctx.collector.error(line, header, read.code, read.message);
      return null;
    },
  };
}

/**
 * readDate for one column, remembering its answers: a file repeats a handful of effective dates
 * over thousands of rows, and the answer depends on the text alone. At most 1,000 are kept, and
 * the last one is compared first (the rows of one invoice or price list share their dates).
 */
export function dateReader(label: string): (raw: string) => Read<string> {
  const known = new Map<string, Read<string>>();
  let lastRaw: string | null = null;
  let last: Read<string> | null = null;
  return (raw) => {
    if (raw === lastRaw && last !== null) return last;
    let read = known.get(raw);
    if (read === undefined) {
      read = readDate(raw, label);
      if (known.size < 1000) known.set(raw, read);
    }
    lastRaw = raw;
    last = read;
    return read;
  };
}
