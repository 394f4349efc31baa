/**
 * 835 import at a big payer's scale (issue 12): 10,000 billed claims in the database, each an
 * administration with a given line and a JW line, and a remittance that pays all of them (two
 * SVC lines per claim, JZ and JW, line control numbers the app did not issue, so every line is
 * matched by claim number, code, date and modifier: the longest path).
 *
 * Figures:
 *   - read, balance and match (the service's preview: nothing written) — target ≤ 1 s, and ≤ 5×
 *     a bare loop that only splits the same text into segments and elements;
 *   - the whole import (the same, plus writing every claim and line, the matches, the variance of
 *     every claim line and the audit entry, in one transaction) — for the record.
 *
 * The 10,000 administrations are one made through the services (so its estimate snapshot is real)
 * copied with plain SQL under new claim numbers. Each preview run is paired with a bare run
 * (alternating which goes first, after a full collection) so a busy moment slows both alike.
 *
 * Run: node --require tsx/cjs --expose-gc tests/bench/era-match.bench.ts
 */
import { rmSync } from 'node:fs';
import { openServices } from '../../electron/services/context';
import { dispatch } from '../../electron/services/dispatch';
import { eraImport } from '../../electron/services/remittances/era-import';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { billedAdministration, seedPractice } from '../fixtures/claim-seed';
import { generate835 } from '../fixtures/era/generate-835';
import { collect, columnsOf, figure, list, median, ms, tempDir } from './bench-util';
import { unwrap } from './import-runs';

const CLAIMS = Number(process.env.BENCH_ERA_CLAIMS ?? 10_000);
const RUNS = 7;
const AT = '2026-01-02T09:00:00.000Z';
const DATE_OF_SERVICE = '2025-03-03';

const claimNumber = (i: number): string => `CLM-${String(i + 1).padStart(6, '0')}`;

async function main(): Promise<void> {
  const dir = tempDir();
  const services = openServices({ dataDir: dir, mode: 'cli', now: () => AT, actor: 'bench' });
  const db = services.ctx.db;
  const value = async <T>(channel: string, args: unknown): Promise<T> =>
    unwrap<T>(await dispatch(services.handlers, channel, args));
  try {
    const seeded = await seedPractice(value);
    const first = await billedAdministration(value, seeded, seeded.patients[0]!, {
      claimNumber: claimNumber(0),
      dateOfService: DATE_OF_SERVICE,
    });

    // Copies of the billed administration, one per claim number.
    const columns = columnsOf(db, 'administrations').filter((c) => c !== 'id' && c !== 'claim_number');
    const copy = db.prepare(
      `INSERT INTO administrations (claim_number, ${columns.join(', ')})
       SELECT ?, ${columns.join(', ')} FROM administrations WHERE id = ?`,
    );
    db.transaction(() => {
      for (let i = 1; i < CLAIMS; i++) copy.run(claimNumber(i), first.id);
    })();

    const file = generate835({
      claims: CLAIMS,
      claimNumber,
      linesPerClaim: () => (process.env.BENCH_ERA_LINES === '1' ? 1 : 2),
      codes: ['J3490:JZ', 'J3490:JW'],
      dateOfService: () => DATE_OF_SERVICE,
      payerName: seeded.medicare.name,
    });
    const bytes = Buffer.from(file.text, 'latin1');
    const era = eraImport(services.ctx, auditLog(db));

    const previewOnce = (): number => {
      const p = era.preview('bench.835', bytes);
      return p.summary.matched;
    };
    const bareOnce = (): number => {
      let elements = 0;
      for (const segment of file.text.split('~')) elements += segment.split('*').length;
      return elements;
    };
    const timed = (fn: () => number): number => {
      collect();
      const t = process.hrtime.bigint();
      fn();
      return ms(t);
    };

    // Sanity: every line of every claim finds its administration.
    const check = era.preview('bench.835', bytes);
    if (check.summary.matched !== file.lines || check.summary.unmatched !== 0 || check.summary.outOfBalance !== 0) {
      throw new Error(`The preview disagrees with the file: ${JSON.stringify(check.summary)}`);
    }
    previewOnce();
    bareOnce();
    const preview: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      if (r % 2 === 0) {
        preview.push(timed(previewOnce));
        bare.push(timed(bareOnce));
      } else {
        bare.push(timed(bareOnce));
        preview.push(timed(previewOnce));
      }
    }
    const previewMs = median(preview);
    const bareMs = median(bare);
    const ratio = previewMs / bareMs;

    collect();
    const t = process.hrtime.bigint();
    const imported = era.import('bench.835', bytes, AT, 'bench');
    const importMs = ms(t);
    const rated = db.prepare(`SELECT count(*) FROM line_variance WHERE posted_lines > 0`).pluck().get() as number;
    if (imported.summary.matched !== file.lines || rated !== file.lines) {
      throw new Error(`The import matched ${imported.summary.matched} lines and rated ${rated} of ${file.lines}`);
    }

    figure(
      '835 file',
      `${CLAIMS.toLocaleString('en-US')} claims, ${file.lines.toLocaleString('en-US')} lines, ${file.segments.toLocaleString('en-US')} segments, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
    );
    figure('read + balance + match, nothing written (median)', `${previewMs.toFixed(1)} ms`, '<= 1000 ms');
    figure('bare split into segments and elements (median)', `${bareMs.toFixed(1)} ms`);
    figure('ratio of the medians', `${ratio.toFixed(2)}x`, '<= 5x');
    figure('median of per-run ratios', `${median(preview.map((p, i) => p / (bare[i] ?? p))).toFixed(2)}x`);
    figure('preview runs (ms)', list(preview, 1));
    figure('bare runs (ms)', list(bare, 1));
    figure('whole import, written and rated (one run)', `${importMs.toFixed(0)} ms`);
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
