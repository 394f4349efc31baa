/**
 * The FDA NDC directory reader: the fixtures (tests/fixtures/reference/fda, see its README) read
 * as two files and as the zip the FDA publishes, the package → product join, dates, flags and
 * strengths, every kind of refused row, the files refused as a whole, Windows-1252 text, and the
 * time for a full-size directory (logged, not asserted: the benchmark judges speed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/services/app-error';
import { packageNdc11, readFdaNdc } from '../../../electron/services/reference/fda-ndc-reader';
import type { FdaPackageRow } from '../../../electron/services/reference/reference-rows';
import { parseNdc } from '../../../shared/domain/ndc';
import { fdaDirectoryFiles, fdaDirectoryNdc11s, PACKAGE_COLUMNS, PRODUCT_COLUMNS } from '../../bench/fda-files';
import { cp1252, zip } from '../../fixtures/imports/build';

const FIXTURES = join(__dirname, '../../fixtures/reference/fda');
const productTxt = readFileSync(join(FIXTURES, 'product.txt'));
const packageTxt = readFileSync(join(FIXTURES, 'package.txt'));
const fixtureFiles = [
  { fileName: 'product.txt', bytes: productTxt },
  { fileName: 'package.txt', bytes: packageTxt },
];

/** One row's cells by column name ("" when not given), tab-delimited. */
const line = (columns: readonly string[], row: Record<string, string>): string =>
  columns.map((c) => row[c] ?? '').join('\t');

/** Tab-delimited text: a header row, then the rows, each line ended by `eol`. */
const tsv = (columns: readonly string[], rows: Record<string, string>[], eol = '\r\n'): string =>
  [columns.join('\t'), ...rows.map((r) => line(columns, r))].join(eol) + eol;

const product = (id: string, fields: Record<string, string> = {}): Record<string, string> => ({
  PRODUCTID: `${id}_00000000-0000-4000-8000-000000000000`,
  PRODUCTNDC: id,
  PRODUCTTYPENAME: 'HUMAN PRESCRIPTION DRUG',
  PROPRIETARYNAME: 'Example',
  NONPROPRIETARYNAME: 'example',
  DOSAGEFORMNAME: 'INJECTION, SOLUTION',
  ROUTENAME: 'INTRAVENOUS',
  STARTMARKETINGDATE: '20200101',
  MARKETINGCATEGORYNAME: 'NDA',
  LABELERNAME: 'Example Labs',
  NDC_EXCLUDE_FLAG: 'N',
  ...fields,
});
const pkg = (productId: string, code: string, fields: Record<string, string> = {}): Record<string, string> => ({
  PRODUCTID: `${productId}_00000000-0000-4000-8000-000000000000`,
  PRODUCTNDC: productId,
  NDCPACKAGECODE: code,
  PACKAGEDESCRIPTION: `1 VIAL in 1 CARTON (${code})`,
  STARTMARKETINGDATE: '20200101',
  NDC_EXCLUDE_FLAG: 'N',
  SAMPLE_PACKAGE: 'N',
  ...fields,
});

const files = (productText: string | Buffer, packageText: string | Buffer) => [
  { fileName: 'product.txt', bytes: Buffer.isBuffer(productText) ? productText : Buffer.from(productText) },
  { fileName: 'package.txt', bytes: Buffer.isBuffer(packageText) ? packageText : Buffer.from(packageText) },
];

