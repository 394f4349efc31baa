/**
 * Who pays what of the allowed amount, per service line, as payers adjudicate it and the 835
 * reports it (PR-1, PR-2 and CO-253 are line-level CAS for Part B; domain.md §2, §10):
 *   deductible    taken from the lines in order until what remains is used up
 *   coinsurance   = (line allowed − line deductible) × coinsurance %    rounded half-up per line
 *   payer share   = line allowed − line deductible − line coinsurance    exact (all terms are cents)
 *   sequestration = line payer share × sequestration rate               rounded half-up per line
 *   payer pays    = line payer share − line sequestration
 *   patient pays  = line deductible + line coinsurance   (sequestration never moves to the patient)
 * Claim totals are the sums of the lines, never a second computation on the total: two lines
 * allowed 12.53 and 7.53 at 20% are 2.51 + 1.51 = 4.02 coinsurance, where 20% of 20.06 would say
 * 4.01. So deductible + coinsurance + sequestration + payer pays = allowed, on every line and in
 * total, to the cent.
 * FCSO check: allowed $100, deductible $50 → 80% × $50 = $40, − 2% ($0.80) = $39.20.
 * Whether payers round sequestration half-up is unconfirmed [U]; half-up matches the worked examples.
 */
import * as money from './money';
import type { Dec as Decimal, Rate } from './money';
import type { SequestrationRate } from './sequestration';

// Bound once at load: under tsx's CommonJS transform (the `j3490` CLI, the bench) every use of an
// imported name is a property-getter call, and profiling put those at ~20% of an estimate (the hot
// path calls these helpers ~80 times). In a bundle the local binding costs nothing either way.
const { ZERO, moneyString, roundCents, usdFromFixed, usdText } = money;

export type ShareTerms = {
  deductibleRemaining: Decimal;
  coinsurance: Rate;
  sequestration: SequestrationRate;
};

export type CostShare = {
  allowed: Decimal;
  deductible: Decimal;
  afterDeductible: Decimal;
  coinsurance: Decimal;
  payerShare: Decimal;
  sequestration: Decimal;
  payerPays: Decimal;
  patientPays: Decimal;
};

/** One line's split, given the deductible still left when the line is reached. */
export function shareLine(allowed: Decimal, deductibleLeft: Decimal, terms: ShareTerms): CostShare {
  // The zero cases (no deductible left, no coinsurance, no sequestration) are most claims'; they
  // skip arithmetic whose answer is known, which keeps the estimate's hot path short.
  const none = deductibleLeft.isZero();
  const deductible = none || deductibleLeft.lessThan(allowed) ? deductibleLeft : allowed;
  const afterDeductible = none ? allowed : allowed.minus(deductible);
  const coinsurance = terms.coinsurance.fraction.isZero()
    ? ZERO
    : roundCents(afterDeductible.times(terms.coinsurance.fraction));
  const payerShare = coinsurance.isZero() ? afterDeductible : afterDeductible.minus(coinsurance);
  const sequestration = terms.sequestration.fraction.isZero()
    ? ZERO
    : roundCents(payerShare.times(terms.sequestration.fraction));
  return {
    allowed,
    deductible,
    afterDeductible,
    coinsurance,
    payerShare,
    sequestration,
    payerPays: sequestration.isZero() ? payerShare : payerShare.minus(sequestration),
    patientPays: deductible.isZero() ? coinsurance : deductible.plus(coinsurance),
  };
}

/** What a claim reports in total: the sums of its lines' figures. */
export type ClaimShare = Pick<
  CostShare,
  'allowed' | 'deductible' | 'coinsurance' | 'sequestration' | 'payerPays' | 'patientPays'
>;

/** The lines' splits (deductible in line order) and the claim's, which is their sum. */
export function splitLines(allowed: readonly Decimal[], terms: ShareTerms): { lines: CostShare[]; total: ClaimShare } {
  let deductibleLeft = terms.deductibleRemaining;
  const lines: CostShare[] = [];
  for (const lineAllowed of allowed) {
    const share = shareLine(lineAllowed, deductibleLeft, terms);
    if (!share.deductible.isZero()) deductibleLeft = deductibleLeft.minus(share.deductible);
    lines.push(share);
  }
  // One line is its own total (the common case, and the estimate's hot path).
  const total = lines.length === 1 && lines[0] ? lines[0] : sumOf(lines);
  return { lines, total };
}

const plus = (a: Decimal, b: Decimal): Decimal => (b.isZero() ? a : a.isZero() ? b : a.plus(b));

