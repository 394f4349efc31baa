// Payer fee schedules from CSV and XLSX: codes as HCPCS or NDC, rates per dose, and the column
// mapping remembered per payer so the next file of the same layout imports without one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { b64, fixture, xlsx } from '../fixtures/imports/build';
import { openHarness, type Harness } from '../fixtures/imports/harness';

let h: Harness;
let acme: number;
let zenith: number;
beforeEach(() => {
  h = openHarness();
  acme = h.addPayer('Acme Health');
  zenith = h.addPayer('Zenith Care');
});
afterEach(() => {
  h.close();
  expect(h.loggedErrors).toEqual([]);
});

const entries = () =>
  h.db
    .prepare(
      'SELECT payer_id, code_kind, code, rate, per_amount, per_unit, effective_from, effective_to, import_id FROM fee_schedule_entries ORDER BY id',
    )
    .all();

describe('a fee schedule with recognizable headers', () => {
  it('guesses the mapping, reads HCPCS and NDC codes, "$1,250.00", a "10 MG" dosage and US dates', async () => {
    const p = await h.preview({
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'acme-2025.csv',
      contentBase64: b64(fixture('fee-schedule-acme.csv')),
    });
    expect(p).toMatchObject({
      mappingComplete: true,
      mapping: {
        code: 'HCPCS',
        rate: 'Allowed Amount',
        perAmount: null,
        perUnit: null,
        dosage: 'Per',
        effectiveFrom: 'Start Date',
        effectiveTo: 'End Date',
      },
      validRows: 3,
      refusedRows: 0,
      quarter: null,
    });
    const report = await h.commit(p.stagedId);
    expect(report).toMatchObject({ kind: 'fee-schedule', taken: 3, refused: 0 });
    expect(entries()).toEqual([
      {
        payer_id: acme,
        code_kind: 'hcpcs',
        code: 'J3490',
        rate: '12.50',
        per_amount: '1',
        per_unit: 'mg',
        effective_from: '2025-01-01',
        effective_to: null,
        import_id: 1,
      },
      {
        payer_id: acme,
        code_kind: 'hcpcs',
        code: 'J9999',
        rate: '1250.00',
        per_amount: '10',
        per_unit: 'mg',
        effective_from: '2025-01-01',
        effective_to: '2025-12-31',
        import_id: 1,
      },
      {
        payer_id: acme,
        code_kind: 'ndc',
        code: '00002759701',
        rate: '4.25',
        per_amount: '1',
        per_unit: 'mL',
        effective_from: '2025-01-01',
        effective_to: null,
        import_id: 1,
      },
    ]);
    expect(h.db.prepare('SELECT payer_id FROM imports').pluck().get()).toBe(acme);
  });

  it('needs a payer, and one that exists', async () => {
    const args = { kind: 'fee-schedule', fileName: 'acme.csv', contentBase64: b64(fixture('fee-schedule-acme.csv')) };
    expect((await h.refusal('imports:preview', args)).code).toBe('PAYER_REQUIRED');
    expect((await h.refusal('imports:preview', { ...args, payerId: 999 })).code).toBe('PAYER_NOT_FOUND');
  });

  it('refuses bad rows: code, rate, dosage, unit and a date range that ends before it starts', async () => {
    const text = [
      'Code,Rate,Per Amount,Per Unit,Effective From,Effective To',
      'J349,1.00,1,mg,2025-01-01,',
      'J3490,0,1,mg,2025-01-01,',
      'J3490,1.1234567,1,mg,2025-01-01,',
      'J3490,1.00,0,tablets,2025-01-01,',
      'J3490,1.00,1,mg,2025-06-01,2025-05-31',
      'j3490,1.00,0.5,MCG,2025-06-01,2025-06-30',
    ].join('\n');
    const p = await h.preview({ kind: 'fee-schedule', payerId: acme, fileName: 'bad.csv', contentBase64: b64(text) });
    expect(p.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [2, 'Code', 'CODE_INVALID'],
      [3, 'Rate', 'AMOUNT_INVALID'],
      [4, 'Rate', 'AMOUNT_INVALID'],
      [5, 'Per Amount', 'AMOUNT_INVALID'],
      [5, 'Per Unit', 'UNIT_INVALID'],
      [6, 'Effective To', 'DATE_RANGE_INVALID'],
    ]);
    expect(p.errors[2]?.message).toMatch(/7 decimal places; this amount takes at most 6/);
    expect(p.sample).toEqual([
      {
        codeKind: 'hcpcs',
        code: 'J3490',
        rate: '1.00',
        perAmount: '0.5',
        perUnit: 'mcg',
        effectiveFrom: '2025-06-01',
        effectiveTo: '2025-06-30',
      },
    ]);
  });

  it('refuses a rate the payer already has from that date (FEE_DUPLICATE), and re-checks at commit', async () => {
    const args = {
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'acme.csv',
      contentBase64: b64(fixture('fee-schedule-acme.csv')),
    };
    const first = await h.preview(args);
    const second = await h.preview(args);
    await h.commit(first.stagedId);
    // The second preview was made before the first commit: the transaction finds the clash.
    const err = await h.refusal('imports:commit', { stagedId: second.stagedId });
    expect(err.code).toBe('IMPORT_CONFLICT');
    expect(err.message).toMatch(/^Line 2: J3490 got a rate from 2025-01-01 for this payer after the preview/);
    expect(h.written()).toMatchObject({ imports: 1, fee: 3 });
    const third = await h.preview(args);
    expect(third.errors.map((e) => e.code)).toEqual(['FEE_DUPLICATE', 'FEE_DUPLICATE', 'FEE_DUPLICATE']);
    // Another payer may have the same codes.
    expect((await h.preview({ ...args, payerId: zenith })).validRows).toBe(3);
  });
});

