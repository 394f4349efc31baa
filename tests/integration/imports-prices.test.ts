// AWP/WAC price lists: row errors with line, column and reason; nothing written by a preview;
// a commit refused while rows have errors unless the person accepts leaving them out; and a
// commit that is all or nothing, even when the database changed since the preview.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { b64, fixture } from '../fixtures/imports/build';
import { openHarness, type Harness } from '../fixtures/imports/harness';

let h: Harness;
beforeEach(() => {
  h = openHarness();
  h.addDrugs(['00002759701', '50242004062', '60575411201', '71336100001']);
});
afterEach(() => {
  h.close();
  expect(h.loggedErrors).toEqual([]);
});

const withErrors = {
  kind: 'prices',
  fileName: 'prices-with-errors.csv',
  contentBase64: b64(fixture('prices-with-errors.csv')),
};
const nothingWritten = { imports: 0, prices: 0, mappings: 0, importAudit: 0 };

const csv = (...lines: string[]) => ({ kind: 'prices', fileName: 'prices.csv', contentBase64: b64(lines.join('\n')) });

describe('row errors', () => {
  it('names the line, the column and the reason for each bad row; the preview writes nothing', async () => {
    const p = await h.preview(withErrors);
    expect(p).toMatchObject({
      mappingComplete: true,
      mapping: {
        ndc: 'NDC',
        priceType: 'Price Type',
        pricePerPackage: 'Price',
        effectiveFrom: 'Effective Date',
        awp: null,
        wac: null,
      },
      totalRows: 8,
      validRows: 2,
      refusedRows: 6,
    });
    expect(p.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 4, column: 'Price', code: 'AMOUNT_INVALID' },
      { row: 5, column: 'Price', code: 'AMOUNT_INVALID' },
      { row: 6, column: 'Effective Date', code: 'DATE_INVALID' },
      { row: 7, column: 'NDC', code: 'NDC_UNKNOWN' },
      { row: 8, column: 'NDC', code: 'NDC_AMBIGUOUS' },
      { row: 9, column: 'Price', code: 'AMOUNT_INVALID' },
    ]);
    const messages = p.errors.map((e) => e.message);
    expect(messages[0]).toMatch(/"-5" is negative/);
    expect(messages[1]).toMatch(/"abc" is not an amount; write it as 1200, 1,200\.00 or \$1,200\.00\./);
    expect(messages[2]).toBe('Effective from "2025-02-30" is not a real calendar date.');
    expect(messages[3]).toMatch(/99999-9999-99 is not in the drug catalog/);
    expect(messages[4]).toMatch(/could be 4-4-2, 5-3-2 or 5-4-1/);
    // A formula-looking cell is data: "=1+2" is not a price and is refused, never evaluated.
    expect(messages[5]).toMatch(/"=1\+2" is not an amount/);
    expect(p.sample).toEqual([
      { ndc11: '00002759701', priceType: 'AWP', pricePerPackage: '120.00', effectiveFrom: '2025-01-01' },
      { ndc11: '00002759701', priceType: 'WAC', pricePerPackage: '100.00', effectiveFrom: '2025-01-01' },
    ]);
    expect(h.written()).toEqual({ ...nothingWritten, fee: 0, limits: 0 });
  });

  it('reports every problem of a row, and refuses missing values and unknown price types', async () => {
    const p = await h.preview(
      csv(
        'NDC,Price Type,Price,Effective Date',
        ',AWP,,2025-01-01',
        '00002-7597-01,ASP,1.00,',
        '00002-7597-01,WAC,0,1/32/2025',
      ),
    );
    expect(p.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, 'NDC', 'REQUIRED'],
      [2, 'Price', 'REQUIRED'],
      [3, 'Effective Date', 'REQUIRED'],
      [3, 'Price Type', 'PRICE_TYPE_INVALID'],
      [4, 'Effective Date', 'DATE_INVALID'],
      [4, 'Price', 'AMOUNT_INVALID'],
    ]);
    expect(p.refusedRows).toBe(3);
  });

  it('refuses a price already stored, or repeated within the file (PRICE_DUPLICATE)', async () => {
    await h.commit(
      (await h.preview(csv('NDC,Price Type,Price,Effective Date', '00002-7597-01,AWP,1.00,2025-01-01'))).stagedId,
    );
    const p = await h.preview(
      csv(
        'NDC,Price Type,Price,Effective Date',
        '00002-7597-01,AWP,2.00,2025-01-01',
        '00002759701,WAC,2.00,2025-01-01',
        '0002-7597-01,WAC,3.00,2025-01-01',
      ),
    );
    expect(p.errors).toEqual([
      {
        row: 2,
        column: 'Price',
        code: 'PRICE_DUPLICATE',
        message: 'AWP for NDC 00002759701 from 2025-01-01 is already stored; change or delete that price instead.',
      },
      {
        row: 4,
        column: 'Price',
        code: 'PRICE_DUPLICATE',
        message: 'WAC for NDC 00002759701 from 2025-01-01 appears more than once in this file.',
      },
    ]);
  });

  it('reads AWP and WAC columns side by side: one row can give two prices, "$1,234.50" reads 1234.50', async () => {
    const p = await h.preview(
      csv(
        'NDC,AWP,WAC,As Of',
        '00002-7597-01,"$1,234.50",987.6,2025-01-01',
        '50242-040-62,12.00,,2025-01-01',
        '60575-4112-1,,,2025-01-01',
      ),
    );
    expect(p.mapping).toMatchObject({ ndc: 'NDC', awp: 'AWP', wac: 'WAC', effectiveFrom: 'As Of' });
    expect(p.sample.map((s) => [s.ndc11, s.priceType, s.pricePerPackage])).toEqual([
      ['00002759701', 'AWP', '1234.50'],
      ['00002759701', 'WAC', '987.6'],
      ['50242004062', 'AWP', '12.00'],
    ]);
    expect(p.errors).toEqual([
      { row: 4, column: 'AWP', code: 'REQUIRED', message: 'This row has no price; it needs a price per package.' },
    ]);
  });
});

