/**
 * The import fast paths against the general readers they stand in for. Each fast path may
 * decline (null) anything, but what it accepts must read exactly as the general reader reads it:
 * amounts (quick-cells.ts against readAmount + parseAmount / parseCents, decimal.js underneath),
 * and the CSV tokenizer's offset table (csv-table.ts) against csv-parse with the same options.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAmount } from '../../../electron/services/imports/cells';
import { csvTable } from '../../../electron/services/imports/csv-table';
import { decodeText } from '../../../electron/services/imports/decode';
import { quickAmount, quickCents, quickDecimal } from '../../../electron/services/imports/quick-cells';
import { parseAmount, parseCents } from '../../../shared/domain/money';

const TRICKY = [
  '0',
  '00',
  '-0',
  '+1',
  '0.0',
  '0.00',
  '0.0000001',
  '0.000001',
  '1',
  '1.',
  '.5',
  '12.',
  '12.3',
  ' 12.3 ',
  '12.30',
  '12.300',
  '12.3000',
  '12.34',
  '12.345',
  '12.3456',
  '12.34560',
  '12.34567',
  '0010.500',
  '000.50',
  '1,234.50',
  '1,234',
  '$12',
  '$1,170.00',
  '-$5.00',
  '1e3',
  '1E-2',
  '0x10',
  'NaN',
  'Infinity',
  '١٢',
  '12.3.4',
  '1 234',
  '9999999999999',
  '9999999999999.99',
  '99999999999999',
  '09999999999999.5',
  '1170.00',
  '2340',
  '',
];

/** What invoice-rows.ts's readDecimal gives: readAmount, then parseAmount to the decimals allowed. */
function slowDecimal(raw: string, maxDecimals: number, allowZero: boolean): string | null {
  const read = readAmount(raw, 'x', { allowZero });
  if (!read.ok) return null;
  const r = parseAmount(read.value, { maxDecimals, allowZero });
  return r.ok ? r.value.toFixed() : null;
}

/** What invoice-rows.ts's readCents gives: readAmount, then parseCents. */
function slowCents(raw: string): number | null {
  const read = readAmount(raw, 'x', { allowZero: true });
  if (!read.ok) return null;
  const r = parseCents(read.value);
  return r.ok ? r.cents : null;
}

const digitsText = fc
  .tuple(
    fc.stringMatching(/^[0-9]{1,16}$/),
    fc.option(fc.stringMatching(/^[0-9]{0,8}$/), { nil: undefined }),
    fc.constantFrom('', ' ', '$', ','),
  )
  .map(([whole, fraction, noise]) => {
    const text = fraction === undefined ? whole : `${whole}.${fraction}`;
    return noise === '' ? text : noise === ',' ? text.replace(/^(\d)(\d{3})/, '$1,$2') : `${noise}${text}`;
  });

