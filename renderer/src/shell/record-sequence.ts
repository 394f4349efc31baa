/**
 * Next and previous record (J and K) follow the list the record was opened from, in the order and
 * with the filters the person was looking at: when a list is clicked (or a row opened with Enter),
 * the record links on it are remembered by their list ("/administrations" → its rows' addresses).
 * Nothing is asked of the service for that, and any list of records works the same way.
 */

/** "/administrations/12" → { list: "/administrations", path: "/administrations/12" }. */
export interface RecordAddress {
  list: string;
  path: string;
}

const RECORD_PATH = /^((?:\/[a-z][a-z-]*)+)\/(\d+)$/;

/** The record an address names ("#/invoices/7", "/invoices/7"), or null for lists, editors and anything else. */
export function recordAddress(href: string | null | undefined): RecordAddress | null {
  if (!href) return null;
  const hash = href.indexOf('#');
  const path = (hash >= 0 ? href.slice(hash + 1) : href).split('?')[0] ?? '';
  const m = RECORD_PATH.exec(path);
  if (!m?.[1]) return null;
  return { list: m[1], path };
}

/** The record addresses among `hrefs`, by list, each once, in the order they appear. */
export function sequencesFrom(hrefs: readonly (string | null)[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const href of hrefs) {
    const r = recordAddress(href);
    if (!r) continue;
    const seq = (out[r.list] ??= []);
    if (!seq.includes(r.path)) seq.push(r.path);
  }
  return out;
}

/** The record `step` places after `current` (−1: before), or null at either end or when `current` is not there. */
export function neighbour(sequence: readonly string[], current: string, step: 1 | -1): string | null {
  const i = sequence.indexOf(current);
  if (i < 0) return null;
  return sequence[i + step] ?? null;
}

/** Where the sequences are kept: sessionStorage in the app (a reload keeps them, a new window does not). */
export interface SequenceStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'j3490.recordSequences';

/** Remembers the lists just seen, replacing what was kept for those lists and keeping the others. */
export function rememberSequences(store: SequenceStore, found: Record<string, string[]>): void {
  // A list with one record is not an order to follow; a record page's own links are not a list.
  const lists = Object.entries(found).filter(([, seq]) => seq.length > 1);
  if (lists.length === 0) return;
  store.setItem(KEY, JSON.stringify({ ...rememberedSequences(store), ...Object.fromEntries(lists) }));
}

/** The sequences remembered so far, by list. */
export function rememberedSequences(store: SequenceStore): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((p) => typeof p === 'string'),
      ),
    );
  } catch {
    return {};
  }
}
