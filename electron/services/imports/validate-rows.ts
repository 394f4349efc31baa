/**
 * Every data row of a located table, validated for its kind without zod (a plain loop over
 * strings: a 50,000-row price list is read in well under a second). A row with any problem is
 * refused whole and each problem is reported with the row's line number, the column's header and
 * a code; the rest become compact records for the commit.
 *
 * Duplicates are refused the way the database would refuse them, and before it does:
 *   prices          (ndc11, type, effective from) already stored or earlier in the file → PRICE_DUPLICATE
 *                   (price-rows.ts)
 *   payment limits  (source, hcpcs, drug name, dosage, quarter)                      → LIMIT_DUPLICATE
 *   fee schedules   (payer, code, effective from)                                    → FEE_DUPLICATE
 *   invoices        (supplier, invoice number), (invoice number, line)  → INVOICE_DUPLICATE, LINE_DUPLICATE
 *                   (invoice-rows.ts)
 */
import { parseDosage } from '../../../shared/domain/drug-price';
import type { ImportKind } from '../../../shared/api/import-schemas';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import type { DoseUnit } from '../../../shared/domain/units';
import { readAmount, readBillingCode, readDoseUnit, readHcpcs, readQuantity, requiredMissing } from './cells';
import type { Located } from './header';
import { KINDS } from './kinds';
import { invoiceRows } from './invoice-rows';
import { priceRows } from './price-rows';
import { column, dateReader, type ExistingKeys, type RowContext } from './row-context';
import {
  RowCollector,
  type FeeRecord,
  type InvoiceRecords,
  type LimitRecord,
  type PriceRecords,
  type Records,
} from './staged-rows';
import type { Table } from './table';

export type Validation = { collector: RowCollector; records: Records };

export function validateRows(kind: ImportKind, table: Table, located: Located, existing: ExistingKeys): Validation {
  const collector = new RowCollector();
  const spec = KINDS[kind];
  const ctx: RowContext = {
    collector,
    existing,
    seen: new Set<string>(),
    col: (field) => located.at[field] ?? -1,
    // A header is a cell too, and each of a column's errors names it: quoted at most 80 characters.
    header: (field) => clipQuoted(located.mapping[field] ?? spec.fields.find((f) => f.field === field)?.label ?? field),
  };
  let records: Records;
  let row: (cells: string[], line: number) => void;
  let finish = (): void => {};
  if (kind === 'fee-schedule') {
    const rows: FeeRecord[] = [];
    records = { kind, rows };
    row = feeRows(ctx, rows);
  } else if (kind === 'prices') {
    const prices: PriceRecords = { kind, lines: [], cells: [] };
    records = prices;
    row = priceRows(ctx, prices);
  } else if (kind === 'invoices') {
    const invoices: InvoiceRecords = { kind, rows: [] };
    records = invoices;
    ({ row, finish } = invoiceRows(ctx, invoices));
  } else {
    const rows: LimitRecord[] = [];
    records = { kind, rows };
    row = limitRows(ctx, rows, kind === 'cms-asp' ? 'asp' : 'noc');
  }
  // One array for every row's cells (see Table.rowInto); a row reader reads it, never keeps it.
  const cells: string[] = [];
  for (let r = located.index + 1; r < table.rowCount; r++) {
    const n = table.rowInto(r, cells);
    if (isBlank(cells, n)) continue;
    collector.startRow();
    row(cells, table.lines[r] ?? r + 1);
    collector.endRow();
  }
  finish();
  return { collector, records };
}

const isBlank = (cells: string[], n: number): boolean => {
  for (let i = 0; i < n; i++) if (cells[i] !== '') return false;
  return true;
};

