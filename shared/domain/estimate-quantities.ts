/**
 * The estimate's first step, quantities: what the claim lines bill before any price is looked at.
 *   NDC → 11 digits (ndc.ts) · date of service and its sequestration rate · dose and waste → exact
 *   NDC quantities (units.ts) · billing units and whether there is a JW line (waste.ts) · JW/JZ
 *   (modifiers.ts) · each line's billed charge and the amount of drug it is priced on.
 * Quantities stay exact here; the claim's 3-decimal N4 quantity is the next step's business.
 */
import * as money from './money';
import type { Dec as Decimal } from './money';
import * as ndcs from './ndc';
import * as sequestrations from './sequestration';
import type { SequestrationRate } from './sequestration';
import * as isoDates from './iso-date';
import * as units from './units';
import type { DrugQuantity } from './units';
import * as waste from './waste';
import * as modifierRules from './modifiers';
import * as methodology from './methodology';
import type { PricedAmount, PricingDrug } from './methodology';
import type { Scenario } from './scenario';
import type { Failure, Warning } from './result';
import * as traceText from './estimate-trace';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { Dec, ZERO, moneyString, roundCents, usdFromFixed } = money;
const { drugAmountIn, toNdcQuantity } = units;
const { parseNdc } = ndcs;
const { sequestrationRateOn } = sequestrations;
const { parseIsoDate } = isoDates;
const { checkWholePackages, planUnits } = waste;
const { resolveModifiers } = modifierRules;
const { quantityText } = methodology;
const { amountText, conversionText, modifiersText, unitsText } = traceText;

/** One claim line before pricing. */
export type LineDraft = {
  kind: 'given' | 'wasted';
  units: Decimal;
  modifiers: string[];
  /** Exact NDC quantity of drug on this line (given or discarded), before any payer unit conversion. */
  quantity: Decimal;
  quantityText: string;
  /** The dose or the waste as entered. */
  amount: DrugQuantity;
  /** What the line is priced on (billed units × billing unit when there is one). */
  priced: PricedAmount;
  billed: Decimal;
  billedFixed: string;
  /** NDC quantity whose acquisition cost this line carries (the given line carries uncovered waste). */
  costQuantity: Decimal;
};

export type Quantities = {
  ndc11: string;
  dateOfService: string;
  sequestration: SequestrationRate;
  drug: PricingDrug;
  dose: DrugQuantity;
  wasted: DrugQuantity;
  lines: LineDraft[];
};

export type StepOutcome<T> = { ok: true; value: T } | Failure;

const dec = (s: string): Decimal => new Dec(s);

