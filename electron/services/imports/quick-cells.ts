/**
 * Fast paths for the shapes nearly every cell of a large price list has, checked character by
 * character: the general readers in cells.ts go through regexes and build a Decimal per amount,
 * which is most of the validation time of a 50,000-row file. Each function returns exactly what
 * the general reader returns for an input of its shape, or null for anything else; the general
 * reader then decides, refusal message included. No number is ever made from an amount.
 */
import { MAX_AMOUNT_LENGTH } from '../../../shared/domain/money';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** What readAmount allows (and passes to parseAmount): digits before the point, decimal places. */
export const AMOUNT_LIMITS = { maxIntegerDigits: 13, maxDecimals: 6 } as const;

/**
 * An NDC that needs no padding: 11 digits, or 5-4-2 with hyphens ("12345-6789-01" → 12345678901).
 * The 10-digit printed forms, whose padding zero depends on the hyphens, are left to parseNdc.
 */
export function quickNdc11(raw: string): string | null {
  if (raw.length === 11) {
    for (let i = 0; i < 11; i++) if (!isDigit(raw.charCodeAt(i))) return null;
    return raw;
  }
  if (raw.length !== 13) return null;
  for (let i = 0; i < 13; i++) {
    const c = raw.charCodeAt(i);
    if (i === 5 || i === 10 ? c !== 45 : !isDigit(c)) return null;
  }
  // One string from the 11 digits, not three slices joined: a 50,000-row file makes 50,000 of these.
  return String.fromCharCode(
    raw.charCodeAt(0),
    raw.charCodeAt(1),
    raw.charCodeAt(2),
    raw.charCodeAt(3),
    raw.charCodeAt(4),
    raw.charCodeAt(6),
    raw.charCodeAt(7),
    raw.charCodeAt(8),
    raw.charCodeAt(9),
    raw.charCodeAt(11),
    raw.charCodeAt(12),
  );
}

/**
 * A plain decimal ("1234", "256.5000": digits, at most one point with digits on both sides)
 * of at most MAX_AMOUNT_LENGTH characters, within AMOUNT_LIMITS, as parseAmount counts them
 * (leading zeros and trailing decimal zeros do not count), and not zero unless allowed → the
 * text itself, as readAmount stores it.
 */
export function quickAmount(raw: string, allowZero: boolean): string | null {
  const n = raw.length;
  // "000…001" a million characters long counts one digit: parseAmount refuses it by its length.
  if (n > MAX_AMOUNT_LENGTH) return null;
  let i = 0;
  let integerDigits = 0;
  let nonZero = false;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46) break;
    if (!isDigit(c)) return null;
    if (c !== 48) nonZero = true;
    if (nonZero) integerDigits++;
  }
  if (i === 0 || integerDigits > AMOUNT_LIMITS.maxIntegerDigits) return null;
  if (i < n) {
    const start = i + 1;
    if (start === n) return null;
    let decimals = 0;
    for (let k = start; k < n; k++) {
      const c = raw.charCodeAt(k);
      if (!isDigit(c)) return null;
      if (c !== 48) {
        nonZero = true;
        decimals = k - start + 1;
      }
    }
    if (decimals > AMOUNT_LIMITS.maxDecimals) return null;
  }
  return nonZero || allowZero ? raw : null;
}

/**
 * A plain decimal of at most `maxDecimals` places (trailing zeros not counted), within
 * AMOUNT_LIMITS, and not zero unless allowed → its canonical text, as Decimal#toFixed() prints it
 * ("0010.500" → "10.5", "3.00" → "3"). What readDecimal (invoice-rows.ts) gives for such a cell.
 */
export function quickDecimal(raw: string, maxDecimals: number, allowZero: boolean): string | null {
  if (quickAmount(raw, allowZero) === null) return null;
  const n = raw.length;
  let point = raw.indexOf('.');
  if (point < 0) point = n;
  // Leading zeros (keeping one before the point) and trailing decimal zeros (and then the point).
  let start = 0;
  while (start < point - 1 && raw.charCodeAt(start) === 48) start++;
  let end = n;
  while (end > point + 1 && raw.charCodeAt(end - 1) === 48) end--;
  if (end === point + 1) end = point;
  if (point < n && end - point - 1 > maxDecimals) return null;
  return start === 0 && end === n ? raw : raw.slice(start, end);
}

/**
 * A plain decimal of at most 2 places (trailing zeros not counted), within AMOUNT_LIMITS → whole
 * cents ("1170.5" → 117050), as parseCents gives them. The cents are built digit by digit as an
 * integer: at most 13 + 2 digits, so every step is an integer below 2^53 and exact; no fraction
 * is ever held in a float.
 */
export function quickCents(raw: string): number | null {
  if (quickAmount(raw, true) === null) return null;
  const n = raw.length;
  let cents = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46) break;
    cents = cents * 10 + (c - 48);
  }
  // Two places: the first two decimals; any further ones must be zeros.
  for (let k = 1; k <= 2; k++) cents = cents * 10 + (i + k < n ? raw.charCodeAt(i + k) - 48 : 0);
  for (let k = i + 3; k < n; k++) if (raw.charCodeAt(k) !== 48) return null;
  return cents;
}
