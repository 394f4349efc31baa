/**
 * Throughput of `estimate` on a parsed two-line scenario (single-dose vial, with waste, so a given
 * line and a JW line), against a bare decimal.js loop doing the same arithmetic: the same
 * Decimal constructions from the same strings, the same multiplications, divisions, roundings and
 * comparisons (cost sharing per line, the vial's cost rounded once), and the same toFixed(2) for
 * every output amount. The bare loop does none of the
 * rest (NDC parsing, modifier rules, N4 text, narrative, trace), so the ratio is the price of
 * everything the engine does beyond arithmetic.
 *
 * Run: npx tsx tests/bench/estimate.bench.ts   (one core; warm-up, then 5 interleaved rounds of 1 s each
 * per side; medians reported)
 */
import Decimal from 'decimal.js';
import { estimate } from '../../shared/domain/estimate';
import { scenarioSchema, type Scenario } from '../../shared/domain/scenario';
import { scenario as exampleScenario } from '../fixtures/scenarios/example-b';

// §9 B with a single-dose 10 mg/mL vial, 70 mg given and 30 mg wasted, at its own prices and
// billed charge; no separate charge for the waste, no add-on or fee schedule, the default payer
// profile.
const {
  wastedBilledCharge: _wastedCharge,
  payerProfile: _profile,
  contract: { addOn: _addOn, feeSchedule: _feeSchedule, ...contract },
  ...withWaste
} = exampleScenario({
  drug: { strength: { amount: '10', unit: 'mg' }, container: 'single-dose' },
  dose: { amount: '70', unit: 'mg' },
  wasted: { amount: '30', unit: 'mg' },
  prices: { awpPerPackage: '2400.00', acquisitionPerPackage: '2340.00' },
  billedCharge: '2500.00',
});
const scenario: Scenario = scenarioSchema.parse({ ...withWaste, contract });

