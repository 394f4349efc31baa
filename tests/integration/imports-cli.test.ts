// `j3490 import KIND FILE ...` end to end, in process: the CLI reads the file, previews and
// commits through the normal dispatcher, and exits 2 (writing nothing) when rows are refused
// and not accepted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countIn, runCliIn, seedDataDir } from './cli-run';
import { fixturePath } from '../fixtures/imports/build';
import { makeTempDir, removeTempDir } from './temp-dir';

let dir: string;
let payerId: number;
beforeEach(() => {
  dir = makeTempDir();
  payerId = seedDataDir(dir, ['00002759701', '50242004062', '60575411201', '71336100001'], (db, at) =>
    Number(
      db
        .prepare(
          "INSERT INTO payers (name, payer_type, created_at, updated_at) VALUES ('Acme Health', 'commercial', ?, ?)",
        )
        .run(at, at).lastInsertRowid,
    ),
  );
});
afterEach(() => removeTempDir(dir));

const cli = (...argv: string[]) => runCliIn(dir, argv);

const count = (table: string): number => countIn(dir, table);

describe('j3490 import', () => {
  it('refuses a file with bad rows (exit 2), lists them, and writes nothing', async () => {
    const { code, json } = await cli('import', 'prices', fixturePath('prices-with-errors.csv'));
    expect(code).toBe(2);
    expect(json).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' } });
    const fields = (json.error as { fields: { field: string; code: string }[] }).fields;
    expect(fields.map((f) => `${f.field} ${f.code}`)).toEqual([
      'row 4, Price AMOUNT_INVALID',
      'row 5, Price AMOUNT_INVALID',
      'row 6, Effective Date DATE_INVALID',
      'row 7, NDC NDC_UNKNOWN',
      'row 8, NDC NDC_AMBIGUOUS',
      'row 9, Price AMOUNT_INVALID',
    ]);
    expect(json).toMatchObject({ taken: 0, refused: 6 });
    expect((json as { errors: unknown[] }).errors).toHaveLength(6);
    expect(count('drug_prices')).toBe(0);
    expect(count('imports')).toBe(0);
  });

  it('--accept-errors imports the good rows, reports the counts and lists what was left out on stderr', async () => {
    const { code, json, err } = await cli('import', 'prices', fixturePath('prices-with-errors.csv'), '--accept-errors');
    expect(code).toBe(0);
    expect(json).toMatchObject({
      importId: 1,
      kind: 'prices',
      fileName: 'prices-with-errors.csv',
      taken: 2,
      refused: 6,
    });
    const errors = (json as { errors: { row: number; column: string; message: string }[] }).errors;
    expect(errors).toHaveLength(6);
    expect(errors[0]).toMatchObject({ row: 4, column: 'Price' });
    expect(err[0]).toBe('Leaving out 6 refused row(s):');
    expect(err[1]).toMatch(/^ {2}row 4, Price: /);
    expect(count('drug_prices')).toBe(2);
  });

  it('imports a fee schedule for a payer by id, then the same layout again without a mapping', async () => {
    const file = join(dir, 'acme.csv');
    writeFileSync(file, 'Proc;Payment;Qty;UOM;Eff\nJ3490;2.50;1;mg;2025-01-01\n');
    const first = await cli(
      'import',
      'fee-schedule',
      file,
      '--payer',
      String(payerId),
      '--map',
      'code=Proc;rate=Payment;perAmount=Qty;perUnit=UOM;effectiveFrom=Eff',
    );
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ kind: 'fee-schedule', taken: 1, refused: 0 });
    writeFileSync(file, 'Proc;Payment;Qty;UOM;Eff\nJ3490;2.75;1;mg;2025-04-01\n');
    const second = await cli('import', 'fee-schedule', file, '--payer', String(payerId));
    expect(second.code).toBe(0);
    expect(count('fee_schedule_entries')).toBe(2);
  });

  it('finds the payer by name (payers:get), and refuses a name no payer has', async () => {
    const byName = await cli('import', 'fee-schedule', fixturePath('fee-schedule-acme.csv'), '--payer', 'acme health');
    expect(byName).toMatchObject({ code: 0, json: { kind: 'fee-schedule', taken: 3 } });
    const unknown = await cli(
      'import',
      'fee-schedule',
      fixturePath('fee-schedule-acme.csv'),
      '--payer',
      'Nobody Mutual',
    );
    expect(unknown).toMatchObject({ code: 2, json: { error: { code: 'PAYER_NOT_FOUND' } } });
  });

  it('imports a CMS ASP file with --quarter, and maps pairs given after the file', async () => {
    const { code, json } = await cli(
      'import',
      'cms-asp',
      fixturePath('asp-pricing-file-july-2024.csv'),
      '--quarter',
      '2024Q4',
    );
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'cms-asp', taken: 6 });
    const file = join(dir, 'awp.csv');
    writeFileSync(file, 'NDC,Cost,Date\n00002-7597-01,5.00,2025-01-01\n');
    const mapped = await cli('import', 'prices', file, 'awp=Cost');
    expect(mapped).toMatchObject({ code: 0, json: { taken: 1 } });
  });

  it('exits 2 on a refusal before any row is read', async () => {
    expect((await cli('import', 'fee-schedule', fixturePath('fee-schedule-acme.csv'))).json).toMatchObject({
      error: { code: 'PAYER_REQUIRED' },
    });
    expect(await cli('import', 'invoices', 'x.csv')).toMatchObject({
      code: 2,
      json: { error: { code: 'ARGUMENT_INVALID' } },
    });
    expect(await cli('import', 'prices', join(dir, 'missing.csv'))).toMatchObject({
      code: 2,
      json: { error: { code: 'FILE_UNREADABLE' } },
    });
    expect(await cli('import', 'prices')).toMatchObject({ code: 2, json: { error: { code: 'ARGUMENT_MISSING' } } });
  });
});

