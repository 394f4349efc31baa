/**
 * Money policy for the whole engine.
 *
 * - Every amount is a decimal.js value from the ONE clone `Dec` below (40 significant digits,
 *   half-up). A binary float never carries money: 0.95 × 6 × 45 is 256.4999… in floats and the
 *   estimate would be a cent short.
 * - Amounts enter as exact decimal strings ("256.50") through `parseAmount`, which refuses
 *   exponents, hex, blanks, "12.3.4" and anything that is not a string; they leave as strings
 *   from `moneyString` / `toFixed`, never through `Number`.
 * - Stored amounts are integer cents (`Cents`, safe integers only). A Decimal becomes Cents only
 *   when it already has at most 2 decimals; anything finer must pass through `roundCents` first.
 * - Rounding to cents happens ONLY at these named steps, each half-up:
 *     `roundCents` (used by the engine for: each line's basis × percent (+ add-on), the default
 *     JW billed charge, each line's acquisition cost, coinsurance, sequestration) and
 *     `roundToCents` (roundCents, then Cents). Display (`formatUsd`) shows 2 decimals but never
 *     feeds a value back into arithmetic; the same holds for the basis shown on a line ("270.00"),
 *   which stays exact for the basis × percent product.
 * - Percent rates are exact decimal strings too ("95", "103", "2.5"); `rateFromPercent` turns
 *   "95" into the fraction 0.95 without a float.
 */
import Decimal from 'decimal.js';
import { clipQuoted } from './quoted-text';
import { failure, type Failure } from './result';

/**
 * The configured clone. toExpNeg/toExpPos keep `toString` in plain notation (no "1e-7") in case a
 * caller prints a value without `toFixed`.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
const ONE_HUNDREDTH = new Dec('0.01');

// ---------------------------------------------------------------------------------------------
// Parsing exact decimal strings

export type AmountOptions = {
  /** Most decimal places the value may have (trailing zeros do not count). Default 2. */
  maxDecimals?: number;
  /** Most digits before the decimal point. Default 13, so any amount fits safe-integer cents. */
  maxIntegerDigits?: number;
  allowNegative?: boolean;
  allowZero?: boolean;
  /** The field's name, put at the front of a refusal ("Billed charge: …"). */
  label?: string;
};

export type AmountResult = { ok: true; value: Dec } | Failure<'AMOUNT_INVALID'>;

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The longest text read as an amount. Thirteen digits, a point and a few decimals fit in about
 * 25 characters, trailing zeros and all; anything longer is not an amount anyone wrote, and it is
 * refused before any pattern reads it, so one hostile cell cannot hold up an import or a request.
 */
export const MAX_AMOUNT_LENGTH = 40;

/**
 * Parse an exact decimal string. Refuses (never throws) "", " ", "1e3", "0x10", "NaN",
 * "Infinity", "12.3.4", ".5", "5.", "1,000", numbers passed instead of strings, values with
 * more decimals than allowed, and text longer than MAX_AMOUNT_LENGTH. Time is linear in the
 * length of the input.
 */
