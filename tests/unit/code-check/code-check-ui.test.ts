/**
 * The code check's screens, their own logic: when the form asks the check at all, the billing
 * unit "Use J0225" puts in the Quick estimate's field, which warnings the callout takes over from
 * the estimate views, and the Transitions page's status in words (never a badge that says one
 * thing while its detail says another).
 */
import { describe, expect, it } from 'vitest';
import type { TransitionRow } from '../../../shared/api/reference-channels';
import { codeCheckArgs } from '../../../renderer/src/code-check/code-check-args';
import { codeWarningTitle, isCodeCheckWarning, unitsOf } from '../../../renderer/src/code-check/code-check-words';
import { billingUnitInDoseUnit } from '../../../renderer/src/code-check/specific-code-unit';
import { transitionDrugName, transitionStatus } from '../../../renderer/src/code-check/transition-status';
import { J0225_FROM_STARTER_SET } from '../../fixtures/reference-drugs';

const typed = { ndc: '71336100301', date: '2024-06-03', hcpcs: 'J3490', doseAmount: '25', doseUnit: 'mg' };

describe('when the form asks the code check', () => {
  it('sends the NDC, date, code and a dose that parses', () => {
    expect(codeCheckArgs(typed)).toEqual({
      ndc: '71336100301',
      date: '2024-06-03',
      hcpcs: 'J3490',
      dose: { amount: '25', unit: 'mg' },
    });
  });

  it('leaves the dose out while it is half typed or its unit is not chosen, and still asks', () => {
    expect(codeCheckArgs({ ...typed, doseAmount: '25.' })).toEqual({
      ndc: typed.ndc,
      date: typed.date,
      hcpcs: 'J3490',
    });
    expect(codeCheckArgs({ ...typed, doseUnit: '' })?.dose).toBeUndefined();
  });

  it('does not ask without a drug, with a date that is not a day, or a code that is not one', () => {
    expect(codeCheckArgs({ ...typed, ndc: null })).toBeNull();
    expect(codeCheckArgs({ ...typed, date: '2024-02-30' })).toBeNull();
    expect(codeCheckArgs({ ...typed, date: '2024-06' })).toBeNull();
    expect(codeCheckArgs({ ...typed, hcpcs: 'J34' })).toBeNull();
  });

  it('reads the code as billers type it, in lower case with spaces', () => {
    expect(codeCheckArgs({ ...typed, hcpcs: ' j0225 ' })?.hcpcs).toBe('J0225');
  });
});

describe('the billing unit “Use J0225” puts in the Quick estimate', () => {
  it('is the code’s unit in the dose’s unit, exactly', () => {
    expect(billingUnitInDoseUnit('1 mg', 'mg')).toBe('1');
    expect(billingUnitInDoseUnit('0.1 MG', 'mcg')).toBe('100');
    expect(billingUnitInDoseUnit('10 mg', 'g')).toBe('0.01');
  });

  it('is left to the biller when the units are of different kinds or unreadable', () => {
    expect(billingUnitInDoseUnit('1 ML', 'mg')).toBeNull();
    expect(billingUnitInDoseUnit('unit not on file', 'mg')).toBeNull();
    expect(billingUnitInDoseUnit('1 mg', '')).toBeNull();
  });
});

describe('the code check’s warnings in words', () => {
  it('takes the code check’s own warnings from the estimate views, and no others', () => {
    for (const code of ['SPECIFIC_CODE_EXISTS', 'HCPCS_UNKNOWN', 'HCPCS_UNVERIFIED', 'NOC_CODE_MISMATCH']) {
      expect(isCodeCheckWarning({ code })).toBe(true);
    }
    expect(isCodeCheckWarning({ code: 'PROFILE_NOT_CONFIRMED' })).toBe(false);
    expect(isCodeCheckWarning({ code: 'NO_CONTRACT' })).toBe(false);
  });

  it('heads each with words, never the code', () => {
    expect(codeWarningTitle('HCPCS_TERMINATED')).toBe('Code ended before this date');
    expect(codeWarningTitle('SOMETHING_NEW')).toBe('Check the code before billing');
  });

  it('counts units as people say them', () => {
    expect(unitsOf('1', 'J0225')).toBe('1 unit of J0225');
    expect(unitsOf('25', 'J0225')).toBe('25 units of J0225');
  });
});

const row = (changes: Partial<TransitionRow>): TransitionRow => ({
  ndc11: '71336100301',
  genericName: 'vutrisiran',
  brandName: 'Amvuttra',
  nocCodes: ['J3490'],
  firstDateOfService: '2022-09-15',
  lastDateOfService: '2023-03-10',
  administrations: 4,
  billed: '520000.73',
  expected: '406000.15',
  specificCode: { ...J0225_FROM_STARTER_SET, source: 'starter set' },
  state: 'in-force',
  afterEffective: 2,
  checklist: [],
  ...changes,
});

describe('a drug’s status on the Transitions page', () => {
  it('says a code in force is still being billed under the NOC code, in red, with how many claims', () => {
    expect(transitionStatus(row({}))).toEqual({
      label: 'In force — still billing J3490',
      color: 'red',
      detail: '2 claims under J3490 dated on or after 2023-01-01.',
    });
    expect(transitionStatus(row({ nocCodes: ['J3490', 'J9999'], afterEffective: 1 })).label).toBe(
      'In force — still billing J3490 or J9999',
    );
  });

  it('says “In force” alone when every NOC claim came before the code’s date', () => {
    const status = transitionStatus(row({ afterEffective: 0 }));
    expect(status.label).toBe('In force');
    expect(status.detail).toBe('Every claim under J3490 is dated before 2023-01-01; bill J0225 from now on.');
  });

  it('names the other states in words', () => {
    expect(transitionStatus(row({ state: 'upcoming', afterEffective: 0 }))).toMatchObject({
      label: 'Upcoming',
      detail: 'Bill J3490 until 2023-01-01, then J0225.',
    });
    expect(transitionStatus(row({ state: 'upcoming', afterEffective: 1 })).detail).toBe(
      'Bill J3490 until 2023-01-01, then J0225. 1 claim already dated on or after it.',
    );
    expect(transitionStatus(row({ state: 'date-unknown', afterEffective: 0 })).label).toBe('Date not on file');
    expect(transitionStatus(row({ state: 'none', specificCode: null, afterEffective: 0 }))).toEqual({
      label: 'No specific code',
      color: 'gray',
      detail: '',
    });
  });

  it('names the drug as the code check does, or says it left the catalog', () => {
    expect(transitionDrugName(row({}))).toBe('vutrisiran (Amvuttra)');
    expect(transitionDrugName(row({ brandName: '' }))).toBe('vutrisiran');
    expect(transitionDrugName(row({ genericName: '', brandName: '' }))).toBe('Drug no longer in the catalog');
  });
});
