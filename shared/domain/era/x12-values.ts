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
import { daysInMonth } from '../iso-date';
import { centsFromDecimal, Dec, MAX_AMOUNT_LENGTH, moneyString, roundCents, type Cents } from '../money';

export type X12AmountRead =
  { ok: true; text: string; cents: Cents; rounded: boolean } | { ok: false; problem: 'missing' | 'invalid' };

// Shared refusals: a file has an empty element on nearly every line, and each would allocate.
const MISSING = Object.freeze({ ok: false, problem: 'missing' } as const);
const INVALID = Object.freeze({ ok: false, problem: 'invalid' } as const);

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

/**
 * The cents of an amount already in the reading's form, "-?(0|[1-9][0-9]*)\.[0-9]{2}" with at most
 * 13 digits before the point ("1087.92", "-25.00", "0.50"); NaN for any other text. One scan, no
 * allocation: most payers write this form, and balancing reads every amount of the reading again.
 */
export function canonicalCents(s: string): number {
  const n = s.length;
  if (n < 4 || n > 17 || s.charCodeAt(n - 3) !== 46) return NaN;
  const negative = s.charCodeAt(0) === 45;
  const first = negative ? 1 : 0;
  const point = n - 3;
  if (point === first || point - first > MAX_INTEGER_DIGITS) return NaN;
  if (s.charCodeAt(first) === 48 && point - first > 1) return NaN; // a leading zero
  let v = 0;
  for (let i = first; i < point; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  const d1 = s.charCodeAt(n - 2) - 48;
  const d2 = s.charCodeAt(n - 1) - 48;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  v = v * 100 + d1 * 10 + d2;
  if (negative && v === 0) return NaN; // "-0.00" is written "0.00"
  return negative ? -v : v;
}

/**
 * The reading's text of an amount written plainly, or null for any other text (which
 * `readX12Amount` reads): "1087.92" as is (see canonicalCents), and a whole or one-decimal amount,
 * "-?(0|[1-9][0-9]*)(\.[0-9]?)?" with at most 13 digits before the point, with its cents written
 * out ("100" → "100.00", "1.5" → "1.50", "5." → "5.00"). Payers write most amounts one of these
 * ways ("CAS*CO*45*15"): one scan and at most one concatenation, where taking the text apart
 * allocates several strings per amount.
 */
export function plainAmountText(s: string): string | null {
  const cents = canonicalCents(s);
  if (cents === cents) return s;
  const n = s.length;
  const first = s.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let i = first;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const wholeDigits = i - first;
  if (wholeDigits === 0 || wholeDigits > MAX_INTEGER_DIGITS) return null;
  if (s.charCodeAt(first) === 48 && (wholeDigits > 1 || first === 1)) return null; // "05", "-0": leading zero, negative zero
  if (i === n) return `${s}.00`;
  if (s.charCodeAt(i) !== 46 /* . */) return null;
  if (i === n - 1) return `${s}00`;
  return i === n - 2 && isDigit(s.charCodeAt(n - 1)) ? `${s}0` : null;
}

/** An X12 amount: see the module comment. An empty element is `missing`, not zero. */
export function readX12Amount(raw: string): X12AmountRead {
  const canonical = canonicalCents(raw);
  if (canonical === canonical) return { ok: true, text: raw, cents: canonical as Cents, rounded: false };
  if (raw.length === 0) return MISSING;
  const parts = decimalParts(raw);
  if (parts === null) return raw.trim() === '' ? MISSING : INVALID;
  const [negative, whole, fraction] = parts;
  if (whole.length > MAX_INTEGER_DIGITS) return INVALID;
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

// Units are "1" on most lines: one shared result per distinct short text.
const QUANTITIES = new Map<string, X12QuantityRead>();

/** A quantity (SVC05 units, CAS quantity): "1", "2.5", "-1"; "001.50" → "1.5". */
export function readX12Quantity(raw: string): X12QuantityRead {
  if (raw.length === 0) return MISSING;
  if (raw.length > 12) return parseQuantity(raw);
  let read = QUANTITIES.get(raw);
  if (read === undefined) {
    read = Object.freeze(parseQuantity(raw));
    if (QUANTITIES.size >= MAX_INTERNED) QUANTITIES.clear();
    QUANTITIES.set(raw, read);
  }
  return read;
}

function parseQuantity(raw: string): X12QuantityRead {
  const parts = decimalParts(raw);
  if (parts === null) return raw.trim() === '' ? MISSING : INVALID;
  const [negative, whole, fraction] = parts;
  if (whole.length + fraction.length > MAX_QUANTITY_DIGITS) return INVALID;
  const zero = whole === '0' && fraction.length === 0;
  return { ok: true, text: intern(`${negative && !zero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`) };
}

// A remittance repeats the same few codes ("CO", "45", "J3490", "HC", "1") and dates thousands of
// times, each a fresh string from the split. The reading keeps one string per distinct value:
// a 10,000-claim reading is a quarter smaller, and so is the garbage collector's work. Bounded,
// so a file of distinct values cannot grow it without limit.
const MAX_INTERNED = 4096;
const INTERNED = new Map<string, string>();
const DATES = new Map<string, string | null>();

/** The one shared copy of a short code ("CO", "J3490"); longer text is returned as is. */
export function intern(text: string): string {
  if (text.length > 12) return text;
  const known = INTERNED.get(text);
  if (known !== undefined) return known;
  if (INTERNED.size >= MAX_INTERNED) INTERNED.clear();
  INTERNED.set(text, text);
  return text;
}

/** textOrNull, interned: for codes and qualifiers. */
export const codeOrNull = (raw: string | undefined): string | null => {
  const text = textOrNull(raw);
  return text === null ? null : intern(text);
};

/** CCYYMMDD → "YYYY-MM-DD"; null unless it is a real calendar date. */
export function readX12Date(raw: string): string | null {
  const known = DATES.get(raw);
  if (known !== undefined) return known;
  const date = parseX12Date(raw);
  if (raw.length === 8) {
    if (DATES.size >= MAX_INTERNED) DATES.clear();
    DATES.set(raw, date);
  }
  return date;
}

function parseX12Date(raw: string): string | null {
  if (raw.length !== 8) return null;
  let ymd = 0;
  for (let i = 0; i < 8; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    ymd = ymd * 10 + d;
  }
  const year = (ymd - (ymd % 10_000)) / 10_000;
  const month = ((ymd % 10_000) - (ymd % 100)) / 100;
  const day = ymd % 100;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

/** An identifier or name element: trimmed, null when empty. */
export function textOrNull(raw: string | undefined): string | null {
  if (raw === undefined || raw.length === 0) return null;
  const c0 = raw.charCodeAt(0);
  const cn = raw.charCodeAt(raw.length - 1);
  const t = c0 === 32 || cn === 32 ? raw.trim() : raw;
  return t.length === 0 ? null : t;
}
