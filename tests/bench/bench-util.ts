/** Helpers for the benchmark scripts: timing, medians, plain one-figure-a-line output. */
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
