/**
 * Waste and billing units (domain.md §4).
 *
 * - Only single-dose containers have billable waste; waste entered for a multi-dose container is
 *   refused (WASTE_ON_MULTI_DOSE): the rest of a multi-dose vial is not discarded.
 * - With a billing unit (e.g. J9263, 0.5 mg per HCPCS unit):
 *     given units = ceil(given ÷ billing unit)
 *     JW units    = ceil((given + wasted) ÷ billing unit) − given units
 *   so when the rounded-up given units already cover the waste there is no JW line (Noridian:
 *   100 mg vial, 100 mg unit, 70 mg given → 1 unit, JZ; a JW line would be an overpayment).
 *   The ceiling is exact (integer quotient + remainder), never a rounded division.
 * - Without a billing unit (the usual J3490 convention) each line is 1 unit and the dose travels in
 *   the NDC quantity and the narrative; any waste from a single-dose container is its own JW line.
 */
import { ONE, ZERO, type Dec as Decimal } from './money';
import { ceilDivide } from './units';
import { failure, type Failure, type Warning } from './result';

export const CONTAINERS = ['single-dose', 'multi-dose'] as const;
export type Container = (typeof CONTAINERS)[number];

export type UnitsPlan = {
  givenUnits: Decimal;
  /** Zero when there is no JW line. */
  wastedUnits: Decimal;
  hasWastedLine: boolean;
};

/**
 * `given`, `wasted` and `billingUnit` must be in one unit (the caller converts). `billingUnit`
 * null means the one-unit-per-line convention.
 */
export function planUnits(input: {
  container: Container;
  given: Decimal;
  wasted: Decimal;
  billingUnit: Decimal | null;
}): ({ ok: true } & UnitsPlan) | Failure<'WASTE_ON_MULTI_DOSE'> {
  const { container, given, wasted, billingUnit } = input;
  // Amounts are non-negative (the schema refuses negatives), so "not zero" means "more than zero".
  if (container === 'multi-dose' && !wasted.isZero()) {
    return failure(
      'WASTE_ON_MULTI_DOSE',
      'Waste was entered for a multi-dose container; the rest of a multi-dose vial is kept for later doses, so discarded drug is never billed from it. Set the waste to 0.',
    );
  }
  if (billingUnit === null) {
    const hasWastedLine = container === 'single-dose' && !wasted.isZero();
    return { ok: true, givenUnits: ONE, wastedUnits: hasWastedLine ? ONE : ZERO, hasWastedLine };
  }
  const givenUnits = ceilDivide(given, billingUnit);
  const wastedUnits = wasted.isZero() ? ZERO : ceilDivide(given.plus(wasted), billingUnit).minus(givenUnits);
  return { ok: true, givenUnits, wastedUnits, hasWastedLine: !wastedUnits.isZero() };
}

/**
 * A single-dose container is opened and discarded whole, so given + wasted should be a whole
 * number of packages. Not an error: when one vial is shared the waste goes on the last
 * patient's claim (AAPC), so an earlier patient's claim shows a fraction.
 */
export function checkWholePackages(input: {
  container: Container;
  givenQuantity: Decimal;
  wastedQuantity: Decimal;
  packageSize: Decimal;
  ndcUnit: string;
}): Warning | null {
  if (input.container !== 'single-dose') return null;
  const total = input.givenQuantity.plus(input.wastedQuantity);
  const packages = total.dividedBy(input.packageSize);
  if (packages.isInteger()) return null;
  const count = packages.decimalPlaces() > 3 ? `about ${packages.toFixed(2)}` : packages.toFixed();
  return {
    code: 'WASTE_NOT_WHOLE_PACKAGES',
    message: `Given plus discarded is ${total.toFixed()} ${input.ndcUnit}, ${count} packages of ${input.packageSize.toFixed()} ${input.ndcUnit}; the rest of an opened single-dose container is discarded, so record it as waste unless the container was shared and another patient's claim carries it.`,
  };
}
