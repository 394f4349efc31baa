/**
 * Any accepted file → one Table. What the bytes are decides the reader, not the file name:
 *   PK\x03\x04 with xl/workbook.xml inside → XLSX; other zips → a bundle, from which the entry
 *   the kind asks for (e.g. the "ASP Pricing File") is read, CSV preferred over XLSX;
 *   D0 CF 11 E0 → legacy .xls, refused with a way out; NUL bytes → some other binary, refused;
 *   anything else → CSV text (decoded per decode.ts).
 * The whole file is read and parsed before any row is validated or written.
 */
import { decodeText, looksBinary } from './decode';
import { csvTable } from './csv-table';
import { ReadError, type Table } from './table';
import { xlsxTable } from './xlsx-table';
import { isZip, openZip } from './zip-archive';

/** Chooses the file inside a bundle, by its name (without folders). */
export type EntryMatcher = { test: (baseName: string) => boolean; describe: string };

export async function readTable(bytes: Buffer, fileName: string, entry: EntryMatcher | null): Promise<Table> {
  const table = await readAny(bytes, fileName, entry, true);
  if (!hasData(table)) {
    throw new ReadError('FILE_EMPTY', `${table.source} has no rows with data in it.`);
  }
  return table;
}

function hasData(table: Table): boolean {
  const cells: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const n = table.rowInto(r, cells);
    for (let i = 0; i < n; i++) if (cells[i] !== '') return true;
  }
  return false;
}

async function readAny(bytes: Buffer, name: string, entry: EntryMatcher | null, allowBundle: boolean): Promise<Table> {
  if (bytes.length === 0) throw new ReadError('FILE_EMPTY', `${name} is empty.`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ReadError(
      'FILE_UNREADABLE',
      `${name} is an Excel 97-2003 (.xls) workbook, which cannot be read here; open it in Excel and save it as .xlsx or CSV.`,
    );
  }
  if (isZip(bytes)) {
    const zip = await openZip(bytes, name);
    let inner: string;
    try {
      if (zip.names.includes('xl/workbook.xml')) return await xlsxTable(zip, name);
      if (!allowBundle)
        throw new ReadError('FILE_UNREADABLE', `${name} is a zip inside a zip; unpack the outer one first.`);
      inner = pickEntry(zip.names, entry, name);
      const innerBytes = await zip.read(inner);
      const table = await readAny(innerBytes, inner, entry, false);
      return table.withSource(`${name} › ${table.source}`);
    } finally {
      zip.close();
    }
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) {
    throw new ReadError(
      'FILE_UNREADABLE',
      `${name} is not a CSV, XLSX or zip file; export it from the payer's portal or Excel as CSV or XLSX.`,
    );
  }
  return csvTable(decodeText(bytes).text, name);
}

const READABLE = /\.(csv|txt|xlsx)$/i;
const PREFERENCE = (n: string): number => (/\.csv$/i.test(n) ? 0 : /\.xlsx$/i.test(n) ? 1 : 2);
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function pickEntry(names: string[], entry: EntryMatcher | null, zipName: string): string {
  const visible = names.filter((n) => !/(^|\/)(__MACOSX\/|\.)/.test(n));
  const wanted = entry ? visible.filter((n) => entry.test(baseName(n))) : visible;
  const readable = wanted.filter((n) => READABLE.test(n)).sort((a, b) => PREFERENCE(a) - PREFERENCE(b));
  const first = readable[0];
  if (first !== undefined) return first;
  const what = entry ? `a file named like "${entry.describe}"` : 'a CSV or XLSX file';
  if (wanted.some((n) => /\.xls$/i.test(n))) {
    throw new ReadError(
      'FILE_UNREADABLE',
      `${zipName} holds ${what} only as an Excel 97-2003 (.xls) workbook, which cannot be read here; save it as .xlsx or CSV.`,
    );
  }
  const listed = visible.slice(0, 8).map(baseName).join(', ');
  throw new ReadError('FILE_UNREADABLE', `${zipName} does not hold ${what}${listed ? `; it holds ${listed}` : ''}.`);
}
