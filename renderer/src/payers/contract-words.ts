/**
 * Contract terms in the words a biller uses: "95% of AWP", "WAC + 3%", "invoice + 10%",
 * "fee schedule $45.10 per 10 mg". Percents and amounts are exact decimal strings and stay so
 * (decimal.js through shared/domain/money), never floats.
 */
import type { Contract, ScopeKind } from '../../../shared/domain/contract-terms';
import type { Basis } from '../../../shared/domain/methodology';
import { Dec, usdUnitPrice } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { SequestrationPolicy } from '../../../shared/domain/sequestration';

export const BASIS_LABELS: Record<Basis, string> = {
  AWP: 'AWP (average wholesale price)',
  WAC: 'WAC (wholesale acquisition cost)',
  ASP: 'CMS payment limit (ASP + 6%)',
  ASP_DERIVED: 'ASP (CMS payment limit ÷ 1.06)',
  INVOICE: 'Invoice cost (acquisition)',
  FEE_SCHEDULE: 'Fee schedule rate',
  BILLED: 'Billed charge',
};

const BASIS_WORDS: Record<Basis, string> = {
  AWP: 'AWP',
  WAC: 'WAC',
  ASP: 'the CMS payment limit',
  ASP_DERIVED: 'ASP',
  INVOICE: 'invoice',
  FEE_SCHEDULE: 'fee schedule',
  BILLED: 'billed charges',
};

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  all: 'All drugs',
  ndc: 'One NDC',
  hcpcs: 'One HCPCS code',
};

export const SEQUESTRATION_LABELS: Record<SequestrationPolicy, string> = {
  medicare: 'Medicare (by date of service)',
  none: 'None',
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

export const spanInWords = (c: { effectiveFrom: string; effectiveTo: string | null }): string =>
  `${c.effectiveFrom} – ${c.effectiveTo ?? 'open'}`;

/** One line naming a version, for confirmations and refusals. */
export const versionInWords = (c: Contract): string =>
  `${scopeInWords(c)}, ${termsInWords(c)}, ${spanInWords(c)}${c.label ? ` (“${c.label}”)` : ''}`;