export function parseAmount(input: string, options: AmountOptions = {}): AmountResult {
  const { maxDecimals = 2, maxIntegerDigits = 13, allowNegative = false, allowZero = true, label } = options;
  const say = (sentence: string) =>
    failure('AMOUNT_INVALID', label ? `${label}: ${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1));
  if (typeof input !== 'string') {
    return say('amounts are written as text, such as "256.50", so no rounding error can creep in.');
  }
  const quoted = clipQuoted(input);
  if (input.length > MAX_AMOUNT_LENGTH) {
    return say(
      `"${quoted}" is ${input.length} characters long; an amount is at most ${MAX_AMOUNT_LENGTH}, such as 256.50.`,
    );
  }
  if (input.trim() === '') return say('enter an amount, such as 256.50.');
  const m = PLAIN_DECIMAL.exec(input);
  if (!m) {
    return say(
      `"${quoted}" is not a plain decimal amount; write digits with at most one decimal point and no commas, such as 1000 or 256.50.`,
    );
  }
  const [, sign = '', whole = '', fraction = ''] = m;
  if (sign && !allowNegative) return say(`"${quoted}" is negative; this amount cannot be below zero.`);
  const decimals = significantDecimals(fraction);
  if (decimals > maxDecimals) {
    return say(`"${quoted}" has ${decimals} decimal places; this amount takes at most ${maxDecimals}.`);
  }
  if (integerDigits(whole) > maxIntegerDigits) {
    return say(`"${quoted}" is too large; at most ${maxIntegerDigits} digits before the decimal point.`);
  }
  const value = new Dec(input);
  if (!allowZero && value.isZero()) return say('this amount must be more than zero.');
  return { ok: true, value };
}

/**
 * Decimal places without the trailing zeros ("500" → 1), counted by one scan from the end. Not
 * `fraction.replace(/0+$/, '')`: that pattern restarts at every zero of "000…01", which is
 * quadratic in the length of the cell.
 */
function significantDecimals(fraction: string): number {
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  return end;
}

/** Digits before the point without the leading zeros, keeping one ("007" → 1, "000" → 1). */
function integerDigits(whole: string): number {
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  return whole.length - start;
}

// ---------------------------------------------------------------------------------------------
// Cents

/** Integer cents as stored in SQLite. Only the functions below make one. */
export type Cents = number & { readonly __brand: 'Cents' };

/** The named rounding step: half-up to whole cents (a value already in cents is returned as is). */
export const roundCents = (d: Dec): Dec => (d.decimalPlaces() <= 2 ? d : d.toDecimalPlaces(2));

/**
 * Exact conversion. Throws RangeError (a programming error, not bad user input) when the value has
 * more than 2 decimals or does not fit a safe integer; round with `roundCents` first on purpose.
 */
export function centsFromDecimal(d: Dec): Cents {
  if (!d.isFinite()) throw new RangeError(`Cannot store ${d.toString()} as cents.`);
  if (d.decimalPlaces() > 2) {
    throw new RangeError(`${d.toFixed()} has more than 2 decimals; round it with roundCents before storing it.`);
  }
  const scaled = d.times(100);
  if (scaled.abs().greaterThan(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${d.toFixed()} is too large to store as cents.`);
  }
  // Safe: `scaled` is an integer within ±2^53, so the number is exact.
  return scaled.toNumber() as Cents;
}

export const roundToCents = (d: Dec): Cents => centsFromDecimal(roundCents(d));

