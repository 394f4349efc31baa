// CMS ASP and NOC pricing files (domain.md §6; cases X1 and X2 of §10): title rows above the
// header, a first column named like _2024_CODE, Windows-1252 text, codes kept as strings,
// payment limits stored exactly as published, the quarter from the name, and zip bundles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { b64, cp1252, fixture, xlsx, zip } from '../fixtures/imports/build';
import { openHarness, type Harness } from '../fixtures/imports/harness';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(() => {
  h.close();
  expect(h.loggedErrors).toEqual([]);
});

type LimitRow = {
  hcpcs: string;
  drug_name: string;
  description: string;
  dosage_text: string;
  dosage_amount: string | null;
  dosage_unit: string | null;
  payment_limit: string;
  quarter: string;
  effective_from: string;
  effective_to: string;
  notes: string;
  source: string;
};
const limits = (): LimitRow[] => h.db.prepare('SELECT * FROM payment_limits ORDER BY id').all() as LimitRow[];

const ASP_FILE = 'asp-pricing-file-july-2024.csv';

describe('X1: a CMS ASP Pricing File as published', () => {
  it('finds the header under 8 title rows, reads Windows-1252, keeps codes as strings, names the quarter', async () => {
    const p = await h.preview({
      kind: 'cms-asp',
      fileName: 'July 2024 ASP Pricing File.csv',
      contentBase64: b64(fixture(ASP_FILE)),
    });
    expect(p).toMatchObject({
      kind: 'cms-asp',
      quarter: '2024Q3',
      mappingComplete: true,
      mapping: {
        hcpcs: '_2024_CODE',
        description: 'Short Description',
        dosage: 'HCPCS Code Dosage',
        paymentLimit: 'Payment Limit',
      },
      totalRows: 6,
      validRows: 6,
      refusedRows: 0,
      errors: [],
    });
    expect(p.columns.slice(0, 4)).toEqual(['_2024_CODE', 'Short Description', 'HCPCS Code Dosage', 'Payment Limit']);
    expect(p.sample.map((s) => s.hcpcs)).toEqual(['J0178', 'J1950', 'J9035', '90371', 'J0897', 'J7192']);
    expect(p.sample[4]?.description).toBe('Denosumab inj (Prolia®), résumé');
    expect(p.sample[0]).toEqual({
      hcpcs: 'J0178',
      drugName: '',
      description: 'Aflibercept inj',
      dosageText: '1 MG',
      dosageAmount: '1',
      dosageUnit: 'mg',
      paymentLimit: '10.60',
      notes: '',
      quarter: '2024Q3',
      effectiveFrom: '2024-07-01',
      effectiveTo: '2024-09-30',
    });
    expect(h.written()).toMatchObject({ imports: 0, limits: 0, mappings: 0 });

    const report = await h.commit(p.stagedId);
    expect(report).toMatchObject({ kind: 'cms-asp', taken: 6, refused: 0 });
    const rows = limits();
    expect(rows.map((r) => [r.hcpcs, r.dosage_text, r.dosage_amount, r.dosage_unit, r.payment_limit])).toEqual([
      ['J0178', '1 MG', '1', 'mg', '10.60'],
      ['J1950', '3.75 MG', '3.75', 'mg', '301.425'],
      ['J9035', '10 MG', '10', 'mg', '68.123'],
      ['90371', '1 ML', '1', 'mL', '1134.500'],
      ['J0897', '1 MG', '1', 'mg', '20.112'],
      ['J7192', '1 IU', '1', 'units', '1.247'],
    ]);
    expect(
      rows.every(
        (r) =>
          r.source === 'asp' &&
          r.quarter === '2024Q3' &&
          r.effective_from === '2024-07-01' &&
          r.effective_to === '2024-09-30',
      ),
    ).toBe(true);
  });

  it('X2: a payment limit of 10.60 is stored as "10.60": it already includes ASP + 6% and is never multiplied again', async () => {
    const p = await h.preview({
      kind: 'cms-asp',
      fileName: 'July 2024 ASP Pricing File.csv',
      contentBase64: b64(fixture(ASP_FILE)),
    });
    await h.commit(p.stagedId);
    expect(h.db.prepare(`SELECT payment_limit FROM payment_limits WHERE hcpcs = 'J0178'`).pluck().get()).toBe('10.60');
  });

  it.each(['NDC2', 'NDC'])(
    'X1: a crosswalk-style layout (header on row 9, _2024_CODE first, NDC column %s) maps the NDC by pattern and keeps it a string',
    async (ndcHeader) => {
      h.addDrugs(['00002759701', '50242004062']);
      const preamble = Array.from({ length: 8 }, (_, i) => (i === 0 ? 'ASP NDC-HCPCS Crosswalk' : ''));
      const text = [
        ...preamble,
        `_2024_CODE,Short Description,LABELER NAME,${ndcHeader},Drug Name,AWP,Effective Date`,
        'J3490,Unclassified drugs,Lilly,00002-7597-01,Drug A,120.00,2025-01-01',
        'J3490,Unclassified drugs,Genentech,50242-040-62,Drug B,88.10,2025-01-01',
      ].join('\r\n');
      const p = await h.preview({ kind: 'prices', fileName: 'crosswalk.csv', contentBase64: b64(cp1252(text)) });
      expect(p.mapping).toMatchObject({ ndc: ndcHeader, awp: 'AWP', effectiveFrom: 'Effective Date' });
      expect(p.errors).toEqual([]);
      expect(p.sample.map((s) => s.ndc11)).toEqual(['00002759701', '50242004062']);
    },
  );
});

