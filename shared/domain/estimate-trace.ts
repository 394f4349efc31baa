/**
 * The sentences of the estimate's trace that describe quantities, units and modifiers (the money
 * steps are written next to their arithmetic in methodology.ts and cost-share.ts). Plain English a
 * biller can check against the claim: "Billing unit 0.5 mg: given 125 mg → 250 units; …".
 */
import type { Dec as Decimal } from './money';
import { sameFamily, type DrugQuantity } from './units';
import { quantityText, type PricingDrug } from './methodology';
import type { Scenario } from './scenario';

const unitCount = (n: Decimal): string => `${n.toFixed()} unit${n.equals(1) ? '' : 's'}`;

export const amountText = (q: DrugQuantity): string => `${quantityText(q.amount)} ${q.unit}`;

export function conversionText(dose: DrugQuantity, drug: PricingDrug): string {
  if (!sameFamily(dose.unit, drug.strength.unit)) return '';
  return ` at ${quantityText(drug.strength.amount)} ${drug.strength.unit} per ${drug.ndcUnit}`;
}

export function unitsText(
  billingUnit: { amount: Decimal; unit: DrugQuantity['unit'] } | null,
  given: Decimal,
  wasted: Decimal,
  plan: { givenUnits: Decimal; wastedUnits: Decimal; hasWastedLine: boolean },
): string {
  if (billingUnit === null) {
    return plan.hasWastedLine
      ? 'Units: 1 on the given line and 1 on the JW line; the amounts travel in the NDC quantity and narrative'
      : 'Units: 1; the dose travels in the NDC quantity and narrative';
  }
  const bu = `${quantityText(billingUnit.amount)} ${billingUnit.unit}`;
  const head = `Billing unit ${bu}: given ${quantityText(given)} ${billingUnit.unit} → ${unitCount(plan.givenUnits)}`;
  if (wasted.isZero()) return head;
  const all = plan.givenUnits.plus(plan.wastedUnits);
  return plan.hasWastedLine
    ? `${head}; given + discarded ${quantityText(given.plus(wasted))} ${billingUnit.unit} → ${unitCount(all)}, ${plan.wastedUnits.toFixed()} on the JW line`
    : `${head}, which already ${plan.givenUnits.equals(1) ? 'covers' : 'cover'} the ${quantityText(wasted)} ${billingUnit.unit} discarded: no JW line`;
}

export function modifiersText(s: Scenario, container: string, given: string[], wasted: string[] | null): string {
  if (s.modifierOverride) {
    const w = wasted ? `; JW line ${wasted.join(' ') || 'none'}` : '';
    return `Modifiers overridden by the biller (${s.modifierOverride.reason.trim()}): given line ${given.join(' ') || 'none'}${w}`;
  }
  if (container === 'multi-dose') return 'Modifiers: none (JW and JZ do not apply to multi-dose containers)';
  if (wasted) return 'Modifiers: JW on the line for the discarded amount';
  return given.length > 0
    ? 'Modifiers: JZ (single-dose container, nothing billable discarded, DOS on or after 2023-07-01)'
    : 'Modifiers: none (JZ is required only from DOS 2023-07-01)';
}
