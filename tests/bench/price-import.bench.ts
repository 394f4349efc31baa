/**
 * Price import figures: a 50,000-row AWP/WAC CSV (50,000 distinct NDCs already in the catalog)
 * through `imports:preview` + `imports:commit` via the dispatcher, as the app calls them
 * (target ≤ 2 s), against the sqlite3 command-line shell's `.import --csv` of the same rows into
 * a bare table (target: within 3×). Each figure is the median of RUNS runs on fresh databases.
 * Each run of ours is paired with one run of the reference, taken right before or after it
 * (alternately), so that a busy moment of the machine slows both alike; the ratio of the medians
 * is the headline, and the median of the per-run ratios is printed beside it, with every run's
 * figures.
 *
 * Finer figures, measured alongside or after the headline ones without changing them: the
 * garbage-collection pauses inside preview and commit, and the floor of the commit's write — the
 * same rows inserted by SQLite alone (INSERT … SELECT from a temp table, no JavaScript per row)
 * into the same drug_prices table with its foreign key and UNIQUE index.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure, list, median, ms, sqliteShellImportOnce, tempDir, type ShellImport } from './bench-util';
import { benchCatalog, gcPauses, openWithCatalog, timedImport } from './import-runs';

const N = 50_000;
const RUNS = 7;

const ndcOf = (i: number): string => `${String(10000 + Math.floor(i / 1000))}${String(i % 1000).padStart(4, '0')}01`;
const drugs = benchCatalog(N, ndcOf);
const lines = ['NDC,Price Type,Price,Effective Date'];
for (let i = 0; i < N; i++) {
  const ndc = ndcOf(i);
  // Printed 5-4-2 with hyphens, as price lists print them; prices with 2–4 decimals.
  lines.push(
    `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)},${i % 2 ? 'AWP' : 'WAC'},${(100 + (i % 997)).toString()}.${String(i % 10000).padStart(4, '0')},2025-0${1 + (i % 9)}-01`,
  );
}
const csv = `${lines.join('\n')}\n`;
const contentBase64 = Buffer.from(csv, 'utf8').toString('base64');

/** Garbage-collection pauses, by start time, to add up per timed window afterwards. */
const gcWithin = gcPauses();

