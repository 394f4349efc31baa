/**
 * An XLSX (an opened, checked zip; see zip-archive.ts) → Table, through exceljs (main process
 * only). The first visible sheet with data is read. Every cell becomes text the way a person
 * reads it, never a float that money math could touch:
 *   number   → exact decimal text via 15 significant digits (what Excel itself shows), so a
 *              stored 0.30000000000000004 reads "0.3" and 10.6 reads "10.6"
 *   date     → ISO YYYY-MM-DD (exceljs hands dates over as UTC midnight)
 *   formula  → its cached result (formulas are never evaluated here)
 *   rich text, hyperlink → their text; error → "#N/A" etc. (which no field accepts)
 * Text stays text: "=HYPERLINK(…)" typed as text is data and is read verbatim.
 */
import ExcelJS from 'exceljs';
import { Dec } from '../../../shared/domain/money';
import { arrayTable, ReadError, type Table } from './table';
import type { ZipArchive } from './zip-archive';

/**
 * The workbook in an opened (and so checked) zip. exceljs unpacks every entry of what it is
 * given, so it gets the archive rebuilt from the checked entries, never the bytes as received.
 */
export async function xlsxTable(archive: ZipArchive, source: string): Promise<Table> {
  const bytes = await archive.rebuilt();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as its own ArrayBuffer-shaped `Buffer`; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ReadError(
      'FILE_UNREADABLE',
      `${source} is not a readable XLSX workbook; open it in Excel and save it again as .xlsx or CSV.`,
    );
  }
  const sheets = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = sheets.find((ws) => ws.state === 'visible') ?? sheets[0];
  if (!sheet) throw new ReadError('FILE_EMPTY', `${source} has no sheet with any data in it.`);

  const rows: string[][] = [];
  const lines: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    // row.values is 1-based (index 0 is unused) and sparse.
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    rows.push(cells);
    lines.push(rowNumber);
  });
  return arrayTable(`${source} › ${sheet.name}`, rows, lines);
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** A double from a cell → the decimal text Excel shows (15 significant digits), exactly. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isSafeInteger(v)) return String(v);
  return new Dec(v.toPrecision(15)).toFixed();
}

function isoDay(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}
