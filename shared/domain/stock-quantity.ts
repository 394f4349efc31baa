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

/** Packages × NDC units per package, in micro-units. */
export function packagesToMicro(packageQuantity: string, packageSize: string): number | null {
  return microFromUnits(new Dec(packageQuantity).times(packageSize));
}
