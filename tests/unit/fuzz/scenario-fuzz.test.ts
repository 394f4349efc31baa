/**
 * estimateFromJson (scenarioSchema, then estimate) on any JSON value and on example B with one or
 * more values swapped for arbitrary JSON: an estimate or a coded failure, never a throw.
 * Only through the schema: estimate() itself trusts scenarioSchema's bounds (an unchecked
 * "1e999999999" handed to it directly makes decimal.js build a billion-digit string).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { estimateFromJson } from '../../../shared/domain/estimate';
import { exampleB } from '../../fixtures/scenarios/example-b';
import { SEED, expectOutcome, withinBudget } from './coded';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in `v` (objects and arrays included). */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, Json>;
  copy[head as string] = setAt(copy[head as string] ?? null, rest, value);
  return copy as Json;
}

const base = JSON.parse(JSON.stringify(exampleB())) as Json;
const basePaths = paths(base);
const amountPaths = basePaths.filter((p) => {
  let v: Json = base;
  for (const k of p) v = (v as Record<string | number, Json>)[k] ?? null;
  return typeof v === 'string' && /^-?\d/.test(v);
});
const numberish = fc.oneof(
  fc.double().map(String),
  fc.stringMatching(/^-?\d{0,30}(\.\d{0,30})?(e[+-]?\d{1,6})?$/),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e999999999', '0x10', ' 1', ''),
);
const replacement: fc.Arbitrary<Json> = fc.oneof(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, numberish);

function check(input: unknown): void {
  const r = estimateFromJson(input);
  // SCENARIO_INVALID from the schema, or the estimate's own refusals (NDC_INVALID, …).
  expectOutcome(r);
}

describe('scenario JSON fuzzed', () => {
  // About 0.6 s for 10,000 runs on the 2-core machine.
  it('any JSON value ends in an estimate or a coded failure', async () => {
    await withinBudget(10_000, () => {
      fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), check), { numRuns: 10_000, seed: SEED });
    });
  });

  // About 1.4 s for 10,000 runs: many mutants pass the schema and are estimated in full.
  it('example B with values swapped for arbitrary JSON ends in an estimate or a coded failure', async () => {
    await withinBudget(20_000, () => {
      // Half the swaps put number-like text (exponents, 30 digits, NaN) where example B has an amount.
      const anySwap = fc.tuple(
        fc.nat(basePaths.length - 1).map((i) => basePaths[i] ?? []),
        replacement,
      );
      const amountSwap = fc.tuple(
        fc.nat(amountPaths.length - 1).map((i) => amountPaths[i] ?? []),
        numberish,
      );
      const swaps = fc.array(fc.oneof(anySwap, amountSwap), { minLength: 1, maxLength: 3 });
      fc.assert(
        fc.property(swaps, (list) => {
          let s = base;
          for (const [path, v] of list) s = setAt(s, path, v);
          check(s);
        }),
        { numRuns: 10_000, seed: SEED },
      );
    });
  });
});
