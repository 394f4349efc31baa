/**
 * The small text rules of attachments: money as printed, file names any disk takes (a worksheet's
 * always saying internal), NOC descriptors, providers by name and NPI.
 */
import { describe, expect, it } from 'vitest';
import { providerText } from '../../../electron/services/attachments/attachment-data';
import { safeFileName } from '../../../electron/services/attachments/attachment-service';
import { savedFileName } from '../../../shared/api/document-names';
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

describe('savedFileName', () => {
  it('keeps an attachment’s name and makes a worksheet’s say internal, once', () => {
    expect(savedFileName({ kind: 'attachment', fileName: 'CLM-7_2025-02-20.pdf' })).toBe('CLM-7_2025-02-20.pdf');
    expect(savedFileName({ kind: 'merged', fileName: 'batch.pdf' })).toBe('batch.pdf');
    expect(savedFileName({ kind: 'worksheet', fileName: 'CLM-7_2025-02-20_worksheet-internal.pdf' })).toBe(
      'CLM-7_2025-02-20_worksheet-internal.pdf',
    );
    expect(savedFileName({ kind: 'worksheet', fileName: 'worksheet_CLM-7_2025-02-20_v2.pdf' })).toBe(
      'worksheet_CLM-7_2025-02-20_v2_internal.pdf',
    );
    expect(savedFileName({ kind: 'worksheet', fileName: 'worksheet' })).toBe('worksheet_internal');
    expect(savedFileName({ kind: 'worksheet', fileName: '.pdf' })).toBe('.pdf_internal');
  });
});

describe('providerText', () => {
  it('prints the name and the NPI, or whichever was recorded', () => {
    expect(providerText('Jane Roe, MD', '1234567893')).toBe('Jane Roe, MD — NPI 1234567893');
    expect(providerText('  ', '1234567893')).toBe('NPI 1234567893');
    expect(providerText('Jane Roe, MD', '')).toBe('Jane Roe, MD');
    expect(providerText('', '')).toBe('');
  });
});
