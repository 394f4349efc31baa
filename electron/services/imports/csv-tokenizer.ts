/**
 * A small CSV tokenizer for the well-formed files nearly every export is: RFC 4180 quoting
 * (quoted delimiters and line breaks, "" for a quote), LF or CRLF line ends, ragged rows, cells
 * trimmed. It reads the decoded string with charCodeAt/slice and is several times faster than
 * csv-parse on a 50,000-row price list.
 *
 * It gives exactly the rows csv-parse gives with csv-table.ts's options (relax_column_count,
 * relax_quotes, trim — which removes what String.prototype.trim removes — and no skipped lines),
 * and returns null whenever the text steps outside that well-formed subset: a quote not closed,
 * text or a non-ASCII space after a closing quote, CR-only or mixed line ends. csv-parse then
 * reads the file, so its lenient readings and its refusals stay the ones people already get.
 *
 * Each row carries the line it starts on, counting LF, so a row after a quoted multi-line cell
 * points at the line a text editor shows (csv-parse counts a CRLF inside a quoted cell as two).
 *
 * No string is made per cell here: each cell is kept as its start and end in the text (a quoted
 * cell's content between its quotes), and only a quoted cell that holds "" keeps its own
 * string. The table (csv-table.ts) slices a cell when a row is read.
 */
export type Tokenized = {
  /** Cell c is text.slice(bounds[2c], bounds[2c + 1]), unless `special` holds it. */
  bounds: Int32Array;
  /** Row r's cells are first[r] … first[r + 1] - 1 (rowCount + 1 entries). */
  first: Int32Array;
  rowCount: number;
  /** The line each row starts on. */
  lines: number[];
  /** Cells whose value is not a slice of the text (a quoted cell with "" in it). */
  special: Map<number, string>;
};

/** Growable cell offsets and row starts. */
class Cells {
  bounds: Int32Array;
  first: Int32Array;
  count = 0;
  rowCount = 0;
  readonly lines: number[] = [];
  readonly special = new Map<number, string>();

  /**
   * Sized for `text` from the cells and rows in its first 64 KB, with a tenth to spare: growing
   * doubles the arrays and copies them (a 100,000-line invoice file, 8 characters a cell, went
   * just over the one-cell-per-8-characters guess this replaced, to 17 MB of offsets).
   */
  constructor(text: string, delimiter: number) {
    const sample = Math.min(text.length, 65_536);
    let cells = 1;
    let rows = 1;
    for (let i = 0; i < sample; i++) {
      const c = text.charCodeAt(i);
      if (c === delimiter) cells++;
      else if (c === 10) {
        cells++;
        rows++;
      }
    }
    const scale = (text.length / Math.max(1, sample)) * 1.1;
    this.bounds = new Int32Array(2 * Math.max(64, Math.ceil(cells * scale)));
    this.first = new Int32Array(Math.max(16, Math.ceil(rows * scale) + 2));
  }

  cell(start: number, end: number): void {
    if (2 * this.count + 2 > this.bounds.length) this.bounds = grow(this.bounds);
    this.bounds[2 * this.count] = start;
    this.bounds[2 * this.count + 1] = end;
    this.count++;
  }

  value(text: string): void {
    this.special.set(this.count, text);
    this.cell(0, 0);
  }

  /** Ends a row begun at cell `from`. */
  row(from: number, line: number): void {
    if (this.rowCount + 2 > this.first.length) this.first = grow(this.first);
    this.first[this.rowCount++] = from;
    this.first[this.rowCount] = this.count;
    this.lines.push(line);
  }
}

function grow(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Whitespace that String.prototype.trim (and csv-parse's trim) removes, other than CR and LF. */
function isTrimmable(c: number): boolean {
  if (c === 32 || c === 9) return true;
  if (c < 128) return c === 11 || c === 12;
  return String.fromCharCode(c).trim() === '';
}

/** The end of a cell's text without its trailing whitespace (csv-parse trims it, as trimEnd does). */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isTrimmable(text.charCodeAt(e - 1))) e--;
  return e;
}

export function tokenizeCsv(text: string, delimiter: string): Tokenized | null {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const out = new Cells(text, delim);
  // The record delimiter, as csv-parse finds it: the first CR, LF or CRLF outside quotes.
  let crlf: boolean | null = null;
  let line = 1;
  let i = 0;
  // The first cell of the row being read, and the line it starts on.
  let rowFrom = 0;
  let rowLine = 1;

  while (i < n) {
    // Start of a cell: skip leading whitespace (but a tab delimiter is a delimiter).
    let c = text.charCodeAt(i);
    while (c !== delim && c !== LF && c !== CR && isTrimmable(c)) {
      if (++i === n) break;
      c = text.charCodeAt(i);
    }
    if (i === n) {
      // Trailing whitespace after a delimiter still makes an (empty) last cell.
      if (out.count > rowFrom) out.cell(0, 0);
      break;
    }

    if (c === QUOTE) {
      // Quoted cell: up to the next lone quote; "" stands for one quote.
      const open = i + 1;
      let value: string | null = null;
      let from = open;
      let close: number;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return null; // not closed: csv-parse says so
        if (text.charCodeAt(q + 1) === QUOTE) {
          value = `${value ?? ''}${text.slice(from, q)}"`;
          from = q + 2;
          continue;
        }
        if (value !== null) value += text.slice(from, q);
        close = q;
        i = q + 1;
        break;
      }
      for (let k = text.indexOf('\n', open); k !== -1 && k < close; k = text.indexOf('\n', k + 1)) line++;
      // Only whitespace may follow the closing quote before the delimiter or line end. csv-parse
      // refuses a non-ASCII space (NBSP, BOM) there after a non-empty cell; it gets to say so.
      while (i < n && text.charCodeAt(i) !== delim && isTrimmable(text.charCodeAt(i))) {
        if (text.charCodeAt(i) >= 128) return null;
        i++;
      }
      if (value === null) out.cell(open, close);
      else out.value(value);
      if (i === n) break;
      c = text.charCodeAt(i);
      if (c !== delim && c !== LF && c !== CR) return null;
    } else {
      // Plain cell: up to the delimiter or line end; a quote inside it is an ordinary character.
      const start = i;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === delim || c === LF || c === CR) break;
        i++;
      }
      out.cell(start, trimmedEnd(text, start, i));
      if (i === n) break;
    }

    if (c === delim) {
      i++;
      if (i === n) out.cell(0, 0); // "a," ends with an empty cell
      continue;
    }
    // A line end: it must be the same kind every time (mixed or CR-only files go to csv-parse).
    const isCrlf = c === CR;
    if (isCrlf && text.charCodeAt(i + 1) !== LF) return null;
    if (crlf === null) crlf = isCrlf;
    else if (crlf !== isCrlf) return null;
    i += isCrlf ? 2 : 1;
    out.row(rowFrom, rowLine);
    rowFrom = out.count;
    rowLine = ++line;
  }
  if (out.count > rowFrom) out.row(rowFrom, rowLine);
  return { bounds: out.bounds, first: out.first, rowCount: out.rowCount, lines: out.lines, special: out.special };
}
