/**
 * 835 reading figures: a 10,000-claim remittance (1–2 service lines per claim, each with DTM*472,
 * two CAS, REF*6R and AMT*B6; tests/fixtures/era/generate-835.ts) through `readEra` (tokenize,
 * loops, amounts, dates, balancing of every line, claim and the transaction, warnings, summary),
 * against a bare loop that only splits the same text on the segment terminator and each segment
 * on the element separator. Targets: ≤ 1 s, and ≤ 5× the bare loop (the import adds matching
 * against the database on top, so the reader aims at ≤ 3×). `eraPreview` of the reading is
 * timed on its own.
 *
 * Each run of the reader is paired with one of the bare loop, taken before or after it
 * (alternately), after a full garbage collection, so that a busy moment of the shared machine
 * slows both alike; medians are reported, and every run's figures.
 *
 * Run: node --require tsx/cjs --expose-gc tests/bench/era-read.bench.ts
 */
import { eraPreview } from '../../shared/domain/era/era-preview';
import { readEra } from '../../shared/domain/era/era-reader';
import { generate835 } from '../fixtures/era/generate-835';
import { collect, figure, list, median, ms } from './bench-util';

const CLAIMS = 10_000;
const RUNS = 9;
const WARM_UP = 3;

const file = generate835({ claims: CLAIMS, providerAdjustmentCents: 2_500 });
const text = file.text;

function readOnce(): number {
  const result = readEra(text);
  if (!result.ok) throw new Error(`The bench file was refused: ${result.error.message}`);
  return result.reading.summary.claims;
}

/** The reference: split into segments and elements, nothing else. */
function bareOnce(): number {
  let elements = 0;
  for (const segment of text.split('~')) elements += segment.split('*').length;
  return elements;
}

function timed(fn: () => number): number {
  collect();
  const t = process.hrtime.bigint();
  fn();
  return ms(t);
}

// Sanity: the reader reads every claim and line of the file, and everything balances.
const check = readEra(text);
if (!check.ok) throw new Error(check.error.message);
const { summary } = check.reading;
if (
  summary.claims !== file.claims ||
  summary.lines !== file.lines ||
  summary.outOfBalance !== 0 ||
  summary.totalPaid !== file.totalPaid ||
  check.reading.warnings.length !== 0 ||
  check.reading.transactions[0]?.payment.amount !== file.payment
) {
  throw new Error(`The reader disagrees with the generated file: ${JSON.stringify(summary)}`);
}

for (let i = 0; i < WARM_UP; i++) {
  readOnce();
  bareOnce();
}
const reader: number[] = [];
const bare: number[] = [];
for (let r = 0; r < RUNS; r++) {
  if (r % 2 === 0) {
    reader.push(timed(readOnce));
    bare.push(timed(bareOnce));
  } else {
    bare.push(timed(bareOnce));
    reader.push(timed(readOnce));
  }
}
const reading = check.reading;
const previews: number[] = [];
for (let r = 0; r < RUNS; r++) previews.push(timed(() => eraPreview(reading).summary.claims));
const readerMs = median(reader);
const bareMs = median(bare);
const ratio = readerMs / bareMs;
const perRun = reader.map((t, i) => t / (bare[i] ?? t));

figure(
  '835 file',
  `${CLAIMS.toLocaleString('en-US')} claims, ${file.lines.toLocaleString('en-US')} lines, ${file.segments.toLocaleString('en-US')} segments, ${(text.length / 1024 / 1024).toFixed(1)} MB`,
);
figure('read + balance (median)', `${readerMs.toFixed(1)} ms`, '<= 1000 ms');
figure('bare split into segments and elements (median)', `${bareMs.toFixed(1)} ms`);
figure('ratio of the medians', `${ratio.toFixed(2)}x`, '<= 5x, aim <= 3x');
figure('median of per-run ratios', `${median(perRun).toFixed(2)}x`);
figure('preview of the reading (median)', `${median(previews).toFixed(1)} ms`);
figure('reader runs (ms)', list(reader, 1));
figure('bare runs (ms)', list(bare, 1));
figure(
  'targets',
  `<= 1 s: ${readerMs <= 1000 ? 'met' : 'missed'}; <= 5x bare: ${ratio <= 5 ? 'met' : 'missed'}; <= 3x bare: ${ratio <= 3 ? 'met' : 'missed'}`,
);
