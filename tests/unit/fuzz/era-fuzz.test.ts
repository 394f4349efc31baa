/**
 * scanX12 and readEra on random text and on a generated valid 835 cut, spliced and overwritten:
 * a reading or a coded refusal (ERA_*), never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEra } from '../../../shared/domain/era/era-reader';
import { scanX12 } from '../../../shared/domain/era/x12-tokenizer';
import { generate835 } from '../../fixtures/era/generate-835';
import { SEED, expectOutcome, withinBudget } from './coded';

const valid = generate835({ claims: 3, providerAdjustmentCents: 1250 }).text;
const oneLine = generate835({ claims: 2, newline: false }).text;

/** X12's own characters, so that mutants look like segments rather than noise. */
const x12Chars = fc.string({
  unit: fc.constantFrom(...'*~:^|>\n\r ISAGSTNCLPSVCAS0123456789.-'.split('')),
  maxLength: 30,
});
const insert = fc.oneof(x12Chars, fc.string({ maxLength: 12, unit: 'binary' }));

type Edit = { at: number; cut: number; put: string };
const edits = fc.array(
  fc.record({ at: fc.nat(valid.length), cut: fc.nat(40), put: fc.oneof(fc.constant(''), insert) }),
  { minLength: 1, maxLength: 6 },
);
const mutate = (text: string, list: Edit[]): string =>
  list.reduce((t, e) => t.slice(0, e.at % (t.length + 1)) + e.put + t.slice((e.at % (t.length + 1)) + e.cut), text);

/** How many mutants were read and how many refused: both must occur. */
const seen = { read: 0, refused: 0 };

function check(text: string): void {
  let segments = 0;
  const scan = scanX12(text, () => segments++);
  expectOutcome(scan);
  if (scan.ok) expect(scan.segments).toBe(segments);
  else expect(scan.error.code).toMatch(/^ERA_/);
  const read = readEra(text);
  expectOutcome(read);
  if (!read.ok) expect(read.error.code).toMatch(/^ERA_/);
  seen[read.ok ? 'read' : 'refused']++;
}

describe('835 reading fuzzed', () => {
  it('the generated 835s are read (the mutants start from a valid file)', () => {
    expect(readEra(valid).ok).toBe(true);
    expect(readEra(oneLine).ok).toBe(true);
  });

  // About 0.9 s for 10,000 runs on the 2-core machine.
  it('random text, and random text after a real ISA, ends in a reading or an ERA_ code', async () => {
    const isa = valid.slice(0, valid.indexOf('~') + 1);
    await withinBudget(10_000, () => {
      fc.assert(
        fc.property(fc.boolean(), fc.oneof(x12Chars, fc.string({ maxLength: 200, unit: 'binary' })), (prefixed, s) =>
          check(prefixed ? isa + s : s),
        ),
        { numRuns: 10_000, seed: SEED },
      );
    });
  });

  // About 1.8 s for 10,000 runs: each mutant is a ~4 KB file read in full.
  it('a valid 835 cut, spliced and overwritten ends in a reading or an ERA_ code', async () => {
    await withinBudget(20_000, () => {
      fc.assert(
        fc.property(fc.boolean(), edits, (which, list) => check(mutate(which ? valid : oneLine, list))),
        { numRuns: 10_000, seed: SEED },
      );
    });
    expect(seen.read).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  });

  // A truncation at every byte of the one-line file, the way a dropped download leaves it.
  it('every truncation of a valid 835 ends in a reading or an ERA_ code', async () => {
    await withinBudget(10_000, () => {
      for (let n = 0; n <= oneLine.length; n++) check(oneLine.slice(0, n));
    });
  });
});