describe('commit', () => {
  it('is refused while rows have errors, listing them; nothing is written', async () => {
    const p = await h.preview(withErrors);
    const err = await h.refusal('imports:commit', { stagedId: p.stagedId });
    expect(err.code).toBe('IMPORT_HAS_ERRORS');
    expect(err.message).toBe(
      '6 of 8 rows have errors, so nothing was imported. Correct the file, or import the other 2 rows and leave these out.',
    );
    expect(err.fields?.[0]).toMatchObject({ field: 'row 4, Price', code: 'AMOUNT_INVALID' });
    expect(h.written()).toMatchObject(nothingWritten);
  });

  it('with acceptRefused writes the valid rows, the imports row, the mapping and an audit row together', async () => {
    const p = await h.preview(withErrors);
    await h.refusal('imports:commit', { stagedId: p.stagedId });
    h.clock.advance(60);
    const report = await h.commit(p.stagedId, true);
    expect(report).toEqual({ importId: 1, kind: 'prices', fileName: 'prices-with-errors.csv', taken: 2, refused: 6 });
    expect(
      h.db
        .prepare(
          'SELECT ndc11, price_type, price_per_package, effective_from, source, import_id FROM drug_prices ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        ndc11: '00002759701',
        price_type: 'AWP',
        price_per_package: '120.00',
        effective_from: '2025-01-01',
        source: 'import',
        import_id: 1,
      },
      {
        ndc11: '00002759701',
        price_type: 'WAC',
        price_per_package: '100.00',
        effective_from: '2025-01-01',
        source: 'import',
        import_id: 1,
      },
    ]);
    expect(
      h.db
        .prepare(
          'SELECT kind, file_name, length(sha256) AS shaLength, payer_id, rows_taken, rows_refused, created_at, actor FROM imports',
        )
        .get(),
    ).toEqual({
      kind: 'prices',
      file_name: 'prices-with-errors.csv',
      shaLength: 64,
      payer_id: null,
      rows_taken: 2,
      rows_refused: 6,
      created_at: '2025-03-01T12:01:00.000Z',
      actor: 'tester',
    });
    expect(h.db.prepare(`SELECT owner_key, mapping_json FROM import_mappings WHERE kind = 'prices'`).get()).toEqual({
      owner_key: '',
      mapping_json: JSON.stringify({
        ndc: 'NDC',
        priceType: 'Price Type',
        pricePerPackage: 'Price',
        effectiveFrom: 'Effective Date',
      }),
    });
    const audit = h.db.prepare(`SELECT entity_id, action, after_json FROM audit_log WHERE entity = 'import'`).all() as {
      entity_id: string;
      action: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: '1', action: 'import' });
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({
      kind: 'prices',
      taken: 2,
      refused: 6,
      records: 2,
    });
  });

  it('knows a preview only once, and not after it expires or for an unknown id (IMPORT_NOT_FOUND)', async () => {
    const p = await h.preview(csv('NDC,Price Type,Price,Effective Date', '00002-7597-01,AWP,1.00,2025-01-01'));
    await h.commit(p.stagedId);
    expect((await h.refusal('imports:commit', { stagedId: p.stagedId })).code).toBe('IMPORT_NOT_FOUND');
    expect((await h.refusal('imports:commit', { stagedId: 'no-such-preview' })).code).toBe('IMPORT_NOT_FOUND');

    const late = await h.preview(csv('NDC,Price Type,Price,Effective Date', '00002-7597-01,AWP,1.00,2025-02-01'));
    h.clock.advance(5 * 60 + 1);
    expect((await h.refusal('imports:commit', { stagedId: late.stagedId })).code).toBe('IMPORT_NOT_FOUND');
    expect(h.count('drug_prices')).toBe(1);
  });

  it('is all or nothing: a price stored by someone else after the preview fails the 3rd row and rolls back rows 1–2', async () => {
    const p = await h.preview(
      csv(
        'NDC,Price Type,Price,Effective Date',
        '00002-7597-01,AWP,1.00,2025-01-01',
        '50242-040-62,AWP,2.00,2025-01-01',
        '60575-4112-1,AWP,3.00,2025-01-01',
      ),
    );
    expect(p.validRows).toBe(3);
    h.db
      .prepare(
        `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, created_at) VALUES ('60575411201', 'AWP', '9.99', '2025-01-01', 'now')`,
      )
      .run();
    const err = await h.refusal('imports:commit', { stagedId: p.stagedId });
    expect(err).toMatchObject({ code: 'IMPORT_CONFLICT' });
    expect(err.message).toMatch(/^Line 4: .*nothing was imported. Preview the file again.$/);
    expect(h.count('drug_prices')).toBe(1); // only the conflicting row inserted by hand
    expect(h.written()).toMatchObject({ imports: 0, mappings: 0, importAudit: 0 });
    // The stale preview is gone; a fresh one shows the conflict as a row error.
    expect((await h.refusal('imports:commit', { stagedId: p.stagedId })).code).toBe('IMPORT_NOT_FOUND');
  });

  it('is all or nothing: a drug deleted after the preview fails its foreign key and nothing stays', async () => {
    const p = await h.preview(
      csv(
        'NDC,Price Type,Price,Effective Date',
        '00002-7597-01,AWP,1.00,2025-01-01',
        '71336-1000-01,AWP,2.00,2025-01-01',
      ),
    );
    h.db.prepare(`DELETE FROM drugs WHERE ndc11 = '71336100001'`).run();
    const err = await h.refusal('imports:commit', { stagedId: p.stagedId });
    expect(err.code).toBe('IMPORT_CONFLICT');
    expect(err.message).toMatch(/^Line 3: its drug or payer was deleted/);
    expect(h.written()).toMatchObject(nothingWritten);
  });
});

