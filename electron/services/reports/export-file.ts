/**
 * A table written as CSV or XLSX. Cells go through export-cells.ts (formula injection). CSV is
 * written in chunks to a sink as rows come, so a million-line export never sits in memory as
 * rows; XLSX uses exceljs's streaming writer, money as numbers with two decimals shown.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvRecord, safeCellText, type CellValue } from '../../../shared/domain/export-cells';

export type ColumnKind = 'text' | 'money' | 'count' | 'date';
export type ExportColumn = { header: string; kind: ColumnKind };

export type ExportTable = {
  /** The file's name without extension, e.g. "underpaid-2025-01-01-to-2025-03-31". */
  fileStem: string;
  sheetName: string;
  columns: readonly ExportColumn[];
  rows: Iterable<CellValue[]>;
  /**
   * The same rows already written as CSV, a run of lines at a time, when a table has a faster way
   * to write them than cell by cell (the variance report, read on worker threads when large); CSV
   * uses it, XLSX still reads `rows`. Nothing is read before the CSV writer asks.
   */
  csvChunks?: Iterable<CsvChunk> | AsyncIterable<CsvChunk>;
};

type CsvChunk = { text: string; rows: number };

function* records(rows: Iterable<CellValue[]>): Generator<CsvChunk> {
  for (const row of rows) yield { text: csvRecord(row), rows: 1 };
}

/** CSV (UTF-8 with a byte-order mark, so Excel reads accents right), in chunks of about 64 KB. */
export async function writeCsv(table: ExportTable, sink: (chunk: string) => void): Promise<number> {
  let buffer = `\uFEFF${csvRecord(table.columns.map((c) => c.header))}`;
  let rows = 0;
  const add = ({ text, rows: count }: CsvChunk): void => {
    buffer += text;
    rows += count;
    if (buffer.length > 65_536) {
      sink(buffer);
      buffer = '';
    }
  };
  const chunks = table.csvChunks ?? records(table.rows);
  // A table read on this thread is written without a pause per chunk.
  if (Symbol.asyncIterator in chunks) for await (const chunk of chunks) add(chunk);
  else for (const chunk of chunks) add(chunk);
  if (buffer !== '') sink(buffer);
  return rows;
}

export async function csvBytes(table: ExportTable): Promise<{ bytes: Buffer; rows: number }> {
  const chunks: Buffer[] = [];
  const rows = await writeCsv(table, (chunk) => chunks.push(Buffer.from(chunk, 'utf8')));
  return { bytes: Buffer.concat(chunks), rows };
}

/** A cell's value in the workbook: amounts and counts as numbers, everything else as safe text. */
function xlsxValue(value: CellValue, kind: ColumnKind): string | number | null {
  if (value === null || value === '') return null;
  if (kind === 'money' || kind === 'count') {
    // An exact decimal string read once into the number Excel stores; no arithmetic on it.
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : safeCellText(value);
  }
  return safeCellText(value);
}

/** XLSX written through exceljs's streaming writer to `stream`. */
async function writeXlsx(table: ExportTable, stream: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(12, Math.min(40, c.header.length + 4)),
    ...(c.kind === 'money' ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((c, i) => xlsxValue(row[i] ?? null, c.kind))).commit();
    rows += 1;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

export async function xlsxBytes(table: ExportTable): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const rows = await writeXlsx(table, out);
  await done;
  return { bytes: Buffer.concat(chunks), rows };
}
