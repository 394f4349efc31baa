/**
 * Finding the header row and mapping fields to columns.
 *
 * The header is the first row (of the first 50) in which at least two fields find their column:
 * by the name the person chose (args.mapping), else the name remembered from the last import of
 * this kind (per payer), else the kind's header pattern. CMS files put 8–9 title rows above it.
 * A fee schedule or price list whose headers nobody recognizes still gets a header (its first
 * row of labels) so the person can map the columns; a CMS file must show its published header.
 *
 * Mapping precedence per field: chosen > remembered > guessed, and a column is taken once.
 * A chosen name that is not in the file leaves the field unmapped: the preview says so rather
 * than silently guessing something else.
 */
import { AppError } from '../app-error';
import type { KindSpec } from './kinds';
import type { Table } from './table';

export const normHeader = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const SCAN_ROWS = 50;

export type Located = {
  /** Index into table.rows of the header row. */
  index: number;
  columns: string[];
  /** field → column header (as written in the file) or null. */
  mapping: Record<string, string | null>;
  /** field → column index, -1 when unmapped. */
  at: Record<string, number>;
};

export function locateHeader(
  table: Table,
  spec: KindSpec,
  chosen: Readonly<Record<string, string>> | undefined,
  remembered: Readonly<Record<string, string>> | null,
): Located {
  const matchers = spec.fields.map((f) => {
    const pick = chosen?.[f.field];
    if (pick !== undefined) {
      const want = normHeader(pick);
      return (cell: string) => want !== '' && normHeader(cell) === want;
    }
    const memo = remembered?.[f.field];
    const memoNorm = memo === undefined ? '' : normHeader(memo);
    return (cell: string) => {
      const n = normHeader(cell);
      return n !== '' && (n === memoNorm || f.pattern.test(n));
    };
  });

  const scan = Math.min(SCAN_ROWS, table.rowCount);
  let index = -1;
  for (let r = 0; r < scan && index < 0; r++) {
    const cells = table.row(r);
    let found = 0;
    for (const match of matchers) if (cells.some(match)) found++;
    if (found >= 2) index = r;
  }
  if (index < 0 && !spec.fixedLayout) index = firstLabelRow(table, scan);
  if (index < 0) {
    const expected = spec.fields.filter((f) => f.required).map((f) => f.label);
    throw new AppError(
      'HEADER_NOT_FOUND',
      `No header row was found in the first ${SCAN_ROWS} rows of ${table.source}: a ${spec.title} has columns such as ${expected.join(', ')}. Check that this is the right file for this kind of import.`,
    );
  }

  const columns = table.row(index).map((c, i) => (c === '' ? `Column ${i + 1}` : c));
  const norms = columns.map(normHeader);
  const taken = new Set<number>();
  const at: Record<string, number> = {};
  const claim = (field: string, i: number): void => {
    at[field] = i;
    if (i >= 0) taken.add(i);
  };
  // Chosen names first, so a guess never takes a column the person named for another field.
  for (const f of spec.fields) {
    const pick = chosen?.[f.field];
    if (pick !== undefined) claim(f.field, pick.trim() === '' ? -1 : norms.indexOf(normHeader(pick)));
  }
  for (const f of spec.fields) {
    if (f.field in at) continue;
    const memo = remembered?.[f.field];
    const memoAt = memo === undefined ? -1 : norms.findIndex((n, i) => !taken.has(i) && n === normHeader(memo));
    if (memoAt >= 0) claim(f.field, memoAt);
  }
  for (const f of spec.fields) {
    if (f.field in at) continue;
    claim(
      f.field,
      norms.findIndex((n, i) => !taken.has(i) && n !== '' && f.pattern.test(n)),
    );
  }
  const mapping: Record<string, string | null> = {};
  for (const f of spec.fields) {
    const i = at[f.field] ?? -1;
    mapping[f.field] = i >= 0 ? (columns[i] ?? null) : null;
  }
  return { index, columns, mapping, at };
}

/** First row with two or more cells that all read as labels (not numbers or dates). */
function firstLabelRow(table: Table, scan: number): number {
  for (let r = 0; r < scan; r++) {
    const cells = table.row(r).filter((c) => c !== '');
    if (cells.length >= 2 && cells.every((c) => !/^[-+$]?[\d.,/: -]+$/.test(c))) return r;
  }
  return -1;
}
