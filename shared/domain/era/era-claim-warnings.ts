/**
 * What a biller must look at on a claim, said once the whole transaction is read (a reversal's
 * correction comes after it): a denial (CLP02 = 4), a reversal (CLP02 = 22), and a processed
 * claim the payer paid nothing on, whose adjustment reasons and remark codes say why (domain.md
 * E3). The reasons are listed as codes; their meanings are for the CARC/RARC tables.
 */
import * as claimStatus from './era-claim-status';
import * as money from './era-money';
import { claimWhere } from './era-where';
import { type EraClaim, type EraTransaction } from './era-types';
import { type EraWarnings } from './era-warnings';
import { clipQuoted } from '../quoted-text';

// Helpers called for every claim, read once: see era-reader.ts (tsx's import getters).
const { CLAIM_DENIED, CLAIM_REVERSAL, isProcessedStatus } = claimStatus;
const { isZeroMoney } = money;

/** At most this many distinct codes are named in one sentence. */
const MAX_CODES_NAMED = 10;

function listCodes(codes: Iterable<string>): string {
  const all = [...codes];
  const named = all.slice(0, MAX_CODES_NAMED).map(clipQuoted).join(', ');
  return all.length > MAX_CODES_NAMED ? `${named} and ${all.length - MAX_CODES_NAMED} more` : named;
}

/** "Adjustments: CO-16. Remarks: M119, N350." from the claim and its lines. */
function reasonsOf(claim: EraClaim): string {
  const adjustments = new Set<string>();
  const remarks = new Set<string>(claim.remarks);
  for (const a of claim.adjustments) adjustments.add(`${a.group}-${a.reason}`);
  for (const line of claim.lines) {
    for (const a of line.adjustments) adjustments.add(`${a.group}-${a.reason}`);
    for (const r of line.remarks) remarks.add(r);
  }
  if (adjustments.size === 0 && remarks.size === 0) return 'The file gives no adjustment reason or remark code for it.';
  const parts: string[] = [];
  if (adjustments.size > 0) parts.push(`Adjustments: ${listCodes(adjustments)}.`);
  if (remarks.size > 0) parts.push(`Remarks: ${listCodes(remarks)}.`);
  return parts.join(' ');
}

export function claimWarnings(txn: EraTransaction, warnings: EraWarnings): void {
  // The last non-reversal claim of each patient control number, to say whether a correction follows.
  const lastCorrection = new Map<string, EraClaim>();
  if (txn.claims.some((c) => c.status === CLAIM_REVERSAL)) {
    for (const c of txn.claims) {
      if (c.status !== CLAIM_REVERSAL && c.patientControlNumber !== null) lastCorrection.set(c.patientControlNumber, c);
    }
  }
  // Indexed (as sumAmounts in era-money.ts): no iterator object per claim.
  for (let i = 0; i < txn.claims.length; i++) {
    const claim = txn.claims[i] as EraClaim;
    // The claim is named (claimWhere) only in a warning raised: most claims of a file raise none.
    const paidNothing = isZeroMoney(claim.paid);
    if (claim.status === CLAIM_DENIED) {
      if (paidNothing) {
        warnings.add(
          'CLAIM_DENIED',
          claim.segment,
          `${claimWhere(claim)} was denied (status 4): the payer paid nothing on it. ${reasonsOf(claim)}`,
        );
      } else {
        warnings.add(
          'CLAIM_DENIED_BUT_PAID',
          claim.segment,
          `${claimWhere(claim)} is marked denied (status 4) yet shows ${claim.paid} paid; check it with the payer before posting it.`,
        );
      }
    } else if (claim.status === CLAIM_REVERSAL) {
      const correction =
        claim.patientControlNumber === null ? undefined : lastCorrection.get(claim.patientControlNumber);
      const follows =
        correction !== undefined && correction.segment > claim.segment
          ? `The corrected claim follows at segment ${correction.segment}.`
          : 'No corrected claim for it follows in this payment.';
      const icn = claim.payerClaimNumber === null ? '' : `, payer claim number ${clipQuoted(claim.payerClaimNumber)}`;
      warnings.add(
        'CLAIM_REVERSAL',
        claim.segment,
        `${claimWhere(claim)} reverses an earlier payment (status 22): ${claim.paid} paid on ${claim.charge} charged${icn}. ${follows}`,
      );
    } else if (isProcessedStatus(claim.status) && paidNothing) {
      warnings.add(
        'CLAIM_NOT_PAID',
        claim.segment,
        `${claimWhere(claim)} was ${(claim.statusMeaning ?? 'processed').toLowerCase()}, but the payer paid nothing on it. ${reasonsOf(claim)}`,
      );
    }
  }
}
