/**
 * Previewed imports waiting for their commit, in this process's memory only (a restart forgets
 * them; the person previews again). At most MAX_STAGED are kept, oldest dropped first, and each
 * expires STAGED_TTL_MS after its preview, so an abandoned 50,000-row preview does not linger.
 * An entry is bound to the database it was previewed against.
 */
import { randomUUID } from 'node:crypto';
import type { ImportRowError, ImportKind } from '../../../shared/api/import-schemas';
import type { Records } from './staged-rows';

export const MAX_STAGED = 8;
export const STAGED_TTL_MS = 30 * 60 * 1000;

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

type Entry = { staged: StagedImport; databaseFile: string; at: number };

const store = new Map<string, Entry>();

function prune(now: number): void {
  for (const [id, e] of store) if (now - e.at > STAGED_TTL_MS) store.delete(id);
  while (store.size >= MAX_STAGED) {
    const oldest = store.keys().next();
    if (oldest.done) break;
    store.delete(oldest.value);
  }
}

export function stage(staged: StagedImport, databaseFile: string, now: number): string {
  prune(now);
  const id = randomUUID();
  store.set(id, { staged, databaseFile, at: now });
  return id;
}

export function findStaged(id: string, databaseFile: string, now: number): StagedImport | null {
  const e = store.get(id);
  if (!e || e.databaseFile !== databaseFile) return null;
  if (now - e.at > STAGED_TTL_MS) {
    store.delete(id);
    return null;
  }
  return e.staged;
}

export const dropStaged = (id: string): void => {
  store.delete(id);
};
