/**
 * The crash harness as a bench (issue 15: "0 corruptions and 0 partial imports over all runs"):
 * the real `j3490` process killed with SIGKILL at random points of an invoice import, an 835
 * import and an attachment batch, CRASH_KILLS times each (20), CRASH_LANES at once (2); after each
 * kill the folder is checked and the command run again (tests/integration/crash/).
 *
 * Prints, per kind of work and in total: kills, kills that landed mid-run (of them, how many found
 * the work already done), corruptions, partial imports, half-written documents, failed restarts,
 * and leftover temp files (harmless: nothing lists them). The seed is random unless CRASH_SEED
 * gives one; it is printed, so a run can be repeated. CRASH_PASSPHRASE runs it all on a folder
 * encrypted at rest with that passphrase (slower: each opening derives the key with scrypt).
 *
 * Run: npm run bench crash
 */
import { reportLines, runCrashHarness, totalOf } from '../integration/crash/crash-harness';
import { figure } from './bench-util';

async function main(): Promise<void> {
  const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const report = await runCrashHarness({
    killsPerKind: Number(process.env.CRASH_KILLS ?? 20),
    seed,
    lanes: Number(process.env.CRASH_LANES ?? 2),
    ...(process.env.CRASH_PASSPHRASE ? { passphrase: process.env.CRASH_PASSPHRASE } : {}),
    log: (line) => console.log(`  ${line}`),
  });
  for (const line of reportLines(report)) console.log(line);
  const total = totalOf(report.tallies);
  figure('corruptions over all runs', String(total.corruptions), '0');
  figure('partial imports over all runs', String(total.partialImports), '0');
  if (total.corruptions + total.partialImports + total.halfWrittenDocuments + total.restartsFailed > 0) {
    process.exitCode = 1;
  }
}

void main();