describe('quickDecimal', () => {
  const cases: [number, boolean][] = [
    [2, true],
    [3, false],
    [4, true],
    [6, false],
  ];
  it.each(cases)('reads what readDecimal reads (%i places, zero allowed: %s), tricky cells', (places, zero) => {
    for (const raw of TRICKY) {
      const quick = quickDecimal(raw, places, zero);
      if (quick !== null) expect([raw, quick]).toEqual([raw, slowDecimal(raw, places, zero)]);
    }
  });

  it.each(cases)('reads what readDecimal reads (%i places, zero allowed: %s), generated cells', (places, zero) => {
    fc.assert(
      fc.property(digitsText, (raw) => {
        const quick = quickDecimal(raw, places, zero);
        if (quick !== null) expect(quick).toBe(slowDecimal(raw, places, zero));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the plain cells nearly every file holds, and leaves the rest to the general reader', () => {
    expect(quickDecimal('123.4567', 4, true)).toBe('123.4567');
    expect(quickDecimal('1170.00', 4, true)).toBe('1170');
    expect(quickDecimal('0010.500', 3, false)).toBe('10.5');
    expect(quickDecimal('2', 3, false)).toBe('2');
    expect(quickDecimal('0', 3, false)).toBeNull();
    expect(quickDecimal('12.3456', 3, false)).toBeNull();
    for (const raw of ['1,234.50', ' 12.3 ', '1e3', '-0', '$12', '12.', '.5', '']) {
      expect(quickDecimal(raw, 6, true)).toBeNull();
    }
  });
});

describe('quickCents', () => {
  it('reads what readCents reads, tricky cells', () => {
    for (const raw of TRICKY) {
      const quick = quickCents(raw);
      if (quick !== null) expect([raw, quick]).toEqual([raw, slowCents(raw)]);
    }
  });

  it('reads what readCents reads, generated cells', () => {
    fc.assert(
      fc.property(digitsText, (raw) => {
        const quick = quickCents(raw);
        if (quick !== null) expect(quick).toBe(slowCents(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives exact integer cents for plain amounts, and declines the rest', () => {
    expect(quickCents('1170.5')).toBe(117050);
    expect(quickCents('0.01')).toBe(1);
    expect(quickCents('10.010')).toBe(1001);
    expect(quickCents('9999999999999.99')).toBe(999999999999999);
    expect(quickCents('0')).toBe(0);
    expect(quickCents('10.005')).toBeNull();
    expect(quickCents('99999999999999')).toBeNull();
    for (const raw of ['1,234.50', ' 12.3 ', '1e3', '-0', '$12', '12.', '.5', '']) expect(quickCents(raw)).toBeNull();
  });

  it('every plain cell it takes is one quickAmount takes', () => {
    for (const raw of TRICKY) if (quickCents(raw) !== null) expect(quickAmount(raw, true)).not.toBeNull();
  });
});

describe('the CSV offset table', () => {
  const viaParse = (text: string): string[][] =>
    parse(text, { relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: false }) as string[][];

  const FILES = [
    'a,b,c\n1,2,3\n',
    'a,b,c\r\n1,2,3\r\n',
    'a , b ,c\n  1,2  ,\t3\t\n',
    'a,"b, with comma","c ""quoted"""\n"",x,""""\n',
    'a,"two\nlines",c\nd,e,f\n',
    'ragged\n1,2,3,4\n\n5\n',
    'trailing,comma,\nx,,\n',
    'no final newline,1\n2,3',
    '=HYPERLINK("x"),+1,-2,@SUM(A1)\n',
    'NDC,Price\n00002-7597-01,"$1,170.00"\n',
    '"",""\n,\n',
  ];

  it.each(FILES)('reads %j as csv-parse does', (text) => {
    const table = csvTable(text, 'x.csv');
    expect(table.rows).toEqual(viaParse(text));
    expect(table.rowCount).toBe(table.rows.length);
    const into: string[] = ['stale', 'stale', 'stale', 'stale', 'stale', 'stale'];
    for (let r = 0; r < table.rowCount; r++) {
      expect(table.row(r)).toEqual(table.rows[r]);
      const n = table.rowInto(r, into);
      expect(into.slice(0, n)).toEqual(table.rows[r]);
      expect(into.slice(n).every((c) => c === '')).toBe(true);
    }
  });

  it('reads cp1252 text (decoded per decode.ts) cell for cell', () => {
    // "Café – 10¢", with 0xE9 é, 0x96 en dash and 0xA2 cent sign as Windows-1252 bytes.
    const bytes = Buffer.from([
      ...Buffer.from('name,price\n"Caf'),
      0xe9,
      ...Buffer.from(' '),
      0x96,
      ...Buffer.from(' 10'),
      0xa2,
      ...Buffer.from('",1.00\n'),
    ]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    const table = csvTable(text, 'x.csv');
    expect(table.rows).toEqual([
      ['name', 'price'],
      ['Café – 10¢', '1.00'],
    ]);
    expect(table.rows).toEqual(viaParse(text));
  });

  it('reads a file whose first 64 KB hold few cells and the rest many (its offsets outgrow the first guess)', () => {
    const head = `note,${'x'.repeat(70_000)}\n`;
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},a,b,c,d,e,f,g`);
    const text = `${head}${rows.join('\n')}\n`;
    const table = csvTable(text, 'x.csv');
    expect(table.rowCount).toBe(20_001);
    expect(table.rows).toEqual(viaParse(text));
  });

  it('a table under another name keeps its rows and lines', () => {
    const table = csvTable('a,b\n"x\ny",2\n3,4\n', 'inner.csv');
    const renamed = table.withSource('outer.zip › inner.csv');
    expect(renamed.source).toBe('outer.zip › inner.csv');
    expect(renamed.rows).toEqual(table.rows);
    expect(renamed.lines).toEqual([1, 2, 4]);
  });
});