/** Writes its trace steps and warnings into the arrays given; returns the lines to price. */
export function measureLines(s: Scenario, trace: string[], warnings: Warning[]): StepOutcome<Quantities> {
  const ndc = parseNdc(s.drug.ndc);
  if (!ndc.ok) return ndc;
  // Parsed once: every date rule below compares this exact YYYY-MM-DD text.
  const dos = parseIsoDate(s.dateOfService);
  if (!dos.ok) return dos;
  const dateOfService = dos.date;
  const sequestration = sequestrationRateOn(s.contract.sequestration, dateOfService);

  const ndcUnit = s.drug.ndcUnit;
  const container = s.drug.container;
  const packageSize = dec(s.drug.packageSize);
  const drug: PricingDrug = {
    ndcUnit,
    strength: { amount: dec(s.drug.strength.amount), unit: s.drug.strength.unit },
    packageSize,
    packageSizeText: quantityText(packageSize),
  };
  trace.push(`NDC ${s.drug.ndc.trim()} (${ndc.format}) → ${ndc.ndc11}`);

  // Dose and waste in NDC units, exact.
  const dose: DrugQuantity = { amount: dec(s.dose.amount), unit: s.dose.unit };
  const givenQty = toNdcQuantity(dose, drug);
  if (!givenQty.ok) return givenQty;
  const givenQtyText = quantityText(givenQty.value);
  trace.push(`Dose ${amountText(dose)}${conversionText(dose, drug)} = ${givenQtyText} ${ndcUnit}`);
  const wasted: DrugQuantity = s.wasted
    ? { amount: dec(s.wasted.amount), unit: s.wasted.unit }
    : { amount: ZERO, unit: dose.unit };
  const hasWaste = !wasted.amount.isZero();
  let wastedQty = ZERO;
  let wastedQtyText = '0';
  if (hasWaste) {
    const w = toNdcQuantity(wasted, drug);
    if (!w.ok) return w;
    wastedQty = w.value;
    wastedQtyText = quantityText(wastedQty);
    trace.push(`Discarded ${amountText(wasted)} = ${wastedQtyText} ${ndcUnit}`);
  }

  // Billing units and whether there is a JW line.
  const billingUnit = s.billingUnit ? { amount: dec(s.billingUnit.amount), unit: s.billingUnit.unit } : null;
  let givenInBu = dose.amount;
  let wastedInBu = wasted.amount;
  if (billingUnit) {
    const g = drugAmountIn(dose, billingUnit.unit, drug);
    if (!g.ok) return g;
    const w = hasWaste ? drugAmountIn(wasted, billingUnit.unit, drug) : { ok: true as const, value: ZERO };
    if (!w.ok) return w;
    givenInBu = g.value;
    wastedInBu = w.value;
  }
  const plan = planUnits({ container, given: givenInBu, wasted: wastedInBu, billingUnit: billingUnit?.amount ?? null });
  if (!plan.ok) return plan;
  trace.push(unitsText(billingUnit, givenInBu, wastedInBu, plan));

  const wholePackages = checkWholePackages({
    container,
    givenQuantity: givenQty.value,
    wastedQuantity: wastedQty,
    packageSize,
    ndcUnit,
  });
  if (wholePackages) warnings.push(wholePackages);

  const modifiers = resolveModifiers(
    { container, dateOfService, hasWastedLine: plan.hasWastedLine },
    s.modifierOverride,
  );
  if (!modifiers.ok) return modifiers;
  for (const w of modifiers.warnings) warnings.push(w);
  trace.push(modifiersText(s, container, modifiers.given, modifiers.wasted));

  // With no JW line, any waste is covered by the given line, and so is its cost.
  const billed = dec(s.billedCharge);
  const billedFixed = moneyString(billed);
  const lines: LineDraft[] = [
    {
      kind: 'given',
      units: plan.givenUnits,
      modifiers: modifiers.given,
      quantity: givenQty.value,
      quantityText: givenQtyText,
      amount: dose,
      priced: { drug: dose, ndcQuantity: givenQty.value, ndcQuantityText: givenQtyText },
      billed,
      billedFixed,
      costQuantity: plan.hasWastedLine || !hasWaste ? givenQty.value : givenQty.value.plus(wastedQty),
    },
  ];
  if (plan.hasWastedLine) {
    const wastedBilled = s.wastedBilledCharge
      ? dec(s.wastedBilledCharge)
      : roundCents(billed.times(wastedQty).dividedBy(givenQty.value));
    const wastedBilledFixed = moneyString(wastedBilled);
    if (!s.wastedBilledCharge) {
      trace.push(
        `JW billed charge ${usdFromFixed(billedFixed)} ÷ ${givenQtyText} ${ndcUnit} × ${wastedQtyText} ${ndcUnit} = ${usdFromFixed(wastedBilledFixed)}`,
      );
    }
    lines.push({
      kind: 'wasted',
      units: plan.wastedUnits,
      modifiers: modifiers.wasted ?? [],
      quantity: wastedQty,
      quantityText: wastedQtyText,
      amount: wasted,
      priced: { drug: wasted, ndcQuantity: wastedQty, ndcQuantityText: wastedQtyText },
      billed: wastedBilled,
      billedFixed: wastedBilledFixed,
      costQuantity: wastedQty,
    });
  }
  if (billingUnit) {
    // Payers pay per billed unit, so a rounded-up unit is priced in full (it covers the waste).
    for (const line of lines) {
      const billedAmount: DrugQuantity = { amount: line.units.times(billingUnit.amount), unit: billingUnit.unit };
      const q = toNdcQuantity(billedAmount, drug);
      if (!q.ok) return q;
      line.priced = { drug: billedAmount, ndcQuantity: q.value, ndcQuantityText: quantityText(q.value) };
    }
  }

  return {
    ok: true,
    value: { ndc11: ndc.ndc11, dateOfService, sequestration, drug, dose, wasted, lines },
  };
}
