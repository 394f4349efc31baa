/**
 * The row reader of a drug price list. A row gives one price (a price type and a price column)
 * or up to two (AWP and WAC columns), for one NDC in the drug catalog, from one effective date.
 * A price whose (NDC, type, date) is stored already or appeared earlier in the file is refused
 * as PRICE_DUPLICATE, the way the UNIQUE constraint would refuse it at commit.
 */
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { readAmount, readNdc } from './cells';
import { quickAmount, quickNdc11 } from './quick-cells';
import { column, dateReader, type Column, type RowContext } from './row-context';
import type { PriceRecords } from './staged-rows';

type PriceType = 'AWP' | 'WAC';

// A Map, not an object literal: a price type of "toString" or "__proto__" must not find Object's own.
const PRICE_TYPE_WORDS = new Map<string, PriceType>([
  ['awp', 'AWP'],
  ['AWP', 'AWP'],
  ['wac', 'WAC'],
  ['WAC', 'WAC'],
]);

export function priceRows(ctx: RowContext, out: PriceRecords) {
  const prices = ctx.existing.prices;
  if (!prices) throw new TypeError('A price import is validated against the drug catalog; none was loaded.');
  const ndc = column(ctx, 'ndc');
  const type = column(ctx, 'priceType');
  const price = column(ctx, 'pricePerPackage');
  const awp = column(ctx, 'awp');
  const wac = column(ctx, 'wac');
  const from = column(ctx, 'effectiveFrom');
  const typed = type.at >= 0 && price.at >= 0;
  const noPriceColumn = price.at >= 0 ? price : awp.at >= 0 ? awp : wac;
  const fromDate = dateReader('Effective from');
  const c = ctx.collector;
  // At most three prices per row (typed, AWP, WAC): reused buffers, not arrays per row. They are
  // filled from index 0 up to `n` and never truncated: setting .length drops the backing store,
  // and reallocating it on every row cost more than all the cell checks of a 50,000-row file.
  const types: PriceType[] = [];
  const amounts: string[] = [];
  const columns: Column[] = [];
  const codes: number[] = [];
  let n = 0;
  const add = (t: PriceType, amount: string, where: Column): void => {
    types[n] = t;
    amounts[n] = amount;
    columns[n] = where;
    n++;
  };
  const keep = (line: number, ndc11: string, t: PriceType, amount: string, date: string): void => {
    out.lines.push(line);
    out.cells.push(ndc11, t, amount, date);
  };
  // A price per package: the plain decimals nearly every cell holds are taken directly, with no
  // Read object per cell; anything else (and every refusal) goes through readAmount.
  const amountIn = (where: Column, text: string, label: string, line: number): string | null =>
    quickAmount(text, false) ?? where.take(line, readAmount(text, label, { allowZero: false }));
  const duplicate = (line: number, i: number, drug: number, ndc11: string, date: string): void => {
    const t = types[i] as PriceType;
    c.error(
      line,
      (columns[i] as Column).header,
      'PRICE_DUPLICATE',
      prices.isStored(drug, codes[i] as number)
        ? `${t} for NDC ${ndc11} from ${date} is already stored; change or delete that price instead.`
        : `${t} for NDC ${ndc11} from ${date} appears more than once in this file.`,
    );
  };

  return (cells: string[], line: number): void => {
    const ndcText = ndc.text(cells);
    // As for amounts: the common printed forms directly, anything else through readNdc.
    const ndc11 = quickNdc11(ndcText) ?? ndc.take(line, readNdc(ndcText));
    const drug = ndc11 === null ? -1 : prices.drug(ndc11);
    if (ndc11 !== null && drug < 0) {
      c.error(
        line,
        ndc.header,
        'NDC_UNKNOWN',
        `NDC ${clipQuoted(ndcText)} is not in the drug catalog; add the drug first, then import its prices.`,
      );
    }
    const date = from.take(line, fromDate(from.text(cells)));
    n = 0;
    let anyPrice = false;
    if (typed) {
      const typeText = type.text(cells);
      const priceText = price.text(cells);
      if (typeText !== '' || priceText !== '') {
        anyPrice = true;
        const t = PRICE_TYPE_WORDS.get(typeText) ?? PRICE_TYPE_WORDS.get(typeText.toLowerCase());
        if (!t) {
          if (typeText === '') c.error(line, type.header, 'REQUIRED', 'Price type is empty; write AWP or WAC.');
          else {
            const shown = clipQuoted(typeText);
            c.error(line, type.header, 'PRICE_TYPE_INVALID', `Price type "${shown}" is neither AWP nor WAC.`);
          }
        }
        const amount = amountIn(price, priceText, 'Price per package', line);
        if (t && amount !== null) add(t, amount, price);
      }
    }
    const awpText = awp.text(cells);
    if (awpText !== '') {
      anyPrice = true;
      const amount = amountIn(awp, awpText, 'AWP per package', line);
      if (amount !== null) add('AWP', amount, awp);
    }
    const wacText = wac.text(cells);
    if (wacText !== '') {
      anyPrice = true;
      const amount = amountIn(wac, wacText, 'WAC per package', line);
      if (amount !== null) add('WAC', amount, wac);
    }
    if (!anyPrice)
      c.error(line, noPriceColumn.header, 'REQUIRED', 'This row has no price; it needs a price per package.');
    if (c.rowIsBad || ndc11 === null || date === null) return;

    // Every price of the row is checked before any is taken: a row is refused whole.
    for (let i = 0; i < n; i++) {
      const code = prices.code(types[i] as PriceType, date);
      codes[i] = code;
      if (prices.isTaken(drug, code) || codes.indexOf(code) < i) duplicate(line, i, drug, ndc11, date);
    }
    if (c.rowIsBad) return;
    for (let i = 0; i < n; i++) {
      prices.take(drug, codes[i] as number);
      keep(line, ndc11, types[i] as PriceType, amounts[i] as string, date);
    }
  };
}
