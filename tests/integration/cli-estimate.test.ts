// `j3490 estimate [FILE]`: the CLI contract of issue #3 (domain.md §9 B as the worked example).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from './cli-run';
import { makeTempDir, removeTempDir } from './temp-dir';

const exampleFile = join(__dirname, '../fixtures/scenarios/example-b.json');
let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const cli = (argv: string[], stdin = '') => runCliIn(dir, argv, stdin);

describe('j3490 estimate', () => {
  it('B (95% AWP, multi-dose, Medicare split) from a file: the documented result', async () => {
    const { code, json } = await cli(['estimate', exampleFile]);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      ok: true,
      ndc11: '00002759701',
      lines: [
        {
          kind: 'given',
          hcpcs: 'J3490',
          modifiers: [],
          units: '1',
          ndcQuantity: '2.25',
          ndcUnit: 'ML',
          n4: 'N400002759701 ML2.25',
          billedCharge: '300.00',
          basis: '270.00',
          allowed: '256.50',
          acquisitionCost: '213.75',
        },
      ],
      totals: {
        allowed: '256.50',
        deductible: '0.00',
        coinsurance: '51.30',
        sequestration: '4.10',
        payerPays: '201.10',
        patientPays: '51.30',
        acquisitionCost: '213.75',
        margin: '38.65',
      },
    });
    expect((json.trace as string[]).length).toBeGreaterThan(3);
  });

  it('reads the scenario from stdin when no file is given', async () => {
    const { code, json } = await cli(['estimate'], readFileSync(exampleFile, 'utf8'));
    expect(code).toBe(0);
    expect((json.totals as { payerPays: string }).payerPays).toBe('201.10');
  });

  it('waste on a multi-dose vial exits 2 with WASTE_ON_MULTI_DOSE', async () => {
    const scenario = JSON.parse(readFileSync(exampleFile, 'utf8')) as Record<string, unknown>;
    scenario.wasted = { amount: '5', unit: 'mg' };
    const { code, json } = await cli(['estimate'], JSON.stringify(scenario));
    expect(code).toBe(2);
    expect(json).toMatchObject({ ok: false, error: { code: 'WASTE_ON_MULTI_DOSE' } });
    expect(typeof (json.error as { message: string }).message).toBe('string');
  });

  it('a malformed amount exits 2 naming the field; bad JSON exits 2 NOT_JSON; a missing file FILE_UNREADABLE', async () => {
    const scenario = JSON.parse(readFileSync(exampleFile, 'utf8')) as Record<string, unknown>;
    scenario.billedCharge = '1e3';
    const bad = await cli(['estimate'], JSON.stringify(scenario));
    expect(bad.code).toBe(2);
    expect(bad.json).toMatchObject({ ok: false, error: { fields: [{ field: 'billedCharge' }] } });
    expect((await cli(['estimate'], '{oops')).json).toMatchObject({ ok: false, error: { code: 'NOT_JSON' } });
    const missing = await cli(['estimate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
  });
});
