/**
 * What the import benches share: a fresh app database with a placeholder catalog, one timed
 * `imports:preview` + `imports:commit` through the dispatcher as the app calls them, and the
 * garbage-collection pauses inside a timed window.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { ImportPreview, ImportReport } from '../../shared/api/import-schemas';
import type { Reply } from '../../shared/api/reply';
import { openServices, type Services } from '../../electron/services/context';
import { dispatch } from '../../electron/services/dispatch';
import { catalogDrugs, insertCatalogDrugs } from '../fixtures/catalog-drugs';
import { ms } from './bench-util';

/** `count` placeholder drugs with the NDCs `ndcOf(0 … count-1)`. */
export const benchCatalog = (count: number, ndcOf: (i: number) => string) =>
  catalogDrugs(Array.from({ length: count }, (_, i) => ndcOf(i)));

/** Services on a new data folder, the catalog already in it. */
export function openWithCatalog(dataDir: string, drugs: ReturnType<typeof benchCatalog>): Services {
  const services = openServices({ dataDir, mode: 'cli', actor: 'bench' });
  insertCatalogDrugs(services.ctx.db, drugs, '2026-01-01T00:00:00.000Z', 'bench');
  return services;
}

export function unwrap<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/**
 * Preview then commit the file in `args`; each step's time in ms, and the performance.now()
 * marks at the preview's start, the commit's start and the commit's end (for gcWithin).
 */
export async function timedImport(services: Services, args: Record<string, unknown>) {
  const log = { error: (m: string, e?: unknown) => console.error(m, e) };
  const p0 = performance.now();
  const t0 = process.hrtime.bigint();
  const preview = unwrap<ImportPreview>(await dispatch(services.handlers, 'imports:preview', args, log));
  const previewMs = ms(t0);
  const p1 = performance.now();
  const t1 = process.hrtime.bigint();
  const report = unwrap<ImportReport>(
    await dispatch(services.handlers, 'imports:commit', { stagedId: preview.stagedId }, log),
  );
  const commitMs = ms(t1);
  const marks: [number, number, number] = [p0, p1, performance.now()];
  return { preview, report, previewMs, commitMs, marks };
}

/** Starts recording garbage-collection pauses; the returned function adds up those begun in [from, to). */
export function gcPauses(): (from: number, to: number) => number {
  const pauses: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
  }).observe({ entryTypes: ['gc'] });
  return (from, to) => pauses.filter((g) => g.start >= from && g.start < to).reduce((sum, g) => sum + g.duration, 0);
}
