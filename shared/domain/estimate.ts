/**
 * The reimbursement estimate: ONE pure function from a parsed scenario to the claim lines, the
 * expected payment split, warnings and a trace a biller can read step by step.
 *
 * Steps, each in its own module and named as the trace names them:
 *   1. quantities (estimate-quantities.ts): NDC, dose and waste → exact NDC quantities, billing
 *      units, the JW line, JW/JZ, each line's billed charge;
 *   2. line prices (estimate-lines.ts): the payer's NDC unit, the reported N4 quantity, N4 text
 *      and NOC narrative, basis and allowed, the acquisition cost split over the lines;
 *   3. cost sharing per line (cost-share.ts): deductible in line order, coinsurance and
 *      sequestration rounded on each line, as the 835 reports them;
 *   4. totals (below): the sums of the lines, and the margin.
 *
 * Rounding to cents happens only at the named steps listed in money.ts. Bad input is returned as
 * `{ ok: false, error }`, never thrown. `estimate` expects the output of `scenarioSchema`;
 * `estimateFromJson` parses first. The hot path builds no zod object, formats each amount once
 * (`moneyString`) and writes dollars into the trace with `usdFromFixed` (same text as formatUsd,
 * without Intl's per-call cost).
 */
import * as money from './money';
import * as costShare from './cost-share';
import type { CostShareFixed } from './cost-share';
import * as quantities from './estimate-quantities';
import * as linePrices from './estimate-lines';
import { scenarioSchema, type EstimateResult, type Scenario } from './scenario';
import { failure, type Failure, type Warning } from './result';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { Dec, ZERO, moneyString, rateOfText, usdFromFixed, usdText } = money;
const { costShareSteps, fixedClaimShare, fixedCostShare, splitLines } = costShare;
const { measureLines } = quantities;
const { lineLabel, priceLines } = linePrices;

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

function run(s: Scenario): EstimateOutcome {
  const trace: string[] = [];
  const warnings: Warning[] = [];

  const measured = measureLines(s, trace, warnings);
  if (!measured.ok) return measured;
  const q = measured.value;

  const priced = priceLines(s, q, trace, warnings);
  if (!priced.ok) return priced;
  const { lines } = priced.value;

  // Cost sharing per line; the claim's figures are the sums of the lines.
  const terms = {
    deductibleRemaining: s.contract.deductibleRemaining ? new Dec(s.contract.deductibleRemaining) : ZERO,
    coinsurance: rateOfText(s.contract.coinsurancePercent),
    sequestration: q.sequestration,
  };
  const share = splitLines(priced.value.allowed, terms);
  const lineShares: { label: string; fixed: CostShareFixed }[] = [];
  share.lines.forEach((lineShare, i) => {
    const line = lines[i];
    const draft = q.lines[i];
    if (!line || !draft) return;
    const fixed = fixedCostShare(lineShare, line.allowed);
    line.deductible = fixed.deductible;
    line.coinsurance = fixed.coinsurance;
    line.sequestration = fixed.sequestration;
    line.payerPays = fixed.payerPays;
    line.patientPays = fixed.patientPays;
    lineShares.push({ label: lineLabel(draft.kind), fixed });
  });
  const fixed = share.lines.length === 1 && lineShares[0] ? lineShares[0].fixed : fixedClaimShare(share.total);
  trace.push(
    lines.length > 1
      ? `Total allowed ${lines.map((l) => usdFromFixed(l.allowed)).join(' + ')} = ${usdFromFixed(fixed.allowed)}`
      : `Total allowed ${usdFromFixed(fixed.allowed)}`,
  );
  for (const step of costShareSteps(lineShares, fixed, terms, q.dateOfService)) trace.push(step);

  // Totals.
  let totalBilled = ZERO;
  for (const b of priced.value.billed) totalBilled = totalBilled.plus(b);
  const totals: EstimateResult['totals'] = {
    billed: moneyString(totalBilled),
    allowed: fixed.allowed,
    contractualAdjustment: moneyString(totalBilled.minus(share.total.allowed)),
    deductible: fixed.deductible,
    coinsurance: fixed.coinsurance,
    sequestration: fixed.sequestration,
    payerPays: fixed.payerPays,
    patientPays: fixed.patientPays,
  };
  const cost = priced.value.acquisitionCost;
  if (cost !== null) {
    const received = share.total.payerPays.plus(share.total.patientPays);
    const costFixed = moneyString(cost);
    const marginFixed = moneyString(received.minus(cost));
    totals.acquisitionCost = costFixed;
    totals.margin = marginFixed;
    if (totalBilled.lessThan(cost)) {
      warnings.push({
        code: 'BILLED_BELOW_COST',
        message: `The billed charge ${usdFromFixed(totals.billed)} is below the ${usdFromFixed(costFixed)} the practice paid for the drug drawn; a lesser-of contract can never pay more than what is billed. Check the charge.`,
      });
    }
    trace.push(
      `margin ${usdText(received)} received − ${usdFromFixed(costFixed)} acquisition cost = ${usdFromFixed(marginFixed)}`,
    );
  } else {
    warnings.push({
      code: 'NO_ACQUISITION_COST',
      message: 'No acquisition cost per package was entered, so the margin cannot be estimated.',
    });
  }

  return { ok: true, ndc11: q.ndc11, lines, totals, warnings, trace };
}
