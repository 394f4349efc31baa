/**
 * The reimbursement estimate: ONE pure function from a parsed scenario to the claim lines, the
 * expected payment split, warnings and a trace a biller can read step by step.
 *
 * Order of work (each step's rules live in its own module):
 *   NDC → 11 digits (ndc.ts) · dose and waste → NDC quantities (units.ts) · billing units and the
 *   JW line (waste.ts) · JW/JZ (modifiers.ts) · payer's NDC unit (units.ts) · N4 text and NOC
 *   narrative (claim-line.ts) · each line's basis and allowed (methodology.ts) · deductible,
 *   coinsurance, sequestration (cost-share.ts, sequestration.ts) · acquisition cost and margin.
 *
 * Rounding to cents happens only at the named steps listed in money.ts. Bad input is returned as
 * `{ ok: false, error }`, never thrown. `estimate` expects the output of `scenarioSchema`;
 * `estimateFromJson` parses first. The hot path builds no zod object, formats each amount once
 * (`moneyString`) and writes dollars into the trace with `usdFromFixed` (same text as formatUsd,
 * without Intl's per-call cost).
 */
import * as money from './money';
import type { Dec as Decimal } from './money';
import { parseNdc } from './ndc';
import { isNocCode } from './hcpcs';
import { sequestrationRate } from './sequestration';
import { parseIsoDate } from './iso-date';
import * as units from './units';
import type { DrugQuantity, NdcUnit } from './units';
import { checkWholePackages, planUnits } from './waste';
import { resolveModifiers } from './modifiers';
import * as claimLine from './claim-line';
import * as methodology from './methodology';
import type { PriceList, PricePer, PricedAmount, PricingDrug } from './methodology';
import * as costShare from './cost-share';
import { scenarioSchema, type EstimateLine, type EstimateResult, type Scenario } from './scenario';
import { failure, type Failure, type Warning } from './result';
import { amountText, conversionText, modifiersText, unitsText } from './estimate-trace';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { Dec, ZERO, moneyString, rateOf, roundCents, usdFromFixed, usdText } = money;
const { convertForPayer, drugAmountIn, toNdcQuantity } = units;
const { buildNocNarrative, formatN4, validateNocNarrative } = claimLine;
const { acquisitionCostFor, allowedFor, basisFor, quantityText } = methodology;
const { costShareSteps, fixedCostShare, splitAllowed } = costShare;

export type EstimateFailure = Failure & {
  error: { fields?: { field: string; code: string; message: string }[] };
};
export type EstimateOutcome = EstimateResult | EstimateFailure;

export function estimate(scenario: Scenario): EstimateOutcome {
  try {
    return run(scenario);
  } catch (e) {
    // decimal.js throws on a malformed number; that only happens when the caller skipped
    // scenarioSchema, and it is still bad input, not a crash.
    if (e instanceof Error && e.message.startsWith('[DecimalError]')) {
      return failure(
        'SCENARIO_INVALID',
        'A number in the scenario is not a plain decimal; validate it with scenarioSchema first.',
      );
    }
    throw e;
  }
}