async function main(): Promise<void> {
  const dir = tempDir();
  try {
    const csvFile = join(dir, 'prices-50k.csv');
    writeFileSync(csvFile, csv);
    const reference: ShellImport = {
      dir,
      csvFile,
      createTable: 'CREATE TABLE prices (ndc TEXT, price_type TEXT, price TEXT, effective_from TEXT);',
      table: 'prices',
      rows: N,
    };
    const previews: number[] = [];
    const commits: number[] = [];
    const totals: number[] = [];
    const shell: number[] = [];
    const windows: { preview: [number, number]; commit: [number, number] }[] = [];
    for (let r = 0; r < RUNS; r++) {
      if (r % 2 === 1) shell.push(sqliteShellImportOnce(reference, r));
      const services = openWithCatalog(join(dir, `app-${r}`), drugs);
      try {
        const db = services.ctx.db;
        const { preview, report, previewMs, commitMs, marks } = await timedImport(services, {
          kind: 'prices',
          fileName: 'prices-50k.csv',
          contentBase64,
        });
        const [p0, p1, p2] = marks;
        windows.push({ preview: [p0, p1], commit: [p1, p2] });
        if (report.taken !== N || preview.refusedRows !== 0)
          throw new Error(`Expected ${N} rows, got ${JSON.stringify(report)}`);
        const stored = db.prepare('SELECT count(*) FROM drug_prices').pluck().get();
        if (stored !== N) throw new Error(`Expected ${N} stored prices, found ${String(stored)}`);
        previews.push(previewMs);
        commits.push(commitMs);
        totals.push(previewMs + commitMs);
      } finally {
        services.close();
      }
      if (r % 2 === 0) shell.push(sqliteShellImportOnce(reference, r));
    }

    // The commit's floor: SQLite alone writing the same rows into the app's drug_prices table
    // (fresh app database with the same catalog; the rows staged in a temp table, untimed).
    const floor: number[] = [];
    for (let r = 0; r < 3; r++) {
      const services = openWithCatalog(join(dir, `floor-${r}`), drugs);
      try {
        const db = services.ctx.db;
        db.exec('CREATE TEMP TABLE rows (ndc11 TEXT, price_type TEXT, price TEXT, effective_from TEXT)');
        const stage = db.prepare('INSERT INTO temp.rows VALUES (?, ?, ?, ?)');
        db.transaction(() => {
          for (let i = 0; i < N; i++) {
            const [ndc = '', type = '', price = '', from = ''] = (lines[i + 1] ?? '').split(',');
            stage.run(ndc.replaceAll('-', ''), type, price, from);
          }
        })();
        // Timed like the commit: one transaction with its imports row, so the write-ahead log
        // holds the catalog's pages as it does at the commit (an untimed write first would
        // checkpoint them outside the figure).
        const t = process.hrtime.bigint();
        db.transaction(() => {
          const importId = db
            .prepare(
              `INSERT INTO imports (kind, file_name, sha256, rows_taken, rows_refused, created_at, actor)
               VALUES ('prices', 'floor', '', 0, 0, '', 'bench')`,
            )
            .run().lastInsertRowid;
          db.prepare(
            `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, source, import_id, created_at)
             SELECT ndc11, price_type, price, effective_from, 'import', ?, '2026-01-01T00:00:00.000Z' FROM temp.rows`,
          ).run(importId);
        })();
        floor.push(ms(t));
        const stored = db.prepare('SELECT count(*) FROM drug_prices').pluck().get();
        if (stored !== N) throw new Error(`Floor: expected ${N} stored prices, found ${String(stored)}`);
      } finally {
        services.close();
      }
    }

    await new Promise((resolve) => setTimeout(resolve, 50)); // let the GC entries arrive
    const total = median(totals);
    const sqlite = median(shell);
    figure(`price rows in the file`, N.toLocaleString('en-US'));
    figure(
      `imports:preview of 50k prices (read, validate, stage; median of ${RUNS})`,
      `${median(previews).toFixed(0)} ms`,
    );
    figure(`imports:commit of 50k prices (one transaction; median of ${RUNS})`, `${median(commits).toFixed(0)} ms`);
    figure(
      `  of which garbage-collection pauses: preview / commit (median of ${RUNS})`,
      `${median(windows.map((w) => gcWithin(...w.preview))).toFixed(0)} / ${median(windows.map((w) => gcWithin(...w.commit))).toFixed(0)} ms`,
    );
    figure(`preview + commit, 50k prices (median of ${RUNS})`, `${total.toFixed(0)} ms`, '≤ 2000 ms');
    figure(
      `sqlite3 shell .import --csv of the same rows into a bare table (median of ${RUNS}, each beside a run of ours)`,
      `${sqlite.toFixed(0)} ms`,
    );
    figure('preview + commit ÷ sqlite3 .import (median ÷ median)', `${(total / sqlite).toFixed(2)}×`, '≤ 3×');
    const ratios = totals.map((t, i) => t / (shell[i] ?? NaN));
    figure('median of the per-run ratios', `${median(ratios).toFixed(2)}×`);
    figure('per run: preview + commit (ms)', list(totals));
    figure('per run: sqlite3 .import (ms)', list(shell));
    figure('per run: ratio', list(ratios, 2));
    // The shell's .import only copies text into a bare table; the commit alone is the comparable
    // write (same rows, plus a foreign key and a UNIQUE index per row).
    figure('commit alone ÷ sqlite3 .import', `${(median(commits) / sqlite).toFixed(2)}×`);
    figure(
      'floor of the commit: SQLite alone INSERT … SELECT of the same rows into drug_prices (median of 3)',
      `${median(floor).toFixed(0)} ms (${(median(floor) / sqlite).toFixed(2)}× the .import)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
