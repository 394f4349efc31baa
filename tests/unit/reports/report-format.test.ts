/**
 * The Reports page's own arithmetic and calendar: the dates it opens on (twelve months by the
 * local calendar), the months a chart spans, and totals added exactly from the service's
 * decimal strings.
 */
import { describe, expect, it } from 'vitest';
import { defaultReportDates, localToday } from '../../../renderer/src/reports/report-dates';
import {
  axisName,
  minusAmount,
  monthLabel,
  monthsOfChart,
  percentOf,
  shortMonthLabel,
  sumAmounts,
} from '../../../renderer/src/reports/report-format';

describe('the dates the reports open on', () => {
  it('run from the first of the month eleven months back to today, across a year end', () => {
    expect(defaultReportDates(new Date(2026, 11, 7, 10, 0))).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(defaultReportDates(new Date(2026, 0, 15, 9, 0))).toEqual({ from: '2025-02-01', to: '2026-01-15' });
  });

  it('use the local calendar day, even late in the evening of a month’s last day', () => {
    const lateEvening = new Date(2026, 2, 31, 23, 59);
    expect(localToday(lateEvening)).toBe('2026-03-31');
    expect(defaultReportDates(lateEvening).from).toBe('2025-04-01');
  });
});

describe('the months a chart shows', () => {
  it('every month of the chosen dates, including months with nothing billed', () => {
    expect(monthsOfChart(['2026-03'], '2026-01-15', '2026-04-02')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(monthsOfChart(['2025-11', '2026-02'])).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('only the months with rows when the dates span more than the limit', () => {
    expect(monthsOfChart(['2020-05', '2026-02'], '2000-01-01', '2026-12-31', 60)).toEqual(['2020-05', '2026-02']);
  });

  it('no months without rows or dates', () => {
    expect(monthsOfChart([])).toEqual([]);
  });
});

describe('amounts and labels', () => {
  it('totals are exact where binary floats are not', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['9007199254740.99', '0.01'])).toBe('9007199254741.00');
    expect(sumAmounts([])).toBe('0.00');
    expect(minusAmount('313.60', '357.50')).toBe('-43.90');
  });

  it('a margin percent has one decimal, half up, and none when nothing was reimbursed', () => {
    expect(percentOf('73.60', '393.60')).toBe('18.7%');
    expect(percentOf('321.76', '1121.76')).toBe('28.7%');
    expect(percentOf('1.00', '8.00')).toBe('12.5%');
    expect(percentOf('-5.00', '0.00')).toBe('—');
  });

  it('months read as billers write them, and long names are cut for an axis only', () => {
    expect(monthLabel('2026-11')).toBe('Nov 2026');
    expect(shortMonthLabel('2026-01')).toBe('Jan ’26');
    expect(axisName('bevacizumab-awwb (Mvasi)', 12)).toBe('bevacizumab…');
    expect(axisName('olanzapine')).toBe('olanzapine');
  });
});
