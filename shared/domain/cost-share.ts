/**
 * Who pays what of the allowed amount, in the order Medicare applies it (domain.md §2):
 *   deductible    = min(deductible remaining, allowed)
 *   coinsurance   = (allowed − deductible) × coinsurance %      rounded half-up to cents
 *   payer share   = allowed − deductible − coinsurance           exact (all terms are cents)
 *   sequestration = payer share × sequestration rate             rounded half-up to cents
 *   payer pays    = payer share − sequestration
 *   patient pays  = deductible + coinsurance                     (sequestration never moves to the patient)
 * So deductible + coinsurance + sequestration + payer pays = allowed, to the cent.
 * FCSO check: allowed $100, deductible $50 → 80% × $50 = $40, − 2% ($0.80) = $39.20.
 * Whether payers round sequestration half-up is unconfirmed [U]; half-up matches the worked examples.
 */
import * as money from './money';
import type { Dec as Decimal, Rate } from './money';
import type { SequestrationRate } from './sequestration';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { moneyString, roundCents, usdFromFixed, usdText } = money;

export type CostShareInput = {
  /** Total allowed, already whole cents. */
  allowed: Decimal;
  deductibleRemaining: Decimal;
  coinsurance: Rate;
  sequestration: SequestrationRate;
};

export type CostShare = {
  allowed: Decimal;
  deductible: Decimal;
  afterDeductible: Decimal;
  coinsurance: Decimal;
  payerShare: Decimal;
  sequestration: Decimal;
  payerPays: Decimal;
  patientPays: Decimal;
};

export function splitAllowed(input: CostShareInput): CostShare {
  const { allowed } = input;
  const deductible = input.deductibleRemaining.lessThan(allowed) ? input.deductibleRemaining : allowed;
  const afterDeductible = allowed.minus(deductible);
  const coinsurance = roundCents(afterDeductible.times(input.coinsurance.fraction));
  const payerShare = afterDeductible.minus(coinsurance);
  const sequestration = roundCents(payerShare.times(input.sequestration.fraction));
  return {
    allowed,
    deductible,
    afterDeductible,
    coinsurance,
    payerShare,
    sequestration,
    payerPays: payerShare.minus(sequestration),
    patientPays: deductible.plus(coinsurance),
  };
}

/** Each amount of a split as shown ("205.20"), computed once for both the result and the trace. */
export type CostShareFixed = { [K in keyof CostShare]: string };

export function fixedCostShare(share: CostShare): CostShareFixed {
  return {
    allowed: moneyString(share.allowed),
    deductible: moneyString(share.deductible),
    afterDeductible: moneyString(share.afterDeductible),
    coinsurance: moneyString(share.coinsurance),
    payerShare: moneyString(share.payerShare),
    sequestration: moneyString(share.sequestration),
    payerPays: moneyString(share.payerPays),
    patientPays: moneyString(share.patientPays),
  };
}

/** Trace lines for the split, in the order it is computed. */
export function costShareSteps(fixed: CostShareFixed, input: CostShareInput, dateOfService: string): string[] {
  const seq = input.sequestration;
  return [
    input.deductibleRemaining.isZero()
      ? 'deductible: none remaining → $0.00'
      : `deductible: ${usdText(input.deductibleRemaining)} remaining, applied ${usdFromFixed(fixed.deductible)}`,
    `coinsurance ${input.coinsurance.percent}% of ${usdFromFixed(fixed.afterDeductible)} = ${usdFromFixed(fixed.coinsurance)}`,
    `payer share ${usdFromFixed(fixed.payerShare)}`,
    seq.fraction.isZero()
      ? `${seq.reason} (DOS ${dateOfService}): $0.00`
      : `${seq.reason} (DOS ${dateOfService}) of ${usdFromFixed(fixed.payerShare)} = ${usdFromFixed(fixed.sequestration)}`,
    `payer pays ${usdFromFixed(fixed.payerPays)}; patient pays ${usdFromFixed(fixed.patientPays)}`,
  ];
}
