/**
 * The crash harness (issue 15, item 2): the real `j3490` command (bin/j3490.cjs, a process of its
 * own) is killed with SIGKILL at random points of each kind of work, then the folder is checked
 * (crash-checks.ts) and the command run again.
 *
 * Per kind: an uninterrupted run on a copy of the template (one per lane, at once) gives the whole
 * run's duration and footprint; then each killed run gets a fresh copy and is killed after a delay
 * drawn uniformly from [5 %, 95 %] of that duration (mulberry32 from a printed seed), so kills fall
 * in start-up, before, inside and after the write. A kill "landed" when the process was still
 * running (it died of the signal rather than exiting on its own). Re-seeding is a copy of the
 * template folder (a few MB), so a run costs its command, its checks and its re-run only.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seededRandom } from '../../bench/bench-util';
import { checkKilledRun, footprintOf } from './crash-checks';
import { BATCH_CLAIMS, prepareCrashWork, type Phase, type Work, type WorkKind } from './crash-work';

const repoRoot = resolve(__dirname, '../../..');
const bin = join(repoRoot, 'bin/j3490.cjs');

export type KindTally = {
  kind: WorkKind;
  /** The uninterrupted run, ms. */
  wholeRunMs: number;
  kills: number;
  /** Kills that found the process still running. */
  landed: number;
  /** Kills by where they fell: before the work's write began, inside it, after it was done. */
  phases: Record<Phase, number>;
  corruptions: number;
  partialImports: number;
  halfWrittenDocuments: number;
  restartsFailed: number;
  leftoverTempFiles: number;
  /** Each failed check, with the run and its delay, for a person to reproduce. */
  findings: string[];
};

export type CrashReport = { seed: number; encrypted: boolean; tallies: KindTally[]; seconds: number };

type Exit = { code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string };

/** `j3490 --data-dir DIR ARGV…` as its own process, killed after `killAfterMs` when given. */
function runCommand(dataDir: string, argv: readonly string[], scratch: string, killAfterMs?: number): Promise<Exit> {
  const started = process.hrtime.bigint();
  const proc = spawn(process.execPath, [bin, '--data-dir', dataDir, ...argv], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, J3490_DATA_DIR: join(scratch, 'never-used') },
  });
  let stderr = '';
  proc.stdout.resume();
  proc.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 4000) stderr += c.toString();
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
  return new Promise((settle, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      settle({ code, signal, ms: Number(process.hrtime.bigint() - started) / 1e6, stderr });
    });
  });
}

export type CrashOptions = {
  killsPerKind: number;
  seed: number;
  /** Progress lines (one per killed run that failed a check, and one per kind). */
  log?: (line: string) => void;
  kinds?: readonly WorkKind[];
  /** Encrypt the folder with this passphrase first (issue 15 item 5), so the kills hit encrypted writes. */
  passphrase?: string;
  /** Killed runs going on at once (each a process, its checks in this one); 2 suits two cores. */
  lanes?: number;
};

