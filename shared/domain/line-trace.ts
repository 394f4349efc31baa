/**
 * The steps of an estimate's trace that explain one claim line's expected amount, for a letter
 * that shows a payer how the contracted amount of that line is reached.
 *
 * The trace is one list for the whole claim (estimate.ts), in the order the engine works: the
 * dose and units (both lines), then each line priced under its own head ("Given line: J3490 …",
 * "JW line: J3490 JW …"), then the claim's totals and cost sharing. Policy:
 * - A step naming a line ("JW line …", "Given line …", "JW billed charge …") is that line's; the
 *   unnamed steps after a line's head (its basis, rate, lesser-of) are that line's too, up to the
 *   next line or the claim's total. "Payer does not accept …" comes before the head of the line
 *   it converts, so it goes with the next line named.
 * - Steps naming no line (the NDC, the dose, units, modifiers, the claim's deductible and
 *   sequestration rate) concern both lines and are kept; the sums over two lines ("Total allowed
 *   $79.80 + $34.20 = …", "sum of the lines: …") are the claim's, not the line's, and are left out.
 * - The practice's own acquisition cost and margin are left out: they are not contract terms and
 *   are nobody's business outside the practice. (A contract priced on invoice cost still shows
 *   its basis step, "Invoice cost $… per package …", which is the contract's own.)
 */
import { lineLabel } from './estimate-lines';

export type TraceLineKind = 'given' | 'wasted';

/** Steps about what the drug cost the practice and what it keeps. */
const PRIVATE = /^(acquisition cost|margin) /;
/** The claim's totals start here; from then on only steps naming a line belong to one. */
const TOTALS = 'Total allowed';
/** Sums over both lines of a two-line claim (estimate.ts, cost-share.ts). */
const SUMS = /^(Total allowed .* \+ |sum of the lines)/;
/** Written by estimate-quantities.ts before the lines are priced; it prices the JW line's charge. */
const JW_CHARGE = 'JW billed charge';
const CONVERSION = 'Payer does not accept';

function namedLine(step: string): TraceLineKind | null {
  if (step.startsWith(lineLabel('given'))) return 'given';
  if (step.startsWith(lineLabel('wasted')) || step.startsWith(JW_CHARGE)) return 'wasted';
  return null;
}

/** The trace steps that explain `kind`'s expected amount, in the engine's order. */
export function traceOfLine(trace: readonly string[], kind: TraceLineKind): string[] {
  const out: string[] = [];
  let current: TraceLineKind | null = null;
  let inTotals = false;
  trace.forEach((step, i) => {
    if (PRIVATE.test(step)) return;
    if (step.startsWith(TOTALS)) {
      inTotals = true;
      current = null;
    }
    if (SUMS.test(step)) return;
    let owner = namedLine(step);
    if (owner === null && step.startsWith(CONVERSION)) {
      owner =
        trace
          .slice(i + 1)
          .map(namedLine)
          .find((k) => k !== null) ?? null;
    }
    if (owner !== null && !inTotals) current = owner;
    const belongsTo = owner ?? (inTotals ? null : current);
    if (belongsTo === null || belongsTo === kind) out.push(step);
  });
  return out;
}
