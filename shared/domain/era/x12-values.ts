/**
 * X12 element values as the 835 writes them: amounts (type R), quantities and CCYYMMDD dates.
 *
 * Amounts become a money string with 2 decimals ("1500" → "1500.00", "-.5" → "-0.50") and the
 * same value as integer `Cents` (money.ts's safe-integer type) for balancing. The common case
 * (at most 2 significant decimals, at most 13 digits before the point) is converted by reading
 * the digits: an 835 carries a handful of amounts per line, and constructing a decimal.js value
 * for each cost as much as reading the whole file (tests/bench/era-read.bench.ts). Anything else
 * goes through decimal.js (`Dec`, `roundCents`, `moneyString`), and a property test holds both
 * paths to the same text and cents.
 *
 * X12's R type allows what `parseAmount` refuses on purpose for typed-in amounts: no leading
 * zero (".5"), a trailing point ("5."), leading zeros ("0012.50"). Those are read. Exponents,
 * commas, "+", hex, letters and text over MAX_AMOUNT_LENGTH are not amounts.
 */
import { centsFromDecimal, Dec, MAX_AMOUNT_LENGTH, moneyString, roundCents, type Cents } from '../money';
import { parseIsoDate } from '../iso-date';

export type X12AmountRead =
  { ok: true; text: string; cents: Cents; rounded: boolean } | { ok: false; problem: 'missing' | 'invalid' };

/** At most 13 digits before the point, as money.ts: the cents of any amount are a safe integer. */
const MAX_INTEGER_DIGITS = 13;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The digits of a plain decimal, or null: [negative, whole digits without leading zeros, fraction digits]. */
function decimalParts(raw: string): [boolean, string, string] | null {
  let s = raw;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32) s = s.trim();
  if (s.length === 0 || s.length > MAX_AMOUNT_LENGTH) return null;
  let i = 0;
  const negative = s.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  const wholeStart = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  const wholeEnd = i;
  let fractionStart = i;
  if (i < s.length && s.charCodeAt(i) === 46 /* . */) {
    i++;
    fractionStart = i;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  }
  if (i !== s.length || (wholeEnd === wholeStart && i === fractionStart)) return null;
  let w = wholeStart;
  while (w < wholeEnd - 1 && s.charCodeAt(w) === 48) w++;
  const whole = wholeEnd > w ? s.slice(w, wholeEnd) : '0';
  let f = i;
  while (f > fractionStart && s.charCodeAt(f - 1) === 48) f--; // trailing zeros say nothing
  return [negative, whole, s.slice(fractionStart, f)];
}

/** An X12 amount: see the module comment. An empty element is `missing`, not zero. */
export function readX12Amount(raw: string): X12AmountRead {
  if (raw.length === 0) return { ok: false, problem: 'missing' };
  const parts = decimalParts(raw);
  if (parts === null) return { ok: false, problem: raw.trim() === '' ? 'missing' : 'invalid' };
  const [negative, whole, fraction] = parts;
  if (whole.length > MAX_INTEGER_DIGITS) return { ok: false, problem: 'invalid' };
  if (fraction.length <= 2) {
    const cents2 = fraction.length === 0 ? '00' : fraction.length === 1 ? `${fraction}0` : fraction;
    // Both parts are whole numbers of at most 13 and 2 digits: exact, far inside the safe range.
    const magnitude = Number(whole) * 100 + Number(cents2);
    const minus = negative && magnitude !== 0;
    return {
      ok: true,
      text: `${minus ? '-' : ''}${whole}.${cents2}`,
      cents: (minus ? -magnitude : magnitude) as Cents,
      rounded: false,
    };
  }
  const value = roundCents(new Dec(`${negative ? '-' : ''}${whole}.${fraction}`));
  const d = value.isZero() ? new Dec(0) : value;
  return { ok: true, text: moneyString(d), cents: centsFromDecimal(d), rounded: true };
}

export type X12QuantityRead = { ok: true; text: string } | { ok: false; problem: 'missing' | 'invalid' };

const MAX_QUANTITY_DIGITS = 15;

/** A quantity (SVC05 units, CAS quantity): "1", "2.5", "-1"; "001.50" → "1.5". */
export function readX12Quantity(raw: string): X12QuantityRead {
  if (raw.length === 0) return { ok: false, problem: 'missing' };
  const parts = decimalParts(raw);
  if (parts === null) return { ok: false, problem: raw.trim() === '' ? 'missing' : 'invalid' };
  const [negative, whole, fraction] = parts;
  if (whole.length + fraction.length > MAX_QUANTITY_DIGITS) return { ok: false, problem: 'invalid' };
  const zero = whole === '0' && fraction.length === 0;
  return { ok: true, text: `${negative && !zero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}` };
}

/** CCYYMMDD → "YYYY-MM-DD"; null unless it is a real calendar date. */
export function readX12Date(raw: string): string | null {
  if (raw.length !== 8) return null;
  for (let i = 0; i < 8; i++) if (!isDigit(raw.charCodeAt(i))) return null;
  const parsed = parseIsoDate(`${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`);
  return parsed.ok ? parsed.date : null;
}

/** An identifier or name element: trimmed, null when empty. */
export function textOrNull(raw: string | undefined): string | null {
  if (raw === undefined || raw.length === 0) return null;
  const c0 = raw.charCodeAt(0);
  const cn = raw.charCodeAt(raw.length - 1);
  const t = c0 === 32 || cn === 32 ? raw.trim() : raw;
  return t.length === 0 ? null : t;
}