function feeRows(ctx: RowContext, out: FeeRecord[]) {
  const code = column(ctx, 'code');
  const rate = column(ctx, 'rate');
  const perAmount = column(ctx, 'perAmount');
  const perUnit = column(ctx, 'perUnit');
  const dosage = column(ctx, 'dosage');
  const from = column(ctx, 'effectiveFrom');
  const to = column(ctx, 'effectiveTo');
  const splitPer = perAmount.at >= 0 && perUnit.at >= 0;
  const fromDate = dateReader('Effective from');
  const toDate = dateReader('Effective to');
  const c = ctx.collector;
  return (cells: string[], line: number): void => {
    const billing = code.take(line, readBillingCode(code.text(cells)));
    const rateValue = rate.take(line, readAmount(rate.text(cells), 'Rate', { allowZero: false }));
    let amount: string | null = null;
    let unit: DoseUnit | null = null;
    if (splitPer) {
      amount = perAmount.take(line, readQuantity(perAmount.text(cells), 'Per amount'));
      unit = perUnit.take(line, readDoseUnit(perUnit.text(cells), 'Per unit'));
    } else {
      const text = dosage.text(cells);
      const parsed = text === '' ? null : parseDosage(text);
      if (text === '') dosage.take(line, requiredMissing('Dosage'));
      else if (!parsed) {
        c.error(
          line,
          dosage.header,
          'DOSAGE_INVALID',
          `Dosage "${clipQuoted(text)}" is not an amount and unit such as 1 MG or 10 UNITS.`,
        );
      } else {
        amount = dosage.take(line, readQuantity(parsed.amount, 'Dosage'));
        unit = parsed.unit;
      }
    }
    const fromValue = from.take(line, fromDate(from.text(cells)));
    const toText = to.text(cells);
    const toValue = toText === '' ? null : to.take(line, toDate(toText));
    if (fromValue !== null && toValue !== null && toValue < fromValue) {
      c.error(line, to.header, 'DATE_RANGE_INVALID', `Effective to ${toValue} is before effective from ${fromValue}.`);
    }
    if (c.rowIsBad || billing === null || rateValue === null || amount === null || unit === null || fromValue === null)
      return;
    const key = `${billing.kind}|${billing.code}|${fromValue}`;
    if (ctx.existing.keys.has(key) || ctx.seen.has(key)) {
      const where = ctx.seen.has(key) ? ' earlier in this file' : '';
      c.error(
        line,
        code.header,
        'FEE_DUPLICATE',
        `${billing.code} already has a rate from ${fromValue} for this payer${where}.`,
      );
      return;
    }
    ctx.seen.add(key);
    out.push([line, billing.kind, billing.code, rateValue, amount, unit, fromValue, toValue]);
  };
}

function limitRows(ctx: RowContext, out: LimitRecord[], source: 'asp' | 'noc') {
  const hcpcs = column(ctx, 'hcpcs');
  const description = column(ctx, 'description');
  const drugName = column(ctx, 'drugName');
  const notes = column(ctx, 'notes');
  const dosage = column(ctx, 'dosage');
  const limit = column(ctx, 'paymentLimit');
  const key = source === 'asp' ? hcpcs : drugName;
  const c = ctx.collector;
  return (cells: string[], line: number): void => {
    let code = '';
    let name = '';
    if (source === 'asp') code = hcpcs.take(line, readHcpcs(hcpcs.text(cells), 'HCPCS code')) ?? '';
    else {
      name = drugName.text(cells);
      if (name === '') drugName.take(line, requiredMissing('Drug name'));
    }
    const dosageText = dosage.text(cells);
    if (dosageText === '') dosage.take(line, requiredMissing('Dosage'));
    const amount = limit.take(line, readAmount(limit.text(cells), 'Payment limit', { allowZero: true }));
    if (c.rowIsBad || amount === null) return;
    const k = `${code}|${name}|${dosageText}`;
    if (ctx.existing.keys.has(k) || ctx.seen.has(k)) {
      const what = clipQuoted(source === 'asp' ? code : name);
      const per = clipQuoted(dosageText);
      c.error(
        line,
        key.header,
        'LIMIT_DUPLICATE',
        ctx.existing.keys.has(k)
          ? `${what} (${per}) already has a payment limit for this quarter.`
          : `${what} (${per}) appears more than once in this file.`,
      );
      return;
    }
    ctx.seen.add(k);
    const parsed = parseDosage(dosageText);
    const quantity = parsed ? readQuantity(parsed.amount, 'Dosage') : null;
    out.push([
      line,
      code,
      name,
      description.text(cells),
      dosageText,
      parsed ? (quantity?.ok ? quantity.value : parsed.amount) : null,
      parsed ? parsed.unit : null,
      amount,
      notes.text(cells),
    ]);
  };
}
