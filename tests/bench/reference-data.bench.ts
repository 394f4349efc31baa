/**
 * Reference data at full size (issue 13): the FDA NDC directory (≈ 250,000 packages of ≈ 130,000
 * products, generated in the published layout by fda-files.ts) imported the way the Reference data
 * page does it, and the code check for one NDC and date right after.
 *
 * Figures:
 *   - the whole import: preview (base64 decoded, both files read, joined, every row checked) and
 *     commit (every package written in one transaction, with its primary key and 10-digit index)
 *     — target ≤ 5 s, and ≤ 3× the sqlite3 shell's `.import` of the same two files into bare tables;
 *   - the check (`reference:check`'s handler: NDC resolved, catalog drug, crosswalk and HCPCS reads,
 *     starter set, FDA directory warnings) for 10,000 random NDCs of the directory with random dates
 *     — target p99 ≤ 0.2 ms.
 *
 * Run: node --require tsx/cjs --expose-gc tests/bench/reference-data.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceImportView, ReferencePreview } from '../../shared/api/reference-channels';
import { openServices } from '../../electron/services/context';
import { dispatch } from '../../electron/services/dispatch';
import { collect, figure, isoDayFrom, list, median, ms, seededRandom, SQLITE3, tempDir } from './bench-util';
import { fdaDirectoryFiles, fdaDirectoryNdc11s, PACKAGE_COLUMNS, PRODUCT_COLUMNS } from './fda-files';
import { unwrap } from './import-runs';

const PACKAGES = Number(process.env.BENCH_FDA_PACKAGES ?? 250_000);
const RUNS = 3;
const CHECKS = 10_000;

/** sqlite3's `.import` of both files (tab-separated, header skipped) into bare tables; ms. */
function shellImport(dir: string, run: number, productFile: string, packageFile: string): number {
  const table = (name: string, cols: readonly string[]) =>
    `CREATE TABLE ${name} (${cols.map((c) => `${c} TEXT`).join(', ')});`;
  const script = [
    table('product', PRODUCT_COLUMNS),
    table('package', PACKAGE_COLUMNS),
    '.mode tabs',
    `.import --skip 1 ${productFile} product`,
    `.import --skip 1 ${packageFile} package`,
    'SELECT count(*) FROM package;',
  ].join('\n');
  const t = process.hrtime.bigint();
  const r = spawnSync(SQLITE3, [join(dir, `bare-${run}.sqlite`)], { input: script, encoding: 'utf8' });
  const time = ms(t);
  if (r.status !== 0 || r.stdout.trim() !== String(PACKAGES))
    throw new Error(`sqlite3 .import failed: ${r.stderr || r.stdout}`);
  return time;
}

async function main(): Promise<void> {
  const dir = tempDir();
  try {
    const files = fdaDirectoryFiles(PACKAGES);
    const productFile = join(dir, 'product.txt');
    const packageFile = join(dir, 'package.txt');
    writeFileSync(productFile, files.product);
    writeFileSync(packageFile, files.package);
    const args = {
      kind: 'fda-ndc',
      files: [
        { fileName: 'product.txt', contentBase64: files.product.toString('base64') },
        { fileName: 'package.txt', contentBase64: files.package.toString('base64') },
      ],
      release: '2026-12-01',
    };
    figure(
      'FDA directory',
      `${PACKAGES} packages, product.txt ${(files.product.length / 1e6).toFixed(1)} MB, package.txt ${(files.package.length / 1e6).toFixed(1)} MB`,
    );

    const previews: number[] = [];
    const commits: number[] = [];
    const totals: number[] = [];
    const shell: number[] = [];
    let last: ReturnType<typeof openServices> | null = null;
    for (let r = 0; r < RUNS; r++) {
      if (r % 2 === 1) shell.push(shellImport(dir, r, productFile, packageFile));
      last?.close();
      const services = openServices({
        dataDir: join(dir, `app-${r}`),
        mode: 'cli',
        now: () => '2026-12-07T09:00:00.000Z',
        actor: 'bench',
      });
      last = services;
      collect();
      const t0 = process.hrtime.bigint();
      const preview = unwrap<ReferencePreview>(await dispatch(services.handlers, 'reference:preview', args));
      const previewMs = ms(t0);
      const t1 = process.hrtime.bigint();
      const done = unwrap<ReferenceImportView>(
        await dispatch(services.handlers, 'reference:commit', { stagedId: preview.stagedId, acceptRefused: false }),
      );
      const commitMs = ms(t1);
      if (done.rowsTaken !== PACKAGES) throw new Error(`expected ${PACKAGES} packages, got ${done.rowsTaken}`);
      previews.push(previewMs);
      commits.push(commitMs);
      totals.push(previewMs + commitMs);
      if (r % 2 === 0) shell.push(shellImport(dir, r, productFile, packageFile));
    }
    figure('FDA import: preview ms', list(previews));
    figure('FDA import: commit ms', list(commits));
    figure('FDA import: whole ms', list(totals), '≤ 5000');
    figure('sqlite3 .import of the same two files ms', list(shell));
    figure('FDA import ÷ sqlite3 .import (medians)', (median(totals) / median(shell)).toFixed(2), '≤ 3');

    // The check right after the import: random NDCs of the directory, random dates.
    const services = last as NonNullable<typeof last>;
    const ndcs = fdaDirectoryNdc11s(PACKAGES);
    const random = seededRandom(7);
    const day = isoDayFrom('2018-01-01');
    const check = services.handlers['reference:check'];
    const times: number[] = [];
    for (let i = 0; i < CHECKS + 500; i++) {
      const ndc = ndcs[random(ndcs.length)] as string;
      const date = day(random(3000));
      const t = process.hrtime.bigint();
      await check({ ndc, date, hcpcs: 'J3490' });
      if (i >= 500) times.push(ms(t)); // the first 500 warm the statements up
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
    figure(
      'check one NDC and date: p50 / p99 / max ms',
      `${at(0.5).toFixed(3)} / ${at(0.99).toFixed(3)} / ${at(1).toFixed(3)}`,
      'p99 ≤ 0.2',
    );
    services.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
