/** parseNdc on any text: an NDC-11 of 11 digits or NDC_INVALID / NDC_AMBIGUOUS, never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNdc } from '../../../shared/domain/ndc';
import { SEED, expectOutcome, withinBudget } from './coded';

const ndcLike = fc.stringMatching(/^[ \d\-*.xX]{0,20}$/);
const anyText = fc.oneof(fc.string({ maxLength: 40, unit: 'binary' }), ndcLike);

function check(input: string, resolver?: (digits: string) => string | null): void {
  const r = parseNdc(input, resolver);
  expectOutcome(r);
  if (r.ok) expect(r.ndc11).toMatch(/^\d{11}$/);
  else expect(['NDC_INVALID', 'NDC_AMBIGUOUS']).toContain(r.error.code);
}

describe('parseNdc fuzzed', () => {
  // About 0.8 s for both 10,000-run properties on the 2-core machine.
  it('any text, with or without a resolver, ends in an NDC-11 or a coded failure', async () => {
    await withinBudget(5_000, () => {
      fc.assert(
        fc.property(anyText, (s) => check(s)),
        { numRuns: 10_000, seed: SEED },
      );
      fc.assert(
        fc.property(anyText, fc.option(fc.stringMatching(/^\d{0,12}$/)), (s, answer) => check(s, () => answer)),
        { numRuns: 10_000, seed: SEED },
      );
    });
  });
});
