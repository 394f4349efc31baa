/**
 * readTable (every imported price list, invoice or bundle goes through it) on random bytes, CSV
 * built from quotes, delimiters, BOMs and huge fields, and real .xlsx workbooks (exceljs) cut and
 * overwritten: a table or a ReadError with a code, never another throw. A zip with a "../" entry
 * or one that unpacks a thousand times its size is refused from its directory (ZIP_UNSAFE,
 * FILE_TOO_LARGE), whatever else the fuzzer puts beside it.
 */
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/services/imports/read-table';
import { ReadError } from '../../../electron/services/imports/table';
import { deflatedZeros, xlsx, zip } from '../../fixtures/imports/build';
import { SEED, expectCodedError, withinBudget } from './coded';

const ASP = { test: (n: string) => /asp pricing file/i.test(n), describe: 'ASP Pricing File' };

/** How many inputs were read and how many refused: both must occur, or the fuzzer missed one side. */
const seen = { read: 0, refused: 0 };

async function check(bytes: Buffer, name = 'prices.csv'): Promise<void> {
  try {
    const table = await readTable(bytes, name, ASP);
    expect(table.lines.length).toBe(table.rowCount);
    const cells: string[] = [];
    for (let r = 0; r < table.rowCount; r++) table.rowInto(r, cells);
    seen.read++;
  } catch (err) {
    expectCodedError(err);
    seen.refused++;
  }
}

async function refusal(bytes: Buffer, name: string): Promise<ReadError> {
  try {
    await readTable(bytes, name, ASP);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error(`${name} was read`);
}

const BOMS = [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
const csvPiece = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '"',
      '""',
      ',',
      ';',
      '\t',
      '\r\n',
      '\n',
      '\r',
      'HCPCS',
      'Payment Limit',
      'J9035',
      '1.50',
      ' ',
      '\u00e9',
      '\u0000',
    ),
    weight: 10,
  },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 10 },
  // A huge field (one input in three or so has one): up to 100,000 characters in a cell, quoted or not.
  {
    arbitrary: fc
      .tuple(fc.boolean(), fc.integer({ min: 10_000, max: 100_000 }))
      .map(([q, n]) => (q ? `"${'x'.repeat(n)}"` : 'y'.repeat(n))),
    weight: 1,
  },
);
const csvBytes = fc
  .tuple(fc.nat(BOMS.length - 1), fc.array(csvPiece, { maxLength: 40 }), fc.constantFrom('utf8', 'utf16le', 'latin1'))
  .map(([b, pieces, enc]) =>
    Buffer.concat([BOMS[b] ?? Buffer.alloc(0), Buffer.from(pieces.join(''), enc as BufferEncoding)]),
  );

describe('imported files fuzzed', () => {
  let book: Buffer;
  beforeEach(() => {
    seen.read = 0;
    seen.refused = 0;
  });
  beforeAll(async () => {
    book = await xlsx([
      ['HCPCS', 'Short Description', 'Payment Limit'],
      ['J9035', 'Bevacizumab', 1.5],
      ['J3490', 'Unclassified', { formula: 'C2*2', result: 3 }],
    ]);
  });

  // About 1 s for 10,000 runs on the 2-core machine.
  it('random bytes, under any name, end in a table or a coded ReadError', async () => {
    await withinBudget(15_000, async () => {
      const start = fc.constantFrom(Buffer.alloc(0), Buffer.from('PK\x03\x04'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
      await fc.assert(
        fc.asyncProperty(
          start,
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom('a.csv', 'a.xlsx', 'a.zip'),
          (s, b, n) => check(Buffer.concat([s, b]), n),
        ),
        { numRuns: 10_000, seed: SEED },
      );
    });
  });

  // About 7 s for 10,000 runs (about one input in three carries a field of 10,000–100,000 characters).
  it('CSV made of quotes, delimiters, BOMs and huge fields ends in a table or a coded ReadError', async () => {
    await withinBudget(25_000, async () => {
      await fc.assert(
        fc.asyncProperty(csvBytes, (b) => check(b)),
        { numRuns: 10_000, seed: SEED },
      );
    });
    expect(seen.read).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  // About 8 s for 10,000 runs: most mutants die in the zip directory; those that survive reach exceljs.
  it('a real .xlsx truncated or overwritten ends in a table or a coded ReadError', async () => {
    const edit = fc.record({ at: fc.nat(), put: fc.uint8Array({ minLength: 1, maxLength: 8 }) });
    const mutant = fc.oneof(
      fc.nat().map((n) => book.subarray(0, n % book.length)),
      fc.array(edit, { minLength: 1, maxLength: 4 }).map((list) => {
        const b = Buffer.from(book);
        for (const e of list) b.set(e.put.subarray(0, b.length - (e.at % b.length)), e.at % b.length);
        return b;
      }),
    );
    await withinBudget(40_000, async () => {
      await fc.assert(
        fc.asyncProperty(mutant, (b) => check(b, 'prices.xlsx')),
        { numRuns: 10_000, seed: SEED },
      );
    });
    // Some mutants (an overwritten date or padding byte) still open in exceljs and are read.
    expect(seen.read).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it('a zip with an entry named outside the archive is refused (ZIP_UNSAFE), as .xlsx or bundle', async () => {
    const escape = fc.constantFrom('../', '../../', '/', 'C:\\', 'a/../../', '..\\');
    const baseName = fc.constantFrom('ASP Pricing File.csv', 'xl/workbook.xml', 'evil.sh', 'x');
    await withinBudget(10_000, async () => {
      await fc.assert(
        fc.asyncProperty(escape, baseName, fc.boolean(), async (up, leaf, first) => {
          const good = { name: 'ASP Pricing File.csv', data: 'HCPCS,Payment Limit\nJ9035,1.50\n' };
          const bad = { name: up + leaf, data: 'owned' };
          const err = await refusal(zip(first ? [bad, good] : [good, bad]), 'bundle.zip');
          expect(err.code).toBe('ZIP_UNSAFE');
        }),
        { numRuns: 200, seed: SEED },
      );
    });
  });

  it('a zip bomb (a few KB unpacking to 1 GB) is refused with FILE_TOO_LARGE before it is unpacked', async () => {
    const bomb = deflatedZeros('ASP Pricing File.csv', 1024);
    const small = zip([bomb]);
    expect(small.length).toBeLessThan(2 * 1024 * 1024);
    await withinBudget(5_000, async () => {
      expect((await refusal(small, 'bundle.zip')).code).toBe('FILE_TOO_LARGE');
      // The same inside a workbook, under a name exceljs would read.
      const book = zip([
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { ...bomb, name: 'xl/worksheets/sheet1.xml' },
      ]);
      expect((await refusal(book, 'prices.xlsx')).code).toBe('FILE_TOO_LARGE');
      // Ratio under the limit but declared over 64 MB: still refused by size.
      expect((await refusal(zip([deflatedZeros('ASP Pricing File.csv', 80)]), 'b.zip')).code).toBe('FILE_TOO_LARGE');
    });
  });
});