const byNdc = (rows: FdaPackageRow[]): Map<string, FdaPackageRow> => new Map(rows.map((r) => [r.ndc11, r]));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('readFdaNdc: the fixture directory', () => {
  it('reads every package, joined with its product, and refuses the one with a malformed NDC', async () => {
    const read = await readFdaNdc(fixtureFiles);
    expect(read.source).toBe('package.txt + product.txt');
    expect(read.release).toBeNull();
    expect(read.totalRows).toBe(9);
    expect(read.rows.map((r) => r.ndc11)).toEqual([
      '00002759701',
      '00002759702',
      '50242004062',
      '60575411201',
      '60575411202',
      '71336100001',
      '12345067890',
      '01234567890',
    ]);
    expect(read.errors).toEqual([
      { row: 5, column: 'NDCPACKAGECODE', code: 'NDC_INVALID', message: expect.stringContaining('"0002-759-01"') },
    ]);
  });

  it('fills every field of a package from package.txt and its product from product.txt', async () => {
    const rows = byNdc((await readFdaNdc(fixtureFiles)).rows);
    expect(rows.get('00002759701')).toEqual({
      ndc11: '00002759701',
      packageCode: '0002-7597-01',
      productNdc: '0002-7597',
      packageDescription: '1 VIAL, SINGLE-DOSE in 1 CARTON (0002-7597-01)  > 10 mL in 1 VIAL, SINGLE-DOSE',
      proprietaryName: 'Bendamustine Hydrochloride',
      nonproprietaryName: 'bendamustine hydrochloride',
      dosageForm: 'INJECTION, SOLUTION',
      route: 'INTRAVENOUS',
      labelerName: 'Eli Lilly and Company',
      strength: '25 mg/mL',
      pharmClasses: 'Alkylating Activity [MoA], Alkylating Drug [EPC], Nitrogen Mustard Compounds [CS]',
      productType: 'HUMAN PRESCRIPTION DRUG',
      marketingCategory: 'NDA',
      startMarketing: '2018-03-01',
      endMarketing: null,
      excluded: false,
      sample: false,
    } satisfies FdaPackageRow);
  });

  it('reads Onpattro (71336-1000-1, the 5-4-1 form of 71336-1000-01) as the FDA lists it', async () => {
    const onpattro = byNdc((await readFdaNdc(fixtureFiles)).rows).get('71336100001');
    expect(onpattro).toMatchObject({
      packageCode: '71336-1000-1',
      productNdc: '71336-1000',
      proprietaryName: 'Onpattro',
      nonproprietaryName: 'patisiran',
      labelerName: 'Alnylam Pharmaceuticals, Inc.',
      dosageForm: 'INJECTION, LIPID COMPLEX',
      route: 'INTRAVENOUS',
      strength: '2 mg/mL',
      packageDescription: '1 VIAL, SINGLE-DOSE in 1 CARTON (71336-1000-1)  > 5 mL in 1 VIAL, SINGLE-DOSE',
      startMarketing: '2018-08-10',
    });
  });

  it('pads each 10-digit shape where its hyphens say: 4-4-2, 5-3-2 and 5-4-1', async () => {
    const rows = byNdc((await readFdaNdc(fixtureFiles)).rows);
    expect(rows.get('00002759701')?.packageCode).toBe('0002-7597-01');
    expect(rows.get('50242004062')?.packageCode).toBe('50242-040-62');
    expect(rows.get('60575411201')?.packageCode).toBe('60575-4112-1');
  });

  it('keeps two packages whose unhyphenated ten digits are the same as two different NDCs', async () => {
    const rows = byNdc((await readFdaNdc(fixtureFiles)).rows);
    const a = rows.get('12345067890');
    const b = rows.get('01234567890');
    expect(a?.packageCode.replaceAll('-', '')).toBe('1234567890');
    expect(b?.packageCode.replaceAll('-', '')).toBe('1234567890');
    expect(a?.proprietaryName).toBe('Sodium Chloride');
    expect(b?.proprietaryName).toBe('Imatinib Mesylate');
  });

  it("takes the package's own end date, else its product's", async () => {
    const rows = byNdc((await readFdaNdc(fixtureFiles)).rows);
    expect(rows.get('00002759702')).toMatchObject({ startMarketing: '2018-03-01', endMarketing: '2021-06-30' });
    expect(rows.get('12345067890')).toMatchObject({ startMarketing: '2010-01-04', endMarketing: '2019-12-31' });
  });

  it("marks a package excluded through its product's NDC_EXCLUDE_FLAG, and samples by SAMPLE_PACKAGE", async () => {
    const rows = (await readFdaNdc(fixtureFiles)).rows;
    expect(rows.filter((r) => r.excluded).map((r) => r.ndc11)).toEqual(['12345067890']);
    expect(rows.filter((r) => r.sample).map((r) => r.ndc11)).toEqual(['60575411202']);
  });

  it('carries the classes, categories and routes a reviewer filters on', async () => {
    const rows = byNdc((await readFdaNdc(fixtureFiles)).rows);
    expect(rows.get('01234567890')?.pharmClasses).toContain('Kinase Inhibitor [EPC]');
    expect(rows.get('50242004062')?.marketingCategory).toBe('BLA');
    expect(rows.get('60575411201')).toMatchObject({
      route: 'RESPIRATORY (INHALATION)',
      dosageForm: 'AEROSOL, METERED',
      // Two ingredients: each strength beside its own unit.
      strength: '160 ug/1; 4.5 ug/1',
    });
  });
});

