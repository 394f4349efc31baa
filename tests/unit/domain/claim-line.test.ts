import { describe, expect, it } from 'vitest';
import {
  NARRATIVE_MAX_LENGTH,
  buildNocNarrative,
  formatDrugSegments837,
  formatSv101,
  validateNocNarrative,
} from '../../../shared/domain/claim-line';
import { isNocCode, parseHcpcs } from '../../../shared/domain/hcpcs';
import { estimateError, estimateOk, scenario } from './scenarios';

describe('837P drug segments and SV101 (domain.md §3, §10 C5)', () => {
  it('C5 837P drug line: LIN**N4*00002759701~CTP****2.25*ML~', () => {
    const r = formatDrugSegments837('00002759701', 'ML', '2.25');
    expect(r).toEqual({
      ok: true,
      lin: 'LIN**N4*00002759701~',
      ctp: 'CTP****2.25*ML~',
      segments: 'LIN**N4*00002759701~CTP****2.25*ML~',
    });
    expect(formatDrugSegments837('0002759701', 'ML', '2.25')).toMatchObject({
      ok: false,
      error: { code: 'NDC_INVALID' },
    });
  });

  it('C5 SV101-7 is not empty when the code is NOC, and absent otherwise', () => {
    const noc = estimateOk(scenario());
    const line = noc.lines[0];
    expect(line?.narrative).toBe('Examplemab (Exampla) 45 mg IV NDC 00002759701');
    expect(formatSv101('J3490', line?.modifiers ?? [], line?.narrative)).toBe(
      'HC:J3490:::::Examplemab (Exampla) 45 mg IV NDC 00002759701',
    );
    const specific = estimateOk(scenario({ hcpcs: 'J9263' }));
    expect(specific.lines[0]?.narrative).toBeUndefined();
    expect(formatSv101('J9263', ['JW'])).toBe('HC:J9263:JW');
  });

  it('knows the NOC drug codes and validates HCPCS', () => {
    for (const code of ['J3490', 'J3590', 'J9999', 'J7999', 'C9399']) expect(isNocCode(code)).toBe(true);
    expect(isNocCode('J9263')).toBe(false);
    expect(parseHcpcs(' j3490 ')).toEqual({ ok: true, hcpcs: 'J3490' });
    expect(parseHcpcs('J349').ok).toBe(false);
  });
});

describe('NOC narrative (domain.md §1, §10 C6)', () => {
  it('C6 "20mg/mL" alone is a concentration, not a dose → NARRATIVE_NO_DOSE', () => {
    const r = validateNocNarrative('20mg/mL');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'NARRATIVE_NO_DOSE',
        message:
          'The description gives "20mg/mL", which is a concentration, not the dose given; add the total dose given with its unit, such as "45 mg".',
      },
    });
    for (const text of ['Examplemab 20 mg per mL IV', 'Examplemab 80 mg/kg', 'Examplemab 2 vials NDC 00002759701']) {
      expect(validateNocNarrative(text)).toMatchObject({ ok: false, error: { code: 'NARRATIVE_NO_DOSE' } });
    }
  });

  it('C6 a description with the dose given passes, even next to a concentration', () => {
    for (const text of [
      'Examplemab 45 mg IV NDC 00002759701',
      'Examplemab 20mg/mL 45mg',
      'Insulin 10 units SC',
      'X 2.25 mL IM',
    ]) {
      expect(validateNocNarrative(text)).toEqual({ ok: true, text });
    }
  });

  it('C6 refuses empty, too long and X12-breaking descriptions', () => {
    expect(validateNocNarrative('  ')).toMatchObject({ ok: false, error: { code: 'NARRATIVE_EMPTY' } });
    expect(validateNocNarrative(`Drug 45 mg ${'x'.repeat(80)}`)).toMatchObject({
      ok: false,
      error: { code: 'NARRATIVE_TOO_LONG' },
    });
    expect(validateNocNarrative('Drug 45 mg~IV')).toMatchObject({
      ok: false,
      error: { code: 'NARRATIVE_INVALID_CHARACTERS' },
    });
  });

  it('C6 a typed narrative with no dose stops the estimate of a NOC line', () => {
    estimateError(scenario({ narrative: '20mg/mL' }), 'NARRATIVE_NO_DOSE');
    const typed = estimateOk(scenario({ narrative: 'Examplemab 45 mg IV NDC 00002759701' }));
    expect(typed.lines[0]?.narrative).toBe('Examplemab 45 mg IV NDC 00002759701');
  });

  it('shortens the drug name, never the dose or the NDC, to fit 80 characters', () => {
    const long = buildNocNarrative({
      name: 'Pegylated recombinant antihemophilic factor fusion protein concentrate',
      brandName: 'Longbrandname',
      amount: '2400',
      unit: 'mg',
      route: 'INTRA-ARTICULAR',
      ndc11: '73292001101',
    });
    expect(long.length).toBeLessThanOrEqual(NARRATIVE_MAX_LENGTH);
    expect(long).toMatch(/^Pegylated recombinant .*\. 2400 mg INTRA-ARTICULAR NDC 73292001101$/);
    expect(long).not.toContain('Longbrandname');
    expect(validateNocNarrative(long).ok).toBe(true);

    const brandDropped = buildNocNarrative({
      name: 'Antihemophilic factor recombinant pegylated',
      brandName: 'Verylongbrandname',
      amount: '45',
      unit: 'mg',
      route: 'IV',
      ndc11: '00002759701',
    });
    expect(brandDropped).toBe('Antihemophilic factor recombinant pegylated 45 mg IV NDC 00002759701');
  });

  it('describes the discarded amount on the JW line and strips X12 delimiters from names', () => {
    expect(buildNocNarrative({ name: 'Drug*A', amount: '30', unit: 'mg', ndc11: '00002759701', discarded: true })).toBe(
      'Drug A 30 mg discarded NDC 00002759701',
    );
  });
});
