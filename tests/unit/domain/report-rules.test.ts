/**
 * The small rules the finance reports stand on: cents written exactly, export cells safe from
 * formula injection (issue 12, item 7), age buckets and the timely filing day (item 6), months.
 */
import { describe, expect, it } from 'vitest';
import { agingBucket, timelyFiling } from '../../../shared/domain/aging';
import { centsText } from '../../../shared/domain/cents-text';
import { csvField, csvRecord, safeCellText } from '../../../shared/domain/export-cells';
import { addMonths, monthsEnding } from '../../../shared/domain/months';

describe('centsText', () => {
  it('moves the point two digits without arithmetic', () => {
    expect([0, 5, 99, 100, 12345, -1, -105, 900719925474099].map(centsText)).toEqual([
      '0.00',
      '0.05',
      '0.99',
      '1.00',
      '123.45',
      '-0.01',
      '-1.05',
      '9007199254740.99',
    ]);
  });
  it('refuses what is not a whole number of cents', () => {
    expect(() => centsText(1.5)).toThrow(RangeError);
    expect(() => centsText(Number.NaN)).toThrow(RangeError);
  });
});

describe('export cells', () => {
  it('text a spreadsheet would run as a formula gets an apostrophe', () => {
    expect(['=SUM(A1)', '+1+1', '-2+3', '@cmd', '\tx', 'plain'].map(safeCellText)).toEqual([
      "'=SUM(A1)",
      "'+1+1",
      "'-2+3",
      "'@cmd",
      "'\tx",
      'plain',
    ]);
  });
  it('a plain number, negative included, stays a number', () => {
    expect([safeCellText('-12.50'), safeCellText(-3), safeCellText('7')]).toEqual(['-12.50', '-3', '7']);
  });
  it('CSV fields are quoted when they hold a comma, a quote or a line break', () => {
    expect(csvField('Reyes, Ana')).toBe('"Reyes, Ana"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(null)).toBe('');
    expect(csvRecord(['=1,2', 3, null])).toBe(`"'=1,2",3,\r\n`);
  });
});

describe('aging', () => {
  it('buckets 0–30, 31–60, 61–90 and over 90 days', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(agingBucket)).toEqual([
      '0–30 days',
      '0–30 days',
      '31–60 days',
      '31–60 days',
      '61–90 days',
      '61–90 days',
      'Over 90 days',
      'Over 90 days',
    ]);
  });
  it('the timely filing day runs from the date of service; no limit on file gives none', () => {
    expect(timelyFiling('2025-03-10', 365, '2025-06-15')).toEqual({ ends: '2026-03-10', daysLeft: 268 });
    expect(timelyFiling('2024-01-01', 90, '2024-04-15')).toEqual({ ends: '2024-03-31', daysLeft: -15 });
    expect(timelyFiling('2025-03-10', null, '2025-06-15')).toBeNull();
  });
});

describe('months', () => {
  it('adds months across years and lists the twelve ending with a month', () => {
    expect([addMonths('2025-01', -1), addMonths('2025-12', 1), addMonths('2025-03', -15)]).toEqual([
      '2024-12',
      '2026-01',
      '2023-12',
    ]);
    expect(monthsEnding('2025-02', 3)).toEqual(['2024-12', '2025-01', '2025-02']);
  });
});
