/**
 * How a warning names what it is about, in the biller's words: "Claim CLM-2025-0042",
 * "Claim CLM-2025-0042, line 1 (J3490)", "The payment". The segment number travels beside it.
 */
import { type EraClaim } from './era-types';
import { clipQuoted } from '../quoted-text';

/**
 * What a warning is about: a fixed name ("The payment"), or a claim and, unless `lineIndex` is
 * -1, its line at that index. Put into words only when a warning is written: naming every claim
 * and line up front cost a tenth of the reading of a clean file.
 */
export type Place = {
  readonly claim: EraClaim | null;
  readonly lineIndex: number;
  readonly lineCode: string | null;
};
export type Where = string | Place;

export function placeOf(where: Where): string {
  if (typeof where === 'string') return where;
  if (where.claim === null) return 'A claim';
  return where.lineIndex < 0 ? claimWhere(where.claim) : lineWhere(where.claim, where.lineIndex, where.lineCode);
}

export const claimLabel = (patientControlNumber: string | null, segment: number): string =>
  patientControlNumber === null ? `The claim at segment ${segment}` : `Claim ${clipQuoted(patientControlNumber)}`;

/** "Claim CLM-1", naming a claim in a warning. */
export const claimWhere = (claim: EraClaim): string => claimLabel(claim.patientControlNumber, claim.segment);

/** "Claim CLM-1, line 2 (J3490)": `index` is the line's 0-based position in the claim. */
export const lineWhere = (claim: EraClaim, index: number, code: string | null): string =>
  `${claimWhere(claim)}, line ${index + 1}${code === null ? '' : ` (${clipQuoted(code)})`}`;
