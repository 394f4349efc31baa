// The CMS ASP NDC-HCPCS crosswalk reader (issue 13): the published layouts and their quirks
// (title rows, year-named code column, NDC2 or NDC, Windows-1252), the quarterly zip, refusals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/services/app-error';
import { readCrosswalk } from '../../../electron/services/reference/crosswalk-reader';
import { fixture as importFixture, zip } from '../../fixtures/imports/build';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/reference', name));
const NDC2_CSV = 'asp-ndc-hcpcs-crosswalk-ndc2.csv';
const NDC_CSV = 'asp-ndc-hcpcs-crosswalk-ndc.csv';

async function refusal(bytes: Buffer, name: string): Promise<AppError> {
  try {
    await readCrosswalk(bytes, name);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

describe('the crosswalk as CMS publishes it (NDC2, 8 title rows)', () => {
  it('X1: finds the header on row 9 under 8 title rows, first column _2025_CODE, and keeps NDC2 as 11-digit text', async () => {
    const read = await readCrosswalk(fixture(NDC2_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    expect(read.source).toBe('asp-ndc-hcpcs-crosswalk.csv');
    expect(read.totalRows).toBe(9);
    expect(read.rows).toHaveLength(7);
    expect(read.rows[0]).toEqual({
      ndc11: '71336100001',
      hcpcs: 'J0222',
      shortDescription: 'Inj patisiran 0.1 mg',
      labelerName: 'Alnylam Pharmaceuticals, Inc.',
      drugName: 'ONPATTRO',
      hcpcsDosage: '0.1 MG',
      packageSize: '5',
      packageQuantity: '1',
      billUnits: '20',
      billUnitsPerPackage: '100',
    });
    // Leading zeros survive: 00002-7510-01 is not the number 27510001.
    expect(read.rows.find((r) => r.hcpcs === 'J1817')?.ndc11).toBe('00002751001');
    expect(read.rows.map((r) => r.hcpcs)).toEqual(['J0222', 'J0223', 'J0225', 'J0897', 'J9041', 'J1817', 'J7192']);
  });

  it('reads Windows-1252 text: the ® of a drug name and the ’ of a labeler come out as themselves', async () => {
    const read = await readCrosswalk(fixture(NDC2_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    expect(read.rows.find((r) => r.hcpcs === 'J0897')?.drugName).toBe('Prolia®');
    expect(read.rows.find((r) => r.hcpcs === 'J9041')?.labelerName).toBe('Dr. Reddy’s Laboratories Inc');
  });

  it('keeps quantities as written; billing units per package "1,000" reads as 1000', async () => {
    const read = await readCrosswalk(fixture(NDC2_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    const amvuttra = read.rows.find((r) => r.hcpcs === 'J0225');
    expect([amvuttra?.packageSize, amvuttra?.billUnits, amvuttra?.billUnitsPerPackage]).toEqual(['0.5', '50', '25']);
    const advate = read.rows.find((r) => r.hcpcs === 'J7192');
    expect([advate?.billUnits, advate?.billUnitsPerPackage]).toEqual(['1,000', '1000']);
  });

  it('refuses a code that is not a HCPCS code and a 12-digit NDC, with the line a person sees, the column as headed and the reason', async () => {
    const read = await readCrosswalk(fixture(NDC2_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    expect(read.errors).toEqual([
      { row: 17, column: '_2025_CODE', code: 'HCPCS_INVALID', message: expect.stringContaining('"J30"') },
      { row: 18, column: 'NDC2', code: 'NDC_INVALID', message: expect.stringContaining('12345-6789-012') },
    ]);
  });

  it('takes the quarter from the title rows when the file name does not say it, and from the file name first', async () => {
    expect((await readCrosswalk(fixture(NDC2_CSV), 'asp-ndc-hcpcs-crosswalk.csv')).release).toBe('2025Q1');
    expect((await readCrosswalk(fixture(NDC2_CSV), 'Oct 2024 ASP NDC-HCPCS Crosswalk.csv')).release).toBe('2024Q4');
  });
});

describe('the releases with an NDC column (9 title rows)', () => {
  it('X1: finds the header on row 10 with _2024_CODE and NDC; 11 digits kept, hyphenated 10-digit forms padded by their hyphens', async () => {
    const read = await readCrosswalk(fixture(NDC_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    expect(read.release).toBe('2024Q4');
    expect(read.rows.map((r) => [r.hcpcs, r.ndc11])).toEqual([
      ['J0222', '71336100001'],
      ['J1817', '00002751001'], // 0002-7510-01, 4-4-2
      ['J9035', '50242006001'], // 50242-060-01, 5-3-2
      ['J2505', '60575411201'], // 60575-4112-1, 5-4-1
      ['J0897', '55513071001'],
      ['90371', '76125085601'],
    ]);
    expect(read.rows.every((r) => typeof r.ndc11 === 'string' && r.ndc11.length === 11)).toBe(true);
  });

  it('accepts the CPT codes CMS lists vaccines and immune globulins under (90371), as the ASP pricing import does', async () => {
    const read = await readCrosswalk(fixture(NDC_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    expect(read.rows.find((r) => r.hcpcs === '90371')?.drugName).toBe('HYPERHEP B®');
  });

  it('refuses an unhyphenated 10-digit NDC (ambiguous), a 4-digit code and billing units that are not a number', async () => {
    const read = await readCrosswalk(fixture(NDC_CSV), 'asp-ndc-hcpcs-crosswalk.csv');
    expect(read.totalRows).toBe(9);
    expect(read.errors).toEqual([
      { row: 17, column: 'NDC', code: 'NDC_AMBIGUOUS', message: expect.stringContaining('5024204062') },
      { row: 18, column: '_2024_CODE', code: 'HCPCS_INVALID', message: expect.stringContaining('"9999"') },
      { row: 19, column: 'BILLUNITSPKG', code: 'BILL_UNITS_INVALID', message: expect.stringContaining('one vial') },
    ]);
  });
});

describe('workbooks and bundles', () => {
  it('matches headers by name, not position: an XLSX with "HCPCS Level II Code", columns in another order, numbers as cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Crosswalk');
    ws.addRow(['April 2025 ASP NDC-HCPCS Crosswalk']);
    ws.addRow(['Payment allowance limits effective April 1, 2025']);
    ws.addRow([]);
    ws.addRow([
      'NDC2',
      'HCPCS Level II Code',
      'Drug Name',
      'BILLUNITSPKG',
      'Short Description',
      'LABELER NAME',
      'HCPCS dosage',
      'PKG SIZE',
      'PKG QTY',
      'BILLUNITS',
    ]);
    ws.addRow(['71336-1001-01', 'J0223', 'GIVLAARI', 378, 'Inj givosiran 0.5 mg', 'Alnylam', '0.5 MG', 1, 1, 378]);
    ws.addRow(['71336-1003-01', 'J0225', 'AMVUTTRA', 25, 'Inj vutrisiran 1 mg', 'Alnylam', '1 MG', 0.5, 1, 50]);
    ws.addRow(['N/A', 'J0224', 'OXLUMO', 189, 'Inj lumasiran 0.5 mg', 'Alnylam', '0.5 MG', 0.5, 1, 378]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const read = await readCrosswalk(bytes, 'crosswalk.xlsx');
    expect(read.source).toBe('crosswalk.xlsx › Crosswalk');
    expect(read.release).toBe('2025Q2');
    expect(read.rows).toEqual([
      {
        ndc11: '71336100101',
        hcpcs: 'J0223',
        shortDescription: 'Inj givosiran 0.5 mg',
        labelerName: 'Alnylam',
        drugName: 'GIVLAARI',
        hcpcsDosage: '0.5 MG',
        packageSize: '1',
        packageQuantity: '1',
        billUnits: '378',
        billUnitsPerPackage: '378',
      },
      expect.objectContaining({ hcpcs: 'J0225', ndc11: '71336100301', packageSize: '0.5', billUnitsPerPackage: '25' }),
    ]);
    // The workbook's own row number: 3 rows above the header (one of them empty), so row 7.
    expect(read.errors).toEqual([
      { row: 7, column: 'NDC2', code: 'NDC_INVALID', message: expect.stringContaining('N/A') },
    ]);
  });

  it('picks the crosswalk out of a quarterly ASP zip that also holds the pricing files and the NOC crosswalk', async () => {
    const bundle = zip([
      { name: 'Jan 2025 ASP Pricing File 122624.csv', data: importFixture('asp-pricing-file-july-2024.csv') },
      { name: 'Jan 2025 NOC Pricing File 122624.csv', data: importFixture('noc-pricing-file-july-2024.csv') },
      { name: 'Jan 2025 NOC NDC-HCPCS Crosswalk 122624.csv', data: 'NDC or ALTERNATE ID,Drug Generic Name\r\n' },
      { name: 'Jan 2025 ASP NDC-HCPCS Crosswalk 122624.csv', data: fixture(NDC2_CSV) },
    ]);
    const read = await readCrosswalk(bundle, 'january-2025-asp-pricing-files.zip');
    expect(read.source).toBe('january-2025-asp-pricing-files.zip › Jan 2025 ASP NDC-HCPCS Crosswalk 122624.csv');
    expect(read.release).toBe('2025Q1');
    expect(read.rows).toHaveLength(7);
    expect(read.errors.map((e) => e.row)).toEqual([17, 18]);
  });

  it('refuses a zip without the crosswalk, saying what it looked for and what the zip holds', async () => {
    const bundle = zip([
      { name: 'Jan 2025 ASP Pricing File 122624.csv', data: importFixture('asp-pricing-file-july-2024.csv') },
    ]);
    const err = await refusal(bundle, 'asp.zip');
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toContain('ASP NDC-HCPCS Crosswalk');
    expect(err.message).toContain('Jan 2025 ASP Pricing File 122624.csv');
  });
});

describe('files that are not the crosswalk', () => {
  it('refuses a file without a HCPCS code column and an NDC column: REFERENCE_HEADER_NOT_FOUND naming both', async () => {
    // The ASP pricing file has the year-named code column but no NDC.
    const err = await refusal(importFixture('asp-pricing-file-july-2024.csv'), 'July 2024 ASP Pricing File.csv');
    expect(err.code).toBe('REFERENCE_HEADER_NOT_FOUND');
    expect(err.message).toContain('_2025_CODE');
    expect(err.message).toContain('NDC2');
  });

  it('refuses an empty file as unreadable', async () => {
    expect((await refusal(Buffer.alloc(0), 'empty.csv')).code).toBe('FILE_UNREADABLE');
  });
});

describe('size', () => {
  it('reads a crosswalk of 10,000 rows, each with its own line number', async () => {
    const lines = ['Title', '', '_2025_CODE,NDC2,BILLUNITSPKG'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`J${String(i % 10_000).padStart(4, '0')},12345-${String(i).padStart(4, '0')}-01,${i}`);
    const read = await readCrosswalk(Buffer.from(lines.join('\n')), 'big.csv');
    expect(read.totalRows).toBe(10_000);
    expect(read.errors).toEqual([]);
    expect(read.rows[9_999]).toMatchObject({ hcpcs: 'J9999', ndc11: '12345999901', billUnitsPerPackage: '9999' });
  });
});