describe('mapping', () => {
  const layout = csv('NDC,Cost,Date', '00002-7597-01,1.00,2025-01-01');

  it('an unmapped required field makes every row unusable in the preview and refuses the commit', async () => {
    const p = await h.preview(layout);
    expect(p).toMatchObject({
      mappingComplete: false,
      mapping: { ndc: 'NDC', priceType: null, pricePerPackage: null, awp: null, wac: null, effectiveFrom: 'Date' },
      totalRows: 1,
      validRows: 0,
      refusedRows: 1,
      sample: [],
    });
    expect(p.errors).toEqual([
      {
        row: 1,
        column: '',
        code: 'MAPPING_INCOMPLETE',
        message:
          'No column is mapped to Price type and Price per package, or an AWP or WAC column; choose the columns before importing.',
      },
    ]);
    expect(p.fields.map((f) => f.field)).toEqual([
      'ndc',
      'priceType',
      'pricePerPackage',
      'awp',
      'wac',
      'effectiveFrom',
    ]);
    const err = await h.refusal('imports:commit', { stagedId: p.stagedId, acceptRefused: true });
    expect(err.code).toBe('MAPPING_INCOMPLETE');
    expect(h.written()).toMatchObject(nothingWritten);
  });

  it('a mapping completes it; a column the file does not have leaves the field unmapped', async () => {
    const ok = await h.preview({ ...layout, mapping: { awp: 'cost' } });
    expect(ok).toMatchObject({ mappingComplete: true, validRows: 1, mapping: { awp: 'Cost' } });
    const wrong = await h.preview({ ...layout, mapping: { awp: 'Acquisition Cost' } });
    expect(wrong).toMatchObject({ mappingComplete: false, mapping: { awp: null } });
  });

  it('refuses a mapping for a field the kind does not have', async () => {
    const err = await h.refusal('imports:preview', { ...layout, mapping: { price: 'Cost' } });
    expect(err.code).toBe('MAPPING_FIELD_UNKNOWN');
    expect(err.message).toMatch(
      /no field named price; its fields are ndc, priceType, pricePerPackage, awp, wac, effectiveFrom/,
    );
  });
});

describe('unreadable files', () => {
  it('a file cut off inside a quoted cell is refused whole: no row of it is written', async () => {
    const err = await h.refusal(
      'imports:preview',
      csv(
        'NDC,Price Type,Price,Effective Date',
        '00002-7597-01,AWP,1.00,2025-01-01',
        '50242-040-62,"AWP,2.00,2025-01-01',
      ),
    );
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toMatch(/could not be read as CSV/);
    expect(h.written()).toMatchObject(nothingWritten);
  });

  it('an empty file or one with no header is refused with a sentence', async () => {
    expect(await h.refusal('imports:preview', csv(''))).toMatchObject({
      code: 'FILE_UNREADABLE',
      message: 'prices.csv is empty.',
    });
    expect((await h.refusal('imports:preview', csv('1,2,3', '4,5,6'))).code).toBe('HEADER_NOT_FOUND');
  });
});
