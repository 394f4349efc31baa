/**
 * Every data row of a located table, validated for its kind without zod (a plain loop over
 * strings: a 50,000-row price list is read in well under a second). A row with any problem is
 * refused whole and each problem is reported with the row's line number, the column's header and
 * a code; the rest become compact records for the commit.
 *
 * Duplicates are refused the way the database would refuse them, and before it does:
 *   prices          (ndc11, type, effective from) already stored or earlier in the file → PRICE_DUPLICATE
 *   payment limits  (source, hcpcs, drug name, dosage, quarter)                      → LIMIT_DUPLICATE
 *   fee schedules   (payer, code, effective from)                                    → FEE_DUPLICATE
 */
import { parseDosage } from '../../../shared/domain/drug-price';
import type { ImportKind } from '../../../shared/api/import-schemas';
import type { DoseUnit } from '../../../shared/domain/units';
import {
  readAmount,
  readBillingCode,
  readDate,
  readDoseUnit,
  readHcpcs,
  readNdc,
  readQuantity,
  requiredMissing,
  type Read,
} from './cells';
import type { Located } from './header';
import { KINDS } from './kinds';
import { RowCollector, type FeeRecord, type LimitRecord, type PriceRecord, type Records } from './staged-rows';
import type { Table } from './table';

/** What the database already holds that a row may collide with (loaded once per preview). */
export type ExistingKeys = {
  drugNdcs?: ReadonlySet<string>;
  keys: ReadonlySet<string>;
};

export type Validation = { collector: RowCollector; records: Records };

export function validateRows(kind: ImportKind, table: Table, located: Located, existing: ExistingKeys): Validation {
  const collector = new RowCollector();
  const spec = KINDS[kind];
  const ctx: RowContext = {
    collector,
    existing,
    seen: new Set<string>(),
    col: (field) => located.at[field] ?? -1,
    header: (field) => located.mapping[field] ?? spec.fields.find((f) => f.field === field)?.label ?? field,
  };
  let records: Records;
  let row: (cells: string[], line: number) => void;
  if (kind === 'fee-schedule') {
    const rows: FeeRecord[] = [];
    records = { kind, rows };
    row = feeRows(ctx, rows);
  } else if (kind === 'prices') {
    const rows: PriceRecord[] = [];
    records = { kind, rows };
    row = priceRows(ctx, rows);
  } else {
    const rows: LimitRecord[] = [];
    records = { kind, rows };
    row = limitRows(ctx, rows, kind === 'cms-asp' ? 'asp' : 'noc');
  }
  for (let r = located.index + 1; r < table.rows.length; r++) {
    const cells = table.rows[r] as string[];
    if (isBlank(cells)) continue;
    collector.startRow();
    row(cells, table.lines[r] ?? r + 1);
    collector.endRow();
  }
  return { collector, records };
}

/** What each kind's row reader closes over; column indexes are looked up once per file. */
type RowContext = {
  collector: RowCollector;
  col: (field: string) => number;
  header: (field: string) => string;
  existing: ExistingKeys;
  /** Keys of records taken earlier in this file. */
  seen: Set<string>;
};

const isBlank = (cells: string[]): boolean => {
  for (const c of cells) if (c !== '') return false;
  return true;
};

/** A mapped column: its index, its header for messages, and a reader that records refusals. */
function column(ctx: RowContext, field: string) {
  const at = ctx.col(field);
  const header = ctx.header(field);
  return {
    at,
    header,
    text: (cells: string[]): string => (at < 0 ? '' : (cells[at] ?? '')),
    take<T>(line: number, read: Read<T>): T | null {
      if (read.ok) return read.value;
      ctx.collector.error(line, header, read.code, read.message);
      return null;
    },
  };
}

function feeRows(ctx: RowContext, out: FeeRecord[]) {
  const code = column(ctx, 'code');
  const rate = column(ctx, 'rate');
  const perAmount = column(ctx, 'perAmount');
  const perUnit = column(ctx, 'perUnit');
  const dosage = column(ctx, 'dosage');
  const from = column(ctx, 'effectiveFrom');
  const to = column(ctx, 'effectiveTo');
  const splitPer = perAmount.at >= 0 && perUnit.at >= 0;
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
          `Dosage "${text}" is not an amount and unit such as 1 MG or 10 UNITS.`,
        );
      } else {
        amount = dosage.take(line, readQuantity(parsed.amount, 'Dosage'));
        unit = parsed.unit;
      }
    }
    const fromValue = from.take(line, readDate(from.text(cells), 'Effective from'));
    const toText = to.text(cells);
    const toValue = toText === '' ? null : to.take(line, readDate(toText, 'Effective to'));
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

const PRICE_TYPE_WORDS: Record<string, 'AWP' | 'WAC'> = { awp: 'AWP', AWP: 'AWP', wac: 'WAC', WAC: 'WAC' };

