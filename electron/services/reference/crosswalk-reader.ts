/**
 * The CMS ASP NDC-HCPCS crosswalk (domain.md §6) → CrosswalkRow per NDC → HCPCS pair.
 *
 * CMS publishes it each quarter as CSV or XLSX, alone or inside the quarterly ASP zip beside the
 * ASP and NOC pricing files (and the NOC, OPPS and AWP crosswalks, which have other layouts and
 * are never picked). Policy:
 * - The header is found, not assumed: the first of the top 50 rows that has both a HCPCS code
 *   column and an NDC column. CMS puts 8 or 9 title rows above it and names the code column by
 *   year (`_2025_CODE`), or `HCPCS Code`, or `HCPCS Level II Code`; the NDC column is `NDC2`
 *   (hyphenated 5-4-2) in most releases, `NDC` in others. Columns are matched by name pattern
 *   after normHeader, never by position, since CMS has moved them between releases.
 * - NDCs stay text (leading zeros!) and are normalized to 11 digits by parseNdc's rules; an
 *   unhyphenated 10-digit NDC is ambiguous and refused, never padded by guess.
 * - Quantities are kept as the file writes them; only billing units per package, which turns an
 *   invoice into billable units, must read as a decimal ("" when empty).
 * - A refused row is reported with the line a person sees, the column as headed in the file and a
 *   reason; the other rows are still read.
 * - Vaccine and immune globulin lines carry CPT codes (90371, 90686); the same code shapes the ASP
 *   pricing import accepts (cells.ts readHcpcs) are accepted here, so a whole CMS file reads clean.
 */
import type { ImportRowError } from '../../../shared/api/import-schemas';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { AppError } from '../app-error';
import { readHcpcs, readNdc, type Read } from '../imports/cells';
import { normHeader } from '../imports/header';
import { quarterFromText } from '../imports/quarter';
import { readTable, type EntryMatcher } from '../imports/read-table';
import { ReadError, type Table } from '../imports/table';
import type { CrosswalkRow, ReferenceRead } from './reference-rows';

const SCAN_ROWS = 50;

/**
 * The crosswalk inside a quarterly ASP zip: "Jan 2025 ASP NDC-HCPCS Crosswalk 122624.csv",
 * "ASP_NDC_HCPCS.xlsx". The NOC, OPPS and AWP crosswalks share the words and are left alone.
 */
export const CROSSWALK_ENTRY: EntryMatcher = {
  test: (name) => {
    const n = normHeader(name);
    return (n.includes('ndchcpcs') || n.includes('crosswalk')) && !OTHER_CROSSWALKS.test(n);
  },
  describe: 'ASP NDC-HCPCS Crosswalk',
};
const OTHER_CROSSWALKS = /noc|opps|awp/;

type Field = keyof CrosswalkRow;

/**
 * Header patterns per field, most specific first: a file with both `NDC2` and `NDC` columns
 * gives NDC2, the 11-digit one.
 */
const COLUMNS: readonly { field: Field; patterns: readonly RegExp[] }[] = [
  { field: 'hcpcs', patterns: [/^(\d{4}code|hcpcslevel(ii|2)code|hcpcscode|hcpcs|hcpc|hcpcslevel(ii|2))$/] },
  { field: 'ndc11', patterns: [/^ndc(2|11)$/, /^(ndc|ndc10|ndccode|ndcnumber)$/] },
  { field: 'shortDescription', patterns: [/^(shortdescription|shortdesc|description)$/] },
  { field: 'labelerName', patterns: [/^(labelername|labeler|manufacturer)$/] },
  { field: 'drugName', patterns: [/^(drugname|drug|productname)$/] },
  { field: 'hcpcsDosage', patterns: [/^(hcpcsdosage|hcpcscodedosage|dosage)$/] },
  { field: 'packageSize', patterns: [/^(pkgsize|packagesize)$/] },
  { field: 'packageQuantity', patterns: [/^(pkgqty|pkgquantity|packageqty|packagequantity)$/] },
  { field: 'billUnits', patterns: [/^(billunits|billingunits)$/] },
  {
    field: 'billUnitsPerPackage',
    patterns: [/^(billunitspkg|billingunitspkg|billunitsperpackage|billingunitsperpackage|billunitspackage)$/],
  },
];

type Located = { index: number; at: Record<Field, number>; headers: string[] };

export async function readCrosswalk(bytes: Buffer, fileName: string): Promise<ReferenceRead<CrosswalkRow>> {
  const table = await readReferenceTable(bytes, fileName, CROSSWALK_ENTRY);
  const located = locateCrosswalkHeader(table);
  const { rows, errors, totalRows } = readRows(table, located);
  return {
    source: table.source,
    totalRows,
    rows,
    errors,
    release: quarterFromText(fileName) ?? quarterFromText(table.source) ?? titleQuarter(table, located.index),
  };
}

