/**
 * The row reader of a distributor's invoice file: one row per invoice line, grouped into invoices
 * by invoice number, all for the one supplier the person chose. Each line is checked the way the
 * invoice form checks it (shared/domain/invoice.ts, invoice-repository.ts): an NDC in the catalog,
 * a lot, a real expiry, packages that count to whole micro-units, money in cents.
 *
 * Refusals beyond a single cell:
 *   an invoice number already recorded for this supplier → every row of it, INVOICE_DUPLICATE
 *   the same (invoice number, line) twice in the file    → LINE_DUPLICATE
 *   rows of one invoice with different invoice dates     → INVOICE_DATE_CONFLICT
 * An invoice is imported whole or not at all: when any of its rows is refused, its other rows are
 * refused too (INVOICE_INCOMPLETE), so the corrected file can be imported later without the
 * number being taken by a partial invoice.
 */
import { extendedCostOf } from '../../../shared/domain/invoice';
import { parseAmount, parseCents } from '../../../shared/domain/money';
import { packagesToMicro } from '../../../shared/domain/stock-quantity';
import { readAmount, readNdc, requiredMissing, type Read } from './cells';
import { quickAmount, quickNdc11 } from './quick-cells';
import { column, dateReader, type Column, type RowContext } from './row-context';
import type { InvoiceRecord, InvoiceRecords } from './staged-rows';

const MAX_INVOICE_NUMBER = 60;
const MAX_LOT = 40;
const LINE_NUMBER = /^\d{1,6}$/;

/*
 * Fast paths for the plain decimals nearly every cell holds ("1170.00", "2"): their canonical
 * text and cents are worked out on the digits, as decimal.js would give them, with no Decimal
 * made per cell (eight per row were most of the preview of a 100,000-line file). Anything else
 * (a "$1,170.00", a refusal) goes through readAmount and parseAmount. No amount becomes a float:
 * cents are read from a string of at most 15 digits, an exact integer.
 */

/** Decimal places of a plain decimal, trailing zeros not counted. */
function decimalsOf(plain: string): number {
  const point = plain.indexOf('.');
  if (point < 0) return 0;
  let end = plain.length;
  while (end > point + 1 && plain.charCodeAt(end - 1) === 48) end--;
  return end - point - 1;
}