describe('NOC Pricing File', () => {
  it('stores drug names (quoted commas, ®, a formula-looking name verbatim), dosage and notes', async () => {
    const p = await h.preview({
      kind: 'cms-noc',
      fileName: 'July 2024 NOC Pricing File.csv',
      contentBase64: b64(fixture('noc-pricing-file-july-2024.csv')),
    });
    expect(p).toMatchObject({
      quarter: '2024Q3',
      validRows: 4,
      refusedRows: 0,
      mapping: {
        drugName: 'Drug Generic Name (Trade Name)',
        dosage: 'Dosage',
        paymentLimit: 'Payment Limit',
        notes: 'Notes',
      },
    });
    await h.commit(p.stagedId);
    const rows = limits();
    expect(
      rows.map((r) => [
        r.source,
        r.hcpcs,
        r.drug_name,
        r.dosage_text,
        r.dosage_amount,
        r.dosage_unit,
        r.payment_limit,
        r.notes,
      ]),
    ).toEqual([
      ['noc', '', 'Aflibercept-jbvf (Yesafili)', '1 MG', '1', 'mg', '8.436', ''],
      ['noc', '', 'Cabotegravir, extended release (Vocabria®)', '1 MG', '1', 'mg', '0.877', 'See footnote 1'],
      ['noc', '', '=HYPERLINK("http://example.com")', '1 MG', '1', 'mg', '1.000', ''],
      ['noc', '', 'Teplizumab-mzwv (Tzield)', '5 MCG', '5', 'mcg', '1.05', ''],
    ]);
  });
});

describe('the quarter', () => {
  const plain = 'HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit\r\nJ0178,Aflibercept inj,1 MG,10.60\r\n';

  it('is refused as a whole when neither the arguments, the name nor the title rows say it', async () => {
    const err = await h.refusal('imports:preview', {
      kind: 'cms-asp',
      fileName: 'ASP Pricing File.csv',
      contentBase64: b64(plain),
    });
    expect(err.code).toBe('QUARTER_REQUIRED');
    expect(err.message).toMatch(/2025Q3/);
  });

  it('comes from the arguments first, then the file name', async () => {
    const a = await h.preview({
      kind: 'cms-asp',
      fileName: 'ASP Pricing File.csv',
      contentBase64: b64(plain),
      quarter: '2025Q1',
    });
    expect(a.quarter).toBe('2025Q1');
    const b = await h.preview({ kind: 'cms-asp', fileName: 'asp Q3 2025.csv', contentBase64: b64(plain) });
    expect(b.quarter).toBe('2025Q3');
    const c = await h.preview({
      kind: 'cms-asp',
      fileName: 'July 2024 ASP Pricing File.csv',
      contentBase64: b64(plain),
      quarter: '2025Q4',
    });
    expect(c.quarter).toBe('2025Q4');
  });

  it('a quarter already imported refuses each repeated row (LIMIT_DUPLICATE); another quarter is fine', async () => {
    const args = { kind: 'cms-asp', fileName: 'ASP Pricing File.csv', contentBase64: b64(plain), quarter: '2025Q1' };
    await h.commit((await h.preview(args)).stagedId);
    const again = await h.preview(args);
    expect(again.errors).toEqual([
      {
        row: 2,
        column: 'HCPCS Code',
        code: 'LIMIT_DUPLICATE',
        message: 'J0178 (1 MG) already has a payment limit for this quarter.',
      },
    ]);
    expect((await h.refusal('imports:commit', { stagedId: again.stagedId, acceptRefused: true })).code).toBe(
      'NOTHING_TO_IMPORT',
    );
    await h.commit((await h.preview({ ...args, quarter: '2025Q2' })).stagedId);
    expect(limits().map((r) => r.quarter)).toEqual(['2025Q1', '2025Q2']);
  });
});

