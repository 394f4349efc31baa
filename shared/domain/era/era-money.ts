/**
 * Exact totals of the money strings a reading holds ("1087.92", "-25.00"), for balancing.
 *
 * A total runs in integer cents (money.ts's `Cents`: each amount of the reading is a safe integer
 * of cents, at most 13 digits before the point). Adding safe integers is exact as long as the sum
 * stays in the safe range, and `Number.isSafeInteger` catches the first sum that would not; from
 * then on that total continues in decimal.js. Only a hostile file gets there (90 trillion
 * dollars), but the answer stays exact either way.
 */
import { Dec, moneyString } from '../money';
import { readX12Amount } from './x12-values';

/** Cents of a money string of the reading (0 for text that is not one: never the case there). */
export function centsOf(money: string): number {
  const read = readX12Amount(money);
  return read.ok ? read.cents : 0;
}

export const isZeroMoney = (money: string): boolean => centsOf(money) === 0;

/** "1087.92" from 108792 (a safe integer). */
export function moneyFromCents(cents: number): string {
  const digits = String(cents < 0 ? -cents : cents).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export class MoneyTotal {
  private cents = 0;
  /** Set once the total leaves the safe-integer range; in cents too. */
  private big: Dec | null = null;

  add(money: string): this {
    return this.addCents(centsOf(money));
  }

  subtract(money: string): this {
    return this.addCents(-centsOf(money));
  }

  addTotal(other: MoneyTotal): this {
    if (other.big === null) return this.addCents(other.cents);
    this.big = (this.big ?? new Dec(this.cents)).plus(other.big);
    return this;
  }

  subtractTotal(other: MoneyTotal): this {
    if (other.big === null) return this.addCents(-other.cents);
    this.big = (this.big ?? new Dec(this.cents)).minus(other.big);
    return this;
  }

  isZero(): boolean {
    return this.big === null ? this.cents === 0 : this.big.isZero();
  }

  /** Positive, zero or negative. */
  sign(): number {
    return this.big === null ? Math.sign(this.cents) : this.big.comparedTo(0);
  }

  text(): string {
    return this.big === null ? moneyFromCents(this.cents) : moneyString(this.big.dividedBy(100));
  }

  /** The absolute value as a money string. */
  absText(): string {
    const t = this.text();
    return t.charCodeAt(0) === 45 ? t.slice(1) : t;
  }

  private addCents(c: number): this {
    if (this.big !== null) {
      this.big = this.big.plus(c);
      return this;
    }
    const sum = this.cents + c;
    if (Number.isSafeInteger(sum)) this.cents = sum;
    else this.big = new Dec(this.cents).plus(c);
    return this;
  }
}

/** A new total of the given money strings. */
export const totalOf = (...money: string[]): MoneyTotal => {
  const t = new MoneyTotal();
  for (const m of money) t.add(m);
  return t;
};