// The same configuration as shared/domain/money.ts, built independently so the baseline does not
// go through the engine's module.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function bareArithmetic(s: Scenario): string[] {
  const strength = new D(s.drug.strength.amount);
  const pkg = new D(s.drug.packageSize);
  const dose = new D(s.dose.amount);
  const wasted = new D(s.wasted?.amount ?? '0');
  const billed = new D(s.billedCharge);
  const awp = new D(s.prices?.awpPerPackage ?? '0');
  const acq = new D(s.prices?.acquisitionPerPackage ?? '0');
  const pct = new D(s.contract.percent).div(100);
  const coins = new D(s.contract.coinsurancePercent).div(100);
  const deductibleRemaining = new D(s.contract.deductibleRemaining ?? '0');
  const seqRate = new D('0.02');

  const givenQty = dose.div(strength);
  const wastedQty = wasted.div(strength);
  const wastedBilled = billed.times(wastedQty).div(givenQty).toDecimalPlaces(2);

  const givenBasis = awp.times(givenQty).div(pkg);
  let givenAllowed = givenBasis.times(pct).toDecimalPlaces(2);
  if (billed.lt(givenAllowed)) givenAllowed = billed;
  const wastedBasis = awp.times(wastedQty).div(pkg);
  let wastedAllowed = wastedBasis.times(pct).toDecimalPlaces(2);
  if (wastedBilled.lt(wastedAllowed)) wastedAllowed = wastedBilled;
  // The vial's cost rounded once; the JW line takes the rest (cost-allocation.ts).
  const givenCost = acq.times(givenQty).div(pkg).toDecimalPlaces(2);
  const cost = acq.times(givenQty).div(pkg).plus(acq.times(wastedQty).div(pkg)).toDecimalPlaces(2);
  const wastedCost = cost.minus(givenCost);

  // Cost sharing per line (deductible in line order), totals as the sums of the lines.
  const givenDeductible = deductibleRemaining.lt(givenAllowed) ? deductibleRemaining : givenAllowed;
  const left = deductibleRemaining.minus(givenDeductible);
  const wastedDeductible = left.lt(wastedAllowed) ? left : wastedAllowed;
  const givenAfter = givenAllowed.minus(givenDeductible);
  const wastedAfter = wastedAllowed.minus(wastedDeductible);
  const givenCoins = givenAfter.times(coins).toDecimalPlaces(2);
  const wastedCoins = wastedAfter.times(coins).toDecimalPlaces(2);
  const givenShare = givenAfter.minus(givenCoins);
  const wastedShare = wastedAfter.minus(wastedCoins);
  const givenSeq = givenShare.times(seqRate).toDecimalPlaces(2);
  const wastedSeq = wastedShare.times(seqRate).toDecimalPlaces(2);
  const givenPays = givenShare.minus(givenSeq);
  const wastedPays = wastedShare.minus(wastedSeq);

  const allowed = givenAllowed.plus(wastedAllowed);
  const totalBilled = billed.plus(wastedBilled);
  const deductible = givenDeductible.plus(wastedDeductible);
  const coinsurance = givenCoins.plus(wastedCoins);
  const sequestration = givenSeq.plus(wastedSeq);
  const payerPays = givenPays.plus(wastedPays);
  const patientPays = deductible.plus(coinsurance);
  const margin = payerPays.plus(patientPays).minus(cost);

  return [
    givenQty.toFixed(),
    wastedQty.toFixed(),
    billed.toFixed(2),
    wastedBilled.toFixed(2),
    givenBasis.toFixed(2),
    wastedBasis.toFixed(2),
    givenAllowed.toFixed(2),
    wastedAllowed.toFixed(2),
    givenCost.toFixed(2),
    wastedCost.toFixed(2),
    givenDeductible.toFixed(2),
    givenCoins.toFixed(2),
    givenSeq.toFixed(2),
    givenPays.toFixed(2),
    givenDeductible.plus(givenCoins).toFixed(2),
    wastedDeductible.toFixed(2),
    wastedCoins.toFixed(2),
    wastedSeq.toFixed(2),
    wastedPays.toFixed(2),
    wastedDeductible.plus(wastedCoins).toFixed(2),
    totalBilled.toFixed(2),
    allowed.toFixed(2),
    totalBilled.minus(allowed).toFixed(2),
    deductible.toFixed(2),
    coinsurance.toFixed(2),
    sequestration.toFixed(2),
    payerPays.toFixed(2),
    patientPays.toFixed(2),
    cost.toFixed(2),
    margin.toFixed(2),
  ];
}

/** Calls per second of `fn` over at least `ms` milliseconds, after a warm-up. */
function measure(fn: () => unknown, ms: number): number {
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) for (let i = 0; i < 200; i++) fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i++) fn();
    calls += 500;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

// Sanity: both paths compute the figures this bench claims to compare.
const check = estimate(scenario);
if (!check.ok || check.lines.length !== 2) throw new Error('The bench scenario must give a two-line estimate.');
const bare = bareArithmetic(scenario);
const bareTotals = bare.slice(-10);
if (
  bareTotals[1] !== check.totals.allowed ||
  bareTotals[6] !== check.totals.payerPays ||
  bareTotals[9] !== check.totals.margin
) {
  throw new Error(`Baseline disagrees with the engine: ${bare.join(', ')} vs ${JSON.stringify(check.totals)}`);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

// Interleaved rounds, so a busy neighbour on the machine slows both sides alike; medians reported.
const ROUNDS = 5;
const engineRates: number[] = [];
const bareRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  engineRates.push(measure(() => estimate(scenario), 1000));
  bareRates.push(measure(() => bareArithmetic(scenario), 1000));
}
const engineRate = median(engineRates);
const bareRate = median(bareRates);
const ratio = bareRate / engineRate;

console.log(`estimate two-line scenario: ${fmt(engineRate)} per s (one core)`);
console.log(`bare decimal.js loop, same arithmetic: ${fmt(bareRate)} per s`);
console.log(`ratio: ${ratio.toFixed(2)}x`);
console.log(`rounds (engine / bare): ${engineRates.map(fmt).join(' ')} / ${bareRates.map(fmt).join(' ')}`);
console.log(
  `target >= 50,000 per s: ${engineRate >= 50_000 ? 'met' : 'missed'}; within 2x of bare: ${ratio <= 2 ? 'met' : 'missed'}`,
);
