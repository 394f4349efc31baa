/**
 * Contract terms in the words a biller uses: "95% of AWP", "WAC + 3%", "invoice + 10%",
 * "fee schedule $45.10 per 10 mg"; a version is named by its terms and dates ("120% of ASP, from
 * Jan 1, 2026"), never by its row number. Percents and amounts are exact decimal strings and stay
 * so (decimal.js through money.ts), never floats. Shared by the pages and the worksheet PDF.
 */
import type { Contract } from './contract-terms';
import { dayInWords } from './local-time';
import type { Basis } from './methodology';
import { Dec, usdUnitPrice } from './money';
import { formatNdc542 } from './ndc';

const BASIS_WORDS: Record<Basis, string> = {
  AWP: 'AWP',
  WAC: 'WAC',
  ASP: 'the CMS payment limit',
  ASP_DERIVED: 'ASP',
  INVOICE: 'invoice',
  FEE_SCHEDULE: 'fee schedule',
  BILLED: 'billed charges',
};

const isDecimal = (s: string) => /^-?\d+(\.\d+)?$/.test(s.trim());

/** "$45.10" from "45.1"; "$0.00123" keeps its digits. Text that is not a number is shown as is. */
export function usdAmount(s: string): string {
  if (!isDecimal(s)) return s;
  return usdUnitPrice(s.trim());
}

type Terms = Pick<
  Contract,
  'basis' | 'percent' | 'addOn' | 'feeScheduleRate' | 'feeSchedulePerAmount' | 'feeSchedulePerUnit'
>;

export function termsInWords(c: Terms): string {
  if (!isDecimal(c.percent)) return `${c.percent}% of ${BASIS_WORDS[c.basis]}`;
  const p = new Dec(c.percent);
  const pct = (d: Dec) => `${d.toFixed()}%`;
  let core: string;
  if (c.basis === 'FEE_SCHEDULE') {
    const rate =
      c.feeScheduleRate.trim() !== ''
        ? `fee schedule ${usdAmount(c.feeScheduleRate)} per ${c.feeSchedulePerAmount} ${c.feeSchedulePerUnit}`
        : 'the payer’s fee schedule';
    core = p.equals(100) ? rate : `${pct(p)} of ${rate}`;
  } else if (c.basis === 'ASP' && p.equals(100)) {
    core = 'CMS payment limit (ASP + 6%)';
  } else if (p.greaterThan(100) && c.basis !== 'BILLED') {
    core = `${BASIS_WORDS[c.basis]} + ${pct(p.minus(100))}`;
  } else {
    core = `${pct(p)} of ${BASIS_WORDS[c.basis]}`;
  }
  if (isDecimal(c.addOn) && !new Dec(c.addOn).isZero()) core += ` + ${usdAmount(c.addOn)} per line`;
  return core;
}

export function scopeInWords(c: Pick<Contract, 'scopeKind' | 'scopeValue'>): string {
  if (c.scopeKind === 'ndc') return `NDC ${c.scopeValue.length === 11 ? formatNdc542(c.scopeValue) : c.scopeValue}`;
  if (c.scopeKind === 'hcpcs') return `HCPCS ${c.scopeValue}`;
  return 'All drugs';
}

/** "from Jan 1, 2026" or "Jan 1, 2026 to Dec 31, 2026". */
export const datesInWords = (c: { effectiveFrom: string; effectiveTo: string | null }): string =>
  c.effectiveTo
    ? `${dayInWords(c.effectiveFrom)} to ${dayInWords(c.effectiveTo)}`
    : `from ${dayInWords(c.effectiveFrom)}`;

type Named = Terms &
  Pick<Contract, 'scopeKind' | 'scopeValue' | 'effectiveFrom' | 'lesserOfBilled'> & {
    effectiveTo: string | null;
    label?: string;
  };

/**
 * A contract version as a biller names it: "95% of AWP or the billed charge, whichever is less, from Jan 1, 2026";
 * its scope when it is not all drugs ("for NDC 00409-3795-01"), its own label when it has one.
 */
export function contractInWords(c: Named): string {
  const terms = `${termsInWords(c)}${c.lesserOfBilled ? ' or the billed charge, whichever is less' : ''}`;
  const scope = c.scopeKind === 'all' ? '' : `, for ${scopeInWords(c)}`;
  // A label that only repeats the terms ("95% of AWP") says nothing more.
  const label = c.label && c.label.trim().toLowerCase() !== termsInWords(c).toLowerCase() ? ` (“${c.label}”)` : '';
  return `${terms}${scope}, ${datesInWords(c)}${label}`;
}