function sumOf(lines: readonly CostShare[]): ClaimShare {
  const first = lines[0];
  if (!first) throw new RangeError('A claim has at least one line.');
  let { allowed, deductible, coinsurance, sequestration, payerPays } = first;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i] as CostShare;
    allowed = plus(allowed, l.allowed);
    deductible = plus(deductible, l.deductible);
    coinsurance = plus(coinsurance, l.coinsurance);
    sequestration = plus(sequestration, l.sequestration);
    payerPays = plus(payerPays, l.payerPays);
  }
  return { allowed, deductible, coinsurance, sequestration, payerPays, patientPays: plus(deductible, coinsurance) };
}

/** Each amount of a split as shown ("205.20"), computed once for both the result and the trace. */
export type CostShareFixed = { [K in keyof CostShare]: string };
export type ClaimShareFixed = { [K in keyof ClaimShare]: string };

/** A line's figures as shown; `allowedFixed` is the line's allowed amount as the line already shows it. */
export function fixedCostShare(share: CostShare, allowedFixed: string): CostShareFixed {
  return {
    allowed: allowedFixed,
    deductible: moneyString(share.deductible),
    afterDeductible: moneyString(share.afterDeductible),
    coinsurance: moneyString(share.coinsurance),
    payerShare: moneyString(share.payerShare),
    sequestration: moneyString(share.sequestration),
    payerPays: moneyString(share.payerPays),
    patientPays: moneyString(share.patientPays),
  };
}

/** The claim's figures as shown. */
export function fixedClaimShare(share: ClaimShare): ClaimShareFixed {
  return {
    allowed: moneyString(share.allowed),
    deductible: moneyString(share.deductible),
    coinsurance: moneyString(share.coinsurance),
    sequestration: moneyString(share.sequestration),
    payerPays: moneyString(share.payerPays),
    patientPays: moneyString(share.patientPays),
  };
}

/**
 * Trace lines for the split, in the order it is computed. One line reads as before ("coinsurance
 * 20% of $256.50 = $51.30"); with two, each line's figures are written out under its label and
 * the totals are said to be their sums.
 */
export function costShareSteps(
  lines: readonly { label: string; fixed: CostShareFixed }[],
  total: ClaimShareFixed,
  terms: ShareTerms,
  dateOfService: string,
): string[] {
  const seq = terms.sequestration;
  const pct = terms.coinsurance.percent;
  const deductibleStep = terms.deductibleRemaining.isZero()
    ? 'deductible: none remaining → $0.00'
    : `deductible: ${usdText(terms.deductibleRemaining)} remaining, applied ${usdFromFixed(total.deductible)}`;
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only) {
    const f = only.fixed;
    return [
      deductibleStep,
      `coinsurance ${pct}% of ${usdFromFixed(f.afterDeductible)} = ${usdFromFixed(f.coinsurance)}`,
      `payer share ${usdFromFixed(f.payerShare)}`,
      seq.fraction.isZero()
        ? `${seq.reason} (DOS ${dateOfService}): $0.00`
        : `${seq.reason} (DOS ${dateOfService}) of ${usdFromFixed(f.payerShare)} = ${usdFromFixed(f.sequestration)}`,
      `payer pays ${usdFromFixed(f.payerPays)}; patient pays ${usdFromFixed(f.patientPays)}`,
    ];
  }
  const steps = [
    terms.deductibleRemaining.isZero() ? deductibleStep : `${deductibleStep}, taken from the lines in order`,
    seq.fraction.isZero()
      ? `${seq.reason} (DOS ${dateOfService}): $0.00 on every line`
      : `${seq.reason} (DOS ${dateOfService}), on each line's payer share`,
  ];
  for (const { label, fixed: f } of lines) {
    const deductible = f.deductible === '0.00' ? '' : `deductible ${usdFromFixed(f.deductible)}; `;
    steps.push(
      `${label}: ${deductible}coinsurance ${pct}% of ${usdFromFixed(f.afterDeductible)} = ${usdFromFixed(f.coinsurance)}; ` +
        `payer share ${usdFromFixed(f.payerShare)}; sequestration ${usdFromFixed(f.sequestration)}; ` +
        `payer pays ${usdFromFixed(f.payerPays)}`,
    );
  }
  steps.push(
    `sum of the lines: deductible ${usdFromFixed(total.deductible)}, coinsurance ${usdFromFixed(total.coinsurance)}, ` +
      `sequestration ${usdFromFixed(total.sequestration)}; payer pays ${usdFromFixed(total.payerPays)}; ` +
      `patient pays ${usdFromFixed(total.patientPays)}`,
  );
  return steps;
}
