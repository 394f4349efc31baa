/** Running the `j3490` command in-process on a data folder, with stdout parsed as its JSON and stderr kept. */
import { runCli } from '../../electron/cli';
import { openServices } from '../../electron/services/context';
import type { Db } from '../../electron/services/db/open';
import { catalogDrugs, insertCatalogDrugs } from '../fixtures/catalog-drugs';

export async function runCliIn(dir: string, argv: readonly string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', dir, ...argv], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readStdin: () => stdin,
  });
  return { code, json: JSON.parse(out.join('\n')) as Record<string, unknown>, err };
}

/** Rows in `table` of the data folder's database, opened for the count and closed again. */
export function countIn(dir: string, table: string): number {
  const s = openServices({ dataDir: dir, mode: 'cli' });
  try {
    return (s.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    s.close();
  }
}

/**
 * A new data folder for CLI tests, seeded before the CLI first runs: `seed` gets the database
 * (services opened as actor "seed", closed afterwards), the catalog already holding a placeholder
 * drug for each of `ndcs`, and the time to stamp rows with.
 */
export function seedDataDir<T>(dir: string, ndcs: readonly string[], seed: (db: Db, at: string) => T): T {
  const s = openServices({ dataDir: dir, mode: 'cli', actor: 'seed' });
  try {
    const at = '2025-03-01T12:00:00.000Z';
    insertCatalogDrugs(
      s.ctx.db,
      catalogDrugs(ndcs, (ndc) => `drug ${ndc}`),
      at,
      'seed',
    );
    return seed(s.ctx.db, at);
  } finally {
    s.close();
  }
}
