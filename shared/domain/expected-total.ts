/**
 * "Expected" means one thing everywhere (issue 14): what a claim line should bring in all, the
 * payer's part plus the patient's. Money strings in, an exact money string out.
 */
import { Dec, moneyString } from './money';

export const expectedTotal = (payer: string, patient: string): string =>
  moneyString(new Dec(payer).plus(new Dec(patient)));

/** The expected total with its two parts, or nulls while there is no estimate to read them from. */
export function expectedParts(
  payer: string | null,
  patient: string | null,
): { expected: string | null; expectedPayer: string | null; expectedPatient: string | null } {
  if (payer === null || patient === null) return { expected: null, expectedPayer: null, expectedPatient: null };
  return {
    expected: expectedTotal(payer, patient),
    expectedPayer: moneyString(new Dec(payer)),
    expectedPatient: moneyString(new Dec(patient)),
  };
}