async function readReferenceTable(bytes: Buffer, fileName: string, entry: EntryMatcher): Promise<Table> {
  try {
    return await readTable(bytes, fileName, entry);
  } catch (err) {
    // Readers throw AppError only, with the codes the import wizard already uses for a bad file.
    if (err instanceof ReadError)
      throw new AppError(err.code === 'FILE_EMPTY' ? 'FILE_UNREADABLE' : err.code, err.message);
    throw err;
  }
}

function locateCrosswalkHeader(table: Table): Located {
  const scan = Math.min(SCAN_ROWS, table.rowCount);
  for (let r = 0; r < scan; r++) {
    const headers = table.row(r);
    const norms = headers.map(normHeader);
    const at = {} as Record<Field, number>;
    const taken = new Set<number>();
    for (const { field, patterns } of COLUMNS) {
      at[field] = findColumn(norms, patterns, taken);
      if (at[field] >= 0) taken.add(at[field]);
    }
    if (at.hcpcs >= 0 && at.ndc11 >= 0) return { index: r, at, headers };
  }
  throw new AppError(
    'REFERENCE_HEADER_NOT_FOUND',
    `No header row was found in the first ${SCAN_ROWS} rows of ${table.source}: an ASP NDC-HCPCS crosswalk has a HCPCS code column (headed like "_2025_CODE", "HCPCS Code" or "HCPCS Level II Code") and an NDC column ("NDC2" or "NDC"). Check that this is the NDC-HCPCS crosswalk from the CMS ASP pricing files.`,
  );
}

/** The first column (not already taken) matching the first pattern that matches any column. */
function findColumn(norms: readonly string[], patterns: readonly RegExp[], taken: ReadonlySet<number>): number {
  for (const pattern of patterns) {
    const i = norms.findIndex((n, c) => !taken.has(c) && n !== '' && pattern.test(n));
    if (i >= 0) return i;
  }
  return -1;
}

function readRows(
  table: Table,
  { index, at, headers }: Located,
): { rows: CrosswalkRow[]; errors: ImportRowError[]; totalRows: number } {
  const rows: CrosswalkRow[] = [];
  const errors: ImportRowError[] = [];
  let totalRows = 0;
  const cells: string[] = [];
  const cell = (field: Field): string => {
    const i = at[field];
    return i < 0 ? '' : (cells[i] ?? '');
  };
  const header = (field: Field): string => headers[at[field]] || `Column ${at[field] + 1}`;

  for (let r = index + 1; r < table.rowCount; r++) {
    const n = table.rowInto(r, cells);
    if (isBlank(cells, n)) continue;
    totalRows++;
    const line = table.lines[r] ?? r + 1;
    let refused = false;
    const take = (field: Field, read: Read<string>): string => {
      if (read.ok) return read.value;
      refused = true;
      errors.push({ row: line, column: header(field), code: read.code, message: read.message });
      return '';
    };
    const hcpcs = take('hcpcs', readHcpcs(cell('hcpcs'), 'HCPCS code'));
    const ndc11 = take('ndc11', readNdc(cell('ndc11')));
    const billUnitsPerPackage =
      at.billUnitsPerPackage < 0 ? '' : take('billUnitsPerPackage', readUnitsPerPackage(cell('billUnitsPerPackage')));
    if (refused) continue;
    rows.push({
      ndc11,
      hcpcs,
      shortDescription: cell('shortDescription'),
      labelerName: cell('labelerName'),
      drugName: cell('drugName'),
      hcpcsDosage: cell('hcpcsDosage'),
      packageSize: cell('packageSize'),
      packageQuantity: cell('packageQuantity'),
      billUnits: cell('billUnits'),
      billUnitsPerPackage,
    });
  }
  return { rows, errors, totalRows };
}

function isBlank(cells: readonly string[], n: number): boolean {
  for (let i = 0; i < n; i++) if (cells[i] !== '') return false;
  return true;
}

const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Billing units per package as exact decimal text. Any number of decimal places is kept (CMS
 * divides package contents by the code's dose, e.g. 0.333333): refusing long decimals would refuse
 * real rows. Thousands commas, as a spreadsheet prints 1,000, are dropped.
 */
function readUnitsPerPackage(raw: string): Read<string> {
  if (raw === '' || DECIMAL.test(raw)) return { ok: true, value: raw };
  if (THOUSANDS.test(raw)) return { ok: true, value: raw.replace(/,/g, '') };
  return {
    ok: false,
    code: 'BILL_UNITS_INVALID',
    message: `Billing units per package "${clipQuoted(raw)}" is not a number; it should be how many billing units one package holds, such as 100 or 0.5.`,
  };
}

/** The quarter the title rows above the header name ("January 2025 ASP NDC-HCPCS Crosswalk"). */
function titleQuarter(table: Table, headerIndex: number): string | null {
  for (let r = 0; r < headerIndex; r++) {
    const q = quarterFromText(table.row(r).join(' '));
    if (q) return q;
  }
  return null;
}
