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
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { packagesToMicro } from '../../../shared/domain/stock-quantity';
import { readAmount, readNdc, requiredMissing, type Read } from './cells';
import { quickAmount, quickCents, quickDecimal, quickNdc11 } from './quick-cells';
import { column, dateReader, type RowContext } from './row-context';
import type { InvoiceRecord, InvoiceRecords } from './staged-rows';

const MAX_INVOICE_NUMBER = 60;
const MAX_LOT = 40;

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

/**
 * packagesToMicro, remembered per package size and quantity text: a file repeats a few quantities
 * of a few package sizes (a map per size, so no key string is made per row).
 */
function microReader(): (quantity: string, packageSize: string) => number | null {
  const known = new Map<string, Map<string, number | null>>();
  let size = 0;
  return (quantity, packageSize) => {
    let bySize = known.get(packageSize);
    if (bySize === undefined) {
      bySize = new Map();
      known.set(packageSize, bySize);
    }
    let micro = bySize.get(quantity);
    if (micro === undefined) {
      micro = packagesToMicro(quantity, packageSize);
      if (size < 10_000) {
        bySize.set(quantity, micro);
        size++;
      }
    }
    return micro;
  };
}

/** What the rows of one invoice number share, looked up once per run of rows with that number. */
type InvoiceState = {
  /** The number as first read; records share it. */
  number: string;
  /** Rows with this number so far. */
  rows: number;
  /** The first valid invoice date given, and the file line it was read from. */
  date: string | null;
  dateLine: number;
  /** Recorded for this supplier already. */
  recorded: boolean;
  /** Line numbers taken so far: a short list, or a set once the invoice has many lines. */
  lines: number[];
  lineSet: Set<number> | null;
};

/** True when the invoice had `lineNumber` already; else takes it. */
function lineTaken(invoice: InvoiceState, lineNumber: number): boolean {
  if (invoice.lineSet !== null) {
    if (invoice.lineSet.has(lineNumber)) return true;
    invoice.lineSet.add(lineNumber);
    return false;
  }
  if (invoice.lines.includes(lineNumber)) return true;
  invoice.lines.push(lineNumber);
  if (invoice.lines.length > 32) invoice.lineSet = new Set(invoice.lines);
  return false;
}

