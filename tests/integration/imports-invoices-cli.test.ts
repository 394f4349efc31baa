// `j3490 invoices import FILE --supplier ID|NAME` end to end, in process: the same preview and
// commit as `j3490 import`, with the supplier given by id or by name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countIn, runCliIn, seedDataDir } from './cli-run';
import { makeTempDir, removeTempDir } from './temp-dir';

let dir: string;
let supplierId: number;
let file: string;
beforeEach(() => {
  dir = makeTempDir();
  supplierId = seedDataDir(dir, ['00002759701', '50242004062'], (db, at) =>
    Number(
      db.prepare("INSERT INTO suppliers (name, created_at, updated_at) VALUES ('McKesson Specialty', ?, ?)").run(at, at)
        .lastInsertRowid,
    ),
  );
  file = join(dir, 'invoices.csv');
  writeFileSync(
    file,
    [
      'Invoice Number,Invoice Date,NDC,Lot,Expiry,Qty,Unit Cost,Extended',
      'C-1,2025-02-10,00002-7597-01,L1,2026-06-30,2,1170.00,2340.00',
      'C-1,2025-02-10,50242-0040-62,L2,2026-06-30,1,10.00,10.00',
      'C-2,2025-02-11,99999-9999-99,L3,2026-06-30,1,10.00,10.00',
      'C-3,2025-02-12,50242-0040-62,L4,2026-06-30,1,10.00,10.00',
    ].join('\n'),
  );
});
afterEach(() => removeTempDir(dir));

const cli = (...argv: string[]) => runCliIn(dir, argv);

const count = (table: string): number => countIn(dir, table);

describe('j3490 invoices import', () => {
  it('needs a supplier, and refuses an unknown name before reading the file', async () => {
    expect((await cli('invoices', 'import', file)).json).toMatchObject({ error: { code: 'SUPPLIER_REQUIRED' } });
    const unknown = await cli('invoices', 'import', file, '--supplier', 'Nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'SUPPLIER_NOT_FOUND' } });
    expect(count('invoices')).toBe(0);
  });

  it('refuses a file with bad rows (exit 2) and writes nothing', async () => {
    const { code, json } = await cli('invoices', 'import', file, '--supplier', String(supplierId));
    expect(code).toBe(2);
    expect(json).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' }, taken: 0, refused: 1 });
    expect(count('invoices')).toBe(0);
  });

  it('imports the valid invoices by supplier name with --accept-errors', async () => {
    const { code, json, err } = await cli(
      'invoices',
      'import',
      file,
      '--supplier',
      'mckesson specialty',
      '--accept-errors',
    );
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'invoices', taken: 3, refused: 1 });
    expect(err.join('\n')).toMatch(/row 4, NDC: NDC 99999-9999-99 is not in the drug catalog/);
    expect(count('invoices')).toBe(2);
    expect(count('invoice_lines')).toBe(3);
  });
});