/** For values read back from storage. Throws RangeError if the number is not a safe integer. */
export function asCents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${String(n)} is not a whole number of cents.`);
  return n as Cents;
}

export const decimalFromCents = (c: Cents): Dec => new Dec(c).dividedBy(100);

/** A money string with at most 2 decimals → Cents, refusing what parseAmount refuses. */
export function parseCents(
  input: string,
  options: Omit<AmountOptions, 'maxDecimals'> = {},
): { ok: true; cents: Cents } | Failure<'AMOUNT_INVALID'> {
  const parsed = parseAmount(input, { ...options, maxDecimals: 2 });
  return parsed.ok ? { ok: true, cents: centsFromDecimal(parsed.value) } : parsed;
}

/** Sum of cents, refusing (RangeError) any running total outside the safe-integer range. */
export function addCents(...parts: Cents[]): Cents {
  let total = 0;
  for (const p of parts) total = asCents(total + p);
  return total as Cents;
}

/**
 * "256.50": the wire form of a money amount. Same text as `d.toFixed(2)` (property-tested), but
 * an amount already in whole cents (every amount after `roundCents`) skips decimal.js's rounding
 * pass, which costs about four times the plain `toFixed()`; the estimate writes ~30 per call.
 */
export function moneyString(d: Dec): string {
  const places = d.decimalPlaces();
  if (places > 2 || !d.isFinite()) return d.toFixed(2);
  const plain = d.toFixed();
  return places === 2 ? plain : places === 1 ? `${plain}0` : `${plain}.00`;
}

// ---------------------------------------------------------------------------------------------
// Display

/**
 * A unit price as stored and shown: at least the cents, and every further decimal kept, never
 * rounded ("1170" → "1170.00", "0.00123" stays: a cost per package or a rate per unit).
 */
export function unitPriceString(amount: Dec | string): string {
  const d = typeof amount === 'string' ? new Dec(amount) : amount;
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
}

/** "$12.50" from "12.5", "$0.00123" from "0.00123": a unit price with its own decimals. */
export const usdUnitPrice = (amount: Dec | string): string => usdFromFixed(unitPriceString(amount));

/**
 * An amount at the precision it is used with, for a trace a person checks by hand: "$477.225"
 * when the next step multiplies 477.225 (printing "$477.23" would not add up); at least the cents,
 * at most 6 decimals, and "about $3.333333" for a longer or repeating value.
 */
export function usdExact(amount: Dec): string {
  const places = amount.decimalPlaces();
  if (places <= 2) return usdFromFixed(moneyString(amount));
  return places <= 6 ? usdFromFixed(amount.toFixed()) : `about ${usdFromFixed(amount.toFixed(6))}`;
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,840.00". Intl formats the numeric string exactly (no float on the way). */
export function formatUsd(x: Dec | Cents): string {
  const d = typeof x === 'number' ? decimalFromCents(x) : x;
  return USD.format(d.toFixed(2) as Intl.StringNumericLiteral);
}

/**
 * Same text as `formatUsd` (a property test holds them equal) without Intl's per-call cost; the
 * estimate writes a dozen amounts into its trace on every call and this is its hot path.
 */
export const usdText = (d: Dec): string => usdFromFixed(moneyString(d));

/** "$1,840.00" from "1840.00" (a `moneyString` the caller already has). */
export function usdFromFixed(fixed: string): string {
  const negative = fixed.charCodeAt(0) === 45; // '-'
  const body = negative ? fixed.slice(1) : fixed;
  const point = body.indexOf('.');
  const whole = point === -1 ? body : body.slice(0, point);
  const rest = point === -1 ? '' : body.slice(point);
  let grouped = whole;
  if (whole.length > 3) {
    let i = whole.length % 3 || 3;
    grouped = whole.slice(0, i);
    for (; i < whole.length; i += 3) grouped += ',' + whole.slice(i, i + 3);
  }
  return (negative ? '-$' : '$') + grouped + rest;
}

// ---------------------------------------------------------------------------------------------
// Rates written as percents

/** An exact percent: `percent` as written canonically ("95", "2.5"), `fraction` = percent ÷ 100. */
export type Rate = { readonly percent: string; readonly fraction: Dec };

export function rateFromPercent(
  input: string,
  options: { max?: string; label?: string } = {},
): { ok: true; rate: Rate } | Failure<'AMOUNT_INVALID'> {
  const parsed = parseAmount(input, { maxDecimals: 4, maxIntegerDigits: 4, label: options.label });
  if (!parsed.ok) return parsed;
  if (options.max !== undefined && parsed.value.greaterThan(options.max)) {
    const prefix = options.label ? `${options.label}: ` : '';
    return failure('AMOUNT_INVALID', `${prefix}${input}% is above the ${options.max}% this rate allows.`);
  }
  return { ok: true, rate: rateOf(parsed.value) };
}

/** For already-validated values (constants, parsed scenarios). */
export const rateOf = (percent: Dec): Rate => ({ percent: percent.toFixed(), fraction: percent.times(ONE_HUNDREDTH) });

// A practice's contracts use a handful of percents ("95", "20", "103"): each is parsed once. A
// Rate is immutable (Decimal values are), so sharing one is safe; the map is bounded.
const RATES = new Map<string, Rate>();
const MAX_CACHED_RATES = 256;

/** `rateOf` for a validated percent written as text, parsed once per distinct text. */
export function rateOfText(percent: string): Rate {
  let rate = RATES.get(percent);
  if (rate === undefined) {
    rate = rateOf(new Dec(percent));
    if (RATES.size >= MAX_CACHED_RATES) RATES.clear();
    RATES.set(percent, rate);
  }
  return rate;
}

/** "95%". */
export const formatRate = (rate: Rate): string => `${rate.percent}%`;

/** amount × rate, exact (no rounding; round at a named step). */
export const applyRate = (amount: Dec, rate: Rate): Dec => amount.times(rate.fraction);
