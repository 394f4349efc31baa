/**
 * The code check's warnings (issue 13) as billers read them: a heading in words for each code, so
 * the screen never leads with SPECIFIC_CODE_EXISTS; the code itself goes in small print for
 * support. The same set tells the estimate views which warnings the code-check callout shows
 * instead of them.
 */
import type { Warning } from '../../../shared/domain/result';

const TITLES: Readonly<Record<string, string>> = {
  SPECIFIC_CODE_EXISTS: 'A specific code covers this drug',
  SPECIFIC_CODE_DATE_UNKNOWN: 'A specific code may cover this drug',
  HCPCS_UNKNOWN: 'Code not in the HCPCS update on file',
  HCPCS_UNVERIFIED: 'Code not checked',
  HCPCS_TERMINATED: 'Code ended before this date',
  HCPCS_NOT_YET_EFFECTIVE: 'Code not in effect on this date',
  NOC_CODE_MISMATCH: 'This unclassified code may not fit the drug',
  NDC_MARKETING_ENDED: 'NDC no longer marketed',
  NDC_EXCLUDED: 'NDC excluded from the FDA directory',
  NDC_NOT_ON_FILE: 'NDC not on file',
};

/** The warnings the code check adds to an estimate (the callout and its sentences show them). */
const CODE_CHECK_CODES = new Set([
  'SPECIFIC_CODE_EXISTS',
  'SPECIFIC_CODE_DATE_UNKNOWN',
  'HCPCS_UNKNOWN',
  'HCPCS_UNVERIFIED',
  'HCPCS_TERMINATED',
  'HCPCS_NOT_YET_EFFECTIVE',
  'NOC_CODE_MISMATCH',
]);

export const isCodeCheckWarning = (w: Pick<Warning, 'code'>): boolean => CODE_CHECK_CODES.has(w.code);

export const codeWarningTitle = (code: string): string => TITLES[code] ?? 'Check the code before billing';

/** "25 units of J0225", "1 unit of J0225". */
export const unitsOf = (units: string, hcpcs: string): string =>
  `${units} ${units === '1' ? 'unit' : 'units'} of ${hcpcs}`;
