/**
 * The estimate's second step, line prices: each measured line as the claim writes it and what the
 * contract allows for it.
 *   payer's NDC unit (units.ts) · the reported N4 quantity, rounded to 3 decimals with a warning
 *   when the exact one has more · N4 text and NOC narrative (claim-line.ts) · basis and allowed
 *   (methodology.ts) · the acquisition cost of what was drawn, split over the lines so they add up
 *   to it (cost-allocation.ts).
 */
import * as money from './money';
import type { Dec as Decimal } from './money';
import * as hcpcs from './hcpcs';
import * as units from './units';
import type { NdcUnit } from './units';
import * as claimLine from './claim-line';
import * as methodology from './methodology';
import type { PriceList, PricePer } from './methodology';
import * as costAllocation from './cost-allocation';
import type { EstimateLine, Scenario } from './scenario';
import * as result from './result';
import type { Warning } from './result';
import type { LineDraft, Quantities, StepOutcome } from './estimate-quantities';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { Dec, moneyString, rateOfText, usdExact, usdFromFixed } = money;
const { convertForPayer, reportedN4Quantity } = units;
const { buildNocNarrative, formatN4, validateNocNarrative } = claimLine;
const { acquisitionShare, allowedFor, basisFor, quantityText } = methodology;
const { isNocCode } = hcpcs;
const { allocateCents } = costAllocation;
const { failure } = result;

export type PricedLines = {
  lines: EstimateLine[];
  /** Each line's allowed amount and billed charge, exact, in line order. */
  allowed: Decimal[];
  billed: Decimal[];
  /** The acquisition cost of what was drawn (rounded once), or null with no cost per package. */
  acquisitionCost: Decimal | null;
};

const dec = (s: string): Decimal => new Dec(s);
const pricePer = (
  p: { amount: string; per: { amount: string; unit: PricePer['per']['unit'] } } | undefined,
): PricePer | null => (p ? { amount: dec(p.amount), per: { amount: dec(p.per.amount), unit: p.per.unit } } : null);

export const lineLabel = (kind: LineDraft['kind']): string => (kind === 'given' ? 'Given line' : 'JW line');

