/** Helpers for the benchmark scripts: timing, medians, plain one-figure-a-line output. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempDir = (prefix = 'j3490-bench-'): string => mkdtempSync(join(tmpdir(), prefix));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export function figure(label: string, value: string, target?: string): void {
  console.log(`${label}: ${value}${target ? `   (target ${target})` : ''}`);
}

export const SQLITE3 = '/usr/bin/sqlite3';

/** How the reference import is set up: see sqliteShellImportOnce. */
export type ShellImport = { dir: string; csvFile: string; createTable: string; table: string; rows: number };

/**
 * The reference for import figures: the sqlite3 shell's `.import --csv` of `csvFile` (header row
 * skipped) into a bare table made by `createTable`, in a fresh file named by `run`; the time in ms.
 */
export function sqliteShellImportOnce(opts: ShellImport, run: number | string): number {
  const script = [
    opts.createTable,
    `.import --csv --skip 1 ${opts.csvFile} ${opts.table}`,
    `SELECT count(*) FROM ${opts.table};`,
  ].join('\n');
  const t = process.hrtime.bigint();
  const result = spawnSync(SQLITE3, [join(opts.dir, `bare-${run}.sqlite`)], { input: script, encoding: 'utf8' });
  const time = ms(t);
  if (result.status !== 0 || result.stdout.trim() !== String(opts.rows)) {
    throw new Error(`sqlite3 .import failed: ${result.stderr || result.stdout}`);
  }
  return time;
}

/** The reference `runs` times in a row (default 3); the times in ms. */
export function sqliteShellImport(opts: ShellImport & { runs?: number }): number[] {
  const times: number[] = [];
  for (let r = 0; r < (opts.runs ?? 3); r++) times.push(sqliteShellImportOnce(opts, r));
  return times;
}

/** "3.1, 2.9, 3.4": per-run figures as printed. */
export const list = (xs: number[], digits = 0): string => xs.map((x) => x.toFixed(digits)).join(', ');
