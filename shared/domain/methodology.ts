/**
 * Contract methodologies: what a line's allowed amount is built from.
 *
 * Bases (each for the amount of drug the line bills):
 *   AWP, WAC      package price × quantity ÷ package size (quantity and size in NDC units)
 *   INVOICE       acquisition cost per package × quantity ÷ package size
 *   ASP           CMS payment limit per HCPCS dosage × quantity in that dosage. The payment
 *                 limit ALREADY includes the +6% (ASP × 1.06); it is never multiplied by 1.06
 *                 again (a public loader does, and double counts).
 *   ASP_DERIVED   the ASP itself, derived as payment limit ÷ 1.06, for commercial "ASP + x%"
 *                 contracts (ASP + 10% = 110 percent of ASP_DERIVED).
 *   FEE_SCHEDULE  rate per stated quantity × quantity in that unit
 *   BILLED        the line's billed charge
 *
 * `percent` is ALWAYS "percent of the basis": AWP − 5% → 95, WAC + 3% → 103, invoice + 10% →
 * 110, 60% of billed → 60. The basis is kept exact; allowed = basis × percent (+ the flat add-on,
 * given line only) rounded half-up to cents ONCE, then the lesser of the billed charge when the
 * contract says so. A missing price is not a crash: the line is allowed $0.00 with a
 * NO_PRICE_FOR_BASIS warning naming the missing field.
 */
import * as money from './money';
import type { Dec as Decimal, Rate } from './money';
import { drugAmountIn, type DrugQuantity, type DrugUnits } from './units';
import type { Failure, Warning } from './result';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { Dec, ZERO, applyRate, formatRate, moneyString, roundCents, usdExact, usdFromFixed, usdText } = money;

export const BASES = ['AWP', 'WAC', 'ASP', 'ASP_DERIVED', 'INVOICE', 'FEE_SCHEDULE', 'BILLED'] as const;
export type Basis = (typeof BASES)[number];

/** A price per stated amount of drug: $10.60 per 1 mg, $45.10 per 10 mg. */
export type PricePer = { amount: Decimal; per: DrugQuantity };

export type PricingDrug = DrugUnits & {
  packageSize: Decimal;
  /** packageSize as written, computed once per estimate for the trace. */
  packageSizeText: string;
};

export type PriceList = {
  awpPerPackage: Decimal | null;
  wacPerPackage: Decimal | null;
  acquisitionPerPackage: Decimal | null;
  paymentLimit: PricePer | null;
  feeSchedule: PricePer | null;
};

/** What one line bills, for pricing. */
export type PricedAmount = {
  /** Amount of drug billed (billed units × billing unit, or the dose or waste itself). */
  drug: DrugQuantity;
  /** The same amount in NDC units, and as trace text. */
  ndcQuantity: Decimal;
  ndcQuantityText: string;
};

export type BasisResult =
  | { ok: true; basis: Decimal; basisFixed: string; step: string; missing: null }
  | { ok: true; basis: null; basisFixed: '0.00'; step: null; missing: string }
  | Failure<'UNIT_INCOMPATIBLE'>;

const ASP_ADD_ON_FACTOR = new Dec('1.06');

/** Payment limit ÷ 1.06: the ASP a CMS payment limit was built from (10.60 → 10.00). */
export const aspFromPaymentLimit = (paymentLimit: Decimal): Decimal => paymentLimit.dividedBy(ASP_ADD_ON_FACTOR);

const BASIS_NAMES: Record<Basis, string> = {
  AWP: 'AWP',
  WAC: 'WAC',
  ASP: 'ASP payment limit',
  ASP_DERIVED: 'ASP',
  INVOICE: 'Invoice cost',
  FEE_SCHEDULE: 'Fee schedule',
  BILLED: 'Billed charge',
};

/** The basis amount for one line, exact, with its trace step. */
export function basisFor(
  basis: Basis,
  prices: PriceList,
  drug: PricingDrug,
  priced: PricedAmount,
  billedCharge: Decimal,
): BasisResult {
  switch (basis) {
    case 'AWP':
      return perPackage(basis, prices.awpPerPackage, 'the AWP per package', drug, priced);
    case 'WAC':
      return perPackage(basis, prices.wacPerPackage, 'the WAC per package', drug, priced);
    case 'INVOICE':
      return perPackage(basis, prices.acquisitionPerPackage, 'the invoice cost per package', drug, priced);
    case 'ASP':
    case 'ASP_DERIVED':
      return perDosage(basis, prices.paymentLimit, 'the CMS payment limit', drug, priced);
    case 'FEE_SCHEDULE':
      return perDosage(basis, prices.feeSchedule, 'the fee schedule rate', drug, priced);
    case 'BILLED': {
      const fixed = moneyString(billedCharge);
      return {
        ok: true,
        basis: billedCharge,
        basisFixed: fixed,
        step: `Billed charge ${usdFromFixed(fixed)}`,
        missing: null,
      };
    }
  }
}

