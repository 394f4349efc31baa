/**
 * The CLI's `--preview` JSON: the reading cut down to the fields a person checks before
 * importing, in a fixed order. Every value is copied from the reading as is; nothing is computed
 * here. The lead's import adds the file's name, hash, whether it was imported already and each
 * line's match on top of this shape.
 */
import {
  type EraAdjustment,
  type EraClaim,
  type EraLine,
  type EraPreview,
  type EraPreviewAdjustment,
  type EraPreviewClaim,
  type EraPreviewLine,
  type EraPreviewTransaction,
  type EraReading,
  type EraTransaction,
} from './era-types';

const adjustment = (a: EraAdjustment): EraPreviewAdjustment => ({ group: a.group, reason: a.reason, amount: a.amount });

const line = (l: EraLine): EraPreviewLine => ({
  code: l.code,
  // slice, not spread: spreading the reading's shared frozen empty list (NONE) takes V8's slow path.
  modifiers: l.modifiers.slice(),
  submittedCode: l.submittedCode,
  charge: l.charge,
  paid: l.paid,
  allowed: l.allowed,
  units: l.units,
  dateOfService: l.dateOfService,
  lineControlNumber: l.lineControlNumber,
  balanced: l.balanced,
  remarks: l.remarks.slice(),
  adjustments: l.adjustments.map(adjustment),
});

const claim = (c: EraClaim): EraPreviewClaim => ({
  patientControlNumber: c.patientControlNumber,
  status: c.status,
  charge: c.charge,
  paid: c.paid,
  patientResponsibility: c.patientResponsibility,
  payerClaimNumber: c.payerClaimNumber,
  patient: c.patient === null ? null : { last: c.patient.last, first: c.patient.first, memberId: c.patient.memberId },
  balanced: c.balanced,
  adjustments: c.adjustments.map(adjustment),
  lines: c.lines.map(line),
});

const transaction = (t: EraTransaction): EraPreviewTransaction => ({
  payer: { name: t.payer.name, id: t.payer.id },
  payee: { name: t.payee.name, npi: t.payee.npi },
  payment: { amount: t.payment.amount, method: t.payment.method, trace: t.payment.trace, date: t.payment.date },
  balanced: t.balanced,
  claims: t.claims.map(claim),
  providerAdjustments: t.providerAdjustments.map((p) => ({
    reason: p.reason,
    reference: p.reference,
    amount: p.amount,
  })),
});

export function eraPreview(reading: EraReading): EraPreview {
  return {
    transactions: reading.transactions.map(transaction),
    warnings: reading.warnings.map((w) => ({ code: w.code, segment: w.segment, message: w.message })),
    summary: { ...reading.summary },
  };
}
