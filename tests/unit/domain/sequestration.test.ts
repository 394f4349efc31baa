import { describe, expect, it } from 'vitest';
import { sequestrationRate } from '../../../shared/domain/sequestration';
import { isIsoDate, parseIsoDate } from '../../../shared/domain/iso-date';
import { estimateError, estimateOk, scenario } from './scenarios';

const percentOn = (date: string, policy: 'medicare' | 'none' = 'medicare') => {
  const r = sequestrationRate(policy, date);
  if (!r.ok) throw new Error(r.error.message);
  return r.rate.percent;
};

describe('Medicare sequestration by date of service (domain.md §2)', () => {
  it('P4 DOS 2021-01-15 (suspended) → sequestration 0', () => {
    expect(percentOn('2021-01-15')).toBe('0');
    const r = estimateOk(scenario({ dateOfService: '2021-01-15' }));
    expect(r.totals.sequestration).toBe('0.00');
    expect(r.totals.payerPays).toBe('205.20');
    expect(r.trace).toContain('Medicare sequestration suspended 2020-05-01 to 2022-03-31 (DOS 2021-01-15): $0.00');
  });

  it('P5 DOS 2022-05-10 → 1%', () => {
    expect(percentOn('2022-05-10')).toBe('1');
    const r = estimateOk(scenario({ dateOfService: '2022-05-10' }));
    expect(r.totals.sequestration).toBe('2.05'); // 1% of 205.20 = 2.052
    expect(r.totals.payerPays).toBe('203.15');
  });

  it.each([
    ['2013-03-31', '0'],
    ['2013-04-01', '2'],
    ['2020-04-30', '2'],
    ['2020-05-01', '0'],
    ['2022-03-31', '0'],
    ['2022-04-01', '1'],
    ['2022-06-30', '1'],
    ['2022-07-01', '2'],
    ['2024-03-15', '2'],
  ])('boundary %s → %s%%', (date, percent) => {
    expect(percentOn(date)).toBe(percent);
  });

  it('a payer that does not sequester takes nothing on any date', () => {
    expect(percentOn('2024-03-15', 'none')).toBe('0');
    expect(estimateOk(scenario({ contract: { sequestration: 'none' } })).totals.sequestration).toBe('0.00');
  });
});

describe('ISO dates', () => {
  it('accepts real calendar days only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' });
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of [
      '2023-02-29',
      '2023-02-30',
      '1900-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-3-15',
      '15/03/2024',
      '',
    ]) {
      const r = parseIsoDate(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('DATE_INVALID');
    }
    expect(sequestrationRate('medicare', '2023-02-30')).toMatchObject({ ok: false, error: { code: 'DATE_INVALID' } });
  });

  it('an impossible date of service is refused with the field named', () => {
    const err = estimateError(scenario({ dateOfService: '2023-02-30' }), 'SCENARIO_INVALID');
    expect(err.message).toBe('dateOfService: Date of service 2023-02-30 is not a real calendar date.');
  });
});