async function killRuns(
  work: Work,
  template: string,
  scratch: string,
  opts: CrashOptions,
  random: () => number,
): Promise<KindTally> {
  const slug = work.kind.replace(/\W+/g, '-');
  const fresh = (name: string): string => {
    const dir = join(scratch, `${slug}-${name}`);
    cpSync(template, dir, { recursive: true });
    return dir;
  };
  const beforeDir = fresh('before');
  const before = footprintOf(work, beforeDir);
  rmSync(beforeDir, { recursive: true, force: true });

  // The whole run is timed with as many runs at once as the kills will have, so a delay means the
  // same point of the work under the same load.
  const lanes = Math.max(1, opts.lanes ?? 1);
  const wholes = await Promise.all(
    Array.from({ length: lanes }, async (_, n) => {
      const dir = fresh(`whole-${n}`);
      const exit = await runCommand(dir, work.argv(join(scratch, `${slug}-whole-${n}-out`)), scratch);
      if (exit.code !== 0) {
        throw new Error(`The uninterrupted ${work.kind} exited ${String(exit.code ?? exit.signal)}: ${exit.stderr}`);
      }
      return { dir, ms: exit.ms };
    }),
  );
  const wholeMs = wholes.reduce((sum, w) => sum + w.ms, 0) / wholes.length;
  const after = footprintOf(work, (wholes[0] as { dir: string }).dir);
  for (const w of wholes) rmSync(w.dir, { recursive: true, force: true });

  const tally: KindTally = {
    kind: work.kind,
    wholeRunMs: wholeMs,
    kills: 0,
    landed: 0,
    phases: { 'before the write': 0, 'inside the write': 0, 'after the write': 0 },
    corruptions: 0,
    partialImports: 0,
    halfWrittenDocuments: 0,
    restartsFailed: 0,
    leftoverTempFiles: 0,
    findings: [],
  };
  // The delays are drawn up front, in run order, so a seed names the same kill points however
  // the runs are spread over the lanes.
  const delays = Array.from({ length: opts.killsPerKind }, () => Math.round(wholeMs * (0.05 + 0.9 * random())));
  const killOnce = async (i: number): Promise<void> => {
    const delay = delays[i - 1] as number;
    const dataDir = fresh(`run-${i}`);
    const outDir = join(scratch, `${slug}-run-${i}-out`);
    const exit = await runCommand(dataDir, work.argv(outDir), scratch, delay);
    tally.kills++;
    if (exit.signal === 'SIGKILL') tally.landed++;
    const check = await checkKilledRun(work, dataDir, outDir, { before, after, claims: BATCH_CLAIMS });
    if (check.phase) tally.phases[check.phase]++;
    tally.corruptions += check.corruption.length > 0 ? 1 : 0;
    tally.partialImports += check.partial.length > 0 ? 1 : 0;
    tally.halfWrittenDocuments += check.halfWritten.length > 0 ? 1 : 0;
    tally.restartsFailed += check.restart.length > 0 ? 1 : 0;
    tally.leftoverTempFiles += check.leftoverTemps;
    const failed = [...check.corruption, ...check.partial, ...check.halfWritten, ...check.restart];
    const where = `${work.kind}, run ${i}, killed at ${delay} ms${exit.signal ? '' : ` (had exited ${String(exit.code)})`}`;
    for (const f of failed) {
      tally.findings.push(`${where}: ${f}`);
      opts.log?.(`${where}: ${f}`);
    }
    // A failing run's folder is kept for a person to look at.
    if (failed.length === 0) {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  };
  let next = 1;
  const lane = async (): Promise<void> => {
    while (next <= opts.killsPerKind) await killOnce(next++);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  opts.log?.(
    `${work.kind}: ${tally.kills} kills (${tally.landed} mid-run, whole run ${(wholeMs / 1000).toFixed(2)} s), ` +
      `${tally.findings.length} failed checks`,
  );
  return tally;
}

/** Prepare the template and the inputs, then kill each kind of work `killsPerKind` times. */
export async function runCrashHarness(opts: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'j3490-crash-'));
  const draw = seededRandom(opts.seed);
  const random = (): number => draw(1_000_000) / 1_000_000;
  let kept = false;
  try {
    const { template, works } = await prepareCrashWork(
      scratch,
      opts.passphrase === undefined ? {} : { passphrase: opts.passphrase },
    );
    const tallies: KindTally[] = [];
    for (const work of works.filter((w) => !opts.kinds || opts.kinds.includes(w.kind))) {
      tallies.push(await killRuns(work, template, scratch, opts, random));
    }
    kept = tallies.some((t) => t.findings.length > 0);
    if (kept) opts.log?.(`Folders of the failing runs are kept in ${scratch}`);
    return {
      seed: opts.seed,
      encrypted: opts.passphrase !== undefined,
      tallies,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (!kept) rmSync(scratch, { recursive: true, force: true });
  }
}

/** The totals over every kind, as one more tally row. */
type Counts = Omit<KindTally, 'kind' | 'wholeRunMs' | 'findings' | 'phases'>;

export function totalOf(tallies: readonly KindTally[]): Counts & Pick<KindTally, 'phases'> {
  const sum = (k: keyof Counts) => tallies.reduce((s, t) => s + t[k], 0);
  const phase = (p: Phase) => tallies.reduce((s, t) => s + t.phases[p], 0);
  return {
    phases: {
      'before the write': phase('before the write'),
      'inside the write': phase('inside the write'),
      'after the write': phase('after the write'),
    },
    kills: sum('kills'),
    landed: sum('landed'),
    corruptions: sum('corruptions'),
    partialImports: sum('partialImports'),
    halfWrittenDocuments: sum('halfWrittenDocuments'),
    restartsFailed: sum('restartsFailed'),
    leftoverTempFiles: sum('leftoverTempFiles'),
  };
}

/** The report as printed lines: one per kind of work, then the totals. */
export function reportLines(report: CrashReport): string[] {
  const row = (name: string, t: ReturnType<typeof totalOf>): string =>
    `${name}: ${t.kills} kills, ${t.landed} landed mid-run (fell ${t.phases['before the write']} before the write, ` +
    `${t.phases['inside the write']} inside it, ${t.phases['after the write']} after it); ` +
    `${t.corruptions} corruptions, ${t.partialImports} partial imports, ${t.halfWrittenDocuments} half-written documents, ` +
    `${t.restartsFailed} restarts failed; ${t.leftoverTempFiles} leftover temp files`;
  return [
    `Crash harness, seed ${report.seed}, data folder ${report.encrypted ? 'encrypted at rest' : 'in clear'}, ${report.seconds.toFixed(1)} s`,
    ...report.tallies.map((t) => `${row(t.kind, t)}; whole run ${(t.wholeRunMs / 1000).toFixed(2)} s`),
    row('total', totalOf(report.tallies)),
  ];
}
