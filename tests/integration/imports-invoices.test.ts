// Distributor invoice files (CSV and XLSX): rows grouped into invoices for one supplier, row
// errors with line, column and reason, duplicates refused before the database would, a commit that
// is all or nothing, the mapping remembered per supplier, and the new lots on hand in stock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lot } from '../../shared/domain/stock';
import { b64, xlsx } from '../fixtures/imports/build';
import { openHarness, type Harness } from '../fixtures/imports/harness';

let h: Harness;
let supplierId: number;
beforeEach(() => {
  h = openHarness();
  h.addDrugs(['00002759701', '50242004062', '60575411201']);
  supplierId = addSupplier('McKesson');
});
afterEach(() => {
  h.close();
  expect(h.loggedErrors).toEqual([]);
});

function addSupplier(name: string): number {
  const at = h.clock.now();
  const { lastInsertRowid } = h.db
    .prepare('INSERT INTO suppliers (name, created_at, updated_at) VALUES (?, ?, ?)')
    .run(name, at, at);
  return Number(lastInsertRowid);
}

const HEADER =
  'Invoice #,Invoice Date,Line,NDC,Lot,Expiration Date,Qty,Unit Cost,Extended Price,Discount,Invoice Total';
const GOOD = [
  HEADER,
  'INV-100,2025-02-10,1,00002-7597-01,LOT-A,2026-06-30,2,"$1,170.00",2340.00,,2350.00',
  'INV-100,2025-02-10,2,50242-0040-62,LOT-B,2026-07-31,1,10.005,10.01,0.01,2350.00',
  'INV-200,02/11/2025,1,60575-4112-01,LOT-C,2027-01-31,3,12.3456,,,',
];
const csv = (lines: string[], extra: Record<string, unknown> = {}) => ({
  kind: 'invoices',
  fileName: 'invoices.csv',
  contentBase64: b64(lines.join('\n')),
  supplierId,
  ...extra,
});
const invoiceRows = () =>
  h.db
    .prepare(
      `SELECT i.invoice_number AS number, i.invoice_date AS date, i.total_cents AS total, i.import_id AS importId,
              count(l.id) AS lines, sum(l.extended_cents) AS extended, sum(l.units_micro) AS units
         FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id GROUP BY i.id ORDER BY i.invoice_number`,
    )
    .all();
const nothingWritten = () => {
  expect(h.count('invoices')).toBe(0);
  expect(h.count('invoice_lines')).toBe(0);
  expect(h.written()).toMatchObject({ imports: 0, mappings: 0, importAudit: 0 });
};