/** "0010.500" → "10.5", "3.00" → "3": what Decimal#toFixed() prints. */
function canonicalOf(plain: string): string {
  const point = plain.indexOf('.');
  let whole = point < 0 ? plain : plain.slice(0, point);
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  whole = whole.slice(start);
  if (point < 0) return whole;
  const fraction = plain.slice(point + 1, point + 1 + decimalsOf(plain));
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** A plain decimal of at most 2 places → integer cents ("1170.5" → 117050). */
function centsOfPlain(plain: string): number {
  const point = plain.indexOf('.');
  const whole = point < 0 ? plain : plain.slice(0, point);
  const fraction = point < 0 ? '' : plain.slice(point + 1, point + 3);
  return Number(`${whole}${fraction.padEnd(2, '0')}`);
}

/** "1170" → "1170.00", "12.3456" stays: as the invoice form stores a cost per package. */
function canonicalCost(canonical: string): string {
  const point = canonical.indexOf('.');
  if (point < 0) return `${canonical}.00`;
  return canonical.length - point - 1 === 1 ? `${canonical}0` : canonical;
}

/** An amount as the file prints it ("$1,170.00"), then held to the invoice form's decimals. */
function readDecimal(raw: string, label: string, maxDecimals: number, allowZero: boolean): Read<string> {
  const plain = quickAmount(raw, allowZero);
  if (plain !== null && decimalsOf(plain) <= maxDecimals) return { ok: true, value: canonicalOf(plain) };
  const read = readAmount(raw, label, { allowZero });
  if (!read.ok) return read;
  const r = parseAmount(read.value, { maxDecimals, allowZero, label });
  return r.ok ? { ok: true, value: r.value.toFixed() } : { ok: false, code: r.error.code, message: r.error.message };
}

function readCents(raw: string, label: string): Read<number> {
  const plain = quickAmount(raw, true);
  if (plain !== null && decimalsOf(plain) <= 2) return { ok: true, value: centsOfPlain(plain) };
  const read = readAmount(raw, label, { allowZero: true });
  if (!read.ok) return read;
  const r = parseCents(read.value, { label });
  return r.ok ? { ok: true, value: r.cents } : { ok: false, code: r.error.code, message: r.error.message };
}

/** packagesToMicro, remembered: a file repeats a few quantities of a few package sizes. */
function microReader(): (quantity: string, packageSize: string) => number | null {
  const known = new Map<string, number | null>();
  return (quantity, packageSize) => {
    const key = `${quantity}|${packageSize}`;
    let micro = known.get(key);
    if (micro === undefined) {
      micro = packagesToMicro(quantity, packageSize);
      if (known.size < 10_000) known.set(key, micro);
    }
    return micro;
  };
}

export function invoiceRows(ctx: RowContext, out: InvoiceRecords) {
  const drugs = ctx.existing.packageSizes;
  if (!drugs) throw new TypeError('An invoice import is validated against the drug catalog; none was loaded.');
  const number = column(ctx, 'invoiceNumber');
  const date = column(ctx, 'invoiceDate');
  const lineNo = column(ctx, 'lineNumber');
  const ndc = column(ctx, 'ndc');
  const lot = column(ctx, 'lotNumber');
  const expiry = column(ctx, 'expiryDate');
  const packages = column(ctx, 'packageQuantity');
  const cost = column(ctx, 'costPerPackage');
  const extended = column(ctx, 'extendedCost');
  const discount = column(ctx, 'discount');
  const received = column(ctx, 'receivedDate');
  const total = column(ctx, 'total');
  const invoiceDate = dateReader('Invoice date');
  const expiryDate = dateReader('Expiry date');
  const receivedDate = dateReader('Received date');
  const unitsOf = microReader();
  const c = ctx.collector;

  /** Per invoice number: its date and the line it was first read from, and rows seen so far. */
  const dated = new Map<string, { date: string; line: number }>();
  const rowsSeen = new Map<string, number>();
  const refusedInvoices = new Set<string>();

  const optional = <T>(col: Column, cells: string[], line: number, read: (raw: string) => Read<T>): T | null => {
    const text = col.text(cells);
    return text === '' ? null : col.take(line, read(text));
  };

  const row = (cells: string[], line: number): void => {
    const invoiceNumber = number.text(cells);
    if (invoiceNumber === '') number.take(line, requiredMissing('Invoice number'));
    else if (invoiceNumber.length > MAX_INVOICE_NUMBER) {
      c.error(line, number.header, 'TEXT_TOO_LONG', `Invoice number "${invoiceNumber}" is longer than 60 characters.`);
    }
    const position = (rowsSeen.get(invoiceNumber) ?? 0) + 1;
    rowsSeen.set(invoiceNumber, position);

    const dateValue = date.take(line, invoiceDate(date.text(cells)));
    let lineNumber: number | null = position;
    if (lineNo.at >= 0) {
      const text = lineNo.text(cells);
      lineNumber = LINE_NUMBER.test(text) && Number(text) > 0 ? Number(text) : null;
      if (text === '') lineNo.take(line, requiredMissing('Line'));
      else if (lineNumber === null) {
        c.error(line, lineNo.header, 'LINE_INVALID', `Line "${text}" is not a line number (1, 2, 3…).`);
      }
    }

    const ndcText = ndc.text(cells);
    const ndc11 = quickNdc11(ndcText) ?? ndc.take(line, readNdc(ndcText));
    const packageSize = ndc11 === null ? undefined : drugs.get(ndc11);
    if (ndc11 !== null && packageSize === undefined) {
      c.error(
        line,
        ndc.header,
        'NDC_UNKNOWN',
        `NDC ${ndcText} is not in the drug catalog; add the drug first, then import the invoice.`,
      );
    }
    const lotNumber = lot.text(cells);
    if (lotNumber === '') lot.take(line, requiredMissing('Lot number'));
    else if (lotNumber.length > MAX_LOT) {
      c.error(line, lot.header, 'TEXT_TOO_LONG', `Lot number "${lotNumber}" is longer than 40 characters.`);
    }
    const expiryValue = expiry.take(line, expiryDate(expiry.text(cells)));
    const quantity = packages.take(line, readDecimal(packages.text(cells), 'Packages', 3, false));
    const costValue = cost.take(line, readDecimal(cost.text(cells), 'Cost per package', 4, true));
    const extendedRaw = extended.text(cells);
    const extendedText = optional(extended, cells, line, (raw) => readDecimal(raw, 'Extended cost', 2, true));
    const discountCents = optional(discount, cells, line, (raw) => readCents(raw, 'Discount or credit')) ?? 0;
    const receivedValue = optional(received, cells, line, receivedDate);
    const totalCents = optional(total, cells, line, (raw) => readCents(raw, 'Invoice total'));

    let unitsMicro: number | null = null;
    if (quantity !== null && packageSize !== undefined) {
      unitsMicro = unitsOf(quantity, packageSize);
      if (unitsMicro === null || unitsMicro <= 0) {
        unitsMicro = null;
        c.error(
          line,
          packages.header,
          'QUANTITY_UNWRITABLE',
          `${quantity} packages of ${packageSize} units cannot be counted exactly (at most 6 decimals of a unit).`,
        );
      }
    }
    let extendedCents: number | null = null;
    if (extendedText !== null) extendedCents = centsOfPlain(extendedText);
    else if (quantity !== null && costValue !== null && extendedRaw === '') {
      const printed = extendedCostOf({
        packageQuantity: quantity,
        costPerPackage: costValue,
        extendedCost: '',
      });
      extendedCents = extended.take(line, readCents(printed, 'Extended cost'));
    }

    if (invoiceNumber !== '' && dateValue !== null) {
      const first = dated.get(invoiceNumber);
      if (!first) dated.set(invoiceNumber, { date: dateValue, line });
      else if (first.date !== dateValue) {
        c.error(
          line,
          date.header,
          'INVOICE_DATE_CONFLICT',
          `Invoice ${invoiceNumber} is dated ${first.date} on line ${first.line} but ${dateValue} here; its rows must agree.`,
        );
      }
    }
    if (invoiceNumber !== '' && ctx.existing.keys.has(invoiceNumber)) {
      c.error(
        line,
        number.header,
        'INVOICE_DUPLICATE',
        `Invoice ${invoiceNumber} from this supplier is already recorded; none of its rows are imported.`,
      );
    }
    if (invoiceNumber !== '' && lineNumber !== null) {
      const key = `${invoiceNumber}\u0000${lineNumber}`;
      if (ctx.seen.has(key)) {
        c.error(
          line,
          lineNo.at >= 0 ? lineNo.header : number.header,
          'LINE_DUPLICATE',
          `Invoice ${invoiceNumber} has line ${lineNumber} more than once in this file.`,
        );
      } else ctx.seen.add(key);
    }

    if (
      c.rowIsBad ||
      dateValue === null ||
      lineNumber === null ||
      ndc11 === null ||
      expiryValue === null ||
      quantity === null ||
      costValue === null ||
      extendedCents === null ||
      unitsMicro === null
    ) {
      if (invoiceNumber !== '') refusedInvoices.add(invoiceNumber);
      return;
    }
    out.rows.push([
      line,
      invoiceNumber,
      dateValue,
      receivedValue,
      totalCents,
      lineNumber,
      ndc11,
      lotNumber,
      expiryValue,
      quantity,
      canonicalCost(costValue),
      extendedCents,
      discountCents,
      unitsMicro,
    ]);
  };

  /** Refuses the remaining rows of every invoice that lost a row; call once after the last row. */
  const finish = (): void => {
    if (refusedInvoices.size === 0) return;
    const kept: InvoiceRecord[] = [];
    for (const r of out.rows) {
      if (!refusedInvoices.has(r[1])) {
        kept.push(r);
        continue;
      }
      c.validRows--;
      c.refusedRows++;
      c.error(
        r[0],
        number.header,
        'INVOICE_INCOMPLETE',
        `Invoice ${r[1]} has refused rows, so this row is left out too: an invoice is imported whole or not at all.`,
      );
    }
    out.rows = kept;
    c.errors.sort((a, b) => a.row - b.row);
  };

  return { row, finish };
}
