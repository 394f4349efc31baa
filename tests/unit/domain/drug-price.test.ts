/** Quarters of CMS payment limits and the HCPCS dosage text they are priced per. */
import { describe, expect, it } from 'vitest';
import { drugPriceInputSchema, parseDosage, quarterOf, quarterSpan } from '../../../shared/domain/drug-price';

describe('quarterSpan', () => {
  it('gives the first and last day of each quarter', () => {
    expect(['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map(quarterSpan)).toEqual([
      { effectiveFrom: '2025-01-01', effectiveTo: '2025-03-31' },
      { effectiveFrom: '2025-04-01', effectiveTo: '2025-06-30' },
      { effectiveFrom: '2025-07-01', effectiveTo: '2025-09-30' },
      { effectiveFrom: '2025-10-01', effectiveTo: '2025-12-31' },
    ]);
  });

  it('keeps the year as written', () => {
    expect(quarterSpan('2004Q4')).toEqual({ effectiveFrom: '2004-10-01', effectiveTo: '2004-12-31' });
  });

  it('refuses anything that is not YYYYQ1..Q4 with null', () => {
    for (const bad of ['2025Q0', '2025Q5', '2025-Q1', '2025q1', '25Q1', 'Q1 2025', '2025Q1 ', '', '2025Q12']) {
      expect(quarterSpan(bad)).toBeNull();
    }
  });
});

describe('quarterOf', () => {
  it('puts each month in its quarter, including the boundary days', () => {
    expect(
      ['2025-01-01', '2025-03-31', '2025-04-01', '2025-05-10', '2025-06-30', '2025-07-01', '2025-09-30'].map(quarterOf),
    ).toEqual(['2025Q1', '2025Q1', '2025Q2', '2025Q2', '2025Q2', '2025Q3', '2025Q3']);
    expect(['2025-10-01', '2025-12-31', '2024-02-29'].map(quarterOf)).toEqual(['2025Q4', '2025Q4', '2024Q1']);
  });

  it('is the inverse of quarterSpan for every day in the span', () => {
    for (const q of ['2024Q1', '2024Q2', '2024Q3', '2024Q4']) {
      const s = quarterSpan(q);
      expect(s).not.toBeNull();
      expect([quarterOf(s?.effectiveFrom ?? ''), quarterOf(s?.effectiveTo ?? '')]).toEqual([q, q]);
    }
  });
});

describe('parseDosage', () => {
  it('reads the plain dosages CMS writes', () => {
    expect(parseDosage('10 MG')).toEqual({ amount: '10', unit: 'mg' });
    expect(parseDosage('0.5 MG')).toEqual({ amount: '0.5', unit: 'mg' });
    expect(parseDosage('1 ML')).toEqual({ amount: '1', unit: 'mL' });
    expect(parseDosage('100 UNITS')).toEqual({ amount: '100', unit: 'units' });
    expect(parseDosage('1 MCG')).toEqual({ amount: '1', unit: 'mcg' });
  });

  it('reads the other spellings: G/GM, CC, UNIT, IU, lower case, no space, padding', () => {
    expect(parseDosage('1 G')).toEqual({ amount: '1', unit: 'g' });
    expect(parseDosage('1 GM')).toEqual({ amount: '1', unit: 'g' });
    expect(parseDosage('5 CC')).toEqual({ amount: '5', unit: 'mL' });
    expect(parseDosage('1 UNIT')).toEqual({ amount: '1', unit: 'units' });
    expect(parseDosage('1000 IU')).toEqual({ amount: '1000', unit: 'units' });
    expect(parseDosage('10 mg')).toEqual({ amount: '10', unit: 'mg' });
    expect(parseDosage('10MG')).toEqual({ amount: '10', unit: 'mg' });
    expect(parseDosage('  2.5 MG  ')).toEqual({ amount: '2.5', unit: 'mg' });
  });

  it('keeps only the text (null) for dosages that cannot price a dose', () => {
    for (const text of [
      'per vial',
      'PER VIAL',
      '10 MG/ML',
      '1 EA',
      'MG',
      '',
      '0.5',
      '.5 MG',
      '10 MG 2 ML',
      '1,000 UNITS',
    ]) {
      expect(parseDosage(text)).toBeNull();
    }
  });
});

describe('drugPriceInputSchema', () => {
  it('normalizes the NDC and keeps the price as exact text', () => {
    expect(
      drugPriceInputSchema.parse({
        ndc: '50242-040-62',
        priceType: 'AWP',
        pricePerPackage: '1200.00',
        effectiveFrom: '2024-01-01',
      }),
    ).toEqual({ ndc: '50242004062', priceType: 'AWP', pricePerPackage: '1200.00', effectiveFrom: '2024-01-01' });
  });

  it('refuses a zero price, a float, a bad type and a date that is not a calendar day', () => {
    const r = drugPriceInputSchema.safeParse({
      ndc: '50242-040-62',
      priceType: 'ASP',
      pricePerPackage: '0',
      effectiveFrom: '2024-02-30',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'effectiveFrom',
      'pricePerPackage',
      'priceType',
    ]);
    expect(
      drugPriceInputSchema.safeParse({
        ndc: '50242-040-62',
        priceType: 'WAC',
        pricePerPackage: 12.5,
        effectiveFrom: '2024-01-01',
      }).success,
    ).toBe(false);
  });
});
