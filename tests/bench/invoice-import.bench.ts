/**
 * Invoice import figures: a 100,000-line distributor CSV (10,000 invoices × 10 lines, 1,000 drugs
 * in the catalog) through `imports:preview` + `imports:commit` via the dispatcher, as the app
 * calls them (target ≤ 3 s), against the sqlite3 shell's `.import --csv` of the same rows into a
 * bare table (target: within 3×), and the process's peak resident memory while importing (target
 * ≤ 300 MB). Times are the median of RUNS runs on fresh databases. Each run of ours is paired with
 * one run of the reference, taken right before or after it (alternately), so that a busy moment of
 * the machine slows both alike; the ratio of the medians is the headline, and the median of the
 * per-run ratios is printed beside it, with every run's figures.
 *
 * Peak memory is the kernel's high-water mark (VmHWM), reset before each run by writing 5 to
 * /proc/self/clear_refs, so it covers the preview and commit only, on top of what the process
 * already held (the bench's own CSV text and its base64, printed as the baseline).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { figure, list, median, sqliteShellImportOnce, tempDir, type ShellImport } from './bench-util';
import { benchCatalog, gcPauses, openWithCatalog, timedImport } from './import-runs';

const INVOICES = 10_000;
const LINES_PER_INVOICE = 10;
const N = INVOICES * LINES_PER_INVOICE;
const DRUGS = 1_000;
const RUNS = 7;

const ndcOf = (i: number): string => `${String(20000 + i)}000101`;
const drugs = benchCatalog(DRUGS, ndcOf);

const HEADER =
  'Invoice Number,Invoice Date,Line,NDC,Lot,Expiration Date,Qty,Unit Cost,Extended Price,Discount,Received Date';

/** The file as bytes; its lines are not kept, so the baseline holds only the file and its base64. */
function invoiceCsv(): Buffer {
  const lines = [HEADER];
  for (let inv = 0; inv < INVOICES; inv++) {
    const day = String(1 + (inv % 28)).padStart(2, '0');
    for (let l = 1; l <= LINES_PER_INVOICE; l++) {
      const ndc = ndcOf((inv * LINES_PER_INVOICE + l) % DRUGS);
      const qty = 1 + (l % 4);
      // Amounts built from integer cents as text, as a distributor prints them.
      const cents = 1000 + ((inv * 7 + l * 13) % 90000);
      const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
      lines.push(
        `INV-${inv},2025-03-${day},${l},${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)},LOT${inv}-${l},2027-06-30,${qty},${money(cents)},${money(cents * qty)},${l === 1 ? '1.00' : ''},2025-03-${day}`,
      );
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
const csvBytes = invoiceCsv();
const contentBase64 = csvBytes.toString('base64');

// A full collection before each run, so the baseline is what the process really holds (without
// it, the previous run's garbage is counted). `npx tsx` gives no --expose-gc, hence this way in.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Garbage-collection pauses, by start time, to add up per timed window afterwards. */
const gcWithin = gcPauses();

const statusKb = (field: 'VmHWM' | 'VmRSS'): number => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : NaN;
};
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  // Before any reset: the peak of making the 100,000-line file itself, for comparison.
  figure('peak RSS while building the bench file', mb(statusKb('VmHWM')));
  const dir = tempDir();
  try {
    const csvFile = join(dir, 'invoices-100k.csv');
    writeFileSync(csvFile, csvBytes);
    const reference: ShellImport = {
      dir,
      csvFile,
      createTable: `CREATE TABLE lines (invoice_number TEXT, invoice_date TEXT, line TEXT, ndc TEXT, lot TEXT, expiry TEXT,
           qty TEXT, cost TEXT, extended TEXT, discount TEXT, received TEXT);`,
      table: 'lines',
      rows: N,
    };
    const previews: number[] = [];
    const commits: number[] = [];
    const totals: number[] = [];
    const shell: number[] = [];
    const peaks: number[] = [];
    const windows: [number, number, number][] = [];
    const baselines: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      if (r % 2 === 1) shell.push(sqliteShellImportOnce(reference, r));
      const services = openWithCatalog(join(dir, `app-${r}`), drugs);
      try {
        const db = services.ctx.db;
        const supplierId = Number(
          db.prepare("INSERT INTO suppliers (name, created_at, updated_at) VALUES ('Bench Distributor', '', '')").run()
            .lastInsertRowid,
        );
        collect();
        writeFileSync('/proc/self/clear_refs', '5');
        baselines.push(statusKb('VmRSS'));
        const { preview, report, previewMs, commitMs, marks } = await timedImport(services, {
          kind: 'invoices',
          fileName: 'invoices-100k.csv',
          contentBase64,
          supplierId,
        });
        windows.push(marks);
        peaks.push(statusKb('VmHWM'));
        if (report.taken !== N || preview.refusedRows !== 0)
          throw new Error(`Expected ${N} rows, got ${JSON.stringify(report)} ${JSON.stringify(preview.errors[0])}`);
        const counts = db
          .prepare('SELECT (SELECT count(*) FROM invoices), (SELECT count(*) FROM invoice_lines)')
          .raw()
          .get() as number[];
        if (counts[0] !== INVOICES || counts[1] !== N) throw new Error(`Stored ${JSON.stringify(counts)}`);
        previews.push(previewMs);
        commits.push(commitMs);
        totals.push(previewMs + commitMs);
      } finally {
        services.close();
      }
      if (r % 2 === 0) shell.push(sqliteShellImportOnce(reference, r));
    }

    await new Promise((resolve) => setTimeout(resolve, 50)); // let the GC entries arrive
    const total = median(totals);
    const sqlite = median(shell);
    console.log(
      `Invoice import: ${N.toLocaleString('en-US')} lines, ${INVOICES.toLocaleString('en-US')} invoices, ${DRUGS} drugs (median of ${RUNS}, each run beside a run of the reference)`,
    );
    figure('preview', `${median(previews).toFixed(0)} ms`);
    figure('commit', `${median(commits).toFixed(0)} ms`);
    figure(
      '  of which garbage-collection pauses: preview / commit',
      `${median(windows.map(([a, b]) => gcWithin(a, b))).toFixed(0)} / ${median(windows.map(([, b, c]) => gcWithin(b, c))).toFixed(0)} ms`,
    );
    figure('preview + commit', `${total.toFixed(0)} ms`, '≤ 3000 ms');
    figure('sqlite3 .import --csv (bare table)', `${sqlite.toFixed(0)} ms`);
    figure('ratio (median ÷ median)', `${(total / sqlite).toFixed(2)}×`, '≤ 3×');
    const ratios = totals.map((t, i) => t / (shell[i] ?? NaN));
    figure('median of the per-run ratios', `${median(ratios).toFixed(2)}×`);
    figure('per run: preview + commit (ms)', list(totals));
    figure('per run: sqlite3 .import (ms)', list(shell));
    figure('per run: ratio', list(ratios, 2));
    figure('RSS before the import (app, catalog, the file and its base64)', mb(median(baselines)));
    figure('peak RSS during preview + commit (VmHWM, worst run)', mb(Math.max(...peaks)), '≤ 300 MB');
    figure('peak RSS per run', peaks.map(mb).join(', '));
    figure('peak RSS above the baseline (worst run)', mb(Math.max(...peaks.map((p, i) => p - (baselines[i] ?? 0)))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
