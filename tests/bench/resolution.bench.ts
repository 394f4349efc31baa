/**
 * Resolution + estimate throughput: 100,000 (payer, NDC, date) triples against 200 contract
 * versions (20 payers × 10 yearly versions) and 50,000 price rows (25,000 NDCs × AWP and WAC),
 * through the real resolver on a real SQLite file (target ≤ 3 s).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { contractInputSchema } from '../../shared/domain/contract-terms';
import type { DrugFields } from '../../shared/domain/drug-catalog';
import { openDatabase } from '../../electron/services/db/open';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { contractRepository } from '../../electron/services/repositories/contract-repository';
import { drugRepository } from '../../electron/services/repositories/drug-repository';
import { newResolveCache, resolver } from '../../electron/services/resolution';
import { figure, ms, tempDir } from './bench-util';

const dir = tempDir();
try {
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const audit = auditLog(db);
  const at = '2026-01-01T00:00:00.000Z';
  const N_DRUGS = 25_000;
  const drugs: DrugFields[] = [];
  for (let i = 0; i < N_DRUGS; i++) {
    drugs.push({
      ndc: `${String(20000 + Math.floor(i / 1000)).padStart(5, '0')}${String(i % 1000).padStart(4, '0')}01`,
      genericName: `drug ${i}`,
      brandName: '',
      strengthAmount: '20',
      strengthUnit: 'mg',
      packageSize: '10',
      ndcUnit: 'ML',
      container: i % 2 ? 'single-dose' : 'multi-dose',
      route: 'IV',
    });
  }
  drugRepository(db, audit).insertMany(drugs, at, 'bench');
  const insertPrice = db.prepare(
    `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, source, created_at) VALUES (?, ?, ?, '2016-01-01', 'bench', ?)`,
  );
  db.transaction(() => {
    for (const d of drugs) {
      insertPrice.run(d.ndc, 'AWP', '1200.00', at);
      insertPrice.run(d.ndc, 'WAC', '1000.00', at);
    }
  })();

  const insertPayer = db.prepare(
    `INSERT INTO payers (name, payer_type, profile_confirmed_at, created_at, updated_at) VALUES (?, 'commercial', ?, ?, ?)`,
  );
  const contracts = contractRepository(db, audit);
  db.transaction(() => {
    for (let p = 1; p <= 20; p++) {
      insertPayer.run(`Payer ${p}`, at, at, at);
      for (let y = 0; y < 10; y++) {
        const year = 2016 + y;
        contracts.insert(
          contractInputSchema.parse({
            payerId: p,
            scopeKind: 'all',
            effectiveFrom: `${year}-01-01`,
            effectiveTo: `${year}-12-31`,
            basis: y % 2 ? 'AWP' : 'WAC',
            percent: y % 2 ? '95' : '103',
            lesserOfBilled: true,
            coinsurancePercent: '20',
            sequestration: p % 2 ? 'medicare' : 'none',
          }),
          at,
          'bench',
        );
      }
    }
  })();
  const priceRows = (db.prepare('SELECT count(*) AS n FROM drug_prices').get() as { n: number }).n;
  const versionRows = (db.prepare('SELECT count(*) AS n FROM contracts').get() as { n: number }).n;

  const r = resolver(db, audit);
  const N = 100_000;
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const triples = Array.from({ length: N }, () => {
    const d = drugs[rand(N_DRUGS)] as DrugFields;
    const month = String(1 + rand(12)).padStart(2, '0');
    return {
      payerId: 1 + rand(20),
      ndc11: d.ndc,
      date: `${2016 + rand(10)}-${month}-15`,
      single: d.container === 'single-dose',
    };
  });

  const run = (count: number) => {
    const cache = newResolveCache();
    let paid = 0;
    for (let i = 0; i < count; i++) {
      const t = triples[i] as (typeof triples)[number];
      const res = r.resolve(
        t.payerId,
        t.ndc11,
        {
          dateOfService: t.date,
          hcpcs: 'J3490',
          dose: { amount: '45', unit: 'mg' },
          ...(t.single ? { wasted: { amount: '5', unit: 'mg' } } : {}),
          billedCharge: '300.00',
          acquisitionPerPackage: '950.00',
        },
        cache,
      );
      if (res.estimate) paid++;
    }
    return paid;
  };
  run(2_000); // warm up
  const started = process.hrtime.bigint();
  const estimated = run(N);
  const elapsed = ms(started);
  figure(
    'data',
    `${versionRows} contract versions, ${priceRows.toLocaleString('en-US')} price rows, ${N_DRUGS.toLocaleString('en-US')} drugs`,
  );
  figure(
    'resolve + estimate 100,000 triples',
    `${(elapsed / 1000).toFixed(2)} s (${Math.round((N / elapsed) * 1000).toLocaleString('en-US')} per s; ${estimated.toLocaleString('en-US')} estimated)`,
    '≤ 3 s',
  );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
