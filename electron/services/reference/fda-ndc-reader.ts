/**
 * The FDA NDC directory (domain.md §6) → one FdaPackageRow per package, joined with its product.
 *
 * Input: the zip the FDA publishes (ndctext.zip with product.txt and package.txt; the unfinished
 * and excluded zips name theirs unfinished_product.txt, Products_excluded.txt,
 * Packages_excluded.txt), or the two text files chosen together. A file is the package list when
 * its name says "package", the product list when it says "product"; two loose files whose names
 * say neither are told apart by their header (only the package list has NDCPACKAGECODE).
 *
 * Policy:
 * - Tab-delimited with a header row; columns are found by their published names, never by
 *   position. Bytes are decoded once per file (decodeText: UTF-8 when valid, else Windows-1252,
 *   which is how the FDA writes them).
 * - NDCPACKAGECODE is the hyphenated 10-digit code (4-4-2, 5-3-2 or 5-4-1); it becomes the 11-digit
 *   billing form by parseNdc's rules (packageNdc11 applies them to the three shapes directly). Anything else (an 11-digit code, digits without hyphens) is
 *   refused: this directory is what resolves the other files' ambiguous NDCs, so it must not guess.
 * - A refused row (bad NDC, a PRODUCTID with no product, a date that is not YYYYMMDD, an NDC listed
 *   twice) is reported once, with its package.txt line, column and reason; the rest are read.
 *   A product with a bad date refuses its packages, naming the product's line.
 * - Excluded means NDC_EXCLUDE_FLAG is set to anything but N on the package or its product: the
 *   main files write N, the excluded files E, I, D or U, and some copies Y.
 * - A missing column the rows cannot do without, or a file that is not tab-delimited, refuses the
 *   whole file (REFERENCE_HEADER_NOT_FOUND); the unfinished files leave out some other columns
 *   (route, pharmacologic classes…), which then read as "".
 *
 * Speed: ≈ 250,000 packages and 130,000 products (≈ 90 MB of text) must read in well under a
 * second. Lines are walked with indexOf on the decoded text and each line's cells are kept as
 * offsets, so only the cells a row keeps become strings; the product map is built once and a
 * package finds its product by following the product list before hashing; dates are made once
 * per distinct day; NDCs listed twice are found by sorting numbers, not with a map of strings.
 */
import type { ImportRowError } from '../../../shared/api/import-schemas';
import { daysInMonth } from '../../../shared/domain/iso-date';
import { parseNdc } from '../../../shared/domain/ndc';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { AppError } from '../app-error';
import { decodeText } from '../imports/decode';
import { ReadError } from '../imports/table';
import { isZip, openZip } from '../imports/zip-archive';
import type { FdaPackageRow, ReferenceRead } from './reference-rows';

type Role = 'product' | 'package';
type TextFile = { name: string; text: string };

const PRODUCT_REQUIRED = ['PRODUCTID', 'PRODUCTNDC'] as const;
const PACKAGE_REQUIRED = ['PRODUCTID', 'NDCPACKAGECODE'] as const;

/** What a package takes from its product; `refusal` set when the product's own row is unusable. */
type Product = {
  id: string;
  /** Its place among the products, in file order. */
  index: number;
  line: number;
  productNdc: string;
  proprietaryName: string;
  nonproprietaryName: string;
  dosageForm: string;
  route: string;
  labelerName: string;
  strength: string;
  pharmClasses: string;
  productType: string;
  marketingCategory: string;
  startMarketing: string | null;
  endMarketing: string | null;
  excluded: boolean;
  refusal: { column: string; message: string } | null;
};

export async function readFdaNdc(files: { fileName: string; bytes: Buffer }[]): Promise<ReferenceRead<FdaPackageRow>> {
  const { product, pkg, source } = await locateFiles(files);
  const dates = new DateReader();
  const products = readProducts(product, dates);
  const { rows, errors, totalRows } = readPackages(pkg, product.name, products, dates);
  // The FDA files state no release date; the import names the release by the day it ran.
  return { source, totalRows, rows, errors, release: null };
}

// ---- finding the two files -----------------------------------------------------------------

