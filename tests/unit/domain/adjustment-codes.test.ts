import { describe, expect, it } from 'vitest';
import { CARC, describeAdjustment, describeRemark, RARC } from '../../../shared/domain/adjustment-codes';

describe('CARC and RARC meanings', () => {
  it('covers the codes a J3490 practice meets most', () => {
    for (const code of [
      '1',
      '2',
      '3',
      '4',
      '16',
      '18',
      '29',
      '45',
      '50',
      '96',
      '97',
      '109',
      '119',
      '151',
      '197',
      '226',
      '252',
      '253',
    ]) {
      expect(CARC.has(code), code).toBe(true);
    }
    for (const code of ['M119', 'N350', 'N362', 'MA130', 'N56']) expect(RARC.has(code), code).toBe(true);
  });

  it('E6 CO-253 reads as sequestration; an unknown code reads as itself, also one named like Object’s properties', () => {
    expect(describeAdjustment('CO', '253')).toBe('CO-253: Sequestration: reduction of the federal payment');
    expect(describeAdjustment('OA', '999')).toBe('OA-999');
    expect(describeAdjustment('CO', 'constructor')).toBe('CO-constructor');
    expect(describeRemark('N350')).toContain('not-otherwise-classified');
    expect(describeRemark('__proto__')).toBe('__proto__');
  });
});
