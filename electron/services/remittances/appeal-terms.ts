/**
 * The contract terms an appeal letter states: the contract version the estimate used (its id is
 * stored with the estimate), in sentences a payer's reviewer reads, with the price in force on
 * the date of service as the estimate recorded it.
 *
 * Policy:
 * - The words are the letter's own, written out for someone outside the practice ("the average
 *   wholesale price (AWP)"), not the app's short labels.
 * - The price is the one stored with the estimate (what was on file on the date of service when
 *   it was computed), never today's.
 * - A contract version changed after the estimate was computed is said to have changed, so the
 *   letter never passes off today's terms as the ones applied; the computation that follows in
 *   the letter is the estimate's own. No contract on file is said plainly.
 * - Amounts are exact decimal strings shown through shared/domain/money, never floats.
 */
import type { Contract } from '../../../shared/domain/contract-terms';
import type { Basis } from '../../../shared/domain/methodology';
import { Dec, usdUnitPrice } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { sequestrationRateOn } from '../../../shared/domain/sequestration';
import type { Snapshot } from '../repositories/administrations/administration-rows';
import { localDay } from '../../../shared/domain/local-time';

const BASIS_WORDS: Record<Basis, string> = {
  AWP: 'the average wholesale price (AWP) of the NDC',
  WAC: 'the wholesale acquisition cost (WAC) of the NDC',
  ASP: 'the CMS payment limit (ASP + 6%)',
  ASP_DERIVED: 'the average sales price (ASP, the CMS payment limit ÷ 1.06)',
  INVOICE: 'the invoice cost of the drug',
  FEE_SCHEDULE: 'the fee schedule rate',
  BILLED: 'the billed charge',
};

const isDecimal = (s: string): boolean => /^\d+(\.\d+)?$/.test(s.trim());
const percentText = (s: string): string => (isDecimal(s) ? `${new Dec(s).toFixed()}%` : `${s}%`);
const usd = (s: string): string => (isDecimal(s) ? usdUnitPrice(s.trim()) : s);

function scopeWords(c: Contract): string {
  if (c.scopeKind === 'ndc') return `NDC ${c.scopeValue.length === 11 ? formatNdc542(c.scopeValue) : c.scopeValue}`;
  if (c.scopeKind === 'hcpcs') return `HCPCS ${c.scopeValue}`;
  return 'all drugs';
}

/** "95% of the average wholesale price (AWP) of the NDC, plus $5.00 on the line for the dose given, or the billed charge when lower". */
function allowedRule(c: Contract): string {
  let basis = BASIS_WORDS[c.basis];
  if (c.basis === 'FEE_SCHEDULE' && c.feeScheduleRate.trim() !== '') {
    basis += ` of ${usd(c.feeScheduleRate)} per ${c.feeSchedulePerAmount} ${c.feeSchedulePerUnit}`;
  }
  let rule = isDecimal(c.percent) && new Dec(c.percent).equals(100) ? basis : `${percentText(c.percent)} of ${basis}`;
  // estimate-lines.ts adds the add-on to the given line only.
  if (isDecimal(c.addOn) && !new Dec(c.addOn).isZero()) rule += `, plus ${usd(c.addOn)} on the line for the dose given`;
  if (c.lesserOfBilled) rule += ', or the billed charge when that is lower';
  return rule;
}

/** The price on file that the basis reads, as the estimate stored it; null when the basis needs none. */
function priceSentence(basis: Basis, prices: Snapshot['prices']): string | null {
  switch (basis) {
    case 'AWP':
    case 'WAC': {
      const p = basis === 'AWP' ? prices.awp : prices.wac;
      if (!p) return `No ${basis} was on file for the date of service.`;
      return `${basis} on the date of service: ${usd(p.pricePerPackage)} per package (in effect from ${p.effectiveFrom}).`;
    }
    case 'ASP':
    case 'ASP_DERIVED': {
      const p = prices.paymentLimit;
      if (!p) return 'No CMS payment limit was on file for the date of service.';
      const per = p.dosageText.trim() === '' ? '' : ` per ${p.dosageText}`;
      const quarter = p.quarter.trim() === '' ? '' : `, ${p.quarter}`;
      return `CMS payment limit on the date of service: ${usd(p.paymentLimit)}${per} (HCPCS ${p.hcpcs}${quarter}).`;
    }
    case 'FEE_SCHEDULE': {
      const f = prices.feeSchedule;
      if (!f) return null;
      return `Fee schedule rate on the date of service: ${usd(f.rate)} per ${f.perAmount} ${f.perUnit} (in effect from ${f.effectiveFrom}).`;
    }
    case 'INVOICE': {
      const cost = prices.acquisitionPerPackage;
      return cost === null ? null : `Invoice cost of the lot given: ${usd(cost)} per package.`;
    }
    case 'BILLED':
      return null;
  }
}

/**
 * The sentences of the "contract terms" section. `estimateAt` is when the estimate was computed
 * (ISO), to tell a version edited since.
 */
export function contractTermsText(input: {
  contract: Contract | null;
  prices: Snapshot['prices'];
  dateOfService: string;
  estimateAt: string | null;
}): string[] {
  const c = input.contract;
  if (!c) {
    return [
      'No contract version for this payer is on file for the date of service; the expected amount below is the one the practice computed when the claim was billed.',
    ];
  }
  const name = c.label.trim() === '' ? 'The contract' : `The contract “${c.label.trim()}”`;
  const span = c.effectiveTo === null ? `from ${c.effectiveFrom}` : `from ${c.effectiveFrom} to ${c.effectiveTo}`;
  const sequestration = sequestrationRateOn(c.sequestration, input.dateOfService);
  const out = [
    `${name}, for ${scopeWords(c)}, in force ${span}, covers the date of service ${input.dateOfService}.`,
    `Allowed amount of each claim line: ${allowedRule(c)}.`,
  ];
  const price = priceSentence(c.basis, input.prices);
  if (price) out.push(price);
  out.push(`Patient coinsurance: ${percentText(c.coinsurancePercent)} of the allowed amount after any deductible.`);
  out.push(
    c.sequestration === 'medicare'
      ? `Medicare sequestration applies to the payer's share: ${sequestration.percent}% on ${input.dateOfService}.`
      : 'No sequestration applies.',
  );
  if (input.estimateAt !== null && c.updatedAt > input.estimateAt) {
    out.push(
      `These terms were changed on ${localDay(c.updatedAt)}, after the expected amount was computed on ${localDay(input.estimateAt)}; the computation below shows the terms as they were applied.`,
    );
  }
  return out;
}
