import { describe, expect, it } from 'vitest';
import { actualOf, adjustmentShares, lineVariance, type ExpectedLine } from '../../../shared/domain/variance';

// §9 B as expected: allowed $256.50, the payer $201.10, the patient $51.30, sequestration $4.10.
const B: ExpectedLine = { allowedCents: 25650, paidCents: 20110, patientCents: 5130, sequestrationCents: 410 };
const TOLERANCE = 100;

describe('variance per claim line (domain.md §10 E6, E7)', () => {
  it('E6 sequestration (CO-253) is sequestration, not an underpayment: paid exactly as §9 B says → paid', () => {
    const shares = adjustmentShares([
      { group: 'CO', reason: '45', amountCents: 4350 },
      { group: 'PR', reason: '2', amountCents: 5130 },
      { group: 'CO', reason: '253', amountCents: 410 },
    ]);
    expect(shares).toEqual({ patientCents: 5130, sequestrationCents: 410 });
    const actual = actualOf([{ allowedCents: null, paidCents: 20110, ...shares }]);
    expect(actual.allowedCents).toBe(25650); // paid + patient + sequestration, with no AMT*B6
    expect(lineVariance(B, actual, TOLERANCE)).toEqual({ status: 'paid', varianceCents: 0 });
  });

  it('E7 allowed (AMT*B6) below the expected by more than the tolerance → underpaid by expected − allowed', () => {
    const actual = actualOf([{ allowedCents: 24000, paidCents: 18816, patientCents: 4800, sequestrationCents: 384 }]);
    expect(lineVariance(B, actual, TOLERANCE)).toEqual({ status: 'underpaid', varianceCents: 1650 });
  });

  it('within the tolerance is paid as expected; a cent beyond it is not', () => {
    const at = (allowed: number) =>
      lineVariance(
        B,
        actualOf([{ allowedCents: allowed, paidCents: allowed, patientCents: 0, sequestrationCents: 0 }]),
        TOLERANCE,
      ).status;
    expect(at(25550)).toBe('paid');
    expect(at(25549)).toBe('underpaid');
    expect(at(25750)).toBe('paid');
    expect(at(25751)).toBe('overpaid');
  });

  it('nothing posted is unpaid; posted with nothing allowed or paid is denied', () => {
    expect(lineVariance(B, actualOf([]), TOLERANCE)).toEqual({ status: 'unpaid', varianceCents: 25650 });
    const denied = actualOf([{ allowedCents: 0, paidCents: 0, patientCents: 0, sequestrationCents: 0 }]);
    expect(lineVariance(B, denied, TOLERANCE)).toEqual({ status: 'denied', varianceCents: 25650 });
  });

  it('allowed as expected but part of it unaccounted (a secondary still to pay) → partially paid', () => {
    const actual = actualOf([{ allowedCents: 25650, paidCents: 10000, patientCents: 5130, sequestrationCents: 410 }]);
    expect(lineVariance(B, actual, TOLERANCE).status).toBe('partially-paid');
  });

  it('sums several postings of one line (a payment, its reversal and the corrected payment net out)', () => {
    const actual = actualOf([
      { allowedCents: 25650, paidCents: 20110, patientCents: 5130, sequestrationCents: 410 },
      { allowedCents: -25650, paidCents: -20110, patientCents: -5130, sequestrationCents: -410 },
      { allowedCents: 25650, paidCents: 20110, patientCents: 5130, sequestrationCents: 410 },
    ]);
    expect(actual).toEqual({
      allowedCents: 25650,
      paidCents: 20110,
      patientCents: 5130,
      sequestrationCents: 410,
      postedLines: 3,
    });
  });
});