const baseName = (name: string): string => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

function roleByName(name: string): Role | null {
  const base = baseName(name).toLowerCase();
  // "._product.txt" and the like are a Mac's leftovers inside a zip, never the data.
  if (base.startsWith('.')) return null;
  if (base.includes('package')) return 'package';
  if (base.includes('product')) return 'product';
  return null;
}

const roleByHeader = (text: string): Role => {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).toUpperCase().includes('NDCPACKAGECODE') ? 'package' : 'product';
};

const missing = (message: string): AppError => new AppError('FDA_FILE_MISSING', message);
const CHOOSE = 'Choose the zip the FDA publishes (ndctext.zip), or its product.txt and package.txt files together.';

async function locateFiles(
  files: { fileName: string; bytes: Buffer }[],
): Promise<{ product: TextFile; pkg: TextFile; source: string }> {
  const only = files.length === 1 ? files[0] : undefined;
  if (only && isZip(only.bytes)) return fromZip(only.fileName, only.bytes);
  if (files.length !== 2 || files.some((f) => isZip(f.bytes))) {
    throw missing(
      files.length === 1
        ? `${clipQuoted(only?.fileName ?? '')} is one file; the FDA NDC directory is two (product.txt and package.txt). ${CHOOSE}`
        : CHOOSE,
    );
  }
  const texts = files.map((f) => ({ name: baseName(f.fileName), text: decodeText(f.bytes).text }));
  const [a, b] = texts as [TextFile, TextFile];
  let ra = roleByName(a.name);
  let rb = roleByName(b.name);
  if (ra === null || rb === null || ra === rb) {
    ra = roleByHeader(a.text);
    rb = roleByHeader(b.text);
  }
  if (ra === rb) {
    throw missing(
      `${clipQuoted(a.name)} and ${clipQuoted(b.name)} are both the ${ra} list; the ${ra === 'product' ? 'package' : 'product'} list (${ra === 'product' ? 'package' : 'product'}.txt) is missing. ${CHOOSE}`,
    );
  }
  const [product, pkg] = ra === 'product' ? [a, b] : [b, a];
  return { product, pkg, source: `${pkg.name} + ${product.name}` };
}

async function fromZip(zipName: string, bytes: Buffer): Promise<{ product: TextFile; pkg: TextFile; source: string }> {
  const zipLabel = baseName(zipName);
  let archive;
  try {
    archive = await openZip(bytes, zipLabel);
  } catch (err) {
    throw asAppError(err);
  }
  try {
    const pick = (role: Role): string => {
      const all = archive.names.filter((n) => roleByName(n) === role);
      // ndcxls.zip holds the same tab-delimited text named .xls; a .txt is preferred when both exist.
      const txt = all.filter((n) => n.toLowerCase().endsWith('.txt'));
      const found = txt.length > 0 ? txt : all;
      if (found.length === 0) {
        throw missing(
          `${clipQuoted(zipLabel)} holds no ${role} list (${role}.txt), so the FDA NDC directory cannot be read from it. ${CHOOSE}`,
        );
      }
      if (found.length > 1) {
        throw new AppError(
          'FDA_FILE_AMBIGUOUS',
          `${clipQuoted(zipLabel)} holds more than one ${role} list (${found.map((n) => clipQuoted(n)).join(', ')}); choose the two files to read instead.`,
        );
      }
      return found[0] as string;
    };
    const productName = pick('product');
    const packageName = pick('package');
    const read = async (name: string): Promise<TextFile> => ({
      name: baseName(name),
      text: decodeText(await archive.read(name)).text,
    });
    const pkg = await read(packageName);
    const product = await read(productName);
    return { product, pkg, source: `${zipLabel} › ${pkg.name} + ${product.name}` };
  } catch (err) {
    throw asAppError(err);
  } finally {
    archive.close();
  }
}

// Readers throw AppError only, with the codes the import wizard already uses for a bad file.
const asAppError = (err: unknown): unknown =>
  err instanceof ReadError ? new AppError(err.code === 'FILE_EMPTY' ? 'FILE_UNREADABLE' : err.code, err.message) : err;

