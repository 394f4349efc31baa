/** The small text rules of attachments: money as printed, file names any disk takes, NOC descriptors. */
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../electron/services/attachments/attachment-service';
import { nocDescriptor } from '../../../shared/domain/hcpcs';
import { usdUnitPrice } from '../../../shared/domain/money';

describe('usdUnitPrice', () => {
  it('prints cents, and keeps the extra decimals of a unit cost rather than rounding them away', () => {
    expect(usdUnitPrice('110')).toBe('$110.00');
    expect(usdUnitPrice('1840.5')).toBe('$1,840.50');
    expect(usdUnitPrice('12.333333')).toBe('$12.333333');
    expect(usdUnitPrice('0.001230')).toBe('$0.00123');
  });
});

describe('safeFileName', () => {
  it('keeps letters, digits, dot, dash and underscore and folds the rest to one dash', () => {
    expect(safeFileName('CLM/9 A')).toBe('CLM-9-A');
    expect(safeFileName('Nguyễn: claim?*')).toBe('Nguyen-claim');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('////')).toBe('document');
    expect(safeFileName('x'.repeat(200))).toHaveLength(80);
  });
});

describe('nocDescriptor', () => {
  it('names each practice NOC code and falls back for others', () => {
    expect(nocDescriptor('J3490')).toBe('Unclassified drugs');
    expect(nocDescriptor('J9999')).toBe('Not otherwise classified, antineoplastic drugs');
    expect(nocDescriptor('J7699')).toBe('Unclassified drug');
  });
});
