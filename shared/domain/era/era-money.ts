/**
 * Exact totals of the money strings a reading holds ("1087.92", "-25.00"), for balancing.
 *
 * A `Total` is integer cents (as money.ts's `Cents`: each amount of a reading has at most 13
 * digits before the point, so its cents are a safe integer) for as long as every sum stays in
 * the safe-integer range, where adding whole numbers is exact; the first sum that would leave it
 * is done in decimal.js, and that total stays a `Dec` (of cents). Only a hostile file gets there
 * (90 trillion dollars), but the answer is exact either way, and the common case allocates
 * nothing: balancing visits every amount of the file.
 */
import { centsText } from '../cents-text';
import { Dec, moneyString } from '../money';
import * as values from './x12-values';

// Helpers called for every amount, read once: see era-reader.ts (tsx's import getters).
const { canonicalCents, readX12Amount } = values;

export type Total = number | Dec;

/** Cents of a money string of the reading (0 for text that is not one: never the case there). */
export function centsOf(money: string): number {
  const fast = canonicalCents(money);
  if (fast === fast) return fast;
  const read = readX12Amount(money);
  return read.ok ? read.cents : 0;
}

export const isZeroMoney = (money: string): boolean => centsOf(money) === 0;

export function plus(a: Total, b: Total): Total {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return new Dec(a).plus(b);
}

export function minus(a: Total, b: Total): Total {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (Number.isSafeInteger(difference)) return difference;
  }
  return new Dec(a).minus(b);
}

export const isZeroTotal = (t: Total): boolean => (typeof t === 'number' ? t === 0 : t.isZero());

/** "1087.92" from 108792. */
export function moneyText(t: Total): string {
  return typeof t === 'number' ? centsText(t) : moneyString(t.dividedBy(100));
}

/** The absolute value as a money string. */
export function absMoneyText(t: Total): string {
  const text = moneyText(t);
  return text.charCodeAt(0) === 45 ? text.slice(1) : text;
}

/** Σ of the `amount` of each item. */
export function sumAmounts(items: readonly { amount: string }[]): Total {
  let total: Total = 0;
  // An index, not for…of: the lists are the shared frozen NONE or real arrays, and over both kinds
  // V8 keeps the iterator protocol, an object for every step of every line's list.
  for (let i = 0; i < items.length; i++) total = plus(total, centsOf((items[i] as { amount: string }).amount));
  return total;
}
