/**
 * Contract terms in the words a biller uses (the words themselves are in
 * shared/domain/contract-words.ts, which the worksheet PDF prints too) and the form's labels.
 */
import type { Contract, ScopeKind } from '../../../shared/domain/contract-terms';
import { scopeInWords, termsInWords } from '../../../shared/domain/contract-words';
import type { Basis } from '../../../shared/domain/methodology';
import type { SequestrationPolicy } from '../../../shared/domain/sequestration';

export {
  contractInWords,
  datesInWords,
  scopeInWords,
  termsInWords,
  usdAmount,
} from '../../../shared/domain/contract-words';

export const BASIS_LABELS: Record<Basis, string> = {
  AWP: 'AWP (average wholesale price)',
  WAC: 'WAC (wholesale acquisition cost)',
  ASP: 'CMS payment limit (ASP + 6%)',
  ASP_DERIVED: 'ASP (CMS payment limit ÷ 1.06)',
  INVOICE: 'Invoice cost (acquisition)',
  FEE_SCHEDULE: 'Fee schedule rate',
  BILLED: 'Billed charge',
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

export const spanInWords = (c: { effectiveFrom: string; effectiveTo: string | null }): string =>
  `${c.effectiveFrom} – ${c.effectiveTo ?? 'open'}`;

/** One line naming a version, for confirmations and refusals. */
export const versionInWords = (c: Contract): string =>
  `${scopeInWords(c)}, ${termsInWords(c)}, ${spanInWords(c)}${c.label ? ` (“${c.label}”)` : ''}`;