describe('readFdaNdc: the forms the directory comes in', () => {
  it('reads ndctext.zip as the FDA publishes it, with the same rows as the two files', async () => {
    const bytes = zip([
      { name: 'product.txt', data: productTxt },
      { name: 'package.txt', data: packageTxt },
    ]);
    const fromZip = await readFdaNdc([{ fileName: 'ndctext.zip', bytes }]);
    const fromFiles = await readFdaNdc(fixtureFiles);
    expect(fromZip.source).toBe('ndctext.zip › package.txt + product.txt');
    expect(fromZip.rows).toEqual(fromFiles.rows);
    expect(fromZip.errors).toEqual(fromFiles.errors);
  });

  it('reads the excluded zip (Products_excluded.txt, Packages_excluded.txt in a folder), flag E as excluded', async () => {
    const bytes = zip([
      {
        name: 'ndc_excluded/Products_excluded.txt',
        data: tsv(PRODUCT_COLUMNS, [product('0002-1111', { NDC_EXCLUDE_FLAG: 'E' })]),
      },
      {
        name: 'ndc_excluded/Packages_excluded.txt',
        data: tsv(PACKAGE_COLUMNS, [pkg('0002-1111', '0002-1111-01', { NDC_EXCLUDE_FLAG: 'E' })]),
      },
    ]);
    const read = await readFdaNdc([{ fileName: 'ndc_excluded.zip', bytes }]);
    expect(read.source).toBe('ndc_excluded.zip › Packages_excluded.txt + Products_excluded.txt');
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]).toMatchObject({ ndc11: '00002111101', excluded: true });
  });

  it('reads the unfinished zip, whose files leave out columns such as the route and classes', async () => {
    const columns = PRODUCT_COLUMNS.filter((c) => !['PROPRIETARYNAME', 'ROUTENAME', 'PHARM_CLASSES'].includes(c));
    const bytes = zip([
      { name: 'unfinished_product.txt', data: tsv(columns, [product('12345-222', { PHARM_CLASSES: 'ignored' })]) },
      { name: 'unfinished_package.txt', data: tsv(PACKAGE_COLUMNS, [pkg('12345-222', '12345-222-01')]) },
    ]);
    const read = await readFdaNdc([{ fileName: 'ndc_unfinished.zip', bytes }]);
    expect(read.errors).toEqual([]);
    expect(read.rows[0]).toMatchObject({ ndc11: '12345022201', proprietaryName: '', route: '', pharmClasses: '' });
  });

  it('tells two files apart by their header when their names say neither product nor package', async () => {
    const read = await readFdaNdc([
      { fileName: 'b.txt', bytes: packageTxt },
      { fileName: 'a.txt', bytes: productTxt },
    ]);
    expect(read.source).toBe('b.txt + a.txt');
    expect(read.rows).toHaveLength(8);
  });

  it('finds columns by name, whatever their order, and reads LF, CR/LF and a last line without an end', async () => {
    const reordered = [...PACKAGE_COLUMNS].reverse();
    const packages = tsv(reordered, [pkg('0002-1111', '0002-1111-01'), pkg('0002-1111', '0002-1111-02')], '\n');
    const products = tsv(PRODUCT_COLUMNS, [product('0002-1111')], '\r\n');
    const read = await readFdaNdc(files(products.slice(0, -2), packages.slice(0, -1)));
    expect(read.errors).toEqual([]);
    expect(read.totalRows).toBe(2);
    expect(read.rows.map((r) => [r.ndc11, r.packageDescription])).toEqual([
      ['00002111101', '1 VIAL in 1 CARTON (0002-1111-01)'],
      ['00002111102', '1 VIAL in 1 CARTON (0002-1111-02)'],
    ]);
  });

  it('skips blank lines but counts them in line numbers', async () => {
    const packages = `${PACKAGE_COLUMNS.join('\t')}\n\n${line(PACKAGE_COLUMNS, pkg('0002-1111', '0002-1111-1'))}\n`;
    const read = await readFdaNdc(files(tsv(PRODUCT_COLUMNS, [product('0002-1111')]), packages));
    expect(read.totalRows).toBe(1);
    expect(read.errors).toEqual([expect.objectContaining({ row: 3, code: 'NDC_INVALID' })]);
  });

  it('joins packages listed in any order to their products, not only in the order of product.txt', async () => {
    const { product: productBytes, package: packageBytes } = fdaDirectoryFiles(2_000, 7);
    const [header = '', ...lines] = packageBytes
      .toString('latin1')
      .split('\r\n')
      .filter((l) => l !== '');
    // A fixed shuffle: every seventh line first, then the rest backwards.
    const shuffled = [...lines.filter((_, i) => i % 7 === 0), ...lines.filter((_, i) => i % 7 !== 0).reverse()];
    const inOrder = await readFdaNdc(files(productBytes, packageBytes));
    const outOfOrder = await readFdaNdc(files(productBytes, Buffer.from([header, ...shuffled].join('\r\n'), 'latin1')));
    expect(outOfOrder.errors).toEqual([]);
    const sorted = (rows: FdaPackageRow[]) => [...rows].sort((a, b) => a.ndc11.localeCompare(b.ndc11));
    expect(sorted(outOfOrder.rows)).toEqual(sorted(inOrder.rows));
  });

  it('joins a package to the first row of a PRODUCTID that product.txt lists twice', async () => {
    const read = await readFdaNdc(
      files(
        tsv(PRODUCT_COLUMNS, [
          product('0002-1111', { PROPRIETARYNAME: 'First' }),
          product('0002-2222'),
          product('0002-1111', { PROPRIETARYNAME: 'Second' }),
        ]),
        tsv(PACKAGE_COLUMNS, [pkg('0002-2222', '0002-2222-01'), pkg('0002-1111', '0002-1111-01')]),
      ),
    );
    expect(read.rows.map((r) => r.proprietaryName)).toEqual(['Example', 'First']);
  });

  it('adds the name suffix to the proprietary name (Seroquel + XR)', async () => {
    const read = await readFdaNdc(
      files(
        tsv(PRODUCT_COLUMNS, [product('0310-0280', { PROPRIETARYNAME: 'Seroquel', PROPRIETARYNAMESUFFIX: 'XR' })]),
        tsv(PACKAGE_COLUMNS, [pkg('0310-0280', '0310-0280-60')]),
      ),
    );
    expect(read.rows[0]?.proprietaryName).toBe('Seroquel XR');
  });

  it('decodes Windows-1252 bytes (é, ®, ’) as sagerx reads these files', async () => {
    // U+0092 becomes the byte 0x92: the right single quote in Windows-1252, a control in ISO-8859-1.
    const products = cp1252(
      tsv(PRODUCT_COLUMNS, [
        product('0002-1111', { LABELERNAME: 'Laboratoires Négma', PROPRIETARYNAME: '\u0092Exampla\u00ae' }),
      ]),
    );
    const read = await readFdaNdc(files(products, tsv(PACKAGE_COLUMNS, [pkg('0002-1111', '0002-1111-01')])));
    expect(read.rows[0]).toMatchObject({ labelerName: 'Laboratoires Négma', proprietaryName: '\u2019Exampla®' });
  });
});

