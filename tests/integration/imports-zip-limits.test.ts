// Zip bombs and crafted zips, as an .xlsx and as a CMS bundle: the same entry size, packing
// ratio, total and count limits for every zip, checked before anything (exceljs included)
// unpacks it, and refused as FILE_TOO_LARGE naming the entry.
import { describe, expect, it } from 'vitest';
import { readTable } from '../../electron/services/imports/read-table';
import { ReadError } from '../../electron/services/imports/table';
import { deflatedZeros, unzipEntries, xlsx, zip, type ZipEntry } from '../fixtures/imports/build';
import { openHarness } from '../fixtures/imports/harness';
import { b64 } from '../fixtures/imports/build';

const ASP = { test: (n: string) => /asp pricing file/i.test(n), describe: 'ASP Pricing File' };

async function refusal(bytes: Buffer, name: string): Promise<ReadError> {
  try {
    await readTable(bytes, name, ASP);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

/** A small real workbook (exceljs) with `extra` entries added to its zip. */
async function workbookWith(extra: ZipEntry[], options: { listed?: number } = {}): Promise<Buffer> {
  const book = await xlsx([
    ['HCPCS', 'Payment Limit'],
    ['J9035', 1.5],
  ]);
  return zip([...(await unzipEntries(book)), ...extra], options);
}

describe('an .xlsx', () => {
  it('with a 1 GiB entry of zeros (1 MB packed) is refused from its directory, naming the entry', async () => {
    const bomb = await workbookWith([deflatedZeros('xl/media/image1.png', 1024)]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const err = await refusal(bomb, 'prices.xlsx');
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toBe(
      'xl/media/image1.png inside prices.xlsx is 1024 MB unpacked; the limit is 64 MB per file, so nothing was read from it.',
    );
    // Nothing near the gigabyte was unpacked on the way (exceljs held 3.3 GB for it).
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
    expect(grown).toBeLessThan(100 * 1024 * 1024);
  });

  it('with 16 MB of zeros in one entry (under the size limit, packed 1,000:1) is refused by its ratio', async () => {
    const bomb = await workbookWith([deflatedZeros('customXml/item1.xml', 16)]);
    const err = await refusal(bomb, 'prices.xlsx');
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toMatch(
      /^customXml\/item1\.xml inside prices\.xlsx unpacks to \d+ times its packed size \(16 MB\); no real workbook/,
    );
  });

  it('with an entry that claims 1 KB but unpacks to 256 MB is refused at the claimed size, naming it', async () => {
    const zeros = deflatedZeros('xl/media/image1.png', 256);
    const err = await refusal(await workbookWith([{ ...zeros, size: 1024 }]), 'prices.xlsx');
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toMatch(/^xl\/media\/image1\.png inside prices\.xlsx could not be unpacked \(too many bytes/);
  });

  it('is opened by exceljs with only the entries checked: one hidden past the listed count is never read', async () => {
    // The end record lists the workbook's entries only; a reader that walks the whole directory
    // (as exceljs's does) would also find the last one, whose bytes do not inflate.
    const entries = await unzipEntries(
      await xlsx([
        ['HCPCS', 'Payment Limit'],
        ['J9035', 1.5],
      ]),
    );
    const hidden: ZipEntry = { name: 'xl/media/hidden.bin', packed: Buffer.from('not deflate data'), crc: 0, size: 64 };
    const crafted = zip([...entries, hidden], { listed: entries.length });
    const table = await readTable(crafted, 'limits.xlsx', null);
    expect(table.rows).toEqual([
      ['HCPCS', 'Payment Limit'],
      ['J9035', '1.5'],
    ]);
  });

  it('a plain workbook still reads cell for cell', async () => {
    const table = await readTable(
      await xlsx([
        ['NDC', 'Price'],
        ['00002-7597-01', 10.6],
      ]),
      'p.xlsx',
      null,
    );
    expect(table.rows).toEqual([
      ['NDC', 'Price'],
      ['00002-7597-01', '10.6'],
    ]);
  });
});

describe('a CMS bundle', () => {
  it('whose pricing file is 16 MB of blanks packed 1,000:1 is refused by its ratio, naming it', async () => {
    const bundle = zip([{ name: 'July 2025 ASP Pricing File.csv', data: Buffer.alloc(16 * 1024 * 1024, 0x20) }]);
    const err = await refusal(bundle, 'bundle.zip');
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toMatch(/^July 2025 ASP Pricing File\.csv inside bundle\.zip unpacks to \d+ times/);
  });

  it('whose files together claim more than 256 MB is refused before any is read', async () => {
    // Five entries of 60 MB each packed 150:1: each within the limits, together 300 MB.
    const junk = Buffer.alloc(410 * 1024, 0x61);
    const entries: ZipEntry[] = [1, 2, 3, 4, 5].map((i) => ({
      name: `part ${i} ASP Pricing File.csv`,
      packed: junk,
      crc: 0,
      size: 60 * 1024 * 1024,
    }));
    const err = await refusal(zip(entries), 'bundle.zip');
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toBe(
      'bundle.zip unpacks to more than 256 MB in all; the limit is 256 MB, so nothing was read from it.',
    );
  });

  it('with an entry name of 10,000 characters names it by its first 80 only', async () => {
    const name = `${'x'.repeat(10_000)}.csv`;
    const err = await refusal(zip([deflatedZeros(name, 100)]), 'bundle.zip');
    expect(err.code).toBe('FILE_TOO_LARGE');
    expect(err.message).toBe(
      `${'x'.repeat(80)}… inside bundle.zip is 100 MB unpacked; the limit is 64 MB per file, so nothing was read from it.`,
    );
  });
});

describe('through imports:preview', () => {
  it('refuses the .xlsx bomb with FILE_TOO_LARGE and writes nothing', async () => {
    const h = openHarness();
    try {
      const bomb = await workbookWith([deflatedZeros('xl/media/image1.png', 1024)]);
      const err = await h.refusal('imports:preview', {
        kind: 'cms-asp',
        fileName: 'July 2025 ASP Pricing File.xlsx',
        contentBase64: b64(bomb),
      });
      expect(err.code).toBe('FILE_TOO_LARGE');
      expect(err.message).toMatch(/^xl\/media\/image1\.png inside July 2025 ASP Pricing File\.xlsx is 1024 MB/);
      expect(h.written()).toMatchObject({ imports: 0, limits: 0 });
    } finally {
      h.close();
    }
  });
});
