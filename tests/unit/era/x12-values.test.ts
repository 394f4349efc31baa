/** X12 amounts, quantities and dates as an 835 writes them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsOf, minus, moneyText, plus, sumAmounts, type Total } from '../../../shared/domain/era/era-money';
import {
  canonicalCents,
  readX12Amount,
  readX12Date,
  readX12Quantity,
  textOrNull,
} from '../../../shared/domain/era/x12-values';
import { Dec, moneyString, roundCents, roundToCents } from '../../../shared/domain/money';

describe('readX12Amount', () => {
  it.each([
    ['1500', '1500.00', 150000],
    ['1087.92', '1087.92', 108792],
    ['254.4', '254.40', 25440],
    ['22.20', '22.20', 2220],
    ['0', '0.00', 0],
    ['-0', '0.00', 0],
    ['-0.00', '0.00', 0],
    ['.5', '0.50', 50],
    ['-.5', '-0.50', -50],
    ['5.', '5.00', 500],
    ['0012.50', '12.50', 1250],
    ['-1087.92', '-1087.92', -108792],
    ['12.500', '12.50', 1250],
    [' 7.1 ', '7.10', 710],
    ['9999999999999.99', '9999999999999.99', 999999999999999],
  ])('reads %j as %s (%d cents)', (raw, text, cents) => {
    expect(readX12Amount(raw)).toEqual({ ok: true, text, cents, rounded: false });
  });

  it('rounds more than 2 significant decimals half-up, and says so', () => {
    expect(readX12Amount('20.352')).toEqual({ ok: true, text: '20.35', cents: 2035, rounded: true });
    expect(readX12Amount('25.005')).toEqual({ ok: true, text: '25.01', cents: 2501, rounded: true });
    expect(readX12Amount('-25.005')).toEqual({ ok: true, text: '-25.01', cents: -2501, rounded: true });
    expect(readX12Amount('-0.001')).toEqual({ ok: true, text: '0.00', cents: 0, rounded: true });
  });

  it('tells an empty element (missing) from text that is not an amount (invalid)', () => {
    expect(readX12Amount('')).toEqual({ ok: false, problem: 'missing' });
    expect(readX12Amount('   ')).toEqual({ ok: false, problem: 'missing' });
    for (const raw of ['1,000', '1e3', '0x10', 'NaN', 'Infinity', '+5', '12.3.4', '-', '.', '1O0.00', '$5', '5-']) {
      expect(readX12Amount(raw)).toEqual({ ok: false, problem: 'invalid' });
    }
    expect(readX12Amount('12345678901234')).toEqual({ ok: false, problem: 'invalid' }); // 14 digits
    expect(readX12Amount('1'.repeat(41))).toEqual({ ok: false, problem: 'invalid' });
    expect(readX12Amount('0'.repeat(5_000_000) + '1')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('gives the same text and cents as decimal.js (Dec, roundCents, moneyString) for any plain decimal', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,13}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,5}$/), { nil: undefined }),
      )
      .filter(([, whole, fraction]) => whole.length > 0 || (fraction !== undefined && fraction.length > 0))
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(decimal, (raw) => {
        const read = readX12Amount(raw);
        const normalized = raw.replace(/^(-?)\./, '$10.').replace(/\.$/, '');
        const d = roundCents(new Dec(normalized));
        const zeroSafe = d.isZero() ? new Dec(0) : d;
        expect(read).toEqual({
          ok: true,
          text: moneyString(zeroSafe),
          cents: roundToCents(zeroSafe),
          rounded: new Dec(normalized).decimalPlaces() > 2,
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('canonicalCents reads exactly the canonical form and nothing else', () => {
    expect(canonicalCents('1087.92')).toBe(108792);
    expect(canonicalCents('-25.00')).toBe(-2500);
    expect(canonicalCents('0.50')).toBe(50);
    for (const raw of [
      '1500',
      '254.4',
      '01.00',
      '-0.00',
      '.50',
      '1.000',
      '1,00',
      'a.bc',
      '',
      '-.50',
      '12345678901234.00',
    ]) {
      expect(Number.isNaN(canonicalCents(raw)), raw).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (raw) => {
        const fast = canonicalCents(raw);
        if (!Number.isNaN(fast))
          expect(readX12Amount(raw)).toEqual({ ok: true, text: raw, cents: fast, rounded: false });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('totals for balancing', () => {
  it('add money strings exactly, in cents', () => {
    expect(moneyText(sumAmounts([{ amount: '112.35' }, { amount: '277.53' }, { amount: '22.20' }]))).toBe('412.08');
    expect(moneyText(minus(centsOf('1500.00'), centsOf('1087.92')))).toBe('412.08');
    expect(moneyText(-5)).toBe('-0.05');
    expect(moneyText(0)).toBe('0.00');
    expect(moneyText(-0)).toBe('0.00');
  });

  it('continue in decimal.js past the safe-integer range and stay exact (a hostile file of huge amounts)', () => {
    const huge = { amount: '9999999999999.99' };
    const items = Array.from({ length: 2_000 }, () => huge);
    const total = sumAmounts(items);
    expect(typeof total).not.toBe('number');
    expect(moneyText(total)).toBe(new Dec('9999999999999.99').times(2_000).toFixed(2));
    expect(moneyText(minus(total, sumAmounts(items)))).toBe('0.00');
  });

  it('agree with decimal.js on any sequence of additions and subtractions, near the safe limit too', () => {
    const cents = fc.oneof(
      fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
      fc.integer({ min: -10_000, max: 10_000 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), cents), { maxLength: 60 }), (ops) => {
        let total: Total = Number.MAX_SAFE_INTEGER - 50_000; // start near the edge
        let exact = new Dec(total);
        for (const [add, c] of ops) {
          total = add ? plus(total, c) : minus(total, c);
          exact = add ? exact.plus(c) : exact.minus(c);
        }
        expect(moneyText(total)).toBe(moneyString(exact.dividedBy(100)));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('quantities, dates and text', () => {
  it('reads units as written, without leading or trailing zeros', () => {
    expect(readX12Quantity('1')).toEqual({ ok: true, text: '1' });
    expect(readX12Quantity('120')).toEqual({ ok: true, text: '120' });
    expect(readX12Quantity('001.500')).toEqual({ ok: true, text: '1.5' });
    expect(readX12Quantity('2.0')).toEqual({ ok: true, text: '2' });
    expect(readX12Quantity('-1')).toEqual({ ok: true, text: '-1' });
    expect(readX12Quantity('-0')).toEqual({ ok: true, text: '0' });
    expect(readX12Quantity('')).toEqual({ ok: false, problem: 'missing' });
    expect(readX12Quantity('ABC')).toEqual({ ok: false, problem: 'invalid' });
    expect(readX12Quantity('1'.repeat(16))).toEqual({ ok: false, problem: 'invalid' });
  });

  it('reads CCYYMMDD calendar dates only', () => {
    expect(readX12Date('20250303')).toBe('2025-03-03');
    expect(readX12Date('20240229')).toBe('2024-02-29');
    for (const raw of ['20230229', '20251301', '20250100', '250303', '2025-03-03', '2025030A', '18991231', '']) {
      expect(readX12Date(raw), raw).toBeNull();
    }
  });

  it('trims names and ids, and gives null for empty ones', () => {
    expect(textOrNull('PAYERID        ')).toBe('PAYERID');
    expect(textOrNull('   ')).toBeNull();
    expect(textOrNull('')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
  });
});