describe('readFdaNdc: refused rows', () => {
  const products = tsv(PRODUCT_COLUMNS, [
    product('0002-1111'),
    product('0002-2222', { ENDMARKETINGDATE: '20231345' }),
    product('0002-3333'),
  ]);

  it('refuses each bad row once, with its line, column and reason, and reads the others', async () => {
    const packages = tsv(PACKAGE_COLUMNS, [
      pkg('0002-1111', '0002-1111-01'),
      pkg('0002-9999', '0002-9999-01'),
      pkg('0002-2222', '0002-2222-01'),
      pkg('0002-3333', '0002-3333-01', { STARTMARKETINGDATE: '2023-01-05' }),
      pkg('0002-3333', '1234567890'),
      pkg('0002-3333', '71336-1000-01'),
      pkg('0002-3333', ''),
      pkg('0002-3333', '0002-3333-02', { ENDMARKETINGDATE: '20230231' }),
      pkg('0002-3333', '0002-3333-03', { SAMPLE_PACKAGE: 'Y' }),
    ]);
    const read = await readFdaNdc(files(products, packages));
    expect(read.totalRows).toBe(9);
    expect(read.rows.map((r) => r.ndc11)).toEqual(['00002111101', '00002333303']);
    expect(read.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'PRODUCTID', 'FDA_PRODUCT_NOT_FOUND'],
      [4, 'ENDMARKETINGDATE (product.txt)', 'DATE_INVALID'],
      [5, 'STARTMARKETINGDATE', 'DATE_INVALID'],
      [6, 'NDCPACKAGECODE', 'NDC_INVALID'],
      [7, 'NDCPACKAGECODE', 'NDC_INVALID'],
      [8, 'NDCPACKAGECODE', 'NDC_INVALID'],
      [9, 'ENDMARKETINGDATE', 'DATE_INVALID'],
    ]);
    expect(read.errors[1]?.message).toContain('line 3 of product.txt');
    expect(read.errors[1]?.message).toContain('"20231345"');
    expect(read.errors[2]?.message).toContain('YYYYMMDD');
    // One refusal per refused row: the preview counts refused rows by the errors.
    expect(read.errors).toHaveLength(read.totalRows - read.rows.length);
  });

  it('keeps the first listing of an NDC listed twice and refuses the later one', async () => {
    const packages = tsv(PACKAGE_COLUMNS, [
      pkg('0002-1111', '0002-1111-01', { PACKAGEDESCRIPTION: 'first' }),
      pkg('0002-3333', '0002-3333-01', { STARTMARKETINGDATE: 'bad' }),
      pkg('0002-1111', '0002-1111-01', { PACKAGEDESCRIPTION: 'second' }),
    ]);
    const read = await readFdaNdc(files(products, packages));
    expect(read.rows.map((r) => r.packageDescription)).toEqual(['first']);
    expect(read.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'DATE_INVALID'],
      [4, 'NDC_DUPLICATE'],
    ]);
    expect(read.errors[1]?.message).toContain('first on line 2');
  });
});

