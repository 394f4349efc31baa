/**
 * Database figures: open + migrate a new file; 100k drug rows inserted through the repository in
 * one transaction (target ≤ 1 s).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DrugFields } from '../../shared/domain/drug-catalog';
import { openDatabase } from '../../electron/services/db/open';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { drugRepository } from '../../electron/services/repositories/drug-repository';
import { figure, median, ms, tempDir } from './bench-util';

const dir = tempDir();
try {
  const openTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = process.hrtime.bigint();
    const db = openDatabase(join(dir, `open-${i}.sqlite`));
    openTimes.push(ms(t));
    db.close();
  }
  figure('database open + migrate (new file, median of 7)', `${median(openTimes).toFixed(1)} ms`);

  const N = 100_000;
  const rows: DrugFields[] = [];
  for (let i = 0; i < N; i++) {
    const labeler = String(10000 + Math.floor(i / 1000)).padStart(5, '0');
    const product = String(i % 1000).padStart(4, '0');
    rows.push({
      ndc: `${labeler}${product}01`,
      genericName: `drug ${i}`,
      brandName: i % 3 ? `Brand ${i}` : '',
      strengthAmount: '20',
      strengthUnit: 'mg',
      packageSize: '10',
      ndcUnit: 'ML',
      container: i % 2 ? 'single-dose' : 'multi-dose',
      route: 'IV',
    });
  }
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const db = openDatabase(join(dir, `insert-${r}.sqlite`));
    const drugs = drugRepository(db, auditLog(db));
    const t = process.hrtime.bigint();
    drugs.insertMany(rows, '2026-01-01T00:00:00.000Z', 'bench');
    runs.push(ms(t));
    db.close();
  }
  const best = median(runs);
  figure(
    '100k drug inserts through the repository, one transaction (median of 3)',
    `${best.toFixed(0)} ms`,
    '≤ 1000 ms',
  );
  figure('drug inserts per second', `${Math.round((N / best) * 1000).toLocaleString('en-US')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
