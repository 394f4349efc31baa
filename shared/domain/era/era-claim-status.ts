/**
 * CLP02, the claim status code of an 835. "Processed" is not "paid": status 1 with nothing paid
 * is a claim the payer adjudicated and paid nothing on, and its CAS reasons say why (domain.md
 * E3). Status 4 ("denied") is used when the payer could not identify the patient or the claim.
 */

const MEANINGS: Readonly<Record<string, string>> = {
  '1': 'Processed as primary',
  '2': 'Processed as secondary',
  '3': 'Processed as tertiary',
  '4': 'Denied',
  '19': 'Processed as primary, forwarded to additional payer(s)',
  '20': 'Processed as secondary, forwarded to additional payer(s)',
  '21': 'Processed as tertiary, forwarded to additional payer(s)',
  '22': 'Reversal of previous payment',
  '23': 'Not our claim, forwarded to additional payer(s)',
  '25': 'Predetermination pricing only, no payment',
};

/** The meaning of a CLP02 code, or null when the code is not one the 835 defines. */
export const claimStatusMeaning = (status: string): string | null =>
  Object.prototype.hasOwnProperty.call(MEANINGS, status) ? (MEANINGS[status] ?? null) : null;

/** Statuses under which the payer adjudicated the claim (and may have paid nothing). */
export const isProcessedStatus = (status: string): boolean =>
  status === '1' || status === '2' || status === '3' || status === '19' || status === '20' || status === '21';

export const CLAIM_DENIED = '4';
export const CLAIM_REVERSAL = '22';