// ---- the tab-delimited text ----------------------------------------------------------------

/**
 * One line of a tab-delimited file, as cell bounds into the file's text: cell i is
 * text.slice(start[i], end[i]), already trimmed. Only the cells a row keeps become strings; dates
 * and flags are read from the text in place. Index `width` is always an empty cell, so a column
 * the file lacks reads as "".
 */
class Line {
  readonly start: Int32Array;
  readonly end: Int32Array;
  number = 1;

  constructor(
    readonly text: string,
    readonly width: number,
  ) {
    this.start = new Int32Array(width + 1);
    this.end = new Int32Array(width + 1);
  }

  str(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** The cell is one of the letters given (upper or lower case): "Y" and "N" flags. */
  isLetter(i: number, upper: number): boolean {
    const s = this.start[i] as number;
    if ((this.end[i] as number) - s !== 1) return false;
    const c = this.text.charCodeAt(s);
    return c === upper || c === upper + 32;
  }

  isEmpty(i: number): boolean {
    return this.start[i] === this.end[i];
  }

  /** The cell reads `text`, compared in place. */
  is(i: number, text: string): boolean {
    const s = this.start[i] as number;
    if ((this.end[i] as number) - s !== text.length) return false;
    for (let k = 0; k < text.length; k++) if (this.text.charCodeAt(s + k) !== text.charCodeAt(k)) return false;
    return true;
  }
}

type Header = { width: number; at: (name: string) => number; bodyStart: number };

function header(file: TextFile, role: Role, required: readonly string[]): Header {
  const text = file.text;
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const bodyStart = Math.min(end + 1, text.length);
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  const first = text.slice(0, end);
  if (first.indexOf('\t') < 0) {
    throw new AppError(
      'REFERENCE_HEADER_NOT_FOUND',
      first.trim() === ''
        ? `${clipQuoted(file.name)} is empty; it should be the FDA's ${role} list, tab-delimited with a header row.`
        : `${clipQuoted(file.name)} is not the FDA's tab-delimited ${role} list: its first line has no tabs.`,
    );
  }
  const names = first.split('\t').map((h) => h.trim().replace(/^"|"$/g, '').toUpperCase());
  const absent = required.filter((r) => !names.includes(r));
  if (absent.length > 0) {
    throw new AppError(
      'REFERENCE_HEADER_NOT_FOUND',
      `${clipQuoted(file.name)} has no ${absent.join(' or ')} column, so it is not the FDA's ${role} list as published.`,
    );
  }
  const width = names.length;
  return {
    width,
    at: (name) => {
      const i = names.indexOf(name);
      return i < 0 ? width : i;
    },
    bodyStart,
  };
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 160;

/**
 * Calls `row` for each non-empty line after the header, `line` holding its cells (reused: a row
 * reader reads it and never keeps it; cells past the line's last tab are empty) and its number,
 * the header being line 1. Lines end in LF or CR/LF.
 */
function eachRow(text: string, from: number, width: number, row: (line: Line) => void): void {
  const line = new Line(text, width);
  const { start: starts, end: ends } = line;
  const length = text.length;
  let pos = from;
  while (pos < length) {
    line.number++;
    let next = text.indexOf('\n', pos);
    if (next < 0) next = length;
    let end = next;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end > pos) {
      let c = 0;
      let s = pos;
      while (c < width) {
        let tab = text.indexOf('\t', s);
        if (tab < 0 || tab > end) tab = end;
        let e = tab;
        while (s < e && isSpace(text.charCodeAt(s))) s++;
        while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
        starts[c] = s;
        ends[c] = e;
        c++;
        if (tab === end) break;
        s = tab + 1;
      }
      for (; c < width; c++) ends[c] = starts[c] = 0;
      row(line);
    }
    pos = next + 1;
  }
}

/**
 * YYYYMMDD cells → yyyy-mm-dd, read from the text in place. A directory has 750,000 date cells but
 * only a few thousand distinct dates, so each date's text is made once and kept in a table indexed
 * by the date itself (years 1900–2099), cheaper than hashing the cell.
 */
class DateReader {
  private static readonly FIRST_YEAR = 1900;
  private readonly known: (string | undefined)[] = new Array<string | undefined>(200 * 372).fill(undefined);

