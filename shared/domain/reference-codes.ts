/**
 * The bundled reference starter set (resources/reference, read by
 * electron/services/reference/starter-set.ts): what each NOC code requires of a drug, and the
 * drugs known to have moved off J3490 to a code of their own (domain.md §1 and §5). Types and
 * small pure helpers only, so the estimate engine and the renderer use the same rows.
 *
 * Every row carries its source. A source that begins with "[U]" marks the row unconfirmed: it
 * is kept (a believed code is better than silence) but must be shown as unconfirmed.
 */
import type { DoseUnit } from './units';

/** What a NOC code asks of the route: inhaled (J7699), anything but inhaled (J7799), by mouth (J8499/J8999). */
export const NOC_ROUTE_RULES = ['', 'inhalation', 'not-inhalation', 'oral'] as const;
export type NocRouteRule = (typeof NOC_ROUTE_RULES)[number];

/**
 * What a NOC code asks of the kind of drug: a cancer drug (J9999, J8999) or not (J8499), a
 * biologic (J3590) or not (J3490), a compound (J7999: recorded, never checked, see noc-fit.ts).
 */
export const NOC_CLASS_RULES = [
  '',
  'antineoplastic',
  'not-antineoplastic',
  'biologic',
  'not-biologic',
  'compounded',
] as const;
export type NocClassRule = (typeof NOC_CLASS_RULES)[number];

/** The places of service the codes distinguish. */
export const CARE_SETTINGS = ['office', 'hospital-outpatient'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** One NOC code and what it requires (noc-codes.csv). */
export type NocCodeRule = {
  hcpcs: string;
  descriptor: string;
  /** When the code is used, in words. */
  appliesTo: string;
  routeRule: NocRouteRule;
  classRule: NocClassRule;
  /** The only place of service the code is for; null for any. */
  setting: CareSetting | null;
  source: string;
  /** The source begins with "[U]". */
  unconfirmed: boolean;
};

/**
 * How a specific-code row finds a drug: one package NDC, every package of a product NDC, or the
 * generic name when no NDC is sourced.
 */
export const NDC_SCOPES = ['package', 'product', 'generic-name'] as const;
export type NdcScope = (typeof NDC_SCOPES)[number];

/** A drug once billed under a NOC code that has a code of its own (specific-codes.csv). */
export type StarterSpecificCode = {
  drug: string;
  genericName: string;
  /** The NDC as the source prints it ("71336-1000-01", "71336-1003"); '' when none is sourced. */
  ndc: string;
  ndcScope: NdcScope;
  /**
   * What a drug is matched on: the 11-digit NDC (package), the first 9 digits of the 11-digit
   * form, labeler and product (product: 71336-1003 → "713361003"), or the generic name in lower
   * case (generic-name).
   */
  matchKey: string;
  /** The NOC code(s) the drug was billed under before ("J3490", or J3490 and J9999). */
  nocCodesBefore: readonly string[];
  hcpcs: string;
  descriptor: string;
  /** The amount of drug in one billing unit of `hcpcs` (exact decimal text); null when not known. */
  billingUnit: { amount: string; unit: DoseUnit } | null;
  /** First date of service (YYYY-MM-DD) the code applies to; null when not known: then it blocks nothing. */
  effectiveFrom: string | null;
  /** A source gives `effectiveFrom`; false when the date is inferred or believed. */
  effectiveFromConfirmed: boolean;
  setting: CareSetting;
  source: string;
  /** The source begins with "[U]": the code itself is not confirmed. */
  unconfirmed: boolean;
};

export type StarterSet = { nocCodes: NocCodeRule[]; specificCodes: StarterSpecificCode[] };

/** A source marked unconfirmed: it begins with "[U]". */
export const isUnconfirmedSource = (source: string): boolean => source.trimStart().startsWith('[U]');

/**
 * The 9-digit labeler + product prefix of the 11-digit form of a hyphenated product NDC: 4-4
 * gets a leading zero (0002-7597 → 000027597), 5-3 a zero before the product (50242-040 →
 * 502420040), 5-4 is already 9 digits. Null for anything else.
 */
export function productNdc9(productNdc: string): string | null {
  const m = /^(\d{4,5})-(\d{3,4})$/.exec(productNdc.trim());
  if (!m) return null;
  const [, labeler = '', product = ''] = m;
  if (labeler.length === 4 && product.length === 4) return `0${labeler}${product}`;
  if (labeler.length === 5 && product.length === 3) return `${labeler}0${product}`;
  if (labeler.length === 5 && product.length === 4) return `${labeler}${product}`;
  return null;
}

/** A generic name as rows compare it: lower case, single spaces. */
export const genericNameKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Whether `row` is about `drug`. A generic-name row matches a drug whose generic name holds the
 * row's name as a whole word ("cabazitaxel injection" is cabazitaxel), since catalogs write
 * generic names with salts and dosage forms.
 */
export function specificCodeMatches(
  row: Pick<StarterSpecificCode, 'ndcScope' | 'matchKey'>,
  drug: { ndc11: string; genericName: string },
): boolean {
  switch (row.ndcScope) {
    case 'package':
      return drug.ndc11 === row.matchKey;
    case 'product':
      return drug.ndc11.length === 11 && drug.ndc11.slice(0, 9) === row.matchKey;
    case 'generic-name':
      return row.matchKey !== '' && ` ${wordsOf(drug.genericName)} `.includes(` ${wordsOf(row.matchKey)} `);
  }
}

/** The rows about `drug`, in file order. */
export const specificCodesFor = (
  rows: readonly StarterSpecificCode[],
  drug: { ndc11: string; genericName: string },
): StarterSpecificCode[] => rows.filter((row) => specificCodeMatches(row, drug));

const wordsOf = (name: string): string =>
  genericNameKey(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
