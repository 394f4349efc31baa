/** plainAmountText: the reader's shortcut for amounts written plainly gives readX12Amount's text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainAmountText, readX12Amount } from '../../../shared/domain/era/x12-values';

describe('amounts written plainly', () => {
  it('write out the cents of whole and one-decimal amounts, and keep "1087.92" as is', () => {
    expect(plainAmountText('1087.92')).toBe('1087.92');
    expect(plainAmountText('100')).toBe('100.00');
    expect(plainAmountText('1.5')).toBe('1.50');
    expect(plainAmountText('5.')).toBe('5.00');
    expect(plainAmountText('0')).toBe('0.00');
    expect(plainAmountText('-25')).toBe('-25.00');
    expect(plainAmountText('9999999999999')).toBe('9999999999999.00');
  });

  it('leave every other text to readX12Amount (leading zeros, negative zero, blanks, more decimals)', () => {
    for (const raw of [
      '',
      ' 5',
      '5 ',
      '05',
      '-0',
      '-0.5',
      '.5',
      '1.234',
      '1e3',
      '+5',
      '99999999999999',
      '1,000',
      '-',
    ]) {
      expect(plainAmountText(raw), raw).toBeNull();
    }
  });

  it('give the same text as readX12Amount whenever they read an amount', () => {
    const amountLike = fc.stringMatching(/^-?[0-9]{0,15}(\.[0-9]{0,3})?$/);
    fc.assert(
      fc.property(fc.oneof(amountLike, fc.string({ maxLength: 20 })), (raw) => {
        const plain = plainAmountText(raw);
        if (plain !== null) expect(readX12Amount(raw)).toMatchObject({ ok: true, text: plain, rounded: false });
      }),
      { numRuns: 5_000 },
    );
  });
});
