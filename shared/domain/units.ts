/**
 * Dose ↔ NDC quantity ↔ packages.
 *
 * - A dose is an amount of DRUG in mg, mcg, g, mL or units.
 * - `strength` is the amount of drug in ONE NDC unit (20 mg per ML; 25 mg per GR of cream;
 *   1 mg per ME). NDC quantity = dose ÷ strength, after converting the dose into the strength's
 *   unit (mcg/mg/g are exact powers of ten apart).
 * - When the dose cannot be compared with the strength (a dose in mL, strength in mg) but the NDC
 *   unit itself is a physical unit of the same kind (ML, GR, ME, F2), the dose converts straight
 *   into it: 2.25 mL → ML 2.25. UN (each) has no physical size and needs the strength.
 * - Package size is in NDC units (a 10 ML vial).
 * - `formatN4Quantity` writes the NUCC quantity: at most 8 digits before and 3 after the decimal
 *   point, whole numbers without a point, no commas. What cannot be written is refused
 *   (NDC_QUANTITY_UNWRITABLE); the formatter never rounds.
 * - `reportedN4Quantity` is the one place a quantity is rounded for a claim, on purpose and said
 *   aloud: a dose whose quantity repeats (10 mg at 3 mg/mL = 3.333… mL) is a real claim, reported
 *   half-up to 3 decimals (the NCPDP/NUCC format) with the exact quantity kept beside it; only a
 *   quantity that would report as 0 is refused. Pricing and stock use the exact quantity.
 * - Payer profiles that do not accept ME (or GR) get the same mass in the other unit
 *   (25 ME → GR 0.025); any other unit the payer refuses is refused here with a code.
 */
import { Dec, ONE, type Dec as Decimal } from './money';
import { clipQuoted } from './quoted-text';
import { failure, type Failure } from './result';

export const NDC_UNITS = ['UN', 'ML', 'GR', 'F2', 'ME'] as const;
export type NdcUnit = (typeof NDC_UNITS)[number];

