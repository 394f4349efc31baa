/**
 * Issue 15 item 2, crash safety proved: the real `j3490` process is killed (SIGKILL) 20 times at
 * random points of an invoice import (1,500 lines), an 835 import (1,500 claims matching billed
 * administrations) and an attachment batch (20 claims); after every kill the database is sound,
 * each import is wholly there or wholly absent, no half-written document is listed, the app opens
 * the folder normally and the same command run again ends as it should (the import posted once).
 * The harness is tests/integration/crash/; `npm run bench crash` prints the same counts.
 *
 * Seeded: CRASH_SEED picks other kill points (the seed is printed), CRASH_LANES how many killed
 * runs go on at once (2 by default, for two cores).
 */
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { openServices } from '../../electron/services/context';
import { checkKilledRun, footprintOf } from './crash/crash-checks';
import { reportLines, runCrashHarness, totalOf } from './crash/crash-harness';
import { BATCH_CLAIMS, prepareCrashWork, type Prepared, type Work } from './crash/crash-work';
import { makeTempDir, removeTempDir } from './temp-dir';

const KILLS_PER_KIND = 20;

describe('the checks after a kill find what a crash could leave behind', () => {
  let dir: string;
  let prepared: Prepared;
  beforeAll(async () => {
    dir = makeTempDir();
    prepared = await prepareCrashWork(dir);
  }, 60_000);
  afterAll(() => removeTempDir(dir));

  const work = (kind: Work['kind']): Work => prepared.works.find((w) => w.kind === kind) as Work;

  /** A copy of the template with the work run whole, in this process; its footprints before and after. */
  async function wholeRun(kind: Work['kind'], name: string) {
    const w = work(kind);
    const dataDir = join(dir, name);
    const outDir = join(dir, `${name}-out`);
    cpSync(prepared.template, dataDir, { recursive: true });
    const before = footprintOf(w, dataDir);
    const code = await runCli(['--data-dir', dataDir, ...w.argv(outDir)], {
      out: () => undefined,
      err: () => undefined,
      readStdin: () => '',
    });
    expect(code).toBe(0);
    return { w, dataDir, outDir, before, after: footprintOf(w, dataDir), claims: BATCH_CLAIMS };
  }

  it('a whole import, and an import with the tail of its lots gone: the torn one is a partial import', async () => {
    const run = await wholeRun('invoice import', 'whole-invoices');
    const sound = await checkKilledRun(run.w, run.dataDir, run.outDir, run);
    expect(sound).toMatchObject({ corruption: [], partial: [], halfWritten: [], restart: [], complete: true });

    const torn = await wholeRun('invoice import', 'torn-invoices');
    const s = openServices({ dataDir: torn.dataDir, mode: 'cli' });
    s.ctx.db.prepare(`DELETE FROM invoice_lines WHERE id > (SELECT max(id) - 100 FROM invoice_lines)`).run();
    s.close();
    const found = await checkKilledRun(torn.w, torn.dataDir, torn.outDir, torn);
    expect(found.partial.join('\n')).toMatch(/after the kill: .*lots 1400.*neither none .* nor all/);
    expect(found.corruption).toEqual([]);
  }, 60_000);

  it('a document truncated, another gone, a stray file in the output folder: each is a half-written document', async () => {
    const run = await wholeRun('attachment batch', 'torn-batch');
    const documents = join(run.dataDir, 'documents');
    const [first, second] = readdirSync(documents).filter((f) => f.endsWith('.pdf'));
    writeFileSync(join(documents, first as string), '%PDF-1.7 cut short');
    rmSync(join(documents, second as string));
    writeFileSync(join(run.outDir, 'half.pdf'), '%PDF-1.7 cut short');
    const found = await checkKilledRun(run.w, run.dataDir, run.outDir, run);
    const said = found.halfWritten.join('\n');
    expect(said).toMatch(/document \d+: its file's bytes do not match its SHA-256/);
    expect(said).toMatch(/document \d+: its file in documents\/ is missing/);
    expect(said).toMatch(/document \d+ is listed but cannot be read: DOCUMENT_DAMAGED/);
    expect(said).toMatch(/half\.pdf in the output folder is not a whole document/);
  }, 60_000);
});

describe('SIGKILL during the work, 20 times each', () => {
  it('invoice import, 835 import, attachment batch: 0 corruptions, 0 partial imports, 0 half-written documents, 0 failed restarts', async () => {
    const seed = Number(process.env.CRASH_SEED ?? 151_207);
    const report = await runCrashHarness({
      killsPerKind: KILLS_PER_KIND,
      seed,
      lanes: Number(process.env.CRASH_LANES ?? 2),
      log: (line) => console.info(line),
    });
    console.info(reportLines(report).join('\n'));

    expect(report.tallies.map((t) => t.findings)).toEqual([[], [], []]);
    const total = totalOf(report.tallies);
    expect(total).toMatchObject({
      kills: 3 * KILLS_PER_KIND,
      corruptions: 0,
      partialImports: 0,
      halfWrittenDocuments: 0,
      restartsFailed: 0,
    });
    // The kills hit running processes, not ones already gone (a busy machine may slow the timed
    // whole run and so push some delays past the end of a later run: a quarter is the floor).
    for (const t of report.tallies) expect(t.landed).toBeGreaterThanOrEqual(KILLS_PER_KIND / 4);
  }, 600_000);
});
