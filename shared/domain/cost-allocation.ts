/**
 * Splitting one amount over lines so the lines add up to it, to the cent.
 *
 * Rounding each line's exact share on its own can make the lines disagree with the whole: a
 * $925.00 single-dose vial, 45 mg given and 155 mg discarded of 200 mg, is 208.125 + 716.875, and
 * each rounded half-up gives 208.13 + 716.88 = 925.01 against an invoice that says 925.00. So the
 * total is rounded ONCE and each line is the rounded running total less the lines before it: the
 * first line is its own share rounded, the last takes what is left (208.13 + 716.87). Rounding
 * running totals (rather than each share) keeps every line at or above zero however many there
 * are. Used wherever a total is split into lines.
 */
import * as money from './money';
import type { Dec as Decimal } from './money';

const { ZERO, roundCents } = money;

export type Allocation = {
  /** The exact total rounded half-up to cents, once. */
  total: Decimal;
  /** One amount per share, in whole cents, summing exactly to `total`. */
  lines: Decimal[];
};

/**
 * `exactShares` are the lines' exact amounts (any number of decimals); their sum is the exact total.
 * The last share absorbs the rounding, so it should be the one a reader expects to be "the rest"
 * (the JW line after the given line).
 */
export function allocateCents(exactShares: readonly Decimal[]): Allocation {
  const lines: Decimal[] = [];
  let running: Decimal | null = null;
  let allocated: Decimal | null = null;
  for (const share of exactShares) {
    running = running === null ? share : running.plus(share);
    const roundedRunning = roundCents(running);
    lines.push(allocated === null ? roundedRunning : roundedRunning.minus(allocated));
    allocated = roundedRunning;
  }
  return { total: allocated ?? ZERO, lines };
}
