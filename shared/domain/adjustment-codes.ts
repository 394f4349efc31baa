/**
 * What the codes on a remittance mean, in a biller's words: claim adjustment group codes, claim
 * adjustment reason codes (CARC) and remittance advice remark codes (RARC). The code sets are
 * X12's (x12.org/codes/claim-adjustment-reason-codes, x12.org/codes/remittance-advice-remark-codes;
 * domain.md §7); the sentences here are short paraphrases of the official descriptions for the codes
 * a J3490 practice meets most, not the full lists. An unknown code is shown as itself, never
 * guessed at. Lookups are Maps: a code read from a file never reaches an object's prototype.
 */

export const ADJUSTMENT_GROUPS: ReadonlyMap<string, string> = new Map([
  ['CO', 'Contractual obligation (the practice writes it off)'],
  ['PR', 'Patient responsibility'],
  ['OA', 'Other adjustment'],
  ['PI', 'Payer-initiated reduction'],
  ['CR', 'Correction or reversal'],
]);

export const CARC: ReadonlyMap<string, string> = new Map([
  ['1', 'Deductible'],
  ['2', 'Coinsurance'],
  ['3', 'Co-payment'],
  ['4', 'The procedure code does not fit the modifier used, or a required modifier is missing'],
  ['16', 'The claim or line lacks information needed to adjudicate it (see the remark codes)'],
  ['18', 'Exact duplicate of a claim or service already processed'],
  ['23', 'Adjusted for what another payer already paid'],
  ['29', 'The time limit for filing has expired'],
  ['45', 'The charge exceeds the fee schedule or contracted amount (contractual write-off)'],
  ['50', 'Not covered: not deemed medically necessary by the payer'],
  ['96', 'Non-covered charge'],
  ['97', 'Paid as part of another service already adjudicated'],
  ['109', 'Not covered by this payer: send the claim to the right payer'],
  ['119', 'Benefit maximum for the period or occurrence reached'],
  ['151', 'The information sent does not support this many services or this frequency'],
  ['197', 'Precertification, authorization or notification was absent'],
  ['226', 'Information requested from the provider was not sent, not sent in time, or incomplete'],
  ['252', 'An attachment or other documentation is required to adjudicate the claim'],
  ['253', 'Sequestration: reduction of the federal payment'],
]);

export const RARC: ReadonlyMap<string, string> = new Map([
  ['M119', 'The NDC is missing, incomplete, invalid or no longer valid'],
  ['N350', 'The description of service for a not-otherwise-classified (NOC) code is missing or invalid'],
  ['N362', 'The units of service exceed what the payer accepts'],
  [
    'MA130',
    'The claim is unprocessable (incomplete or invalid information) and has no appeal rights: send a new, corrected claim',
  ],
  ['N56', 'The procedure code is not valid for the service or the date of service billed'],
]);

/** "CO-45: The charge exceeds …", or the code alone when it is not in the table. */
export function describeAdjustment(group: string, reason: string): string {
  const meaning = CARC.get(reason);
  return meaning ? `${group}-${reason}: ${meaning}` : `${group}-${reason}`;
}

/** "N350: The description of service …", or the code alone when it is not in the table. */
export function describeRemark(code: string): string {
  const meaning = RARC.get(code);
  return meaning ? `${code}: ${meaning}` : code;
}

/** A variance reason in words: "CO-16" or "N350" described; other reasons (e.g. "Claim denied") as they are. */
export function describeReason(reason: string): string {
  const adjustment = /^([A-Z]{2})-(\w+)$/.exec(reason);
  if (adjustment) return describeAdjustment(adjustment[1] ?? '', adjustment[2] ?? '');
  if (/^[A-Z]{1,2}\d+$/.test(reason)) return describeRemark(reason);
  return reason;
}
