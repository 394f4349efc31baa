/**
 * CSV text → Table: quoted commas and quotes, ragged rows, cells trimmed. Empty lines are kept as
 * empty rows so each row's line number is the line a person sees in a text editor (a quoted cell
 * spanning lines counts from the line it starts on). Tab-separated text (the FDA directory,
 * Excel's "Text" export) is detected.
 *
 * Well-formed files (nearly all) are read by csv-tokenizer.ts; anything else (an unclosed quote,
 * text after a closing quote, CR-only or mixed line ends) by csv-parse with `relax_column_count`
 * and `relax_quotes`, whose lenient readings and refusals are the reference the tokenizer matches.
 */
import { parse } from 'csv-parse/sync';
import { tokenizeCsv, type Tokenized } from './csv-tokenizer';
import { arrayTable, ReadError, type Table } from './table';

type Parsed = { record: string[]; info: { lines: number } };

export function csvTable(text: string, source: string): Table {
  const delimiter = guessDelimiter(text);
  const tokenized = tokenizeCsv(text, delimiter);
  if (tokenized) return new OffsetTable(source, text, tokenized);
  const rows = parseCsv(text, source, delimiter, false) as string[][];
  // When every line is one record (no quoted line breaks), row i is line i + 1. Only otherwise is
  // the file parsed again with csv-parse's per-record line info, which costs as much as the parse.
  if (rows.length === lineCount(text))
    return arrayTable(
      source,
      rows,
      rows.map((_, i) => i + 1),
    );
  const records = parseCsv(text, source, delimiter, true) as Parsed[];
  const lines: number[] = new Array<number>(records.length);
  let previousEnd = 0;
  for (let i = 0; i < records.length; i++) {
    lines[i] = previousEnd + 1;
    previousEnd = (records[i] as Parsed).info.lines;
  }
  return arrayTable(
    source,
    records.map((r) => r.record),
    lines,
  );
}

/** The tokenizer's reading: each cell sliced from the text when its row is read. */
class OffsetTable implements Table {
  private all: string[][] | null = null;

  constructor(
    readonly source: string,
    private readonly text: string,
    private readonly cells: Tokenized,
  ) {}

  get lines(): number[] {
    return this.cells.lines;
  }

  get rowCount(): number {
    return this.cells.rowCount;
  }

  get rows(): string[][] {
    if (this.all === null) {
      const all: string[][] = new Array<string[]>(this.rowCount);
      for (let r = 0; r < all.length; r++) all[r] = this.row(r);
      this.all = all;
    }
    return this.all;
  }

  row(r: number): string[] {
    const { first } = this.cells;
    const from = r < this.rowCount ? (first[r] as number) : 0;
    const out = new Array<string>(r < this.rowCount ? (first[r + 1] as number) - from : 0);
    for (let k = 0; k < out.length; k++) out[k] = this.cell(from + k);
    return out;
  }

  rowInto(r: number, into: string[]): number {
    if (r >= this.rowCount) return fillEmpty(into, 0);
    const { first } = this.cells;
    const from = first[r] as number;
    const n = (first[r + 1] as number) - from;
    for (let k = 0; k < n; k++) into[k] = this.cell(from + k);
    return fillEmpty(into, n);
  }

  withSource(source: string): Table {
    return new OffsetTable(source, this.text, this.cells);
  }

  private cell(c: number): string {
    const { bounds, special } = this.cells;
    const start = bounds[2 * c] as number;
    const end = bounds[2 * c + 1] as number;
    if (start === end) return special.size > 0 ? (special.get(c) ?? '') : '';
    return this.text.slice(start, end);
  }
}

function fillEmpty(into: string[], from: number): number {
  for (let i = from; i < into.length; i++) into[i] = '';
  return from;
}

function parseCsv(text: string, source: string, delimiter: string, info: boolean): string[][] | Parsed[] {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      info,
      skip_empty_lines: false,
    }) as unknown as string[][] | Parsed[];
  } catch (err) {
    throw new ReadError(
      'FILE_UNREADABLE',
      `${source} could not be read as CSV (${(err as Error).message.split('\n')[0]}); save it again as CSV or XLSX.`,
    );
  }
}

/** Lines as csv-parse counts records: a final line break does not start another line. */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** Comma unless the first lines hold more tabs (or semicolons) than commas. */
function guessDelimiter(text: string): string {
  const head = text.slice(0, 16384);
  let commas = 0;
  let tabs = 0;
  let semicolons = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 44) commas++;
    else if (c === 9) tabs++;
    else if (c === 59) semicolons++;
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas && semicolons > tabs) return ';';
  return ',';
}
