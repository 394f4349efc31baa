/**
 * Which corrections of an invoice agree with what was already given from its lots (issue 14,
 * item 6): the rules of planCorrection, without a database.
 */
import { describe, expect, it } from 'vitest';
import { planCorrection, type StoredLot, type TypedLine } from '../../../shared/domain/invoice-correction';

const M = 1_000_000;
// Lot OL-1: 50 ML bought, 10 ML given on 2025-02-20 and 2025-03-05.
const used: StoredLot = {
  id: 7,
  lineNumber: 1,
  ndc11: '00002759701',
  ndcUnit: 'ML',
  lotNumber: 'OL-1',
  packageQuantity: '5',
  unitsMicro: 50 * M,
  onHandMicro: 40 * M,
  uses: ['2 administrations'],
  firstGiven: '2025-02-20',
  lastGiven: '2025-03-05',
};
const unused: StoredLot = {
  ...used,
  id: 8,
  lineNumber: 2,
  lotNumber: 'OL-2',
  onHandMicro: 50 * M,
  uses: [],
  firstGiven: null,
  lastGiven: null,
};
const same = (lot: StoredLot, changes: Partial<TypedLine> = {}): TypedLine => ({
  id: lot.id,
  ndc11: lot.ndc11,
  expiryDate: '2026-06-30',
  unitsMicro: lot.unitsMicro,
  ...changes,
});
const plan = (lines: TypedLine[], header: { receivedDate?: string; invoiceDate?: string } = {}) =>
  planCorrection({
    stored: [used, unused],
    lines,
    receivedDate: header.receivedDate ?? '',
    invoiceDate: header.invoiceDate ?? '2025-02-01',
  });
const codes = (p: ReturnType<typeof plan>) => p.issues.map((i) => [i.field, i.code]);

describe('planCorrection', () => {
  it('keeps each typed line on its stored lot, inserts lines without an id, removes unused lots left out', () => {
    const p = plan([{ ndc11: used.ndc11, expiryDate: '2027-01-31', unitsMicro: M }, same(used)]);
    expect(p).toEqual({ targets: [null, 7], removed: [8], issues: [] });
  });

  it('lets a used lot hold exactly what already left it, and no less', () => {
    expect(plan([same(used, { unitsMicro: 10 * M }), same(unused)]).issues).toEqual([]);
    const p = plan([same(used, { unitsMicro: 10 * M - 1 }), same(unused)]);
    expect(p.issues).toEqual([
      {
        field: 'lines.0.packageQuantity',
        code: 'QUANTITY_BELOW_USED',
        message: 'Line 1: at least 1 package; 10 ML of lot OL-1 were already used.',
      },
    ]);
  });

  it('names the fewest packages that hold what left, rounded up to the 3 decimals a quantity has', () => {
    // 3 packages of 3 ML bought, 1 ML used: 0.333… packages, so at least 0.334.
    const odd: StoredLot = { ...used, packageQuantity: '3', unitsMicro: 9 * M, onHandMicro: 8 * M };
    const p = planCorrection({
      stored: [odd],
      lines: [same(odd, { unitsMicro: 0.9 * M })],
      receivedDate: '',
      invoiceDate: '2025-02-01',
    });
    expect(p.issues[0]?.message).toBe('Line 1: at least 0.334 packages; 1 ML of lot OL-1 was already used.');
  });

  it('keeps the NDC of a used lot, but not of an unused one', () => {
    const other = '50242004062';
    expect(codes(plan([same(used, { ndc11: other }), same(unused, { ndc11: other })]))).toEqual([
      ['lines.0.ndc', 'LOT_NDC_IN_USE'],
    ]);
  });

  it('an expiry may move to the last date of service, not before it', () => {
    expect(plan([same(used, { expiryDate: '2025-03-05' }), same(unused)]).issues).toEqual([]);
    expect(codes(plan([same(used, { expiryDate: '2025-03-04' }), same(unused)]))).toEqual([
      ['lines.0.expiryDate', 'LOT_EXPIRY_BEFORE_USE'],
    ]);
  });

  it('the invoice arrives by the first date of service: received date when typed, else invoice date', () => {
    const lines = [same(used), same(unused)];
    expect(plan(lines, { invoiceDate: '2025-02-20' }).issues).toEqual([]);
    expect(codes(plan(lines, { invoiceDate: '2025-02-21' }))).toEqual([['invoiceDate', 'LOT_NOT_YET_RECEIVED']]);
    expect(codes(plan(lines, { receivedDate: '2025-02-21' }))).toEqual([['receivedDate', 'LOT_NOT_YET_RECEIVED']]);
  });

  it('refuses removing a used lot, an id twice, and an id not on the invoice', () => {
    expect(codes(plan([same(unused)]))).toEqual([['lines', 'LOT_IN_USE']]);
    expect(codes(plan([same(used), same(used)]))).toEqual([['lines.1.ndc', 'LINE_NOT_ON_INVOICE']]);
    expect(codes(plan([same(used), { ...same(unused), id: 99 }]))).toEqual([['lines.1.ndc', 'LINE_NOT_ON_INVOICE']]);
  });
});