/** Parse untrusted JSON with scenarioSchema, then estimate. Schema problems → SCENARIO_INVALID naming the field. */
export function estimateFromJson(input: unknown): EstimateOutcome {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return estimate(parsed.data);
  const fields = parsed.error.issues.map((issue) => {
    const params = 'params' in issue ? (issue.params as { code?: unknown } | undefined) : undefined;
    return {
      field: issue.path.map(String).join('.') || '(scenario)',
      code: typeof params?.code === 'string' ? params.code : 'FIELD_INVALID',
      message: issue.message,
    };
  });
  const first = fields[0] ?? { field: '(scenario)', message: 'The scenario is not valid.' };
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more problem${fields.length > 2 ? 's' : ''})` : '';
  return { ok: false, error: { code: 'SCENARIO_INVALID', message: `${first.field}: ${first.message}${more}`, fields } };
}

const dec = (s: string): Decimal => new Dec(s);
const pricePer = (
  p: { amount: string; per: { amount: string; unit: DrugQuantity['unit'] } } | undefined,
): PricePer | null => (p ? { amount: dec(p.amount), per: { amount: dec(p.per.amount), unit: p.per.unit } } : null);

type LineDraft = {
  kind: 'given' | 'wasted';
  units: Decimal;
  modifiers: string[];
  /** NDC quantity of drug on this line (given or discarded), before any payer unit conversion. */
  quantity: Decimal;
  quantityText: string;
  amount: DrugQuantity;
  priced: PricedAmount;
  billed: Decimal;
  billedFixed: string;
  costQuantity: Decimal;
  costQuantityText: string;
};

function run(s: Scenario): EstimateOutcome {
  const ndc = parseNdc(s.drug.ndc);
  if (!ndc.ok) return ndc;
  // Parsed once: every date rule below compares this exact YYYY-MM-DD text.
  const dos = parseIsoDate(s.dateOfService);
  if (!dos.ok) return dos;
  const dateOfService = dos.date;
  const seq = sequestrationRate(s.contract.sequestration, dateOfService);
  if (!seq.ok) return seq;

  const trace: string[] = [];
  const warnings: Warning[] = [];
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

  // Dose and waste in NDC units.
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

  // Lines before pricing. With no JW line, any waste is covered by the given line, and so is its cost.
  const billed = dec(s.billedCharge);
  const givenCostQty = plan.hasWastedLine || !hasWaste ? givenQty.value : givenQty.value.plus(wastedQty);
  const drafts: LineDraft[] = [
    {
      kind: 'given',
      units: plan.givenUnits,
      modifiers: modifiers.given,
      quantity: givenQty.value,
      quantityText: givenQtyText,
      amount: dose,
      priced: { drug: dose, ndcQuantity: givenQty.value, ndcQuantityText: givenQtyText },
      billed,
      billedFixed: moneyString(billed),
      costQuantity: givenCostQty,
      costQuantityText: givenCostQty === givenQty.value ? givenQtyText : quantityText(givenCostQty),
    },
  ];
  if (plan.hasWastedLine) {
    const wastedBilled = s.wastedBilledCharge
      ? dec(s.wastedBilledCharge)
      : roundCents(billed.times(wastedQty).dividedBy(givenQty.value));
    const wastedBilledFixed = moneyString(wastedBilled);
    if (!s.wastedBilledCharge) {
      trace.push(
        `JW billed charge ${usdFromFixed(drafts[0]?.billedFixed ?? '')} ÷ ${givenQtyText} ${ndcUnit} × ${wastedQtyText} ${ndcUnit} = ${usdFromFixed(wastedBilledFixed)}`,
      );
    }
    drafts.push({
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
      costQuantityText: wastedQtyText,
    });
  }
  if (billingUnit) {
    // Payers pay per billed unit, so a rounded-up unit is priced in full (it covers the waste).
    for (const d of drafts) {
      const billedAmount: DrugQuantity = { amount: d.units.times(billingUnit.amount), unit: billingUnit.unit };
      const q = toNdcQuantity(billedAmount, drug);
      if (!q.ok) return q;
      d.priced = { drug: billedAmount, ndcQuantity: q.value, ndcQuantityText: quantityText(q.value) };
    }
  }

  const prices: PriceList = {
    awpPerPackage: s.prices?.awpPerPackage ? dec(s.prices.awpPerPackage) : null,
    wacPerPackage: s.prices?.wacPerPackage ? dec(s.prices.wacPerPackage) : null,
    acquisitionPerPackage: s.prices?.acquisitionPerPackage ? dec(s.prices.acquisitionPerPackage) : null,
    paymentLimit: pricePer(s.prices?.paymentLimit),
    feeSchedule: s.contract.feeSchedule
      ? pricePer({ amount: s.contract.feeSchedule.rate, per: s.contract.feeSchedule.per })
      : null,
  };
  const terms = {
    basis: s.contract.basis,
    rate: rateOf(dec(s.contract.percent)),
    addOn: s.contract.addOn ? dec(s.contract.addOn) : null,
    lesserOfBilled: s.contract.lesserOfBilled,
  };
  const accepted = s.payerProfile?.ndcUnits;
  const noc = isNocCode(s.hcpcs);

  const lines: EstimateLine[] = [];
  let totalAllowed = ZERO;
  let totalBilled = ZERO;
  let totalCost: Decimal | null = prices.acquisitionPerPackage === null ? null : ZERO;
  for (const d of drafts) {
    // The payer's NDC unit, then the N4 text (refused, never rounded, when unwritable).
    let claimQty = d.quantity;
    let claimUnit: NdcUnit = ndcUnit;
    if (accepted) {
      const c = convertForPayer(d.quantity, ndcUnit, accepted);
      if (!c.ok) return c;
      claimQty = c.quantity;
      claimUnit = c.unit;
      if (c.convertedFrom) {
        trace.push(
          `Payer does not accept ${c.convertedFrom}: ${d.quantityText} ${c.convertedFrom} = ${c.unit}${quantityText(c.quantity)}`,
        );
      }
    }
    const n4 = formatN4(ndc.ndc11, claimUnit, claimQty);
    if (!n4.ok) {
      return d.kind === 'given' ? n4 : failure(n4.error.code, `On the JW line (discarded amount): ${n4.error.message}`);
    }

    let narrative: string | undefined;
    if (d.kind === 'given' && s.narrative !== undefined) {
      const typed = validateNocNarrative(s.narrative);
      if (!typed.ok) return typed;
      narrative = typed.text;
    } else if (noc) {
      narrative = buildNocNarrative({
        name: s.drug.name,
        brandName: s.drug.brandName,
        amount: d.kind === 'given' ? quantityText(dose.amount) : quantityText(wasted.amount),
        unit: d.amount.unit,
        route: s.route,
        ndc11: ndc.ndc11,
        discarded: d.kind === 'wasted',
      });
    }

    const unitsText = d.units.toFixed();
    const mods = d.modifiers.length > 0 ? ` ${d.modifiers.join(' ')}` : '';
    trace.push(
      `${d.kind === 'given' ? 'Given' : 'JW'} line: ${s.hcpcs}${mods}, ${unitsText} unit${unitsText === '1' ? '' : 's'}, ${n4.text}`,
    );

    const basis = basisFor(terms.basis, prices, drug, d.priced, d.billed);
    if (!basis.ok) return basis;
    const addOn = d.kind === 'given' ? terms.addOn : null;
    const allowed = allowedFor(
      basis,
      { ...terms, addOn },
      d.billed,
      d.billedFixed,
      d.kind === 'given' ? 'given' : 'JW',
    );
    for (const step of allowed.steps) trace.push(step);
    if (allowed.warning) warnings.push(allowed.warning);

    const line: EstimateLine = {
      kind: d.kind,
      hcpcs: s.hcpcs,
      modifiers: d.modifiers,
      units: unitsText,
      ndcQuantity: n4.quantity,
      ndcUnit: claimUnit,
      n4: n4.text,
      billedCharge: d.billedFixed,
      basis: allowed.basisFixed,
      allowed: allowed.allowedFixed,
    };
    if (narrative !== undefined) line.narrative = narrative;
    if (prices.acquisitionPerPackage !== null && totalCost !== null) {
      const c = acquisitionCostFor(prices.acquisitionPerPackage, drug, d.costQuantity, d.costQuantityText);
      totalCost = totalCost.plus(c.cost);
      line.acquisitionCost = c.costFixed;
      trace.push(c.step);
    }
    totalAllowed = totalAllowed.plus(allowed.allowed);
    totalBilled = totalBilled.plus(d.billed);
    lines.push(line);
  }

  // Who pays what.
  const shareInput = {
    allowed: totalAllowed,
    deductibleRemaining: s.contract.deductibleRemaining ? dec(s.contract.deductibleRemaining) : ZERO,
    coinsurance: rateOf(dec(s.contract.coinsurancePercent)),
    sequestration: seq.rate,
  };
  const share = splitAllowed(shareInput);
  const fixed = fixedCostShare(share);
  const second = lines[1];
  trace.push(
    second && lines[0]
      ? `Total allowed ${usdFromFixed(lines[0].allowed)} + ${usdFromFixed(second.allowed)} = ${usdFromFixed(fixed.allowed)}`
      : `Total allowed ${usdFromFixed(fixed.allowed)}`,
  );
  for (const step of costShareSteps(fixed, shareInput, dateOfService)) trace.push(step);

  const totals: EstimateResult['totals'] = {
    billed: moneyString(totalBilled),
    allowed: fixed.allowed,
    contractualAdjustment: moneyString(totalBilled.minus(totalAllowed)),
    deductible: fixed.deductible,
    coinsurance: fixed.coinsurance,
    sequestration: fixed.sequestration,
    payerPays: fixed.payerPays,
    patientPays: fixed.patientPays,
  };
  if (totalCost !== null) {
    const received = share.payerPays.plus(share.patientPays);
    const costFixed = moneyString(totalCost);
    const marginFixed = moneyString(received.minus(totalCost));
    totals.acquisitionCost = costFixed;
    totals.margin = marginFixed;
    trace.push(
      `margin ${usdText(received)} received − ${usdFromFixed(costFixed)} acquisition cost = ${usdFromFixed(marginFixed)}`,
    );
  } else {
    warnings.push({
      code: 'NO_ACQUISITION_COST',
      message: 'No acquisition cost per package was entered, so the margin cannot be estimated.',
    });
  }

  return { ok: true, ndc11: ndc.ndc11, lines, totals, warnings, trace };
}
