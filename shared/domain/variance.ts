/**
 * Expected versus paid for one claim line (domain.md §7, §10 E6–E7). Amounts are integer cents
 * (as stored), added and compared as integers (addCents refuses a sum outside the safe range).
 *
 * - Expected is the frozen estimate line: allowed, what the payer pays, what the patient owes,
 *   Medicare sequestration.
 * - Actual is the sum of the remittance lines matched to it (reversed claims and their reversals
 *   left out): the allowed amount the payer reports (AMT*B6), else paid + patient responsibility
 *   (group PR) + sequestration (CO-253); paid (SVC03); patient responsibility; sequestration.
 * - The variance is expected allowed − actual allowed: the payer's pricing against the contract's.
 *   Sequestration comes after the allowed amount, so it is shown as sequestration and never makes
 *   a line "underpaid" (E6); a patient's deductible or coinsurance neither.
 * - Status, with a tolerance (default $1.00):
 *     unpaid          nothing posted yet
 *     denied          posted, and nothing allowed or paid
 *     underpaid       allowed below expected by more than the tolerance (E7)
 *     overpaid        allowed above expected by more than the tolerance
 *     partially-paid  allowed as expected, but paid + patient + sequestration leave more than the
 *                     tolerance of it unaccounted (e.g. a secondary payer still to pay)
 *     paid            otherwise: paid as expected
 */
import { addCents, asCents } from './money';

export const VARIANCE_STATUSES = ['unpaid', 'paid', 'underpaid', 'overpaid', 'denied', 'partially-paid'] as const;
export type VarianceStatus = (typeof VARIANCE_STATUSES)[number];

/** How a status reads in the app. */
export const VARIANCE_STATUS_LABELS: Readonly<Record<VarianceStatus, string>> = {
  unpaid: 'Unpaid',
  paid: 'Paid as expected',
  underpaid: 'Underpaid',
  overpaid: 'Overpaid',
  denied: 'Denied',
  'partially-paid': 'Partially paid',
};

export type ExpectedLine = {
  allowedCents: number;
  paidCents: number;
  patientCents: number;
  sequestrationCents: number;
};

/** One matched remittance line's contribution. `allowedCents` null when the payer sent no AMT*B6. */
export type PostedLine = {
  allowedCents: number | null;
  paidCents: number;
  patientCents: number;
  sequestrationCents: number;
};

export type ActualLine = ExpectedLine & { postedLines: number };

/** The actual figures of a claim line: the sums of the remittance lines matched to it. */
export function actualOf(posted: readonly PostedLine[]): ActualLine {
  let allowed = asCents(0);
  let paid = asCents(0);
  let patient = asCents(0);
  let sequestration = asCents(0);
  for (const p of posted) {
    const lineAllowed =
      p.allowedCents === null
        ? addCents(asCents(p.paidCents), asCents(p.patientCents), asCents(p.sequestrationCents))
        : asCents(p.allowedCents);
    allowed = addCents(allowed, lineAllowed);
    paid = addCents(paid, asCents(p.paidCents));
    patient = addCents(patient, asCents(p.patientCents));
    sequestration = addCents(sequestration, asCents(p.sequestrationCents));
  }
  return {
    allowedCents: allowed,
    paidCents: paid,
    patientCents: patient,
    sequestrationCents: sequestration,
    postedLines: posted.length,
  };
}

export type LineVariance = { status: VarianceStatus; varianceCents: number };

export function lineVariance(expected: ExpectedLine, actual: ActualLine, toleranceCents: number): LineVariance {
  if (actual.postedLines === 0) return { status: 'unpaid', varianceCents: expected.allowedCents };
  const variance = addCents(asCents(expected.allowedCents), asCents(-actual.allowedCents));
  if (actual.allowedCents === 0 && actual.paidCents === 0) return { status: 'denied', varianceCents: variance };
  const tolerance = asCents(toleranceCents);
  let status: VarianceStatus;
  if (variance > tolerance) status = 'underpaid';
  else if (-variance > tolerance) status = 'overpaid';
  else {
    const open = addCents(
      asCents(actual.allowedCents),
      asCents(-actual.paidCents),
      asCents(-actual.patientCents),
      asCents(-actual.sequestrationCents),
    );
    status = open > tolerance ? 'partially-paid' : 'paid';
  }
  return { status, varianceCents: variance };
}

/** What a CAS list comes to for the variance: patient responsibility (PR) and sequestration (CO-253). */
export function adjustmentShares(adjustments: readonly { group: string; reason: string; amountCents: number }[]): {
  patientCents: number;
  sequestrationCents: number;
} {
  let patient = asCents(0);
  let sequestration = asCents(0);
  for (const a of adjustments) {
    if (a.group === 'PR') patient = addCents(patient, asCents(a.amountCents));
    else if (a.reason === '253') sequestration = addCents(sequestration, asCents(a.amountCents));
  }
  return { patientCents: patient, sequestrationCents: sequestration };
}
