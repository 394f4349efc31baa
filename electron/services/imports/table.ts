/**
 * What every reader produces: the cells of one sheet as text, with the line (CSV) or row number
 * (XLSX) a person sees for each row, so a row error points at the place they would look.
 * Cells are always strings: NDCs keep their leading zeros, amounts keep their exact digits.
 */
export type Table = {
  /** The file, sheet or zip entry that was read, e.g. "ASP Pricing File.csv" or "Sheet1". */
  source: string;
  rows: string[][];
  /** 1-based line/row number of each row, same length as `rows`. */
  lines: number[];
};

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
