/**
 * Validated rows as kept between preview and commit: compact tuples (one per stored record, with
 * the file line they came from) rather than objects, since a price file can hold 50,000 rows.
 * Prices, the largest files, are kept column-wise instead (see PriceRecords).
 */
import type { DoseUnit } from '../../../shared/domain/units';
import type { ImportRowError } from '../../../shared/api/import-schemas';

/** [line, codeKind, code, rate, perAmount, perUnit, effectiveFrom, effectiveTo] */
export type FeeRecord = [number, 'hcpcs' | 'ndc', string, string, string, DoseUnit, string, string | null];
/**
 * Prices without an array per record (50,000 small arrays cost more in garbage collection than
 * checking their cells): record i came from file line lines[i] and is
 * cells[i * PRICE_CELLS … + 3] = ndc11, price type, price per package, effective from, the order
 * the insert binds them in.
 */
export type PriceRecords = { kind: 'prices'; lines: number[]; cells: string[] };
export const PRICE_CELLS = 4;
/** [line, hcpcs, drugName, description, dosageText, dosageAmount, dosageUnit, paymentLimit, notes] */
export type LimitRecord = [number, string, string, string, string, string | null, DoseUnit | null, string, string];

/**
 * One invoice line: [line, invoiceNumber, invoiceDate, receivedDate, totalCents, lineNumber,
 * ndc11, lotNumber, expiryDate, packageQuantity, costPerPackage, extendedCents, discountCents,
 * unitsMicro]. Invoice-level values repeat on every line; the commit takes the first line's.
 */
export type InvoiceRecord = [
  number,
  string,
  string,
  string | null,
  number | null,
  number,
  string,
  string,
  string,
  string,
  string,
  number,
  number,
  number,
];
export type InvoiceRecords = { kind: 'invoices'; rows: InvoiceRecord[] };

export type Records =
  | { kind: 'fee-schedule'; rows: FeeRecord[] }
  | PriceRecords
  | { kind: 'cms-asp' | 'cms-noc'; rows: LimitRecord[] }
  | InvoiceRecords;

export const recordCount = (records: Records): number =>
  records.kind === 'prices' ? records.lines.length : records.rows.length;

/**
 * About how much memory the records hold, for the staging budget (staging.ts): each string its
 * characters at two bytes (text outside Latin-1 takes two) plus ~32 bytes of header, each record
 * ~64 bytes of array, each number 8. On the heap, the preview of a 9.7 MB price list (180,000
 * prices) held 30 MB and that of a 12.6 MB NOC file (100,000 rows) 36 MB; this estimates 34 and
 * 56 MB for them: on the safe side. A large preview is measured on an even sample of its records
 * (at most SAMPLE of them) and scaled up: reading every cell again cost ~50 ms of a 100,000-line
 * invoice preview, for a figure that only needs to be about right.
 */
export function recordsBytes(records: Records): number {
  const values = records.kind === 'prices' ? records.cells : records.rows;
  const n = values.length;
  if (n === 0) return 0;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  let sampled = 0;
  let bytes = 0;
  for (let i = 0; i < n; i += step) {
    const v = values[i];
    bytes += Array.isArray(v)
      ? ROW_BYTES + v.reduce((sum: number, cell) => sum + valueBytes(cell), 0)
      : valueBytes(v ?? null);
    sampled++;
  }
  const perRecord = bytes / sampled;
  return Math.ceil(perRecord * n) + (records.kind === 'prices' ? 8 * records.lines.length : 0);
}

const SAMPLE = 2000;
const STRING_BYTES = 32;
const ROW_BYTES = 64;
const valueBytes = (value: unknown): number => (typeof value === 'string' ? STRING_BYTES + 2 * value.length : 8);

export function emptyRecords(kind: Records['kind']): Records {
  if (kind === 'prices') return { kind, lines: [], cells: [] };
  if (kind === 'fee-schedule') return { kind, rows: [] };
  if (kind === 'invoices') return { kind, rows: [] };
  return { kind, rows: [] };
}

/** 117050 → "1170.50", by string (no float division). */
const centsText = (cents: number): string => {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

export const MAX_ERRORS = 500;

/** Counts rows and keeps the first 500 errors; a row with any error is refused as a whole. */
export class RowCollector {
  readonly errors: ImportRowError[] = [];
  totalRows = 0;
  validRows = 0;
  refusedRows = 0;
  private bad = false;

  startRow(): void {
    this.totalRows++;
    this.bad = false;
  }

  error(row: number, column: string, code: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ row, column, code, message });
    this.bad = true;
  }

  get rowIsBad(): boolean {
    return this.bad;
  }

  /** Ends the row; true when it was taken. */
  endRow(): boolean {
    if (this.bad) this.refusedRows++;
    else this.validRows++;
    return !this.bad;
  }
}

export function sampleOf(records: Records, max = 20): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const n = Math.min(max, recordCount(records));
  for (let i = 0; i < n; i++) {
    if (records.kind === 'fee-schedule') {
      const [, codeKind, code, rate, perAmount, perUnit, effectiveFrom, effectiveTo] = records.rows[i] as FeeRecord;
      out.push({ codeKind, code, rate, perAmount, perUnit, effectiveFrom, effectiveTo: effectiveTo ?? '' });
    } else if (records.kind === 'prices') {
      const [ndc11 = '', priceType = '', pricePerPackage = '', effectiveFrom = ''] = records.cells.slice(
        i * PRICE_CELLS,
        (i + 1) * PRICE_CELLS,
      );
      out.push({ ndc11, priceType, pricePerPackage, effectiveFrom });
    } else if (records.kind === 'invoices') {
      const r = records.rows[i] as InvoiceRecord;
      out.push({
        invoiceNumber: r[1],
        invoiceDate: r[2],
        lineNumber: String(r[5]),
        ndc11: r[6],
        lotNumber: r[7],
        expiryDate: r[8],
        packageQuantity: r[9],
        costPerPackage: r[10],
        extendedCost: centsText(r[11]),
        discount: centsText(r[12]),
      });
    } else {
      const [, hcpcs, drugName, description, dosageText, dosageAmount, dosageUnit, paymentLimit, notes] = records.rows[
        i
      ] as LimitRecord;
      out.push({
        hcpcs,
        drugName,
        description,
        dosageText,
        dosageAmount: dosageAmount ?? '',
        dosageUnit: dosageUnit ?? '',
        paymentLimit,
        notes,
      });
    }
  }
  return out;
}