describe('a clean file', () => {
  it('groups CSV rows into 2 invoices with cents, micro-units and the import id; lots are on hand', async () => {
    const p = await h.preview(csv(GOOD));
    expect(p).toMatchObject({ mappingComplete: true, totalRows: 3, validRows: 3, refusedRows: 0, errors: [] });
    expect(p.mapping).toMatchObject({
      invoiceNumber: 'Invoice #',
      invoiceDate: 'Invoice Date',
      lineNumber: 'Line',
      ndc: 'NDC',
      lotNumber: 'Lot',
      expiryDate: 'Expiration Date',
      packageQuantity: 'Qty',
      costPerPackage: 'Unit Cost',
      extendedCost: 'Extended Price',
      discount: 'Discount',
      total: 'Invoice Total',
    });
    expect(p.sample[0]).toMatchObject({ invoiceNumber: 'INV-100', costPerPackage: '1170.00', extendedCost: '2340.00' });
    expect(p.sample[2]).toMatchObject({ invoiceDate: '2025-02-11', extendedCost: '37.04' });
    nothingWritten();

    const r = await h.commit(p.stagedId);
    expect(r).toMatchObject({ kind: 'invoices', taken: 3, refused: 0 });
    expect(invoiceRows()).toEqual([
      {
        number: 'INV-100',
        date: '2025-02-10',
        total: 235000,
        importId: r.importId,
        lines: 2,
        extended: 235001,
        units: 30_000_000,
      },
      {
        number: 'INV-200',
        date: '2025-02-11',
        total: null,
        importId: r.importId,
        lines: 1,
        extended: 3704,
        units: 30_000_000,
      },
    ]);
    expect(h.written()).toMatchObject({ imports: 1, mappings: 1, importAudit: 1 });

    const stock = await h.value<{ rows: Lot[] }>('stock:list', { includeEmpty: true });
    const onHand = Object.fromEntries(
      stock.rows.map((l) => [l.lotNumber, [l.onHand, l.invoiceNumber, l.supplierName]]),
    );
    expect(onHand).toEqual({
      'LOT-A': ['20', 'INV-100', 'McKesson'],
      'LOT-B': ['10', 'INV-100', 'McKesson'],
      'LOT-C': ['30', 'INV-200', 'McKesson'],
    });
    const invoice = await h.value<{ lines: { discount: string; costPerPackage: string }[] }>('invoices:get', {
      id: (h.db.prepare("SELECT id FROM invoices WHERE invoice_number = 'INV-100'").get() as { id: number }).id,
    });
    expect(invoice.lines.map((l) => [l.costPerPackage, l.discount])).toEqual([
      ['1170.00', '0.00'],
      ['10.005', '0.01'],
    ]);
  });

  it('groups the rows of an invoice that are apart in the file into that one invoice', async () => {
    const apart = [HEADER, GOOD[1] as string, GOOD[3] as string, GOOD[2] as string];
    const r = await h.commit((await h.preview(csv(apart))).stagedId);
    expect(r).toMatchObject({ taken: 3, refused: 0 });
    expect(invoiceRows()).toMatchObject([
      { number: 'INV-100', date: '2025-02-10', total: 235000, lines: 2, extended: 235001 },
      { number: 'INV-200', date: '2025-02-11', total: null, lines: 1, extended: 3704 },
    ]);
    const lots = h.db
      .prepare(
        `SELECT i.invoice_number AS number, l.line_number AS line, l.lot_number AS lot
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id ORDER BY l.id`,
      )
      .all();
    expect(lots).toEqual([
      { number: 'INV-100', line: 1, lot: 'LOT-A' },
      { number: 'INV-200', line: 1, lot: 'LOT-C' },
      { number: 'INV-100', line: 2, lot: 'LOT-B' },
    ]);
  });

  it('reads a real XLSX written by exceljs (numbers and dates as cells)', async () => {
    const file = await xlsx(
      [
        // Column 2 is formatted as currency by the fixture builder: the cost goes there.
        ['Invoice Number', 'Cost', 'Invoice Date', 'NDC', 'Lot Number', 'Expiry', 'Packages', 'Extended Cost'],
        ['X-1', 1170, new Date(Date.UTC(2025, 1, 10)), '00002759701', 'L1', new Date(Date.UTC(2026, 5, 30)), 2, 2340],
        ['X-1', 10.5, new Date(Date.UTC(2025, 1, 10)), '50242004062', 'L2', new Date(Date.UTC(2026, 6, 31)), 1, 10.5],
        ['X-2', 5, new Date(Date.UTC(2025, 1, 12)), '60575411201', 'L3', new Date(Date.UTC(2027, 0, 31)), 1, 5],
      ],
      { sheet: 'Invoices' },
    );
    const p = await h.preview({ kind: 'invoices', fileName: 'invoices.xlsx', contentBase64: b64(file), supplierId });
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ mappingComplete: true, validRows: 3, refusedRows: 0 });
    await h.commit(p.stagedId);
    expect(invoiceRows()).toMatchObject([
      { number: 'X-1', date: '2025-02-10', lines: 2, extended: 235050 },
      { number: 'X-2', date: '2025-02-12', lines: 1, extended: 500 },
    ]);
  });
});

