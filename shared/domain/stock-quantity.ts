/**
 * Stock is counted in NDC units (ML, UN, GR…) and stored as integer micro-units (× 1,000,000) so
 * SQLite sums it exactly. Package sizes have at most 6 decimals, so packages × size always lands
 * on a whole micro-unit; anything finer is refused rather than rounded.
 */
import { Dec } from './money';

const MICRO = new Dec(1_000_000);

/** "2.25" → 2250000; null when the value has more than 6 decimals or is not a safe integer. */
export function microFromUnits(units: string | InstanceType<typeof Dec>): number | null {
  const scaled = new Dec(units).times(MICRO);
  if (!scaled.isInteger() || scaled.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return null;
  // Safe: an integer within ±2^53 converts to a number exactly.
  return scaled.toNumber();
}

/** 2250000 → "2.25". */
export const unitsFromMicro = (micro: number): string => new Dec(micro).dividedBy(MICRO).toFixed();

/**
 * An exact NDC quantity as a lot's stock counts it: micro-units, rounded half-up when the quantity
 * has more than 6 decimals (10 mg at 3 mg/mL = 3.333… mL draws 3.333333 mL). `rounded` says it
 * was; null when it is not a safe integer of micro-units even then.
 */
export function drawnMicro(units: InstanceType<typeof Dec>): { micro: number; rounded: boolean } | null {
  const scaled = units.times(MICRO);
  const whole = scaled.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  if (whole.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return null;
  // Safe: an integer within ±2^53 converts to a number exactly.
  return { micro: whole.toNumber(), rounded: !whole.equals(scaled) };
}

/**
 * How far a lot may fall short of a draw because of the draws' own rounding to micro-units: half
 * a micro-unit each at most, for every administration that drew from it and this one. A shortfall
 * within it is the rounding, not missing stock (three 20 mg doses of a 3 mg/mL, 20 mL lot are
 * 6.666667 mL each, 20.000001 mL in all).
 */
export const roundingAllowanceMicro = (drawsFromLot: number): number => Math.ceil((drawsFromLot + 1) / 2);

/** Packages × NDC units per package, in micro-units. */
export function packagesToMicro(packageQuantity: string, packageSize: string): number | null {
  return microFromUnits(new Dec(packageQuantity).times(packageSize));
}
