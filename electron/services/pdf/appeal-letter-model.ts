/**
 * What an appeal letter prints, as plain strings already formatted for the page ("$79.80",
 * "2025-02-20"). Built from the record by remittances/appeal-letter.ts; the PDF computes nothing.
 *
 * Unlike the cost attachment, this document is meant to carry the contract terms and the expected
 * amount to the payer: they are the substance of the appeal. It still has no field for the
 * practice's acquisition cost or margin.
 */
import type { PracticeHeader } from './attachment-model';

/** One row of a line's comparison: what the contract gives, what the payer did, the gap. */
export type AppealAmountRow = { label: string; expected: string; actual: string; difference: string };

/** One claim line appealed (underpaid, partially paid or denied). */
export type AppealLine = {
  /** "dose given" or "amount discarded" (printed inside a sentence). */
  label: string;
  /** HCPCS and modifiers, "J3490 JW". */
  codes: string;
  units: string;
  /** "Underpaid", "Denied", "Partially paid". */
  status: string;
  /** Allowed, payer paid, patient responsibility, sequestration; "$79.80" style. */
  amounts: AppealAmountRow[];
  /** The estimate's trace steps that reach this line's expected amount. */
  trace: string[];
  /** As the payer reported them: "CO-45", "$30.00", and what the reason code means ('' when not known). */
  adjustments: { code: string; amount: string; meaning: string }[];
  remarks: { code: string; meaning: string }[];
  /** "Paper EOB of 2025-03-20, check or EFT CHK-1001". */
  payments: string[];
};

export type AppealLetterModel = {
  /** The letter's date, YYYY-MM-DD: printed long ("March 1, 2025") and the PDF's creation date. */
  letterDate: string;
  practice: PracticeHeader;
  payerName: string;
  /** "underpaid" when any line was paid below the contract; "denied" when every line appealed was denied. */
  subject: 'underpaid' | 'denied';
  patient: { name: string; memberId: string; dateOfBirth: string };
  /** The practice's claim (patient control) number; '' when none was recorded. */
  claimNumber: string;
  /** The payer's own claim numbers from the remittances (ICN/DCN); empty when none was given. */
  payerClaimNumbers: string[];
  dateOfService: string;
  drug: { name: string; ndc: string };
  /** Every line of the claim as billed: "J3490 JW, 1 unit (amount discarded)". */
  claimLines: string[];
  /** Sentences: the contract version in force on the date of service and its terms. */
  contractTerms: string[];
  lines: AppealLine[];
  /** What the payer's payment falls short by over the lines appealed, "$7.68"; null when it does not. */
  amountOwed: string | null;
};