describe('packageNdc11: the fast path for package codes', () => {
  const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

  it('pads each of the three shapes exactly as parseNdc does', () => {
    const shaped = fc.oneof(
      fc.tuple(digits(4), digits(4), digits(2)),
      fc.tuple(digits(5), digits(3), digits(2)),
      fc.tuple(digits(5), digits(4), digits(1)),
    );
    fc.assert(
      fc.property(shaped, (parts) => {
        const code = parts.join('-');
        const parsed = parseNdc(code);
        expect(parsed.ok).toBe(true);
        expect(packageNdc11(code)).toBe(parsed.ok ? parsed.ndc11 : null);
      }),
    );
  });

  it('declines everything else (digits, hyphens and others in any arrangement), leaving it to parseNdc', () => {
    const anyCode = fc.stringMatching(/^[0-9\- a]{10,14}$/);
    fc.assert(
      fc.property(anyCode, (code) => {
        const quick = packageNdc11(code);
        const parsed = parseNdc(code);
        if (quick !== null) expect(parsed).toMatchObject({ ok: true, ndc11: quick });
        if (!/^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d)$/.test(code)) expect(quick).toBeNull();
      }),
      { numRuns: 2000 },
    );
    for (const code of [
      '1234-56789-0',
      '12345-6789-01',
      '1234567890',
      '0002--597-01',
      '0002-7597-0a',
      ' 0002-7597-0',
    ]) {
      expect(packageNdc11(code)).toBeNull();
    }
  });
});