  /** null for an empty cell, undefined for text that is not a real date. */
  read(line: Line, i: number): string | null | undefined {
    const s = line.start[i] as number;
    const e = line.end[i] as number;
    if (s === e) return null;
    if (e - s !== 8) return undefined;
    const text = line.text;
    let year = 0;
    let month = 0;
    let day = 0;
    for (let k = 0; k < 8; k++) {
      const d = text.charCodeAt(s + k) - 48;
      if (d < 0 || d > 9) return undefined;
      if (k < 4) year = year * 10 + d;
      else if (k < 6) month = month * 10 + d;
      else day = day * 10 + d;
    }
    if (year < DateReader.FIRST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return undefined;
    }
    const slot = (year - DateReader.FIRST_YEAR) * 372 + (month - 1) * 31 + (day - 1);
    const known = this.known[slot];
    if (known !== undefined) return known;
    const raw = line.str(i);
    const iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}`;
    if (slot < this.known.length) this.known[slot] = iso;
    return iso;
  }
}

const badDate = (label: string, raw: string): string =>
  `${label} "${clipQuoted(raw)}" is not a date; the FDA writes dates as YYYYMMDD, e.g. 20240131.`;

/** Set to anything but N (the excluded files write E, I, D or U; some copies Y). */
const isExcluded = (line: Line, i: number): boolean => !line.isEmpty(i) && !line.isLetter(i, 78);

/** "2" + "mg/mL" → "2 mg/mL"; "160; 4.5" + "ug/1; ug/1" → "160 ug/1; 4.5 ug/1". */
function strengthOf(numerator: string, unit: string): string {
  if (numerator === '') return '';
  if (unit === '') return numerator;
  if (numerator.indexOf(';') < 0) return `${numerator} ${unit}`;
  const nums = numerator.split(';');
  const units = unit.split(';');
  if (nums.length !== units.length) return `${numerator} ${unit}`;
  return nums.map((n, i) => `${n.trim()} ${(units[i] as string).trim()}`).join('; ');
}

// ---- product.txt ---------------------------------------------------------------------------

/** The products by PRODUCTID, and in file order (see readPackages). */
type Products = { byId: Map<string, Product>; list: Product[] };

function readProducts(file: TextFile, dates: DateReader): Products {
  const h = header(file, 'product', PRODUCT_REQUIRED);
  const col = {
    id: h.at('PRODUCTID'),
    ndc: h.at('PRODUCTNDC'),
    type: h.at('PRODUCTTYPENAME'),
    name: h.at('PROPRIETARYNAME'),
    suffix: h.at('PROPRIETARYNAMESUFFIX'),
    generic: h.at('NONPROPRIETARYNAME'),
    form: h.at('DOSAGEFORMNAME'),
    route: h.at('ROUTENAME'),
    start: h.at('STARTMARKETINGDATE'),
    end: h.at('ENDMARKETINGDATE'),
    category: h.at('MARKETINGCATEGORYNAME'),
    labeler: h.at('LABELERNAME'),
    numerator: h.at('ACTIVE_NUMERATOR_STRENGTH'),
    unit: h.at('ACTIVE_INGRED_UNIT'),
    classes: h.at('PHARM_CLASSES'),
    exclude: h.at('NDC_EXCLUDE_FLAG'),
  };
  const byId = new Map<string, Product>();
  const list: Product[] = [];
  eachRow(file.text, h.bodyStart, h.width, (line) => {
    const id = line.str(col.id);
    // A PRODUCTID listed twice keeps its first row: its packages cannot say which they meant.
    if (id === '' || byId.has(id)) return;
    const start = dates.read(line, col.start);
    const end = dates.read(line, col.end);
    const name = line.str(col.name);
    const suffix = line.isEmpty(col.suffix) ? '' : line.str(col.suffix);
    const product: Product = {
      id,
      index: list.length,
      line: line.number,
      productNdc: line.str(col.ndc),
      // "Seroquel" + "XR": the suffix is part of the name a biller recognises.
      proprietaryName: suffix === '' ? name : name === '' ? suffix : `${name} ${suffix}`,
      nonproprietaryName: line.str(col.generic),
      dosageForm: line.str(col.form),
      route: line.str(col.route),
      labelerName: line.str(col.labeler),
      strength: strengthOf(line.str(col.numerator), line.str(col.unit)),
      pharmClasses: line.str(col.classes),
      productType: line.str(col.type),
      marketingCategory: line.str(col.category),
      startMarketing: start ?? null,
      endMarketing: end ?? null,
      excluded: isExcluded(line, col.exclude),
      refusal:
        start === undefined
          ? { column: 'STARTMARKETINGDATE', message: badDate('STARTMARKETINGDATE', line.str(col.start)) }
          : end === undefined
            ? { column: 'ENDMARKETINGDATE', message: badDate('ENDMARKETINGDATE', line.str(col.end)) }
            : null,
    };
    byId.set(id, product);
    list.push(product);
  });
  return { byId, list };
}

// ---- package.txt ---------------------------------------------------------------------------

function readPackages(
  file: TextFile,
  productFile: string,
  products: Products,
  dates: DateReader,
): { rows: FdaPackageRow[]; errors: ImportRowError[]; totalRows: number } {
  const h = header(file, 'package', PACKAGE_REQUIRED);
  const col = {
    id: h.at('PRODUCTID'),
    productNdc: h.at('PRODUCTNDC'),
    code: h.at('NDCPACKAGECODE'),
    description: h.at('PACKAGEDESCRIPTION'),
    start: h.at('STARTMARKETINGDATE'),
    end: h.at('ENDMARKETINGDATE'),
    exclude: h.at('NDC_EXCLUDE_FLAG'),
    sample: h.at('SAMPLE_PACKAGE'),
  };
  const rows: FdaPackageRow[] = [];
  const lines: number[] = [];
  const errors: ImportRowError[] = [];
  let totalRows = 0;
  const productLabel = clipQuoted(productFile);
  // Packages come grouped by product, in the products' order: the product of a package is
  // nearly always the one before's or the next in the list, found without hashing its long
  // PRODUCTID; any other order still finds it through the map, only slower.
  const { byId, list } = products;
  let at = -1;

  eachRow(file.text, h.bodyStart, h.width, (line) => {
    totalRows++;
    const row = line.number;
    const code = line.str(col.code);
    let ndc11 = packageNdc11(code);
    const ndc = ndc11 === null ? parseNdc(code) : null;
    if (ndc !== null && ndc.ok && ndc.format !== '5-4-2') ndc11 = ndc.ndc11;
    if (ndc11 === null) {
      errors.push({
        row,
        column: 'NDCPACKAGECODE',
        code: 'NDC_INVALID',
        message:
          code === ''
            ? 'NDCPACKAGECODE is empty, so this package has no NDC.'
            : `NDCPACKAGECODE "${clipQuoted(code)}" is not a 10-digit NDC with hyphens (4-4-2, 5-3-2 or 5-4-1, e.g. 0002-7597-01), as the FDA writes it.`,
      });
      return;
    }
    const id = line.str(col.id);
    let product = list[at];
    if (product === undefined || product.id !== id) {
      product = list[at + 1];
      if (product === undefined || product.id !== id) product = byId.get(id);
      if (product !== undefined) at = product.index;
    }
    if (product === undefined) {
      errors.push({
        row,
        column: 'PRODUCTID',
        code: 'FDA_PRODUCT_NOT_FOUND',
        message: `${code}: its PRODUCTID "${clipQuoted(id)}" is not in ${productLabel}, so its drug name and strength are unknown.`,
      });
      return;
    }
    if (product.refusal !== null) {
      errors.push({
        row,
        column: `${product.refusal.column} (${productLabel})`,
        code: 'DATE_INVALID',
        message: `${code}: its product on line ${product.line} of ${productLabel} was refused. ${product.refusal.message}`,
      });
      return;
    }
    const start = dates.read(line, col.start);
    const end = dates.read(line, col.end);
    if (start === undefined || end === undefined) {
      const column = start === undefined ? 'STARTMARKETINGDATE' : 'ENDMARKETINGDATE';
      const raw = line.str(start === undefined ? col.start : col.end);
      errors.push({ row, column, code: 'DATE_INVALID', message: `${code}: ${badDate(column, raw)}` });
      return;
    }
    rows.push({
      ndc11,
      packageCode: code,
      // The product's own string when the package repeats it, as it always does: one string, not 250,000.
      productNdc:
        line.isEmpty(col.productNdc) || line.is(col.productNdc, product.productNdc)
          ? product.productNdc
          : line.str(col.productNdc),
      packageDescription: line.str(col.description),
      proprietaryName: product.proprietaryName,
      nonproprietaryName: product.nonproprietaryName,
      dosageForm: product.dosageForm,
      route: product.route,
      labelerName: product.labelerName,
      strength: product.strength,
      pharmClasses: product.pharmClasses,
      productType: product.productType,
      marketingCategory: product.marketingCategory,
      startMarketing: start ?? product.startMarketing,
      endMarketing: end ?? product.endMarketing,
      excluded: product.excluded || isExcluded(line, col.exclude),
      sample: line.isLetter(col.sample, 89),
    });
    lines.push(row);
  });
  return { ...withoutRepeats(rows, lines, errors), totalRows };
}

/**
 * A package code of one of the three shapes the FDA writes (4-4-2, 5-3-2, 5-4-1: 12 characters)
 * → its 11 digits, padded where parseNdc pads them, checked character by character: parseNdc's
 * regular expression and match arrays cost a tenth of the whole read over 250,000 codes. Anything
 * else → null, and parseNdc decides. The unit tests hold the two to the same answers.
 */
export function packageNdc11(code: string): string | null {
  if (code.length !== 12) return null;
  const h1 = code.charCodeAt(4) === 45 ? 4 : code.charCodeAt(5) === 45 ? 5 : -1;
  const h2 = code.charCodeAt(9) === 45 ? 9 : code.charCodeAt(10) === 45 ? 10 : -1;
  if (h1 < 0 || h2 < 0 || (h1 === 4 && h2 === 10)) return null;
  for (let i = 0; i < 12; i++) {
    if (i === h1 || i === h2) continue;
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const d = (i: number): number => code.charCodeAt(i);
  if (h1 === 4) return String.fromCharCode(48, d(0), d(1), d(2), d(3), d(5), d(6), d(7), d(8), d(10), d(11));
  if (h2 === 9) return String.fromCharCode(d(0), d(1), d(2), d(3), d(4), 48, d(6), d(7), d(8), d(10), d(11));
  return String.fromCharCode(d(0), d(1), d(2), d(3), d(4), d(6), d(7), d(8), d(9), 48, d(11));
}

/**
 * An NDC listed twice keeps its first listing; the later ones are refused. Repeats are found by
 * sorting the NDCs as numbers (11 digits are exact in a double), several times cheaper than a map
 * of 250,000 strings; a directory without repeats, the usual case, is returned as read.
 */
function withoutRepeats(
  rows: FdaPackageRow[],
  lines: number[],
  errors: ImportRowError[],
): { rows: FdaPackageRow[]; errors: ImportRowError[] } {
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = Number((rows[i] as FdaPackageRow).ndc11);
  const sorted = keys.slice().sort();
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i] as number);
  if (repeated.size === 0) return { rows, errors };

  const firstLine = new Map<number, number>();
  const kept: FdaPackageRow[] = [];
  const refused: ImportRowError[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as FdaPackageRow;
    const key = keys[i] as number;
    const first = repeated.has(key) ? firstLine.get(key) : undefined;
    if (first === undefined) {
      if (repeated.has(key)) firstLine.set(key, lines[i] as number);
      kept.push(r);
      continue;
    }
    refused.push({
      row: lines[i] as number,
      column: 'NDCPACKAGECODE',
      code: 'NDC_DUPLICATE',
      message: `${r.packageCode} is listed again (first on line ${first}); the first listing is kept.`,
    });
  }
  // Every refusal in file order, as the other readers report them.
  return { rows: kept, errors: [...errors, ...refused].sort((a, b) => a.row - b.row) };
}