describe('refusals', () => {
  it('needs a supplier that exists', async () => {
    const { supplierId: _s, ...noSupplier } = csv(GOOD);
    expect((await h.refusal('imports:preview', noSupplier)).code).toBe('SUPPLIER_REQUIRED');
    expect((await h.refusal('imports:preview', csv(GOOD, { supplierId: 9999 }))).code).toBe('SUPPLIER_NOT_FOUND');
    nothingWritten();
  });

  it('names the line, column and reason of each bad row; an invoice with a bad row is refused whole', async () => {
    const p = await h.preview(
      csv([
        HEADER,
        'A-1,2025-02-10,1,99999-9999-99,L1,2026-06-30,1,10.00,10.00,,', // unknown NDC
        'A-2,2025-02-10,1,1234567890,L2,2026-06-30,1,10.00,10.00,,', // ambiguous NDC
        'A-3,2025-02-10,1,00002-7597-01,L3,2026-06-30,1,abc,10.00,,', // bad amount
        'A-4,2025-02-30,1,00002-7597-01,L4,2026-06-30,1,10.00,10.00,,', // impossible date
        'A-5,2025-02-10,1,00002-7597-01,,2026-06-30,1,10.00,10.00,,', // missing lot
        'A-6,2025-02-10,1,00002-7597-01,L6,2026-06-30,1,10.00,10.00,,',
        'A-6,2025-02-10,1,00002-7597-01,L7,2026-06-30,1,10.00,10.00,,', // same line twice
        'A-7,2025-02-10,1,00002-7597-01,L8,2026-06-30,1,10.00,10.00,,',
        'A-7,2025-02-11,2,00002-7597-01,L9,2026-06-30,1,10.00,10.00,,', // date disagrees
        'A-8,2025-02-10,1,00002-7597-01,L10,2026-06-30,1,10.00,10.001,,', // extended has 3 decimals
        'OK-1,2025-02-10,1,00002-7597-01,L11,2026-06-30,1,10.00,10.00,,',
      ]),
    );
    expect(p).toMatchObject({ totalRows: 11, validRows: 1, refusedRows: 10 });
    expect(p.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, 'NDC', 'NDC_UNKNOWN'],
      [3, 'NDC', 'NDC_AMBIGUOUS'],
      [4, 'Unit Cost', 'AMOUNT_INVALID'],
      [5, 'Invoice Date', 'DATE_INVALID'],
      [6, 'Lot', 'REQUIRED'],
      [7, 'Invoice #', 'INVOICE_INCOMPLETE'],
      [8, 'Line', 'LINE_DUPLICATE'],
      [9, 'Invoice #', 'INVOICE_INCOMPLETE'],
      [10, 'Invoice Date', 'INVOICE_DATE_CONFLICT'],
      [11, 'Extended Price', 'AMOUNT_INVALID'],
    ]);
    expect(p.errors[8]?.message).toBe(
      'Invoice A-7 is dated 2025-02-10 on line 9 but 2025-02-11 here; its rows must agree.',
    );
    expect(p.errors[4]?.message).toBe('Lot number is empty; this row needs one.');

    expect((await h.refusal('imports:commit', { stagedId: p.stagedId })).code).toBe('IMPORT_HAS_ERRORS');
    nothingWritten();
    const r = await h.commit(p.stagedId, true);
    expect(r).toMatchObject({ taken: 1, refused: 10 });
    expect(invoiceRows()).toMatchObject([{ number: 'OK-1', lines: 1 }]);
  });

  it('refuses every row of an invoice number already recorded for this supplier, not for another', async () => {
    await h.commit((await h.preview(csv(GOOD.slice(0, 3)))).stagedId);
    const again = await h.preview(csv(GOOD));
    expect(again.errors.map(({ row, code }) => [row, code])).toEqual([
      [2, 'INVOICE_DUPLICATE'],
      [3, 'INVOICE_DUPLICATE'],
    ]);
    expect(again).toMatchObject({ validRows: 1, refusedRows: 2 });
    const other = await h.preview(csv(GOOD, { supplierId: addSupplier('Cardinal') }));
    expect(other).toMatchObject({ validRows: 3, refusedRows: 0 });
  });

  it('is all or nothing: an invoice recorded after the preview refuses the commit with IMPORT_CONFLICT', async () => {
    const p = await h.preview(csv(GOOD));
    const at = h.clock.now();
    h.db
      .prepare(
        "INSERT INTO invoices (supplier_id, invoice_number, invoice_date, created_at, updated_at) VALUES (?, 'INV-200', '2025-02-11', ?, ?)",
      )
      .run(supplierId, at, at);
    const err = await h.refusal('imports:commit', { stagedId: p.stagedId });
    expect(err.code).toBe('IMPORT_CONFLICT');
    expect(err.message).toMatch(/^Line 4:/);
    expect(h.count('invoices')).toBe(1);
    expect(h.count('invoice_lines')).toBe(0);
    expect(h.written()).toMatchObject({ imports: 0, mappings: 0, importAudit: 0 });
  });

  it('names the line when a drug deleted after the preview fails a chunk of 500 lines', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 600; i++) {
      const ndc = i === 299 ? '60575-4112-01' : '00002-7597-01';
      rows.push(`B-${Math.floor(i / 10)},2025-02-10,${1 + (i % 10)},${ndc},L${i},2026-06-30,1,10.00,10.00,,`);
    }
    const p = await h.preview(csv(rows));
    expect(p).toMatchObject({ validRows: 600, refusedRows: 0 });
    h.db.prepare("DELETE FROM drugs WHERE ndc11 = '60575411201'").run();
    const err = await h.refusal('imports:commit', { stagedId: p.stagedId });
    expect(err.code).toBe('IMPORT_CONFLICT');
    expect(err.message).toMatch(/^Line 301: its drug or supplier was deleted/);
    expect(h.count('invoices')).toBe(0);
    expect(h.count('invoice_lines')).toBe(0);
  });
});

describe('the mapping', () => {
  it('is remembered per supplier', async () => {
    const odd = ['Doc,Dated,Item,Batch,Use By,Count,Each', 'Z-1,2025-02-10,00002-7597-01,L1,2026-06-30,1,10.00'];
    const mapping = {
      invoiceNumber: 'Doc',
      invoiceDate: 'Dated',
      ndc: 'Item',
      lotNumber: 'Batch',
      expiryDate: 'Use By',
      packageQuantity: 'Count',
      costPerPackage: 'Each',
    };
    expect((await h.preview(csv(odd))).mappingComplete).toBe(false);
    await h.commit((await h.preview(csv(odd, { mapping }))).stagedId);
    expect(await h.value('imports:mapping', { kind: 'invoices', supplierId })).toEqual(mapping);

    const next = ['Doc,Dated,Item,Batch,Use By,Count,Each', 'Z-2,2025-02-12,00002-7597-01,L2,2026-06-30,1,10.00'];
    const p = await h.preview(csv(next));
    expect(p).toMatchObject({ mappingComplete: true, validRows: 1 });
    const other = addSupplier('Cardinal');
    expect(await h.value('imports:mapping', { kind: 'invoices', supplierId: other })).toBeNull();
    expect((await h.preview(csv(next, { supplierId: other }))).mappingComplete).toBe(false);
  });
});
