/**
 * Words for people, not for programmers (issue 14, item 10): stored moments in the practice's
 * local time, contract versions named by their terms and dates, a document's maker by a name a
 * biller knows, the import preview's columns and the estimate's warnings headed in words.
 */
import { describe, expect, it } from 'vitest';
import { contractInWords, datesInWords } from '../../../shared/domain/contract-words';
import { documentMaker, isSystemLogin } from '../../../shared/domain/document-maker';
import { dayInWords, localDay, localTime } from '../../../shared/domain/local-time';
import { sampleColumnTitle, spellField } from '../../../renderer/src/imports/column-words';
import { estimateWarningTitle } from '../../../renderer/src/quick-estimate/estimate-warning-words';

const SCREAMING = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

describe('stored moments in local time', () => {
  it('reads a UTC timestamp in the given zone, never as an ISO string', () => {
    expect(localTime('2026-12-06T21:18:09.123Z', 'America/Chicago')).toBe('Dec 6, 2026, 3:18 PM');
    expect(localTime('2026-12-06T21:18:09.123Z', 'UTC')).toBe('Dec 6, 2026, 9:18 PM');
    expect(localTime('2026-12-06T21:18:09.123Z')).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('gives the local calendar day, which can differ from the UTC date', () => {
    // 9:30 PM on Mar 1 in Chicago is already Mar 2 in UTC.
    expect(localDay('2026-03-02T03:30:00Z', 'America/Chicago')).toBe('Mar 1, 2026');
    expect(localDay('2026-03-02T03:30:00Z', 'UTC')).toBe('Mar 2, 2026');
  });

  it('leaves a calendar date on its day in every zone, and text that is not a date as it is', () => {
    expect(dayInWords('2026-01-01')).toBe('Jan 1, 2026');
    expect(dayInWords('2024-02-29')).toBe('Feb 29, 2024');
    expect(dayInWords('open')).toBe('open');
    expect(localTime('not a time')).toBe('not a time');
  });
});

const contract = {
  scopeKind: 'all' as const,
  scopeValue: '',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  basis: 'ASP_DERIVED' as const,
  percent: '120',
  addOn: '0',
  feeScheduleRate: '',
  feeSchedulePerAmount: '1',
  feeSchedulePerUnit: 'mg' as const,
  lesserOfBilled: false,
  label: '',
};

describe('a contract version named by its terms and dates', () => {
  it('says the terms and the first day, never a version number', () => {
    expect(contractInWords(contract)).toBe('ASP + 20%, from Jan 1, 2026');
    expect(contractInWords({ ...contract, basis: 'AWP', percent: '95' })).toBe('95% of AWP, from Jan 1, 2026');
  });

  it('adds the last day, the lesser-of rule, the scope and the label when there are', () => {
    expect(
      contractInWords({
        ...contract,
        basis: 'INVOICE',
        percent: '110',
        lesserOfBilled: true,
        scopeKind: 'ndc',
        scopeValue: '00409379501',
        effectiveTo: '2026-12-31',
        label: '2026 Toradol rider',
      }),
    ).toBe(
      'invoice + 10% or the billed charge, whichever is less, for NDC 00409-3795-01, Jan 1, 2026 to Dec 31, 2026 (“2026 Toradol rider”)',
    );
    expect(datesInWords({ effectiveFrom: '2025-07-01', effectiveTo: null })).toBe('from Jul 1, 2025');
    // A label that repeats the terms is not said twice.
    expect(contractInWords({ ...contract, basis: 'AWP', percent: '95', label: '95% of AWP' })).toBe(
      '95% of AWP, from Jan 1, 2026',
    );
  });
});

describe('who made a document', () => {
  it('keeps a person’s login', () => {
    expect(documentMaker('dana', 'Pat Kim')).toBe('dana');
  });

  it('names the billing contact, or this desk, in place of an administrator account', () => {
    for (const login of ['root', 'Administrator', 'SYSTEM', '']) expect(isSystemLogin(login)).toBe(true);
    expect(documentMaker('root', 'Pat Kim')).toBe('Pat Kim');
    expect(documentMaker('root', '  ')).toBe('this desk');
    expect(documentMaker('Administrator', null)).toBe('this desk');
  });
});

describe('the import preview’s columns', () => {
  it('titles every stored field in words', () => {
    expect(sampleColumnTitle('invoiceNumber')).toBe('Invoice number');
    expect(sampleColumnTitle('ndc11')).toBe('NDC (11 digits)');
  });

  it('spells out a field it has no title for instead of showing its name', () => {
    expect(spellField('awpPerPackage')).toBe('AWP per package');
    expect(spellField('prices.acquisitionPerPackage')).toBe('Acquisition per package');
    expect(spellField('ndc11')).toBe('NDC 11');
    expect(sampleColumnTitle('lotExpiryDate')).toBe('Lot expiry date');
  });
});

describe('estimate warnings headed in words', () => {
  it('heads every known code, and an unknown one, with words and no code', () => {
    for (const code of ['NO_PRICE_FOR_BASIS', 'NO_CONTRACT', 'JZ_REQUIRED', 'SOMETHING_NEW']) {
      const title = estimateWarningTitle(code);
      expect(title).not.toMatch(SCREAMING);
      expect(title.length).toBeGreaterThan(5);
    }
    expect(estimateWarningTitle('NO_PRICE_FOR_BASIS')).toBe('A price the contract needs is missing');
  });
});