describe('readFdaNdc: files refused as a whole', () => {
  it('refuses a file that is not tab-delimited', async () => {
    const err = await refusal(readFdaNdc(files(PRODUCT_COLUMNS.join(',') + '\n', packageTxt)));
    expect(err.code).toBe('REFERENCE_HEADER_NOT_FOUND');
    expect(err.message).toContain('product.txt');
  });

  it('refuses a package list without its NDCPACKAGECODE column', async () => {
    const columns = PACKAGE_COLUMNS.filter((c) => c !== 'NDCPACKAGECODE');
    const err = await refusal(readFdaNdc(files(productTxt, tsv(columns, [pkg('0002-1111', '0002-1111-01')]))));
    expect(err.code).toBe('REFERENCE_HEADER_NOT_FOUND');
    expect(err.message).toContain('NDCPACKAGECODE');
  });

  it('refuses an empty product list', async () => {
    const err = await refusal(readFdaNdc(files('', packageTxt)));
    expect(err.code).toBe('REFERENCE_HEADER_NOT_FOUND');
  });

  it('refuses a zip without package.txt, one loose file, and two product lists', async () => {
    const noPackages = zip([{ name: 'product.txt', data: productTxt }]);
    expect((await refusal(readFdaNdc([{ fileName: 'ndctext.zip', bytes: noPackages }]))).code).toBe('FDA_FILE_MISSING');
    expect((await refusal(readFdaNdc([{ fileName: 'package.txt', bytes: packageTxt }]))).code).toBe('FDA_FILE_MISSING');
    const twoProducts = [
      { fileName: 'product.txt', bytes: productTxt },
      { fileName: 'product (1).txt', bytes: productTxt },
    ];
    expect((await refusal(readFdaNdc(twoProducts))).code).toBe('FDA_FILE_MISSING');
  });

  it('refuses a damaged zip with the code the import wizard uses for unreadable files', async () => {
    const damaged = zip([{ name: 'product.txt', data: productTxt }]).subarray(0, 60);
    expect((await refusal(readFdaNdc([{ fileName: 'ndctext.zip', bytes: damaged }]))).code).toBe('FILE_UNREADABLE');
  });
});

describe('readFdaNdc: a full-size directory', () => {
  it('reads 250,000 packages (time logged)', async () => {
    const { product: productBytes, package: packageBytes } = fdaDirectoryFiles(250_000);
    const t = process.hrtime.bigint();
    const read = await readFdaNdc(files(productBytes, packageBytes));
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(
      `FDA NDC reader: ${read.rows.length} packages (${(productBytes.length / 1e6).toFixed(1)} MB product.txt, ${(packageBytes.length / 1e6).toFixed(1)} MB package.txt) in ${ms.toFixed(0)} ms`,
    );
    expect(read.totalRows).toBe(250_000);
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => r.ndc11)).toEqual(fdaDirectoryNdc11s(250_000));
  }, 60_000);
});