export function priceLines(s: Scenario, q: Quantities, trace: string[], warnings: Warning[]): StepOutcome<PricedLines> {
  // Only the price the basis reads is parsed (a scenario from the resolver carries every price on
  // file), and the acquisition cost, which every estimate reports.
  const basis = s.contract.basis;
  const p = s.prices;
  const fee = s.contract.feeSchedule;
  const prices: PriceList = {
    awpPerPackage: basis === 'AWP' && p?.awpPerPackage ? dec(p.awpPerPackage) : null,
    wacPerPackage: basis === 'WAC' && p?.wacPerPackage ? dec(p.wacPerPackage) : null,
    acquisitionPerPackage: p?.acquisitionPerPackage ? dec(p.acquisitionPerPackage) : null,
    paymentLimit: basis === 'ASP' || basis === 'ASP_DERIVED' ? pricePer(p?.paymentLimit) : null,
    feeSchedule: basis === 'FEE_SCHEDULE' && fee ? pricePer({ amount: fee.rate, per: fee.per }) : null,
  };
  const terms = {
    basis,
    rate: rateOfText(s.contract.percent),
    addOn: s.contract.addOn ? dec(s.contract.addOn) : null,
    lesserOfBilled: s.contract.lesserOfBilled,
  };
  const accepted = s.payerProfile?.ndcUnits;
  const noc = isNocCode(s.hcpcs);
  const { drug } = q;

  // The acquisition cost of the whole draw, split so the lines add up to it (cost-allocation.ts).
  const perPackage = prices.acquisitionPerPackage;
  const costShares =
    perPackage === null ? null : q.lines.map((d) => acquisitionShare(perPackage, drug, d.costQuantity));
  const cost = costShares === null ? null : allocateCents(costShares);

  const lines: EstimateLine[] = [];
  const allowedAmounts: Decimal[] = [];
  const billedAmounts: Decimal[] = [];
  for (let i = 0; i < q.lines.length; i++) {
    const d = q.lines[i] as LineDraft;
    // The payer's NDC unit, then the quantity the claim reports.
    let claimQty = d.quantity;
    let claimUnit: NdcUnit = drug.ndcUnit;
    if (accepted) {
      const c = convertForPayer(d.quantity, drug.ndcUnit, accepted);
      if (!c.ok) return c;
      claimQty = c.quantity;
      claimUnit = c.unit;
      if (c.convertedFrom) {
        trace.push(
          `Payer does not accept ${c.convertedFrom}: ${d.quantityText} ${c.convertedFrom} = ${c.unit}${quantityText(c.quantity)}`,
        );
      }
    }
    const reported = reportedN4Quantity(claimQty);
    if (!reported.ok) return failure(reported.error.code, onLine(d.kind, reported.error.message));
    if (reported.rounded) {
      const exact = quantityText(claimQty);
      const shown = reported.quantity.toFixed();
      warnings.push({
        code: 'NDC_QUANTITY_ROUNDED',
        message: onLine(
          d.kind,
          `the exact NDC quantity is ${exact} ${claimUnit}; the claim reports ${shown} ${claimUnit}, rounded half-up to the 3 decimals the NDC quantity field carries. Stock and pricing use the exact quantity.`,
        ),
      });
      trace.push(`${lineLabel(d.kind)} NDC quantity ${exact} ${claimUnit} reported as ${shown} (3 decimals, half-up)`);
    }
    const n4 = formatN4(q.ndc11, claimUnit, reported.quantity);
    if (!n4.ok) return failure(n4.error.code, onLine(d.kind, n4.error.message));

    let narrative: string | undefined;
    if (d.kind === 'given' && s.narrative !== undefined) {
      const typed = validateNocNarrative(s.narrative);
      if (!typed.ok) return typed;
      narrative = typed.text;
    } else if (noc) {
      narrative = buildNocNarrative({
        name: s.drug.name,
        brandName: s.drug.brandName,
        amount: quantityText(d.amount.amount),
        unit: d.amount.unit,
        route: s.route,
        ndc11: q.ndc11,
        discarded: d.kind === 'wasted',
      });
    }

    const unitsText = d.units.toFixed();
    const mods = d.modifiers.length > 0 ? ` ${d.modifiers.join(' ')}` : '';
    trace.push(`${lineLabel(d.kind)}: ${s.hcpcs}${mods}, ${unitsText} unit${unitsText === '1' ? '' : 's'}, ${n4.text}`);

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
    const lineCost = cost?.lines[i];
    const exactCost = costShares?.[i];
    if (cost && lineCost && exactCost && perPackage) {
      line.acquisitionCost = moneyString(lineCost);
      trace.push(costStep(perPackage, q, d, exactCost, lineCost, cost.total, i === q.lines.length - 1));
    }
    allowedAmounts.push(allowed.allowed);
    billedAmounts.push(d.billed);
    lines.push(line);
  }
  return {
    ok: true,
    value: { lines, allowed: allowedAmounts, billed: billedAmounts, acquisitionCost: cost?.total ?? null },
  };
}

const onLine = (kind: LineDraft['kind'], message: string): string =>
  kind === 'given' ? message : `On the JW line (discarded amount): ${message}`;

/** "acquisition cost $925.00 per 20 ML package × 4.5 ML = $208.125 → $208.13". */
function costStep(
  perPackage: Decimal,
  q: Quantities,
  d: LineDraft,
  exact: Decimal,
  lineCost: Decimal,
  total: Decimal,
  last: boolean,
): string {
  const { drug } = q;
  const head = `acquisition cost ${usdExact(perPackage)} per ${drug.packageSizeText} ${drug.ndcUnit} package × ${d.costQuantity === d.quantity ? d.quantityText : quantityText(d.costQuantity)} ${drug.ndcUnit} = ${usdExact(exact)}`;
  const lineFixed = usdFromFixed(moneyString(lineCost));
  if (exact.equals(lineCost)) return head;
  if (last && q.lines.length > 1) {
    return `${head} → ${lineFixed}, so the lines add up to the ${usdFromFixed(moneyString(total))} cost of what was drawn`;
  }
  return `${head} → ${lineFixed}`;
}
