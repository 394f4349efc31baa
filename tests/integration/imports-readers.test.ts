// The file readers on their own: encodings, CSV quirks and line numbers, XLSX cells, zip
// safety, quarter names, and CSV export that cannot become a formula.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../electron/services/imports/csv-safe';
import { csvTable } from '../../electron/services/imports/csv-table';
import { decodeText } from '../../electron/services/imports/decode';
import { quarterFromText } from '../../electron/services/imports/quarter';
import { readTable } from '../../electron/services/imports/read-table';
import { ReadError } from '../../electron/services/imports/table';
import { numberText } from '../../electron/services/imports/xlsx-table';
import { cp1252, xlsx, zip } from '../fixtures/imports/build';

const any = null;

async function readError(bytes: Buffer, name: string): Promise<ReadError> {
  try {
    await readTable(bytes, name, any);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

describe('decoding', () => {
  it('reads Windows-1252 bytes (CMS files) as the characters they stand for', () => {
    // é is E9, ’ is 92 and ® is AE in cp1252; none of them is valid UTF-8 on its own.
    const { text, encoding } = decodeText(cp1252('Caf\u00e9 \u0092x\u0092 \u0080 Prolia\u00ae'));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('Café ’x’ € Prolia®');
  });

  it('reads UTF-8 as UTF-8: "é" is never mangled into "Ã©"', () => {
    expect(decodeText(Buffer.from('Café', 'utf8'))).toEqual({ text: 'Café', encoding: 'utf-8' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('HCPCS,Café', 'utf8')]);
    expect(decodeText(withBom).text).toBe('HCPCS,Café');
  });

  it('reads UTF-16 text with a BOM (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('NDC\tPrice\r\n', 'utf16le')]);
    expect(decodeText(bytes)).toEqual({ text: 'NDC\tPrice\r\n', encoding: 'utf-16le' });
  });
});

describe('CSV', () => {
  it('handles quoted commas and quotes, ragged rows and trims cells; codes stay strings', () => {
    const t = csvTable('code,desc,limit\r\n 0001A , "Vaccine, ""adult""",1.50\r\n90371,short\r\n', 'x.csv');
    expect(t.rows).toEqual([
      ['code', 'desc', 'limit'],
      ['0001A', 'Vaccine, "adult"', '1.50'],
      ['90371', 'short'],
    ]);
  });

  it('numbers rows by the line a person sees: blank lines count, a quoted line break counts from its start', () => {
    const t = csvTable('a,b\n\n"two\nlines",1\nlast,2\n', 'x.csv');
    expect(t.lines).toEqual([1, 2, 3, 5]);
    expect(t.rows[2]).toEqual(['two\nlines', '1']);
  });

  it('detects tab-separated text', () => {
    expect(csvTable('NDC\tPrice\n00002-7597-01\t1.00\n', 'x.txt').rows[1]).toEqual(['00002-7597-01', '1.00']);
  });
});

describe('XLSX', () => {
  it('turns money doubles into exact decimal text, never a float', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(10.6)).toBe('10.6');
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(12345678901)).toBe('12345678901');
    expect(numberText(-5)).toBe('-5');
  });

  it('reads the first sheet with data: text stays text, dates become ISO, formulas give their result', async () => {
    const bytes = await xlsx(
      [
        ['NDC', 'Price', 'Effective', 'Note'],
        ['00002-7597-01', 10.6, new Date(Date.UTC(2025, 0, 1)), '=HYPERLINK("http://x")'],
        ['00002-7597-01', { formula: 'B2*2', result: 21.2 }, '2025-02-01', null],
      ],
      { emptyFirstSheet: true, sheet: 'Prices' },
    );
    const t = await readTable(bytes, 'prices.xlsx', any);
    expect(t.source).toBe('prices.xlsx › Prices');
    expect(t.rows).toEqual([
      ['NDC', 'Price', 'Effective', 'Note'],
      ['00002-7597-01', '10.6', '2025-01-01', '=HYPERLINK("http://x")'],
      ['00002-7597-01', '21.2', '2025-02-01'],
    ]);
    expect(t.lines).toEqual([1, 2, 3]);
  });
});

