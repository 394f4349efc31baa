/**
 * The CMS and FDA reference file readers (HCPCS, the ASP NDC–HCPCS crosswalk, the FDA NDC
 * directory) on random bytes and on their real fixture files cut, overwritten and with lines
 * dropped or repeated: a reading (refused rows listed) or an AppError with a code, never another
 * throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCrosswalk } from '../../../electron/services/reference/crosswalk-reader';
import { readFdaNdc } from '../../../electron/services/reference/fda-ndc-reader';
import { readHcpcs } from '../../../electron/services/reference/hcpcs-reader';
import { SEED, expectCodedError, withinBudget } from './coded';

const FIXTURES = join(__dirname, '../../fixtures/reference');
const file = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const hcpcsCsv = file('hcpcs-anweb.csv');
const hcpcsTxt = file('hcpcs-anweb.txt');
const crosswalk = file('asp-ndc-hcpcs-crosswalk-ndc.csv');
const product = file('fda/product.txt');
const pkg = file('fda/package.txt');

/** How many inputs were read and how many refused: both must occur, or the fuzzer missed one side. */
const seen = { read: 0, refused: 0 };

async function check(read: () => Promise<{ totalRows: number; rows: unknown[] }>): Promise<void> {
  try {
    const r = await read();
    expect(r.rows.length).toBeLessThanOrEqual(r.totalRows);
    seen.read++;
  } catch (err) {
    expectCodedError(err);
    seen.refused++;
  }
}

type Edit = { kind: 'cut' | 'overwrite' | 'drop-line' | 'repeat-line'; at: number; bytes: Uint8Array };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('cut', 'overwrite', 'drop-line', 'repeat-line'),
  at: fc.nat(),
  bytes: fc
    .uint8Array({ minLength: 1, maxLength: 6 })
    .chain((b) => fc.constantFrom(b, Buffer.from('\t'), Buffer.from('"'), Buffer.from(','), Buffer.from('\r\n'))),
});

function mutate(source: Buffer, edits: Edit[]): Buffer {
  let b = Buffer.from(source);
  for (const e of edits) {
    if (b.length === 0) break;
    const at = e.at % b.length;
    if (e.kind === 'cut') b = b.subarray(0, at);
    else if (e.kind === 'overwrite') b.set(e.bytes.subarray(0, b.length - at), at);
    else {
      const lines = b.toString('latin1').split('\n');
      const i = e.at % lines.length;
      if (e.kind === 'drop-line') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      b = Buffer.from(lines.join('\n'), 'latin1');
    }
  }
  return b;
}
const mutants = (source: Buffer) => fc.array(edit, { minLength: 1, maxLength: 4 }).map((list) => mutate(source, list));
const noise = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u)),
  fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
);
const opts = { numRuns: 10_000, seed: SEED };

describe('reference files fuzzed', () => {
  beforeEach(() => {
    seen.read = 0;
    seen.refused = 0;
  });
  // About 2 s for 10,000 runs on the 2-core machine.
  it('HCPCS: random bytes and the CSV and fixed-width files mutated end in a reading or a coded AppError', async () => {
    await withinBudget(20_000, async () => {
      const input = fc.oneof(
        noise.map((b) => [b, 'HCPC2025_JAN_ANWEB.csv'] as const),
        mutants(hcpcsCsv).map((b) => [b, 'HCPC2025_JAN_ANWEB.csv'] as const),
        mutants(hcpcsTxt).map((b) => [b, 'HCPC2025_JAN_ANWEB.txt'] as const),
      );
      await fc.assert(
        fc.asyncProperty(input, ([b, n]) => check(() => readHcpcs(b, n))),
        opts,
      );
    });
    expect(seen.read).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  // About 1.6 s for 10,000 runs.
  it('crosswalk: random bytes and the CSV mutated end in a reading or a coded AppError', async () => {
    await withinBudget(20_000, async () => {
      const input = fc.oneof(noise, mutants(crosswalk));
      await fc.assert(
        fc.asyncProperty(input, (b) => check(() => readCrosswalk(b, 'crosswalk.csv'))),
        opts,
      );
    });
    expect(seen.read).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  // About 5 s for 10,000 runs.
  it('FDA NDC directory: product and package files mutated or replaced by noise end in a reading or a coded AppError', async () => {
    await withinBudget(20_000, async () => {
      const input = fc.tuple(fc.oneof(noise, mutants(product)), fc.oneof(noise, mutants(pkg)), fc.boolean());
      await fc.assert(
        fc.asyncProperty(input, ([p, k, both]) =>
          check(() =>
            readFdaNdc(
              both
                ? [
                    { fileName: 'product.txt', bytes: p },
                    { fileName: 'package.txt', bytes: k },
                  ]
                : [{ fileName: 'package.txt', bytes: k }],
            ),
          ),
        ),
        opts,
      );
    });
    expect(seen.read).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
