/**
 * What every reader produces: the cells of one sheet as text, with the line (CSV) or row number
 * (XLSX) a person sees for each row, so a row error points at the place they would look.
 * Cells are always strings: NDCs keep their leading zeros, amounts keep their exact digits.
 *
 * A large CSV file keeps its cells as offsets into the decoded text until they are asked for
 * (csv-table.ts): the row loops of a preview read each row into one reused array (rowInto), so a
 * 100,000-line file does not hold a million cell strings and 100,000 row arrays for the garbage
 * collector to copy while it is validated. `rows` gives every row as arrays all the same.
 */
export interface Table {
  /** The file, sheet or zip entry that was read, e.g. "ASP Pricing File.csv" or "Sheet1". */
  readonly source: string;
  /** Every row's cells (made on first use when the reader keeps offsets). */
  readonly rows: string[][];
  /** 1-based line/row number of each row, one per row. */
  readonly lines: number[];
  readonly rowCount: number;
  /** Row r's cells, a new array. */
  row(r: number): string[];
  /**
   * Row r's cells written into `into` from index 0, every further slot `into` already has set to
   * '' (so a shorter row reads as one with empty cells); the number of cells row r has.
   */
  rowInto(r: number, into: string[]): number;
  /** The same rows under another name (a zip entry read as part of its bundle). */
  withSource(source: string): Table;
}

/** A table whose rows are arrays already (XLSX sheets, csv-parse's readings). */
export function arrayTable(source: string, rows: string[][], lines: number[]): Table {
  return {
    source,
    rows,
    lines,
    rowCount: rows.length,
    row: (r) => [...(rows[r] ?? [])],
    rowInto: (r, into) => fillRow(rows[r] ?? [], into),
    withSource: (other) => arrayTable(other, rows, lines),
  };
}

function fillRow(cells: readonly string[], into: string[]): number {
  const n = cells.length;
  for (let i = 0; i < n; i++) into[i] = cells[i] as string;
  for (let i = n; i < into.length; i++) into[i] = '';
  return n;
}

/** A refusal while reading, before any row is looked at. */
export class ReadError extends Error {
  constructor(
    readonly code: 'FILE_UNREADABLE' | 'FILE_EMPTY' | 'ZIP_UNSAFE' | 'FILE_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