function priceRows(ctx: RowContext, out: PriceRecord[]) {
  const ndc = column(ctx, 'ndc');
  const type = column(ctx, 'priceType');
  const price = column(ctx, 'pricePerPackage');
  const awp = column(ctx, 'awp');
  const wac = column(ctx, 'wac');
  const from = column(ctx, 'effectiveFrom');
  const typed = type.at >= 0 && price.at >= 0;
  const noPriceColumn = price.at >= 0 ? price : awp.at >= 0 ? awp : wac;
  const c = ctx.collector;
  const { keys: stored } = ctx.existing;
  const checkStored = stored.size > 0;
  const drugs = ctx.existing.drugNdcs;
  const seen = ctx.seen;
  // At most three prices per row (typed, AWP, WAC): reused buffers, not arrays per row.
  const types: ('AWP' | 'WAC')[] = [];
  const amounts: string[] = [];
  const columns: (typeof price)[] = [];

  const duplicate = (line: number, where: typeof price, t: string, ndc11: string, date: string, key: string): void => {
    c.error(
      line,
      where.header,
      'PRICE_DUPLICATE',
      stored.has(key)
        ? `${t} for NDC ${ndc11} from ${date} is already stored; change or delete that price instead.`
        : `${t} for NDC ${ndc11} from ${date} appears more than once in this file.`,
    );
  };

  return (cells: string[], line: number): void => {
    const ndcText = ndc.text(cells);
    const ndc11 = ndc.take(line, readNdc(ndcText));
    if (ndc11 !== null && drugs && !drugs.has(ndc11)) {
      c.error(
        line,
        ndc.header,
        'NDC_UNKNOWN',
        `NDC ${ndcText} is not in the drug catalog; add the drug first, then import its prices.`,
      );
    }
    const date = from.take(line, readDate(from.text(cells), 'Effective from'));
    types.length = 0;
    amounts.length = 0;
    columns.length = 0;
    let anyPrice = false;
    if (typed) {
      const typeText = type.text(cells);
      const priceText = price.text(cells);
      if (typeText !== '' || priceText !== '') {
        anyPrice = true;
        const t = PRICE_TYPE_WORDS[typeText] ?? PRICE_TYPE_WORDS[typeText.toLowerCase()];
        if (!t) {
          if (typeText === '') c.error(line, type.header, 'REQUIRED', 'Price type is empty; write AWP or WAC.');
          else c.error(line, type.header, 'PRICE_TYPE_INVALID', `Price type "${typeText}" is neither AWP nor WAC.`);
        }
        const amount = price.take(line, readAmount(priceText, 'Price per package', { allowZero: false }));
        if (t && amount !== null) {
          types.push(t);
          amounts.push(amount);
          columns.push(price);
        }
      }
    }
    const awpText = awp.text(cells);
    if (awpText !== '') {
      anyPrice = true;
      const amount = awp.take(line, readAmount(awpText, 'AWP per package', { allowZero: false }));
      if (amount !== null) {
        types.push('AWP');
        amounts.push(amount);
        columns.push(awp);
      }
    }
    const wacText = wac.text(cells);
    if (wacText !== '') {
      anyPrice = true;
      const amount = wac.take(line, readAmount(wacText, 'WAC per package', { allowZero: false }));
      if (amount !== null) {
        types.push('WAC');
        amounts.push(amount);
        columns.push(wac);
      }
    }
    if (!anyPrice)
      c.error(line, noPriceColumn.header, 'REQUIRED', 'This row has no price; it needs a price per package.');
    if (c.rowIsBad || ndc11 === null || date === null) return;

    const n = types.length;
    if (n === 1) {
      // The common case, one price per row, with as few hash lookups as possible: a 50,000-row
      // file spends more time hashing keys than checking cells.
      const key = `${ndc11}|${types[0]}|${date}`;
      const before = seen.size;
      if ((checkStored && stored.has(key)) || seen.add(key).size === before) {
        return duplicate(line, columns[0] as typeof price, types[0] as string, ndc11, date, key);
      }
      out.push([line, ndc11, types[0] as 'AWP' | 'WAC', amounts[0] as string, date]);
      return;
    }
    const keys = types.map((t) => `${ndc11}|${t}|${date}`);
    keys.forEach((key, i) => {
      if (stored.has(key) || seen.has(key) || keys.indexOf(key) !== i) {
        duplicate(line, columns[i] as typeof price, types[i] as string, ndc11, date, key);
      }
    });
    if (c.rowIsBad) return;
    for (let i = 0; i < n; i++) {
      seen.add(keys[i] as string);
      out.push([line, ndc11, types[i] as 'AWP' | 'WAC', amounts[i] as string, date]);
    }
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
      const what = source === 'asp' ? code : name;
      c.error(
        line,
        key.header,
        'LIMIT_DUPLICATE',
        ctx.existing.keys.has(k)
          ? `${what} (${dosageText}) already has a payment limit for this quarter.`
          : `${what} (${dosageText}) appears more than once in this file.`,
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
