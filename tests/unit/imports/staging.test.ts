/**
 * Staged previews are held in memory until their commit: each for 5 minutes after its last use,
 * and all of them within a byte budget, least recently used dropped first. (Eight previews of a
 * 45 MB file held 1.9 GB for 30 minutes.) The clock and the sizes are the test's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  dropStaged,
  findStaged,
  MAX_STAGED,
  MAX_STAGED_BYTES,
  stage,
  stagedBytes,
  STAGED_IDLE_MS,
  type StagedImport,
} from '../../../electron/services/imports/staging';

const DB = '/data/j3490.sqlite';
const MINUTE = 60_000;
const T0 = Date.parse('2025-03-01T12:00:00.000Z');

/** One MiB of text, shared by every cell that holds it: counted per cell, held once. */
const MIB_TEXT = 'x'.repeat(1024 * 1024);
/** What the estimate counts for one cell holding MIB_TEXT. */
const MIB_CELL = 32 + 2 * MIB_TEXT.length;

/** A staged price preview with `bigCells` more cells of MIB_TEXT (2 MiB each in the estimate). */
function preview(bigCells = 0): StagedImport {
  const cells = ['00002759701', 'AWP', '1.00', '2025-01-01'];
  for (let i = 0; i < bigCells; i++) cells.push('00002759701', 'AWP', MIB_TEXT, '2025-01-01');
  return {
    kind: 'prices',
    fileName: 'p.csv',
    sha256: '0'.repeat(64),
    payerId: null,
    supplierId: null,
    quarter: null,
    mapping: {},
    missing: [],
    records: { kind: 'prices', lines: Array.from({ length: bigCells + 1 }, (_, i) => i + 2), cells },
    validRows: bigCells + 1,
    refusedRows: 0,
    errors: [],
  };
}

/** How many big cells make a preview of about `share` of the budget. */
const cellsFor = (share: number): number => Math.floor((share * MAX_STAGED_BYTES) / MIB_CELL);

const ids: string[] = [];
const put = (staged: StagedImport, now: number): string => {
  const id = stage(staged, DB, now);
  ids.push(id);
  return id;
};
afterEach(() => {
  for (const id of ids.splice(0)) dropStaged(id);
});

describe('expiry', () => {
  it('keeps a preview 5 minutes after its last use, not after its creation, then forgets it', () => {
    expect(STAGED_IDLE_MS).toBe(5 * MINUTE);
    const id = put(preview(), T0);
    expect(findStaged(id, DB, T0 + 4 * MINUTE)).not.toBeNull();
    // Used at minute 4, so still there at minute 8; used then, so still there at minute 13…
    expect(findStaged(id, DB, T0 + 8 * MINUTE)).not.toBeNull();
    expect(findStaged(id, DB, T0 + 13 * MINUTE)).not.toBeNull();
    // …and gone once 5 minutes pass unused, for good.
    expect(findStaged(id, DB, T0 + 18 * MINUTE + 1)).toBeNull();
    expect(findStaged(id, DB, T0 + 18 * MINUTE)).toBeNull();
  });

  it('forgets an unused preview after 5 minutes, where it used to keep it 30', () => {
    const id = put(preview(), T0);
    expect(findStaged(id, DB, T0 + 5 * MINUTE + 1)).toBeNull();
  });

  it('drops idle previews when another is staged, and keeps those in use', () => {
    const idle = put(preview(), T0);
    const used = put(preview(), T0);
    expect(findStaged(used, DB, T0 + 4 * MINUTE)).not.toBeNull();
    put(preview(), T0 + 6 * MINUTE);
    expect(findStaged(idle, DB, T0 + 6 * MINUTE)).toBeNull();
    expect(findStaged(used, DB, T0 + 6 * MINUTE)).not.toBeNull();
  });

  it('answers only for the database it was previewed against', () => {
    const id = put(preview(), T0);
    expect(findStaged(id, '/other/j3490.sqlite', T0)).toBeNull();
    expect(findStaged(id, DB, T0)).not.toBeNull();
  });
});

describe('the byte budget', () => {
  it('estimates a preview from its records: two bytes a character plus a header per string', () => {
    const small = stagedBytes(preview());
    expect(small).toBeGreaterThan(0);
    // One more row: three short strings, one of MIB_TEXT, one line number.
    expect(stagedBytes(preview(1)) - small).toBe(3 * 32 + 2 * (11 + 3 + 10) + MIB_CELL + 8);
  });

  it('drops the least recently used previews until the new one fits', () => {
    // Three previews of ~40% of the budget each: the third pushes out the least recently used.
    const a = put(preview(cellsFor(0.4)), T0);
    const b = put(preview(cellsFor(0.4)), T0 + 1000);
    expect(findStaged(a, DB, T0 + 2000)).not.toBeNull(); // a is now used more recently than b
    const c = put(preview(cellsFor(0.4)), T0 + 3000);
    expect(findStaged(b, DB, T0 + 3000)).toBeNull();
    expect(findStaged(a, DB, T0 + 3000)).not.toBeNull();
    expect(findStaged(c, DB, T0 + 3000)).not.toBeNull();
  });

  it('keeps the newest preview even when it alone is over the budget', () => {
    const before = put(preview(), T0);
    const huge = put(preview(cellsFor(1.1)), T0);
    expect(stagedBytes(preview(cellsFor(1.1)))).toBeGreaterThan(MAX_STAGED_BYTES);
    expect(findStaged(huge, DB, T0)).not.toBeNull();
    expect(findStaged(before, DB, T0)).toBeNull();
  });

  it('keeps at most MAX_STAGED previews, dropping the least recently used', () => {
    const first = Array.from({ length: MAX_STAGED }, (_, i) => put(preview(), T0 + i));
    put(preview(), T0 + 100);
    expect(findStaged(first[0] ?? '', DB, T0 + 100)).toBeNull();
    expect(first.slice(1).every((id) => findStaged(id, DB, T0 + 100) !== null)).toBe(true);
  });

  it('frees the budget of a dropped preview', () => {
    const big = put(preview(cellsFor(0.9)), T0);
    dropStaged(big);
    const next = put(preview(cellsFor(0.9)), T0);
    const other = put(preview(), T0);
    expect(findStaged(next, DB, T0)).not.toBeNull();
    expect(findStaged(other, DB, T0)).not.toBeNull();
  });
});