describe('a layout nobody could guess, remembered per payer', () => {
  const layout = (...rows: string[]) => b64(['Proc,Payment,Qty,UOM,Eff', ...rows].join('\r\n'));
  const mapping = { code: 'Proc', rate: 'Payment', perAmount: 'Qty', perUnit: 'UOM', effectiveFrom: 'Eff' };

  it('first file: the preview shows the columns to map; with the mapping it imports and the mapping is kept', async () => {
    const unmapped = await h.preview({
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'q1.csv',
      contentBase64: layout('J3490,2.50,1,mg,2025-01-01'),
    });
    expect(unmapped).toMatchObject({
      mappingComplete: false,
      columns: ['Proc', 'Payment', 'Qty', 'UOM', 'Eff'],
      validRows: 0,
      refusedRows: 1,
    });
    expect(await h.value('imports:mapping', { kind: 'fee-schedule', payerId: acme })).toBeNull();

    const mapped = await h.preview({
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'q1.csv',
      contentBase64: layout('J3490,2.50,1,mg,2025-01-01'),
      mapping,
    });
    expect(mapped).toMatchObject({ mappingComplete: true, validRows: 1 });
    await h.commit(mapped.stagedId);
    expect(await h.value('imports:mapping', { kind: 'fee-schedule', payerId: acme })).toEqual(mapping);

    // Second file, same layout, same payer: no mapping needed.
    const next = await h.preview({
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'q2.csv',
      contentBase64: layout('J3490,2.75,1,mg,2025-04-01'),
    });
    expect(next).toMatchObject({ mappingComplete: true, mapping, validRows: 1 });
    await h.commit(next.stagedId);
    expect(h.count('fee_schedule_entries')).toBe(2);

    // Another payer's files are not assumed to look the same.
    expect(await h.value('imports:mapping', { kind: 'fee-schedule', payerId: zenith })).toBeNull();
    const other = await h.preview({
      kind: 'fee-schedule',
      payerId: zenith,
      fileName: 'z.csv',
      contentBase64: layout('J3490,3.00,1,mg,2025-01-01'),
    });
    expect(other.mappingComplete).toBe(false);
  });

  it("the remembered mapping applies to the payer's XLSX too: real cells, money doubles, date cells", async () => {
    const csvPreview = await h.preview({
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'q1.csv',
      contentBase64: layout('J3490,2.50,1,mg,2025-01-01'),
      mapping,
    });
    await h.commit(csvPreview.stagedId);

    const bytes = await xlsx([
      ['Acme Health fee schedule, second quarter'],
      ['Confidential'],
      [],
      ['Proc', 'Payment', 'Qty', 'UOM', 'Eff'],
      ['J9999', 0.1 + 0.2, 10, 'MG', new Date(Date.UTC(2025, 3, 1))],
      ['0002-7597-01', 1234.5, 1, 'ml', new Date(Date.UTC(2025, 3, 1))],
      ['J3590', -5, 1, 'mg', '2025-04-31'],
    ]);
    const p = await h.preview({
      kind: 'fee-schedule',
      payerId: acme,
      fileName: 'acme-q2.xlsx',
      contentBase64: b64(bytes),
    });
    expect(p).toMatchObject({
      source: 'acme-q2.xlsx › Fee schedule',
      mappingComplete: true,
      mapping,
      validRows: 2,
      refusedRows: 1,
    });
    expect(p.sample).toEqual([
      {
        codeKind: 'hcpcs',
        code: 'J9999',
        rate: '0.3',
        perAmount: '10',
        perUnit: 'mg',
        effectiveFrom: '2025-04-01',
        effectiveTo: '',
      },
      {
        codeKind: 'ndc',
        code: '00002759701',
        rate: '1234.5',
        perAmount: '1',
        perUnit: 'mL',
        effectiveFrom: '2025-04-01',
        effectiveTo: '',
      },
    ]);
    // Row numbers are the sheet's own row numbers.
    expect(p.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [7, 'Payment', 'AMOUNT_INVALID'],
      [7, 'Eff', 'DATE_INVALID'],
    ]);
    await h.commit(p.stagedId, true);
    expect(h.count('fee_schedule_entries')).toBe(3);
  });
});