describe("j3490 with words that name Object's own properties", () => {
  const WORDS = ['toString', 'constructor', '__proto__', 'hasOwnProperty'];

  it.each(WORDS)('refuses price type %j as a row error (exit 2), not INTERNAL (exit 1)', async (word) => {
    const file = join(dir, 'prices.csv');
    writeFileSync(file, `NDC,Price Type,Price,Effective Date\n00002-7597-01,${word},1.00,2025-01-01\n`);
    const { code, json } = await cli('import', 'prices', file);
    expect(code).toBe(2);
    expect(json).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' }, refused: 1 });
    expect((json.error as { fields: unknown[] }).fields).toEqual([
      {
        field: 'row 2, Price Type',
        code: 'PRICE_TYPE_INVALID',
        message: `Price type "${word}" is neither AWP nor WAC.`,
      },
    ]);
    expect(count('drug_prices')).toBe(0);
  });

  it.each(WORDS)('refuses per unit %j as a row error (exit 2)', async (word) => {
    const file = join(dir, 'fees.csv');
    writeFileSync(file, `Code,Rate,Per Amount,Per Unit,Effective From\nJ3490,1.00,1,${word},2025-01-01\n`);
    const { code, json } = await cli('import', 'fee-schedule', file, '--payer', String(payerId));
    expect(code).toBe(2);
    expect((json.error as { fields: { field: string; code: string }[] }).fields).toMatchObject([
      { field: 'row 2, Per Unit', code: 'UNIT_INVALID' },
    ]);
  });

  it.each(WORDS)('refuses %j as a drug route and as a channel (exit 2)', async (word) => {
    const drug = await cli(
      ...['drugs', 'add', '--ndc', '0002-7597-01', '--generic-name', 'X', '--strength-amount', '20'],
      ...['--strength-unit', 'mg', '--package-size', '10', '--ndc-unit', 'ML', '--container', 'single-dose'],
      ...['--route', word],
    );
    expect(drug.code).toBe(2);
    expect(drug.json).toMatchObject({ ok: false, error: { fields: [{ field: 'route' }] } });
    const channel = await cli('call', word, '{}');
    expect(channel).toMatchObject({ code: 2, json: { error: { code: 'UNKNOWN_CHANNEL' } } });
  });
});
