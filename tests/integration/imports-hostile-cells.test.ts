// Cells written to hurt the import: an amount a million characters long, words that are the
// names of Object's own properties, and megabyte cells quoted back in messages. Each ends as a
// row error with its row and column (never INTERNAL), in linear time, with a short message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { b64 } from '../fixtures/imports/build';
import { openHarness, type Harness } from '../fixtures/imports/harness';

let h: Harness;
beforeEach(() => {
  h = openHarness();
  h.addDrugs(['00002759701']);
});
afterEach(() => {
  h.close();
  // Nothing reached the dispatcher's INTERNAL path.
  expect(h.loggedErrors).toEqual([]);
});

const prices = (...lines: string[]) =>
  h.preview({ kind: 'prices', fileName: 'p.csv', contentBase64: b64(lines.join('\n')) });
const PRICE_HEADER = 'NDC,Price Type,Price,Effective Date';
const OBJECT_WORDS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('amounts', () => {
  it('refuses a price of a million characters (one digit that counts) by its length, on its row and column', async () => {
    const p = await prices(PRICE_HEADER, `00002-7597-01,AWP,${'0'.repeat(999_999)}1,2025-01-01`);
    expect(p.validRows).toBe(0);
    expect(p.errors).toEqual([
      {
        row: 2,
        column: 'Price',
        code: 'AMOUNT_INVALID',
        message: `Price per package: "${'0'.repeat(80)}…" is 1000000 characters long; an amount is at most 40, such as 256.50.`,
      },
    ]);
  });

  it('refuses "1." and 160,000 zeros and "1" at once (it took 10 s), also as an invoice amount', async () => {
    const long = `1.${'0'.repeat(160_000)}1`;
    const started = performance.now();
    const p = await prices(
      PRICE_HEADER,
      `00002-7597-01,AWP,${long},2025-01-01`,
      `00002-7597-01,WAC,"$${long}",2025-01-01`,
    );
    const supplier = h.db
      .prepare("INSERT INTO suppliers (name, created_at, updated_at) VALUES ('S', '2025-01-01', '2025-01-01')")
      .run().lastInsertRowid;
    const inv = await h.preview({
      kind: 'invoices',
      fileName: 'i.csv',
      supplierId: Number(supplier),
      contentBase64: b64(
        [
          'Invoice #,Invoice Date,NDC,Lot,Expiration Date,Qty,Unit Cost',
          `I-1,2025-02-10,00002-7597-01,L,2026-06-30,${long},${long}`,
        ].join('\n'),
      ),
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Price', 'AMOUNT_INVALID'],
      [3, 'Price', 'AMOUNT_INVALID'],
    ]);
    expect(inv.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Qty', 'AMOUNT_INVALID'],
      [2, 'Unit Cost', 'AMOUNT_INVALID'],
    ]);
  });

  it('still reads every real amount as before', async () => {
    const p = await prices(
      PRICE_HEADER,
      '00002-7597-01,AWP,"$1,234,567.50",2025-01-01',
      '00002-7597-01,WAC,0001170.500000,2025-01-01',
    );
    expect(p.errors).toEqual([]);
    expect(p.sample.map((s) => s.pricePerPackage)).toEqual(['1234567.50', '0001170.500000']);
  });
});

describe("words that name Object's own properties", () => {
  it.each(OBJECT_WORDS)('price type %j is PRICE_TYPE_INVALID on its row', async (word) => {
    const p = await prices(PRICE_HEADER, `00002-7597-01,${word},1.00,2025-01-01`, '00002-7597-01,awp,1.00,2025-01-01');
    expect(p.errors).toEqual([
      {
        row: 2,
        column: 'Price Type',
        code: 'PRICE_TYPE_INVALID',
        message: `Price type "${word}" is neither AWP nor WAC.`,
      },
    ]);
    expect(p.sample).toEqual([
      { ndc11: '00002759701', priceType: 'AWP', pricePerPackage: '1.00', effectiveFrom: '2025-01-01' },
    ]);
  });

  it.each(OBJECT_WORDS)('per unit %j is UNIT_INVALID on its row', async (word) => {
    const payerId = h.addPayer(`Payer ${word}`);
    const p = await h.preview({
      kind: 'fee-schedule',
      payerId,
      fileName: 'fees.csv',
      contentBase64: b64(
        ['Code,Rate,Per Amount,Per Unit,Effective From', `J3490,1.00,1,${word},2025-01-01`].join('\n'),
      ),
    });
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'Per Unit', 'UNIT_INVALID']]);
  });

  it.each(OBJECT_WORDS)('a CMS file named after %j asks for its quarter instead of guessing one', async (word) => {
    const err = await h.refusal('imports:preview', {
      kind: 'cms-noc',
      fileName: `${word} 2025 NOC Pricing File.csv`,
      contentBase64: b64('Drug Generic Name,Dosage,Payment Limit\nFoo,1 MG,1.00\n'),
    });
    expect(err.code).toBe('QUARTER_REQUIRED');
  });
});

