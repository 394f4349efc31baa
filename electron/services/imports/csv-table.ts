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
import { tokenizeCsv } from './csv-tokenizer';
import { ReadError, type Table } from './table';

type Parsed = { record: string[]; info: { lines: number } };

export function csvTable(text: string, source: string): Table {
  const delimiter = guessDelimiter(text);
  const tokenized = tokenizeCsv(text, delimiter);
  if (tokenized) return { source, ...tokenized };
  const rows = parseCsv(text, source, delimiter, false) as string[][];
  // When every line is one record (no quoted line breaks), row i is line i + 1. Only otherwise is
  // the file parsed again with csv-parse's per-record line info, which costs as much as the parse.
  if (rows.length === lineCount(text)) return { source, rows, lines: rows.map((_, i) => i + 1) };
  const records = parseCsv(text, source, delimiter, true) as Parsed[];
  const lines: number[] = new Array<number>(records.length);
  let previousEnd = 0;
  for (let i = 0; i < records.length; i++) {
    lines[i] = previousEnd + 1;
    previousEnd = (records[i] as Parsed).info.lines;
  }
  return { source, rows: records.map((r) => r.record), lines };
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
