import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../shared/domain/invoice';

const line = (expiryDate: string) => ({
  lineNumber: 1,
  packageQuantity: '2',
  costPerPackage: '100.00',
  extendedCost: '200.00',
  discount: '0.00',
  lotNumber: 'AB12',
  expiryDate,
});

describe('invoice checks shown before saving', () => {
  it('warns LOT_EXPIRED_ON_INVOICE_DATE for a lot that expired before the invoice date', () => {
    const { warnings } = reconcile({
      lines: [line('2025-01-31')],
      adjustment: '0',
      total: null,
      invoiceDate: '2025-02-01',
    });
    expect(warnings).toEqual([
      {
        code: 'LOT_EXPIRED_ON_INVOICE_DATE',
        message:
          'Line 1: lot AB12 expired on 2025-01-31, before the invoice date 2025-02-01, so it can never be given; check the expiry date, or record it as returned.',
      },
    ]);
  });

  it('says nothing for a lot that expires on the invoice date itself (still usable that day) or later', () => {
    for (const expiry of ['2025-02-01', '2026-02-01']) {
      expect(
        reconcile({ lines: [line(expiry)], adjustment: '0', total: null, invoiceDate: '2025-02-01' }).warnings,
      ).toEqual([]);
    }
  });
});
