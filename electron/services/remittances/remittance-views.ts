/**
 * Stored remittance rows as the contract sends them: amounts as money text, adjustments and remark
 * codes with their meanings, each line with the administration it pays (if any).
 */
import { describeAdjustment, RARC } from '../../../shared/domain/adjustment-codes';
import { CLAIM_REVERSAL, claimStatusMeaning } from '../../../shared/domain/era/era-claim-status';
import { centsText } from '../../../shared/domain/cents-text';
import {
  type AdjustmentView,
  type LineVarianceView,
  type PostingAdjustment,
  type RemittanceClaimView,
  type RemittanceLineView,
  type RemittanceView,
} from '../../../shared/domain/remittance';
import type { StoredClaim, StoredLine, StoredRemittance } from '../repositories/remittance-repository';
import type { VarianceListRow, VarianceRow } from '../repositories/variance-repository';

export const adjustmentViews = (json: string): AdjustmentView[] =>
  (JSON.parse(json) as PostingAdjustment[]).map((a) => ({
    group: a.group,
    reason: a.reason,
    amount: centsText(a.amountCents),
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
    charge: centsText(l.chargeCents),
    paid: centsText(l.paidCents),
    allowed: l.allowedCents === null ? null : centsText(l.allowedCents),
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
    statusWords: claimStatusMeaning(c.status) ?? `Status ${c.status}`,
    charge: centsText(c.chargeCents),
    paid: centsText(c.paidCents),
    patientResponsibility: centsText(c.patientResponsibilityCents),
    payerClaimNumber: c.payerClaimNumber,
    patient: { last: c.patientLast, first: c.patientFirst, memberId: c.memberId },
    balanced: c.balanced === 1,
    adjustments: adjustmentViews(c.adjustmentsJson),
    reversed: c.reversedByClaimId !== null,
    reversal: c.status === CLAIM_REVERSAL,
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
    payment: { amount: centsText(r.paymentCents), method: r.paymentMethod, trace: r.traceNumber, date: r.paymentDate },
    balanced: r.balanced === 1,
    providerAdjustments: (
      JSON.parse(r.providerAdjustmentsJson) as { reason: string; reference: string; amountCents: number }[]
    ).map((p) => ({ reason: p.reason, reference: p.reference, amount: centsText(p.amountCents) })),
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
      allowed: centsText(r.expectedAllowedCents),
      paid: centsText(r.expectedPaidCents),
      patient: centsText(r.expectedPatientCents),
      sequestration: centsText(r.expectedSequestrationCents),
    },
    actual: {
      allowed: centsText(r.actualAllowedCents),
      paid: centsText(r.actualPaidCents),
      patient: centsText(r.actualPatientCents),
      sequestration: centsText(r.actualSequestrationCents),
    },
    postedLines: r.postedLines,
    lastPaymentDate: r.lastPaymentDate,
    status: r.status,
    variance: centsText(r.varianceCents),
    reasons: r.reasons === '' ? [] : r.reasons.split(','),
  };
}