export const DOSE_UNITS = ['mg', 'mcg', 'g', 'mL', 'units'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/** An amount of drug, exact. */
export type DrugQuantity = { amount: Decimal; unit: DoseUnit };

type Family = 'mass' | 'volume' | 'units';

const FAMILY: Record<DoseUnit, Family> = { mcg: 'mass', mg: 'mass', g: 'mass', mL: 'volume', units: 'units' };

// Size of each unit in its family's base (mg for mass). Decimal constants are built once.
const IN_BASE: Record<DoseUnit, Decimal> = {
  mcg: new Dec('0.001'),
  mg: ONE,
  g: new Dec(1000),
  mL: ONE,
  units: ONE,
};

/** The physical unit an NDC unit stands for; UN (each) has none. */
export const NDC_UNIT_AS_DOSE_UNIT: Record<NdcUnit, DoseUnit | null> = {
  UN: null,
  ML: 'mL',
  GR: 'g',
  ME: 'mg',
  F2: 'units',
};

const NDC_UNIT_NAMES: Record<NdcUnit, string> = {
  UN: 'UN (each)',
  ML: 'ML (milliliter)',
  GR: 'GR (gram)',
  ME: 'ME (milligram)',
  F2: 'F2 (international unit)',
};

export const sameFamily = (a: DoseUnit, b: DoseUnit): boolean => FAMILY[a] === FAMILY[b];

/** Exact conversion within one family (mg ↔ mcg ↔ g); null across families. */
export function convertDoseUnit(amount: Decimal, from: DoseUnit, to: DoseUnit): Decimal | null {
  if (from === to) return amount;
  if (FAMILY[from] !== FAMILY[to]) return null;
  return amount.times(IN_BASE[from]).dividedBy(IN_BASE[to]);
}

export type DrugUnits = { ndcUnit: NdcUnit; strength: DrugQuantity };

export type UnitResult = { ok: true; value: Decimal } | Failure<'UNIT_INCOMPATIBLE'>;

/** Dose → NDC quantity (see the module comment for the two routes). */
export function toNdcQuantity(dose: DrugQuantity, drug: DrugUnits): UnitResult {
  const inStrengthUnit = convertDoseUnit(dose.amount, dose.unit, drug.strength.unit);
  if (inStrengthUnit !== null) return { ok: true, value: inStrengthUnit.dividedBy(drug.strength.amount) };
  const physical = NDC_UNIT_AS_DOSE_UNIT[drug.ndcUnit];
  const direct = physical === null ? null : convertDoseUnit(dose.amount, dose.unit, physical);
  if (direct !== null) return { ok: true, value: direct };
  return failure(
    'UNIT_INCOMPATIBLE',
    `A dose in ${dose.unit} cannot be turned into ${NDC_UNIT_NAMES[drug.ndcUnit]} with a strength in ${drug.strength.unit}; enter the dose in ${drug.strength.unit} or correct the strength.`,
  );
}

/** NDC quantity → amount of drug in `unit` (the inverse of toNdcQuantity). */
export function fromNdcQuantity(quantity: Decimal, drug: DrugUnits, unit: DoseUnit): UnitResult {
  const viaStrength = convertDoseUnit(quantity.times(drug.strength.amount), drug.strength.unit, unit);
  if (viaStrength !== null) return { ok: true, value: viaStrength };
  const physical = NDC_UNIT_AS_DOSE_UNIT[drug.ndcUnit];
  const direct = physical === null ? null : convertDoseUnit(quantity, physical, unit);
  if (direct !== null) return { ok: true, value: direct };
  return failure(
    'UNIT_INCOMPATIBLE',
    `${NDC_UNIT_NAMES[drug.ndcUnit]} with a strength in ${drug.strength.unit} cannot be expressed in ${unit}.`,
  );
}

/** An amount of drug in another unit: directly within a family, else through the NDC quantity. */
export function drugAmountIn(dose: DrugQuantity, unit: DoseUnit, drug: DrugUnits): UnitResult {
  const direct = convertDoseUnit(dose.amount, dose.unit, unit);
  if (direct !== null) return { ok: true, value: direct };
  const quantity = toNdcQuantity(dose, drug);
  return quantity.ok ? fromNdcQuantity(quantity.value, drug, unit) : quantity;
}

/** ceil(a ÷ b) for positive exact decimals, with no rounding on the way (integer quotient + remainder). */
export function ceilDivide(a: Decimal, b: Decimal): Decimal {
  const whole = a.dividedToIntegerBy(b);
  return a.modulo(b).isZero() ? whole : whole.plus(1);
}

/** Whole packages needed for a quantity (package size in NDC units). */
export const packagesNeeded = (quantity: Decimal, packageSize: Decimal): Decimal => ceilDivide(quantity, packageSize);

// ---------------------------------------------------------------------------------------------
// N4 quantity text

export function formatN4Quantity(
  quantity: Decimal | string,
): { ok: true; text: string } | Failure<'NDC_QUANTITY_UNWRITABLE'> {
  let q: Decimal;
  if (typeof quantity === 'string') {
    if (!/^\d+(\.\d+)?$/.test(quantity)) {
      return failure(
        'NDC_QUANTITY_UNWRITABLE',
        `"${clipQuoted(quantity)}" is not a plain decimal quantity such as 2.25.`,
      );
    }
    q = new Dec(quantity);
  } else {
    q = quantity;
  }
  if (!q.isFinite() || q.isZero() || q.isNegative()) {
    return failure('NDC_QUANTITY_UNWRITABLE', 'The NDC quantity must be more than zero.');
  }
  if (q.decimalPlaces() > 3) {
    return failure(
      'NDC_QUANTITY_UNWRITABLE',
      `The NDC quantity ${describe(q)} has more than 3 decimal places, which the claim cannot carry; adjust the amount so the quantity has at most 3 decimals (it is never rounded silently).`,
    );
  }
  // `e` is the decimal exponent: e ≥ 8 means 9 or more digits before the point.
  if (q.e >= 8) {
    return failure(
      'NDC_QUANTITY_UNWRITABLE',
      `The NDC quantity ${q.toFixed()} has more than 8 digits before the decimal point, which the claim cannot carry.`,
    );
  }
  // toFixed() with no argument: plain notation, no trailing zeros, no point for whole numbers.
  return { ok: true, text: q.toFixed() };
}

const N4_DECIMALS = 3;

export type ReportedQuantity = { ok: true; quantity: Decimal; rounded: boolean } | Failure<'NDC_QUANTITY_UNWRITABLE'>;

/** The quantity a claim line reports for an exact one (see the module comment). */
export function reportedN4Quantity(exact: Decimal): ReportedQuantity {
  if (exact.decimalPlaces() <= N4_DECIMALS) return { ok: true, quantity: exact, rounded: false };
  const quantity = exact.toDecimalPlaces(N4_DECIMALS, Dec.ROUND_HALF_UP);
  if (quantity.isZero()) {
    return failure(
      'NDC_QUANTITY_UNWRITABLE',
      `The NDC quantity ${describe(exact)} is below 0.0005, so a claim (3 decimals at most) would report 0; check the dose and its unit, or the drug's NDC unit.`,
    );
  }
  return { ok: true, quantity, rounded: true };
}

/** A long or repeating quantity, shortened for a message only. */
const describe = (q: Decimal): string => (q.decimalPlaces() > 6 ? `about ${q.toFixed(6)}` : q.toFixed());

// ---------------------------------------------------------------------------------------------
// Payer profiles

const THOUSAND = new Dec(1000);

export type PayerUnitResult =
  { ok: true; quantity: Decimal; unit: NdcUnit; convertedFrom: NdcUnit | null } | Failure<'NDC_UNIT_NOT_ACCEPTED'>;

/**
 * The quantity in a unit the payer accepts. ME and GR are both mass, so each converts to the other
 * exactly; ML, UN and F2 have no such equivalent and are refused.
 */
export function convertForPayer(quantity: Decimal, unit: NdcUnit, accepted: readonly NdcUnit[]): PayerUnitResult {
  if (accepted.includes(unit)) return { ok: true, quantity, unit, convertedFrom: null };
  if (unit === 'ME' && accepted.includes('GR')) {
    return { ok: true, quantity: quantity.dividedBy(THOUSAND), unit: 'GR', convertedFrom: 'ME' };
  }
  if (unit === 'GR' && accepted.includes('ME')) {
    return { ok: true, quantity: quantity.times(THOUSAND), unit: 'ME', convertedFrom: 'GR' };
  }
  return failure(
    'NDC_UNIT_NOT_ACCEPTED',
    `This payer accepts NDC units ${accepted.join(', ')} but not ${NDC_UNIT_NAMES[unit]}, and ${unit} cannot be converted to any of them; check the payer profile or the drug's NDC unit.`,
  );
}
