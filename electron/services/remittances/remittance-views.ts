/**
 * Stored remittance rows as the contract sends them: amounts as money text, adjustments and remark
 * codes with their meanings, each line with the administration it pays (if any).
 */
import { describeAdjustment, RARC } from '../../../shared/domain/adjustment-codes';
import { asCents, decimalFromCents, moneyString } from '../../../shared/domain/money';
import {
  CLAIM_STATUS_WORDS,
  REVERSAL_STATUS,
  type AdjustmentView,
  type LineVarianceView,
  type PostingAdjustment,
  type RemittanceClaimView,
  type RemittanceLineView,
  type RemittanceView,
} from '../../../shared/domain/remittance';
import type { StoredClaim, StoredLine, StoredRemittance } from '../repositories/remittance-repository';
import type { VarianceListRow, VarianceRow } from '../repositories/variance-repository';

export const moneyOf = (cents: number): string => moneyString(decimalFromCents(asCents(cents)));

export const adjustmentViews = (json: string): AdjustmentView[] =>
  (JSON.parse(json) as PostingAdjustment[]).map((a) => ({
    group: a.group,
    reason: a.reason,
    amount: moneyOf(a.amountCents),
    meaning: describeAdjustment(a.group, a.reason),
  }));

const remarkViews = (json: string): { code: string; meaning: string }[] =>
  (JSON.parse(json) as string[]).map((code) => ({ code, meaning: RARC.get(code) ?? '' }));

export type MatchNames = (administrationId: number) => { patientName: string; dateOfService: string } | null;

export function lineView(l: StoredLine, names: MatchNames): RemittanceLineView {
  const matched = l.administrationId !== null && l.lineKind !== null ? names(l.administrationId) : null;
  return {
    id: l.id,
    code: l.code,
    modifiers: l.modifiers === '' ? [] : l.modifiers.split(','),
    submittedCode: l.submittedCode,
    charge: moneyOf(l.chargeCents),
    paid: moneyOf(l.paidCents),
    allowed: l.allowedCents === null ? null : moneyOf(l.allowedCents),
    units: l.units,
    dateOfService: l.dateOfService,
    lineControlNumber: l.lineControlNumber,
    balanced: l.balanced === 1,
    adjustments: adjustmentViews(l.adjustmentsJson),
    remarks: remarkViews(l.remarksJson),
    match:
      l.administrationId !== null && l.lineKind !== null && matched
        ? {
            administrationId: l.administrationId,
            lineKind: l.lineKind,
            how: l.matchHow ?? '',
            patientName: matched.patientName,
            dateOfService: matched.dateOfService,
          }
        : null,
  };
}

export function claimView(c: StoredClaim, lines: readonly StoredLine[], names: MatchNames): RemittanceClaimView {
  return {
    id: c.id,
    patientControlNumber: c.patientControlNumber,
    status: c.status,
    statusWords: CLAIM_STATUS_WORDS.get(c.status) ?? `Status ${c.status}`,
    charge: moneyOf(c.chargeCents),
    paid: moneyOf(c.paidCents),
    patientResponsibility: moneyOf(c.patientResponsibilityCents),
    payerClaimNumber: c.payerClaimNumber,
    patient: { last: c.patientLast, first: c.patientFirst, memberId: c.memberId },
    balanced: c.balanced === 1,
    adjustments: adjustmentViews(c.adjustmentsJson),
    reversed: c.reversedByClaimId !== null,
    reversal: c.status === REVERSAL_STATUS,
    lines: lines.map((l) => lineView(l, names)),
  };
}

export function remittanceView(
  r: StoredRemittance,
  claims: readonly { claim: StoredClaim; lines: StoredLine[] }[],
  names: MatchNames,
): RemittanceView {
  return {
    id: r.id,
    source: r.source,
    payerId: r.payerId,
    payerName: r.payerName,
    payeeName: r.payeeName,
    payment: { amount: moneyOf(r.paymentCents), method: r.paymentMethod, trace: r.traceNumber, date: r.paymentDate },
    balanced: r.balanced === 1,
    providerAdjustments: (
      JSON.parse(r.providerAdjustmentsJson) as { reason: string; reference: string; amountCents: number }[]
    ).map((p) => ({ reason: p.reason, reference: p.reference, amount: moneyOf(p.amountCents) })),
    claims: claims.map((c) => claimView(c.claim, c.lines, names)),
  };
}

export function varianceView(
  r: VarianceRow &
    Partial<Pick<VarianceListRow, 'payerName' | 'patientName' | 'genericName' | 'brandName' | 'claimNumber'>>,
): LineVarianceView {
  return {
    administrationId: r.administrationId,
    lineKind: r.lineKind,
    payerId: r.payerId,
    payerName: r.payerName ?? '',
    patientName: r.patientName ?? '',
    drugName: r.genericName ? (r.brandName ? `${r.genericName} (${r.brandName})` : r.genericName) : '',
    claimNumber: r.claimNumber ?? '',
    dateOfService: r.dateOfService,
    billedAt: r.billedAt,
    hcpcs: r.hcpcs,
    modifiers: r.modifiers === '' ? [] : r.modifiers.split(','),
    expected: {
      allowed: moneyOf(r.expectedAllowedCents),
      paid: moneyOf(r.expectedPaidCents),
      patient: moneyOf(r.expectedPatientCents),
      sequestration: moneyOf(r.expectedSequestrationCents),
    },
    actual: {
      allowed: moneyOf(r.actualAllowedCents),
      paid: moneyOf(r.actualPaidCents),
      patient: moneyOf(r.actualPatientCents),
      sequestration: moneyOf(r.actualSequestrationCents),
    },
    postedLines: r.postedLines,
    lastPaymentDate: r.lastPaymentDate,
    status: r.status,
    variance: moneyOf(r.varianceCents),
    reasons: r.reasons === '' ? [] : r.reasons.split(','),
  };
}
