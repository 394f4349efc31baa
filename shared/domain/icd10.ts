/**
 * ICD-10-CM diagnosis codes, format-checked (not looked up): a letter other than U, a digit, a
 * digit or letter, then up to four more characters after the dot. People type them with or
 * without the dot and in either case; the claim form wants them as printed in the code set.
 */
import { clipQuoted } from './quoted-text';

const PATTERN = /^([A-TV-Z][0-9][0-9A-Z])\.?([0-9A-Z]{1,4})?$/;

export type Icd10Check = { ok: true; code: string } | { ok: false; code: 'ICD10_INVALID'; message: string };

export function checkIcd10(input: string): Icd10Check {
  const m = PATTERN.exec(input.trim().toUpperCase());
  if (!m) {
    return {
      ok: false,
      code: 'ICD10_INVALID',
      message: `"${clipQuoted(input.trim())}" is not an ICD-10-CM code; codes look like C50.911 or E11.9.`,
    };
  }
  return { ok: true, code: m[2] ? `${m[1]}.${m[2]}` : (m[1] ?? '') };
}
