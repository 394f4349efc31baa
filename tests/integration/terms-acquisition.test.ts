/**
 * The Quick estimate with a catalog drug and a payer uses the drug's real figures (issue 11,
 * item 9): the terms carry the practice's acquisition cost, from the newest invoice of the NDC
 * received by the date of service.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Terms } from '../../shared/api/resolution-schemas';
import type { Invoice } from '../../shared/domain/invoice';
import { EXAMPLEMAB, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';

const { value } = serviceHarness();
let s: Seeded;
beforeEach(async () => {
  s = await seedPractice(value);
});

const terms = (dateOfService: string) =>
  value<Terms>('resolve:terms', { payerId: s.medicare.id, ndc: EXAMPLEMAB.ndc, dateOfService });

describe('resolve:terms carries the acquisition cost', () => {
  it('is the net cost per package of the newest invoice received by the date of service', async () => {
    expect((await terms('2025-01-31')).acquisition).toBeNull();
    expect((await terms('2025-02-20')).acquisition).toEqual({
      netCostPerPackage: '110',
      supplierName: 'McKesson',
      invoiceNumber: 'INV-500',
      invoiceDate: '2025-02-01',
      lotNumber: 'EX-1',
    });
    await value<Invoice>('invoices:create', {
      supplierId: s.supplier.id,
      invoiceNumber: 'INV-600',
      invoiceDate: '2025-03-01',
      lines: [
        {
          ndc: EXAMPLEMAB.ndc,
          lotNumber: 'EX-9',
          expiryDate: '2026-06-30',
          packageQuantity: '4',
          costPerPackage: '120.00',
          discount: '20.00',
        },
      ],
    });
    expect((await terms('2025-02-20')).acquisition?.invoiceNumber).toBe('INV-500');
    // (4 × 120.00 − 20.00) ÷ 4 = 115 per package.
    expect((await terms('2025-03-05')).acquisition).toMatchObject({
      invoiceNumber: 'INV-600',
      netCostPerPackage: '115',
    });
  });
});