describe('megabyte cells in messages', () => {
  const MEGA = 'Q'.repeat(1_000_000);
  const clipped = `${'Q'.repeat(80)}…`;

  it('quote at most 80 characters of the cell, and of a mapped header', async () => {
    const p = await h.preview({
      kind: 'prices',
      fileName: 'p.csv',
      contentBase64: b64(
        [`NDC,Price Type,${MEGA},Effective Date`, `${MEGA},${MEGA},abc,${MEGA}`, `00002-7597-01,AWP,1.00,${MEGA}`].join(
          '\n',
        ),
      ),
      mapping: { pricePerPackage: MEGA },
    });
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'NDC', 'NDC_INVALID'],
      [2, 'Effective Date', 'DATE_INVALID'],
      [2, 'Price Type', 'PRICE_TYPE_INVALID'],
      [2, clipped, 'AMOUNT_INVALID'],
      [3, 'Effective Date', 'DATE_INVALID'],
    ]);
    for (const e of p.errors) expect(e.message.length).toBeLessThan(250);
    expect(p.errors[2]?.message).toBe(`Price type "${clipped}" is neither AWP nor WAC.`);
    expect(p.errors[4]?.message).toBe(
      `Effective from "${clipped}" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.`,
    );
  });

  it('quote at most 80 characters of an invoice number and a lot, in every message that names them', async () => {
    const supplierId = Number(
      h.db
        .prepare("INSERT INTO suppliers (name, created_at, updated_at) VALUES ('S', '2025-01-01', '2025-01-01')")
        .run().lastInsertRowid,
    );
    const p = await h.preview({
      kind: 'invoices',
      fileName: 'i.csv',
      supplierId,
      contentBase64: b64(
        [
          'Invoice #,Invoice Date,Line,NDC,Lot,Expiration Date,Qty,Unit Cost',
          `${MEGA},2025-02-10,1,00002-7597-01,${MEGA},2026-06-30,1,1.00`,
          `${MEGA},2025-02-11,1,00002-7597-01,L,2026-06-30,1,1.00`,
        ].join('\n'),
      ),
    });
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Invoice #', 'TEXT_TOO_LONG'],
      [2, 'Lot', 'TEXT_TOO_LONG'],
      [3, 'Invoice #', 'TEXT_TOO_LONG'],
      [3, 'Invoice Date', 'INVOICE_DATE_CONFLICT'],
      [3, 'Line', 'LINE_DUPLICATE'],
    ]);
    for (const e of p.errors) expect(e.message.length).toBeLessThan(250);
    expect(p.errors[0]?.message).toBe(`Invoice number "${clipped}" is longer than 60 characters.`);
    expect(p.errors[3]?.message).toBe(
      `Invoice ${clipped} is dated 2025-02-10 on line 2 but 2025-02-11 here; its rows must agree.`,
    );
  });

  it('quote at most 80 characters of a fee schedule code, unit and CMS dosage and drug name', async () => {
    const payerId = h.addPayer('Acme');
    const fees = await h.preview({
      kind: 'fee-schedule',
      payerId,
      fileName: 'fees.csv',
      contentBase64: b64(
        ['Code,Rate,Per Amount,Per Unit,Effective From', `${MEGA},1.00,1,${MEGA},2025-01-01`].join('\n'),
      ),
    });
    expect(fees.errors.map((e) => e.message)).toEqual([
      `"${clipped}" is neither a HCPCS code (such as J3490) nor an NDC (such as 0002-7597-01).`,
      `Per unit "${clipped}" is not a dose unit; use one of mg, mcg, g, mL, units.`,
    ]);
    const noc = await h.preview({
      kind: 'cms-noc',
      fileName: 'noc.csv',
      quarter: '2025Q3',
      contentBase64: b64(
        ['Drug Generic Name,Dosage,Payment Limit', `${MEGA},${MEGA},1.00`, `${MEGA},${MEGA},1.00`].join('\n'),
      ),
    });
    expect(noc.errors.map((e) => e.message)).toEqual([`${clipped} (${clipped}) appears more than once in this file.`]);
  });
});