describe('zip bundles and refusals', () => {
  const asp = 'HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit\r\nJ0178,Aflibercept inj,1 MG,10.60\r\n';
  const match = { test: (n: string) => /ASP\W*Pricing\W*File/i.test(n), describe: 'ASP Pricing File' };

  it('finds the named file inside a bundle, in a folder, preferring CSV', async () => {
    const bytes = zip([
      { name: 'Readme.txt', data: 'hello' },
      { name: 'July 2025/July 2025 ASP Pricing File.xlsx', data: 'not really' },
      { name: 'July 2025/July 2025 ASP Pricing File.csv', data: asp },
    ]);
    const t = await readTable(bytes, 'bundle.zip', match);
    expect(t.source).toBe('bundle.zip › July 2025/July 2025 ASP Pricing File.csv');
    expect(t.rows[1]).toEqual(['J0178', 'Aflibercept inj', '1 MG', '10.60']);
  });

  it('refuses a zip with an entry that climbs out of its folder, whatever else it holds', async () => {
    for (const name of ['../evil.csv', 'ok/../../evil.csv', '/etc/evil.csv']) {
      const bytes = zip([
        { name: 'ASP Pricing File.csv', data: asp },
        { name, data: 'x', store: true },
      ]);
      const err = await readError(bytes, 'bundle.zip');
      expect(err.code).toBe('ZIP_UNSAFE');
      expect(err.message).toMatch(/outside the archive/);
    }
  });

  it('says which files a bundle holds when the wanted one is missing, and refuses legacy .xls', async () => {
    await expect(readTable(zip([{ name: 'NOC Pricing File.csv', data: asp }]), 'b.zip', match)).rejects.toThrow(
      /does not hold a file named like "ASP Pricing File"; it holds NOC Pricing File.csv/,
    );
    await expect(readTable(zip([{ name: 'ASP Pricing File.xls', data: 'x' }]), 'b.zip', match)).rejects.toThrow(
      /\.xls/,
    );
  });

  it('refuses an entry that unpacks beyond 64 MB, whether its header says so or lies', async () => {
    const huge = zip([{ name: 'ASP Pricing File.csv', data: Buffer.alloc(65 * 1024 * 1024, 0x20) }]);
    expect(huge.length).toBeLessThan(1024 * 1024);
    await expect(readTable(huge, 'bomb.zip', match)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    const liar = zip([{ name: 'ASP Pricing File.csv', data: asp, claimedSize: 10 }]);
    await expect(readTable(liar, 'liar.zip', match)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('refuses empty, binary and legacy Excel files with a sentence', async () => {
    expect((await readError(Buffer.alloc(0), 'empty.csv')).code).toBe('FILE_EMPTY');
    expect((await readError(Buffer.from('\n\n , \n'), 'blank.csv')).code).toBe('FILE_EMPTY');
    expect((await readError(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), 'scan.pdf')).message).toMatch(
      /not a CSV, XLSX or zip/,
    );
    expect((await readError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), 'old.xls')).message).toMatch(/97-2003/);
    expect((await readError(Buffer.from('PK\x03\x04garbage'), 'broken.zip')).code).toBe('FILE_UNREADABLE');
  });
});

describe('quarter from a name', () => {
  it.each([
    ['July 2025 ASP Pricing File.zip', '2025Q3'],
    ['october-2024-asp-pricing-file.csv', '2024Q4'],
    ['Jan 2025 NOC Pricing File.xlsx', '2025Q1'],
    ['asp_2025Q2.csv', '2025Q2'],
    ['ASP Q3 2025.csv', '2025Q3'],
    ['asp 2025-q4.csv', '2025Q4'],
    ['Third Quarter 2025 payment limits', '2025Q3'],
    ['2025 April ASP', '2025Q2'],
    ['ASP Pricing File.csv', null],
    ['Summary 2025.csv', null],
    // Object's own property names are not months or ordinals.
    ['constructor 2025 ASP.csv', null],
    ['toString 2025.csv', null],
    ['__proto__ quarter 2025.csv', null],
    ['hasOwnProperty 2025 NOC.csv', null],
  ])('%s → %s', (name, quarter) => {
    expect(quarterFromText(name)).toBe(quarter);
  });
});

describe('CSV export cannot smuggle a formula', () => {
  it('prefixes cells beginning with = + - @ (and tab/CR), leaves plain numbers and text alone', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+3.25')).toBe('+3.25');
    expect(csvCell('Aflibercept')).toBe('Aflibercept');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('writes rows through csvCell with quoting', () => {
    expect(
      toCsv([
        ['name', 'price'],
        ['=1+2, "quoted"', '-5'],
      ]),
    ).toBe('name,price\r\n"\'=1+2, ""quoted""",-5\r\n');
  });
});