/** "1" … "999999" → the number; anything else (or 0) → null. */
function lineNumberOf(text: string): number | null {
  const n = text.length;
  if (n === 0 || n > 6) return null;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    value = value * 10 + (c - 48);
  }
  return value > 0 ? value : null;
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

  const invoices = new Map<string, InvoiceState>();
  // Rows of one invoice are nearly always adjacent: the last one is checked before the map.
  let current: InvoiceState | null = null;
  const invoiceOf = (invoiceNumber: string): InvoiceState => {
    if (current !== null && current.number === invoiceNumber) return current;
    let invoice = invoices.get(invoiceNumber);
    if (invoice === undefined) {
      invoice = {
        number: invoiceNumber,
        rows: 0,
        date: null,
        dateLine: 0,
        recorded: invoiceNumber !== '' && ctx.existing.keys.has(invoiceNumber),
        lines: [],
        lineSet: null,
      };
      invoices.set(invoiceNumber, invoice);
    }
    current = invoice;
    return invoice;
  };
  const refusedInvoices = new Set<string>();
  /** NDC as printed → ndc11, for the texts read before (a file names a few hundred drugs). */
  const ndcs = new Map<string, string>();

  const row = (cells: string[], line: number): void => {
    const numberText = number.text(cells);
    if (numberText === '') number.take(line, requiredMissing('Invoice number'));
    else if (numberText.length > MAX_INVOICE_NUMBER) {
      const shown = clipQuoted(numberText);
      c.error(line, number.header, 'TEXT_TOO_LONG', `Invoice number "${shown}" is longer than 60 characters.`);
    }
    const invoice = invoiceOf(numberText);
    const invoiceNumber = invoice.number;
    // As quoted in this row's messages (a refused number can be any length).
    const shownNumber = clipQuoted(invoiceNumber);
    const position = ++invoice.rows;

    const dateValue = date.take(line, invoiceDate(date.text(cells)));
    let lineNumber: number | null = position;
    if (lineNo.at >= 0) {
      const text = lineNo.text(cells);
      lineNumber = lineNumberOf(text);
      if (text === '') lineNo.take(line, requiredMissing('Line'));
      else if (lineNumber === null) {
        c.error(line, lineNo.header, 'LINE_INVALID', `Line "${clipQuoted(text)}" is not a line number (1, 2, 3…).`);
      }
    }

    const ndcText = ndc.text(cells);
    let ndc11 = ndcs.get(ndcText) ?? null;
    if (ndc11 === null) {
      ndc11 = quickNdc11(ndcText) ?? ndc.take(line, readNdc(ndcText));
      if (ndc11 !== null && ndcs.size < 10_000) ndcs.set(ndcText, ndc11);
    }
    const packageSize = ndc11 === null ? undefined : drugs.get(ndc11);
    if (ndc11 !== null && packageSize === undefined) {
      c.error(
        line,
        ndc.header,
        'NDC_UNKNOWN',
        `NDC ${clipQuoted(ndcText)} is not in the drug catalog; add the drug first, then import the invoice.`,
      );
    }
    const lotNumber = lot.text(cells);
    if (lotNumber === '') lot.take(line, requiredMissing('Lot number'));
    else if (lotNumber.length > MAX_LOT) {
      const shown = clipQuoted(lotNumber);
      c.error(line, lot.header, 'TEXT_TOO_LONG', `Lot number "${shown}" is longer than 40 characters.`);
    }
    const expiryValue = expiry.take(line, expiryDate(expiry.text(cells)));
    // Plain decimals (nearly every cell) directly; anything else, and every refusal, through the
    // general readers.
    const packagesText = packages.text(cells);
    const quantity =
      quickDecimal(packagesText, 3, false) ?? packages.take(line, readDecimal(packagesText, 'Packages', 3, false));
    const costText = cost.text(cells);
    const costValue =
      quickDecimal(costText, 4, true) ?? cost.take(line, readDecimal(costText, 'Cost per package', 4, true));
    const extendedRaw = extended.text(cells);
    let extendedCents: number | null = null;
    if (extendedRaw !== '') {
      extendedCents = quickCents(extendedRaw);
      if (extendedCents === null) {
        const text = extended.take(line, readDecimal(extendedRaw, 'Extended cost', 2, true));
        if (text !== null) extendedCents = centsOfPlain(text);
      }
    }
    const discountText = discount.text(cells);
    const discountCents =
      discountText === ''
        ? 0
        : (quickCents(discountText) ?? discount.take(line, readCents(discountText, 'Discount or credit')) ?? 0);
    const receivedText = received.text(cells);
    const receivedValue = receivedText === '' ? null : received.take(line, receivedDate(receivedText));
    const totalText = total.text(cells);
    const totalCents =
      totalText === '' ? null : (quickCents(totalText) ?? total.take(line, readCents(totalText, 'Invoice total')));

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
    if (extendedRaw === '' && quantity !== null && costValue !== null) {
      const printed = extendedCostOf({
        packageQuantity: quantity,
        costPerPackage: costValue,
        extendedCost: '',
      });
      extendedCents = extended.take(line, readCents(printed, 'Extended cost'));
    }

    if (invoiceNumber !== '' && dateValue !== null) {
      if (invoice.date === null) {
        invoice.date = dateValue;
        invoice.dateLine = line;
      } else if (invoice.date !== dateValue) {
        c.error(
          line,
          date.header,
          'INVOICE_DATE_CONFLICT',
          `Invoice ${shownNumber} is dated ${invoice.date} on line ${invoice.dateLine} but ${dateValue} here; its rows must agree.`,
        );
      }
    }
    if (invoice.recorded) {
      c.error(
        line,
        number.header,
        'INVOICE_DUPLICATE',
        `Invoice ${shownNumber} from this supplier is already recorded; none of its rows are imported.`,
      );
    }
    if (invoiceNumber !== '' && lineNumber !== null && lineTaken(invoice, lineNumber)) {
      c.error(
        line,
        lineNo.at >= 0 ? lineNo.header : number.header,
        'LINE_DUPLICATE',
        `Invoice ${shownNumber} has line ${lineNumber} more than once in this file.`,
      );
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
        `Invoice ${clipQuoted(r[1])} has refused rows, so this row is left out too: an invoice is imported whole or not at all.`,
      );
    }
    out.rows = kept;
    c.errors.sort((a, b) => a.row - b.row);
  };

  return { row, finish };
}
