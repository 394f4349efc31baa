// ICD-10-CM codes as billers type them: with or without the dot, either case, checked for form only.
import { describe, expect, it } from 'vitest';
import { checkIcd10 } from '../../../shared/domain/icd10';
import { diagnosesField } from '../../../shared/domain/administration';

describe('checkIcd10', () => {
  it('accepts codes as printed in the code set', () => {
    expect(checkIcd10('C50.911')).toEqual({ ok: true, code: 'C50.911' });
    expect(checkIcd10('E11.9')).toEqual({ ok: true, code: 'E11.9' });
    expect(checkIcd10('Z51.11')).toEqual({ ok: true, code: 'Z51.11' });
  });

  it('writes a code typed without the dot, in lower case or with spaces, as printed', () => {
    expect(checkIcd10('c50911')).toEqual({ ok: true, code: 'C50.911' });
    expect(checkIcd10(' e119 ')).toEqual({ ok: true, code: 'E11.9' });
    expect(checkIcd10('m0579')).toEqual({ ok: true, code: 'M05.79' });
  });

  it('accepts a three-character category without a dot', () => {
    expect(checkIcd10('I10')).toEqual({ ok: true, code: 'I10' });
    expect(checkIcd10('i10')).toEqual({ ok: true, code: 'I10' });
  });

  it('refuses U codes (reserved, e.g. U07.1) with ICD10_INVALID', () => {
    const r = checkIcd10('U07.1');
    expect(r).toMatchObject({ ok: false, code: 'ICD10_INVALID' });
    if (!r.ok) expect(r.message).toBe('"U07.1" is not an ICD-10-CM code; codes look like C50.911 or E11.9.');
  });

  it('refuses what is not shaped like a code', () => {
    for (const bad of ['123', '', 'C5', '5C0.1', 'C50.91111', 'C50..9', 'C50-911', 'CC0.1']) {
      expect(checkIcd10(bad), bad).toMatchObject({ ok: false, code: 'ICD10_INVALID' });
    }
    const r = checkIcd10(' 123 ');
    if (!r.ok) expect(r.message).toBe('"123" is not an ICD-10-CM code; codes look like C50.911 or E11.9.');
  });
});

describe('diagnosesField', () => {
  it('normalizes, drops blanks and duplicates, and keeps the order typed', () => {
    expect(diagnosesField.parse(['e119', '', 'C50.911', 'E11.9', ' c50911 '])).toEqual(['E11.9', 'C50.911']);
  });

  it('names the position of a bad code', () => {
    const r = diagnosesField.safeParse(['E11.9', '123']);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code])).toEqual([
      ['1', 'ICD10_INVALID'],
    ]);
  });
});
