/**
 * Previewed imports waiting for their commit, in this process's memory only (a restart forgets
 * them; the person previews again). A preview of a large file holds hundreds of MB, so:
 * - each expires STAGED_IDLE_MS after its last use (its preview, or a look-up for its commit), so
 *   an abandoned preview does not linger;
 * - at most MAX_STAGED are kept, and together at most MAX_STAGED_BYTES as estimated by
 *   `stagedBytes`; the least recently used go first. The newest preview is always kept, even
 *   alone over the budget: it is the one the person is looking at.
 * An entry is bound to the database it was previewed against.
 */
import { randomUUID } from 'node:crypto';
import type { ImportRowError, ImportKind } from '../../../shared/api/import-schemas';
import { recordsBytes, type Records } from './staged-rows';

export const MAX_STAGED = 8;
export const STAGED_IDLE_MS = 5 * 60 * 1000;
export const MAX_STAGED_BYTES = 256 * 1024 * 1024;

export type StagedImport = {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  payerId: number | null;
  /** Invoices: the supplier they come from. */
  supplierId: number | null;
  quarter: string | null;
  /** field → column header, mapped fields only: what is remembered at commit. */
  mapping: Record<string, string>;
  /** Labels of fields still unmapped (empty when complete). */
  missing: string[];
  records: Records;
  validRows: number;
  refusedRows: number;
  errors: ImportRowError[];
};

/** The memory a staged preview holds, estimated from its records and its error list. */
export function stagedBytes(staged: StagedImport): number {
  let errors = 0;
  for (const e of staged.errors) errors += 96 + 2 * (e.column.length + e.code.length + e.message.length);
  return recordsBytes(staged.records) + errors;
}

type Entry = { staged: StagedImport; databaseFile: string; lastUsed: number; bytes: number };

/** In order of last use, least recent first (an entry used again is moved to the end). */
const store = new Map<string, Entry>();
let storedBytes = 0;

function remove(id: string): void {
  const e = store.get(id);
  if (!e) return;
  storedBytes -= e.bytes;
  store.delete(id);
}

const idle = (e: Entry, now: number): boolean => now - e.lastUsed > STAGED_IDLE_MS;

export function stage(staged: StagedImport, databaseFile: string, now: number): string {
  for (const [id, e] of store) if (idle(e, now)) remove(id);
  const bytes = stagedBytes(staged);
  for (const id of store.keys()) {
    if (store.size < MAX_STAGED && storedBytes + bytes <= MAX_STAGED_BYTES) break;
    remove(id);
  }
  const id = randomUUID();
  store.set(id, { staged, databaseFile, lastUsed: now, bytes });
  storedBytes += bytes;
  return id;
}

export function findStaged(id: string, databaseFile: string, now: number): StagedImport | null {
  const e = store.get(id);
  if (!e || e.databaseFile !== databaseFile) return null;
  if (idle(e, now)) {
    remove(id);
    return null;
  }
  e.lastUsed = now;
  store.delete(id);
  store.set(id, e);
  return e.staged;
}

export const dropStaged = (id: string): void => {
  remove(id);
};
