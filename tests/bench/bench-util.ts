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

/**
 * The reference for import figures: the sqlite3 shell's `.import --csv` of `csvFile` (header row
 * skipped) into a bare table made by `createTable`, `runs` times into fresh files; the times in ms.
 */
export function sqliteShellImport(opts: {
  dir: string;
  csvFile: string;
  createTable: string;
  table: string;
  rows: number;
  runs?: number;
}): number[] {
  const times: number[] = [];
  for (let r = 0; r < (opts.runs ?? 3); r++) {
    const script = [
      opts.createTable,
      `.import --csv --skip 1 ${opts.csvFile} ${opts.table}`,
      `SELECT count(*) FROM ${opts.table};`,
    ].join('\n');
    const t = process.hrtime.bigint();
    const run = spawnSync(SQLITE3, [join(opts.dir, `bare-${r}.sqlite`)], { input: script, encoding: 'utf8' });
    times.push(ms(t));
    if (run.status !== 0 || run.stdout.trim() !== String(opts.rows)) {
      throw new Error(`sqlite3 .import failed: ${run.stderr || run.stdout}`);
    }
  }
  return times;
}
