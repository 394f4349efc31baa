/**
 * HCPCS Level II drug codes. Any letter + 4 digits is accepted as a code; only the "not otherwise
 * classified" drug codes below carry the NOC narrative requirement (drug name, dose given, NDC in
 * 837P SV101-7 / item 19), because the payer has no descriptor to price them from (domain.md §1).
 * J3591 is listed although its descriptor and start date are unconfirmed [U]: treating an unknown
 * NOC code as NOC only asks for a narrative, the safe side.
 */
import { failure, type Failure } from './result';
import { clipQuoted } from './quoted-text';

export const NOC_DRUG_CODES = [
  'J3490', // unclassified drugs
  'J3590', // unclassified biologics
  'J9999', // NOC, antineoplastic drugs
  'J7999', // compounded drug, NOC
  'C9399', // unclassified drugs or biologicals, hospital outpatient
  'J7699', // NOC inhalation drugs via DME
  'J7799', // NOC drugs other than inhalation, via DME
  'J8499', // oral prescription drug, non-chemotherapeutic, NOS
  'J8999', // oral prescription drug, chemotherapeutic, NOS
  'J3591', // unclassified drug or biological for ESRD on dialysis [U]
] as const;

/** The NOC codes a physician practice bills drugs under (the product's scope; DME/oral ones aside). */
export const PRACTICE_NOC_CODES = [
  'J3490',
  'J3590',
  'J9999',
  'J7999',
  'C9399',
] as const satisfies readonly (typeof NOC_DRUG_CODES)[number][];

/** The short descriptor printed beside a NOC code on a cost attachment. */
export const NOC_DESCRIPTORS: Readonly<Record<(typeof PRACTICE_NOC_CODES)[number], string>> = {
  J3490: 'Unclassified drugs',
  J3590: 'Unclassified biologics',
  J9999: 'Not otherwise classified, antineoplastic drugs',
  J7999: 'Compounded drug, not otherwise classified',
  C9399: 'Unclassified drugs or biologicals',
};

export const nocDescriptor = (hcpcs: string): string =>
  Object.hasOwn(NOC_DESCRIPTORS, hcpcs) ? NOC_DESCRIPTORS[hcpcs as keyof typeof NOC_DESCRIPTORS] : 'Unclassified drug';

const NOC = new Set<string>(NOC_DRUG_CODES);

export const isNocCode = (hcpcs: string): boolean => NOC.has(hcpcs);

const HCPCS = /^[A-Z]\d{4}$/;

export function parseHcpcs(input: string): { ok: true; hcpcs: string } | Failure<'HCPCS_INVALID'> {
  const code = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (!HCPCS.test(code)) {
    return failure(
      'HCPCS_INVALID',
      `"${clipQuoted(String(input))}" is not a HCPCS code; a drug code is a letter and 4 digits, such as J3490.`,
    );
  }
  return { ok: true, hcpcs: code };
}