describe('zip bundles', () => {
  it('reads the ASP or the NOC file out of a quarterly zip; money doubles in an XLSX entry become exact text', async () => {
    const aspXlsx = await xlsx(
      [
        ['October 2025 ASP Pricing File'],
        [],
        ['HCPCS Code', 'Payment Limit', 'HCPCS Code Dosage', 'Short Description'],
        ['J0178', 10.6, '1 MG', 'Aflibercept inj'],
        ['J9035', 0.1 + 0.2, '10 MG', 'Bevacizumab injection'],
      ],
      { sheet: 'ASP' },
    );
    const bundle = zip([
      { name: 'October 2025 ASP Pricing File.xlsx', data: aspXlsx },
      { name: 'October 2025 NOC Pricing File.csv', data: fixture('noc-pricing-file-july-2024.csv') },
      { name: 'October 2025 ASP NDC-HCPCS Crosswalk.csv', data: 'x' },
    ]);
    const asp = await h.preview({ kind: 'cms-asp', fileName: 'oct-2025-asp-pricing.zip', contentBase64: b64(bundle) });
    expect(asp).toMatchObject({
      source: 'oct-2025-asp-pricing.zip › October 2025 ASP Pricing File.xlsx › ASP',
      quarter: '2025Q4',
      validRows: 2,
    });
    expect(asp.sample.map((s) => [s.hcpcs, s.paymentLimit])).toEqual([
      ['J0178', '10.6'],
      ['J9035', '0.3'],
    ]);
    const noc = await h.preview({ kind: 'cms-noc', fileName: 'oct-2025-asp-pricing.zip', contentBase64: b64(bundle) });
    expect(noc).toMatchObject({ quarter: '2025Q4', validRows: 4 });
    await h.commit(asp.stagedId);
    await h.commit(noc.stagedId);
    expect(h.written()).toMatchObject({ imports: 2, limits: 6, importAudit: 2 });
  });

  it('refuses a zip holding "../evil.csv" and writes nothing', async () => {
    const bundle = zip([
      { name: 'July 2025 ASP Pricing File.csv', data: fixture(ASP_FILE) },
      { name: '../evil.csv', data: 'HCPCS Code,Payment Limit\nJ0178,1' },
    ]);
    const err = await h.refusal('imports:preview', {
      kind: 'cms-asp',
      fileName: 'July 2025.zip',
      contentBase64: b64(bundle),
    });
    expect(err.code).toBe('ZIP_UNSAFE');
    expect(err.message).toMatch(/\.\.\/evil\.csv/);
    expect(h.written()).toMatchObject({ imports: 0, limits: 0 });
  });

  it('a file that is not a CMS pricing file is refused with HEADER_NOT_FOUND', async () => {
    const err = await h.refusal('imports:preview', {
      kind: 'cms-asp',
      fileName: 'July 2025 ASP Pricing File.csv',
      contentBase64: b64('Patient,Visit\nSmith,2025-01-02\n'),
    });
    expect(err.code).toBe('HEADER_NOT_FOUND');
    expect(err.message).toMatch(/HCPCS code, HCPCS code dosage, Payment limit/);
  });
});
