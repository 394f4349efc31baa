// The CMS HCPCS quarterly update reader (issue 13): the fixed-width contractor record by its
// published positions, the same layout as CSV/XLSX, the CMS zip, joined descriptions, refusals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/services/app-error';
import { readHcpcs } from '../../../electron/services/reference/hcpcs-reader';
import { zip } from '../../fixtures/imports/build';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures/reference', name));
const TXT = 'hcpcs-anweb.txt';
const CSV = 'hcpcs-anweb.csv';
const Q2043 =
  'Sipuleucel-t, minimum of 50 million autologous cd54+ cells activated with pap-gm-csf, including leukapheresis and all other preparatory procedures, per infusion';

async function refusal(bytes: Buffer, name: string): Promise<AppError> {
  try {
    await readHcpcs(bytes, name);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

/** The fixture's records as lines (CRLF), to build variants of it. */
const fixtureLines = (): string[] => fixture(TXT).toString('latin1').split('\r\n');

describe('the fixed-width record file (HCPC2025_JAN_ANWEB.txt)', () => {
  it('reads each code by the published positions: descriptions, YYYYMMDD dates as ISO, action code', async () => {
    const read = await readHcpcs(fixture(TXT), 'HCPC2025_JAN_ANWEB.txt');
    expect(read.source).toBe('HCPC2025_JAN_ANWEB.txt');
    expect(read.rows.map((r) => r.hcpcs)).toEqual(['C9047', 'J0222', 'J0223', 'J0225', 'J3490', 'Q2043']);
    expect(read.rows.find((r) => r.hcpcs === 'J0222')).toEqual({
      hcpcs: 'J0222',
      longDescription: 'Injection, patisiran, 0.1 mg',
      shortDescription: 'Inj., patisiran, 0.1 mg',
      addedOn: '2019-10-01',
      effectiveFrom: '2019-10-01',
      terminatedOn: null,
      actionCode: 'N',
    });
    const described = Object.fromEntries(read.rows.map((r) => [r.hcpcs, r.longDescription]));
    expect(described.J0223).toBe('Injection, givosiran, 0.5 mg');
    expect(described.J0225).toBe('Injection, vutrisiran, 1 mg');
    expect(described.J3490).toBe('Unclassified drugs');
    expect(read.rows.find((r) => r.hcpcs === 'J0225')?.effectiveFrom).toBe('2023-01-01');
  });

  it('joins a long description continued over RECID 4 records into one text', async () => {
    const read = await readHcpcs(fixture(TXT), 'HCPC2025_JAN_ANWEB.txt');
    expect(read.rows.find((r) => r.hcpcs === 'Q2043')?.longDescription).toBe(Q2043);
  });

  it('keeps a terminated code with its TERM DT and action code D', async () => {
    const read = await readHcpcs(fixture(TXT), 'HCPC2025_JAN_ANWEB.txt');
    expect(read.rows.find((r) => r.hcpcs === 'C9047')).toMatchObject({
      terminatedOn: '2019-12-31',
      effectiveFrom: '2019-12-31',
      actionCode: 'D',
    });
  });

  it('skips modifier records (RECID 7 and 8, a continued one included): no row, no refusal', async () => {
    const read = await readHcpcs(fixture(TXT), 'HCPC2025_JAN_ANWEB.txt');
    expect(read.rows.some((r) => ['JG', 'JW', 'JZ'].includes(r.hcpcs))).toBe(false);
    expect(read.errors.some((e) => e.row <= 4)).toBe(false);
  });

  it('refuses an impossible date and a code that is not a letter and 4 digits, with line, column and reason; the refused code’s continuation is not refused again', async () => {
    const read = await readHcpcs(fixture(TXT), 'HCPC2025_JAN_ANWEB.txt');
    expect(read.errors).toEqual([
      {
        row: 10,
        column: 'ACT EFF DT',
        code: 'DATE_INVALID',
        message: 'ACT EFF DT "20250231" is not a real calendar date.',
      },
      { row: 11, column: 'HCPC', code: 'HCPCS_INVALID', message: expect.stringContaining('"J99X9"') },
    ]);
    // Codes, not records: 8 first records (2 refused); continuations and modifiers are not rows.
    expect(read.totalRows).toBe(8);
  });

  it('names the quarter from the file name: JAN → Q1, APR → Q2, JUL → Q3, OCT → Q4', async () => {
    const bytes = fixture(TXT);
    const releases = await Promise.all(
      ['JAN', 'APR', 'JUL', 'OCT'].map(async (m) => (await readHcpcs(bytes, `HCPC2025_${m}_ANWEB.txt`)).release),
    );
    expect(releases).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect((await readHcpcs(bytes, 'codes.txt')).release).toBeNull();
  });

  it('refuses a continuation with no code before it once, and a line that is no record', async () => {
    const lines = fixtureLines();
    // Without Q2043's first record (line 13) its two continuations have nothing to join.
    const variant = [...lines.slice(0, 12), ...lines.slice(13, 15), 'this line is not a record', ''];
    const read = await readHcpcs(Buffer.from(variant.join('\r\n'), 'latin1'), 'HCPC2025_JAN_ANWEB.txt');
    expect(read.errors.slice(2)).toEqual([
      { row: 13, column: 'HCPC', code: 'CONTINUATION_WITHOUT_CODE', message: expect.stringContaining('Q2043') },
      { row: 15, column: 'RECID', code: 'RECORD_UNREADABLE', message: expect.stringContaining('Line 15') },
    ]);
    expect(read.rows.map((r) => r.hcpcs)).not.toContain('Q2043');
  });

  it('reads 8,000 codes, a third of them continued, in file order', async () => {
    const record = (code: string, seq: string, recid: string, text: string): string =>
      `${code}${seq}${recid}${text.padEnd(80)}${recid === '3' ? 'Short'.padEnd(28) + ' '.repeat(149) + '20250101' + '20250101' + ' '.repeat(8) + 'A' : ''}`;
    const lines: string[] = [];
    for (let i = 0; i < 8000; i++) {
      const code = `J${String(i).padStart(4, '0')}`;
      lines.push(record(code, '00100', '3', `Drug ${i}`));
      if (i % 3 === 0) lines.push(record(code, '00200', '4', 'continued'));
    }
    const read = await readHcpcs(Buffer.from(lines.join('\r\n'), 'latin1'), 'HCPC2025_JUL_ANWEB.txt');
    expect(read.errors).toEqual([]);
    expect(read.totalRows).toBe(8000);
    expect(read.rows[7999]).toEqual({
      hcpcs: 'J7999',
      longDescription: 'Drug 7999',
      shortDescription: 'Short',
      addedOn: '2025-01-01',
      effectiveFrom: '2025-01-01',
      terminatedOn: null,
      actionCode: 'A',
    });
    expect(read.rows[7998]?.longDescription).toBe('Drug 7998 continued');
  });
});

describe('the CMS zip', () => {
  it('reads the record text out of 2025-alpha-numeric-hcpcs-file.zip, before the workbook, past the layout and notes', async () => {
    const bundle = zip([
      { name: 'HCPC2025_recordlayout.txt', data: 'CMS RIF REPORT\r\n' },
      { name: 'proc_notes_JAN2025.txt', data: 'Processing notes\r\n' },
      { name: 'HCPC2025_JAN_ANWEB.xlsx', data: 'not read: the text version is preferred' },
      { name: 'HCPC2025_JAN_ANWEB.txt', data: fixture(TXT) },
    ]);
    const read = await readHcpcs(bundle, '2025-alpha-numeric-hcpcs-file.zip');
    expect(read.source).toBe('2025-alpha-numeric-hcpcs-file.zip › HCPC2025_JAN_ANWEB.txt');
    expect(read.release).toBe('2025Q1');
    expect(read.rows.map((r) => r.hcpcs)).toEqual(['C9047', 'J0222', 'J0223', 'J0225', 'J3490', 'Q2043']);
  });

  it('refuses a zip without the code file, saying what it holds', async () => {
    const bundle = zip([
      { name: 'HCPC2025_recordlayout.txt', data: 'CMS RIF REPORT\r\n' },
      { name: 'proc_notes_JAN2025.txt', data: 'Processing notes\r\n' },
    ]);
    const err = await refusal(bundle, 'hcpcs.zip');
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toContain('ANWEB');
    expect(err.message).toContain('proc_notes_JAN2025.txt');
  });
});

describe('the same layout as CSV or XLSX', () => {
  it('reads the CSV by its headers: the same codes, joins and refusals as the fixed width, at the CSV’s own lines', async () => {
    const fromText = await readHcpcs(fixture(TXT), 'HCPC2025_JAN_ANWEB.txt');
    const read = await readHcpcs(fixture(CSV), 'hcpcs-anweb.csv');
    expect(read.rows).toEqual(fromText.rows);
    expect(read.totalRows).toBe(fromText.totalRows);
    // One title row and the header come first: each record is two lines further down.
    expect(read.errors).toEqual(fromText.errors.map((e) => ({ ...e, row: e.row + 2 })));
    expect(read.release).toBe('2025Q1'); // from the title row
  });

  /** J0225's row in the workbook's column order, its effective date a real date or a number. */
  const j0225Row = (effective: Date | number) => [
    'Injection, vutrisiran, 1 mg',
    'J0225',
    '00100',
    'Inj., vutrisiran, 1 mg',
    20230101,
    effective,
    null,
    'N',
  ];

  it('reads a workbook with the columns in another order, no RECID, dates as numbers or real dates; a repeated HCPC with an empty or other SEQNUM continues it, a later one is a duplicate', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('HCPC2025_OCT_ANWEB');
    ws.addRow([
      'LONG DESCRIPTION',
      'HCPC',
      'SEQNUM',
      'SHORT DESCRIPTION',
      'ADD DT',
      'ACT EFF DT',
      'TERM DT',
      'ACTION CD',
    ]);
    ws.addRow(['Drug amount discarded/not administered to any patient', 'JW', '00100', 'Discarded drug', 20020101]);
    ws.addRow(j0225Row(new Date(Date.UTC(2023, 0, 1))));
    ws.addRow([
      'Sipuleucel-t, minimum of 50 million autologous cd54+ cells activated with',
      'Q2043',
      '00100',
      'Sipuleucel-T auto CD54+',
      20110701,
      20120101,
      20251231,
      'D',
    ]);
    ws.addRow(['pap-gm-csf, including leukapheresis and all other preparatory procedures, per', 'Q2043', '00200']);
    ws.addRow(['infusion', 'Q2043', null]);
    ws.addRow(j0225Row(20230101));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const read = await readHcpcs(bytes, 'hcpcs.xlsx');
    expect(read.source).toBe('hcpcs.xlsx › HCPC2025_OCT_ANWEB');
    expect(read.release).toBe('2025Q4'); // from the sheet's name
    expect(read.rows).toEqual([
      {
        hcpcs: 'J0225',
        longDescription: 'Injection, vutrisiran, 1 mg',
        shortDescription: 'Inj., vutrisiran, 1 mg',
        addedOn: '2023-01-01',
        effectiveFrom: '2023-01-01',
        terminatedOn: null,
        actionCode: 'N',
      },
      {
        hcpcs: 'Q2043',
        longDescription: Q2043,
        shortDescription: 'Sipuleucel-T auto CD54+',
        addedOn: '2011-07-01',
        effectiveFrom: '2012-01-01',
        terminatedOn: '2025-12-31',
        actionCode: 'D',
      },
    ]);
    expect(read.errors).toEqual([
      { row: 7, column: 'HCPC', code: 'HCPCS_DUPLICATE', message: expect.stringContaining('line 3') },
    ]);
  });

  it('refuses a file without HCPC and LONG DESCRIPTION headers: REFERENCE_HEADER_NOT_FOUND naming them', async () => {
    const err = await refusal(fixture('asp-ndc-hcpcs-crosswalk-ndc2.csv'), 'crosswalk.csv');
    expect(err.code).toBe('REFERENCE_HEADER_NOT_FOUND');
    expect(err.message).toContain('HCPC and LONG DESCRIPTION');
  });
});
