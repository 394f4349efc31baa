/**
 * Integer cents as an exact decimal string ("-1234" → "-12.34") by moving the point in the digits,
 * with no arithmetic at all: the exports write millions of amounts and a Decimal per cell would be
 * most of their time. Only whole numbers of cents (as stored) are accepted.
 */
export function centsText(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const negative = cents < 0;
  const digits = String(negative ? -cents : cents).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