function perPackage(
  basis: Basis,
  price: Decimal | null,
  what: string,
  drug: PricingDrug,
  priced: PricedAmount,
): BasisResult {
  if (price === null) return { ok: true, basis: null, basisFixed: '0.00', step: null, missing: what };
  const value = price.times(priced.ndcQuantity).dividedBy(drug.packageSize);
  const fixed = moneyString(value);
  const unit = drug.ndcUnit;
  return {
    ok: true,
    basis: value,
    basisFixed: fixed,
    step: `${BASIS_NAMES[basis]} ${usdExact(price)} per ${drug.packageSizeText} ${unit} package × ${priced.ndcQuantityText} ${unit} = ${usdExact(value)}`,
    missing: null,
  };
}

function perDosage(
  basis: Basis,
  price: PricePer | null,
  what: string,
  drug: PricingDrug,
  priced: PricedAmount,
): BasisResult {
  if (price === null) return { ok: true, basis: null, basisFixed: '0.00', step: null, missing: what };
  const inUnit = drugAmountIn(priced.drug, price.per.unit, drug);
  if (!inUnit.ok) return inUnit;
  const perAmount = price.per.amount;
  const unitPrice = basis === 'ASP_DERIVED' ? aspFromPaymentLimit(price.amount) : price.amount;
  const value = unitPrice.times(inUnit.value).dividedBy(perAmount);
  const fixed = moneyString(value);
  const per = `per ${perAmount.toFixed()} ${price.per.unit}`;
  const head =
    basis === 'ASP_DERIVED'
      ? `ASP ${usdExact(unitPrice)} ${per} (payment limit ${usdExact(price.amount)} ÷ 1.06)`
      : `${BASIS_NAMES[basis]} ${usdExact(unitPrice)} ${per}`;
  return {
    ok: true,
    basis: value,
    basisFixed: fixed,
    step: `${head} × ${quantityText(inUnit.value)} ${price.per.unit} = ${usdExact(value)}`,
    missing: null,
  };
}

export type LineAllowed = {
  /** Exact basis (null when its price is missing) and as shown ("270.00"). */
  basis: Decimal | null;
  basisFixed: string;
  /** Rounded to cents, and as shown. */
  allowed: Decimal;
  allowedFixed: string;
  steps: string[];
  warning: Warning | null;
};

/**
 * allowed = roundCents(basis × percent + addOn), then min(billed) when `lesserOfBilled`.
 * `addOn` is null on the JW line. `billedFixed` is moneyString(billedCharge), which the caller has.
 */
export function allowedFor(
  basisResult: Exclude<BasisResult, Failure>,
  terms: { basis: Basis; rate: Rate; addOn: Decimal | null; lesserOfBilled: boolean },
  billedCharge: Decimal,
  billedFixed: string,
  lineLabel: string,
): LineAllowed {
  if (basisResult.basis === null) {
    return {
      basis: null,
      basisFixed: '0.00',
      allowed: ZERO,
      allowedFixed: '0.00',
      steps: [`No ${BASIS_NAMES[terms.basis]} price: allowed $0.00`],
      warning: {
        code: 'NO_PRICE_FOR_BASIS',
        message: `The contract prices on ${BASIS_NAMES[terms.basis]}, but ${basisResult.missing} is missing, so the ${lineLabel} line is allowed $0.00 until it is entered.`,
      },
    };
  }
  const steps = [basisResult.step];
  const product = applyRate(basisResult.basis, terms.rate);
  const addOn = terms.addOn !== null && !terms.addOn.isZero() ? terms.addOn : null;
  let allowed = roundCents(addOn ? product.plus(addOn) : product);
  let allowedFixed = moneyString(allowed);
  steps.push(
    addOn
      ? `× ${formatRate(terms.rate)} + add-on ${usdText(addOn)} = ${usdFromFixed(allowedFixed)}`
      : `× ${formatRate(terms.rate)} = ${usdFromFixed(allowedFixed)}`,
  );
  if (terms.lesserOfBilled) {
    if (billedCharge.lessThan(allowed)) {
      allowed = billedCharge;
      allowedFixed = billedFixed;
    }
    steps.push(`lesser of billed ${usdFromFixed(billedFixed)} → ${usdFromFixed(allowedFixed)}`);
  }
  return { basis: basisResult.basis, basisFixed: basisResult.basisFixed, allowed, allowedFixed, steps, warning: null };
}

/**
 * Acquisition cost of an NDC quantity, exact: the lines' shares are rounded together
 * (cost-allocation.ts) so they add up to the cost of what was drawn.
 */
export const acquisitionShare = (costPerPackage: Decimal, drug: PricingDrug, ndcQuantity: Decimal): Decimal =>
  costPerPackage.times(ndcQuantity).dividedBy(drug.packageSize);

/** A quantity for a trace line: exact when short, else "about" 6 decimals. */
export const quantityText = (q: Decimal): string => (q.decimalPlaces() > 6 ? `about ${q.toFixed(6)}` : q.toFixed());
