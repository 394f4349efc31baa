/** Helpers for the benchmark scripts: timing, medians, plain one-figure-a-line output. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../electron/services/db/open';

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

/** A full garbage collection when node runs with --expose-gc; otherwise nothing. */
export const collect: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * mulberry32 from `seed`: a small seeded generator whose low bits are as random as its high ones
 * (a plain power-of-two LCG taken modulo 50 would put most rows on half the payers). The returned
 * function draws an integer in [0, n); the same seed gives the same data every run.
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const DAY_MS = 86_400_000;

/** Day `day` counted from `firstDay` (an ISO date, day 0) as an ISO date. */
export function isoDayFrom(firstDay: string): (day: number) => string {
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  return (day) => new Date(first + day * DAY_MS).toISOString().slice(0, 10);
}

/** The column names of `table`, in order. */
export const columnsOf = (db: Db, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
