/**
 * The never-billed worklist at scale: 100,000 lots (20,000 invoices × 5 lines over five years),
 * about 550,000 administrations (a vial each, each row carrying a 2 KB estimate as real
 * ones do; the last two months' still draft, ready or billed, older ones billed long ago save a
 * few forgotten drafts) and 5,000 stock adjustments (one vial each), inserted with plain SQL. Then, warm,
 * the median of 10 runs of: the first page of 50 with its total (beside the stock list's page of
 * expired lots, which also sums every lot first), the same filtered to one year of invoices, a
 * search by drug name, and the whole list streamed for an export.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/services/db/open';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { stockRepository } from '../../electron/services/repositories/stock-repository';
import { neverBilledStock } from '../../electron/services/reports/never-billed';
import { figure, isoDayFrom, median, ms, seededRandom, tempDir } from './bench-util';

const N_INVOICES = 20_000;
const LINES = 5;
const AT = '2026-01-02T09:00:00.000Z';
const TODAY = '2026-01-02';
const isoDay = isoDayFrom('2021-01-01');
const rand = seededRandom(20250301);
// Claims go out within weeks: recent administrations are draft, ready or billed; older ones were
// billed long ago (mostly paid), but a few were forgotten as drafts, which is what this list finds.
const pickStatus = (daysAgo: number): string => {
  const r = rand(1000);
  if (daysAgo < 60) return r < 300 ? 'draft' : r < 500 ? 'ready' : 'billed';
  if (r < 3) return 'draft';
  return r < 100 ? 'denied' : r < 130 ? 'appealed' : 'paid';
};

const dir = tempDir();
const db = openDatabase(join(dir, 'never-billed.sqlite'));
try {
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  const t0 = process.hrtime.bigint();
  db.transaction(() => {
    db.prepare(`INSERT INTO payers (name, payer_type, created_at, updated_at) VALUES ('P', 'commercial', ?, ?)`).run(
      AT,
      AT,
    );
    db.prepare(`INSERT INTO suppliers (name, created_at, updated_at) VALUES ('McKesson', ?, ?)`).run(AT, AT);
    const drug = db.prepare(
      `INSERT INTO drugs (ndc11, generic_name, brand_name, strength_amount, strength_unit, package_size, ndc_unit,
         container, route, created_at, updated_at) VALUES (?, ?, '', '100', 'mg', '1', 'UN', 'single-dose', 'IV', ?, ?)`,
    );
    const ndcs: string[] = [];
    for (let d = 0; d < 100; d++) {
      const ndc11 = `${60000 + d}${String(d * 7).padStart(4, '0')}01`;
      ndcs.push(ndc11);
      drug.run(ndc11, `drug ${d}`, AT, AT);
    }
    const invoice = db.prepare(
      `INSERT INTO invoices (supplier_id, invoice_number, invoice_date, created_at, updated_at) VALUES (1, ?, ?, ?, ?)`,
    );
    const line = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity,
         cost_per_package, extended_cents, units_micro) VALUES (?, ?, ?, ?, ?, ?, '925.00', ?, ?)`,
    );
    const admin = db.prepare(
      `INSERT INTO administrations (date_of_service, patient_id, payer_id, invoice_line_id, ndc11, dose_amount,
         dose_unit, given_micro, wasted_micro, route, billed_cents, status, estimate_json, created_at, updated_at)
       VALUES (?, 1, 1, ?, ?, '100', 'mg', 1000000, 0, 'IV', 18000, ?, ?, ?, ?)`,
    );
    const adjust = db.prepare(
      `INSERT INTO stock_adjustments (invoice_line_id, quantity_micro, reason, at, actor) VALUES (?, 1000000, ?, ?, 'bench')`,
    );
    const estimate = JSON.stringify({ trace: 'x'.repeat(2000) });
    let lotId = 0;
    for (let inv = 0; inv < N_INVOICES; inv++) {
      const day = Math.floor((inv * 1826) / N_INVOICES);
      const invoiceId = Number(invoice.run(`INV-${inv}`, isoDay(day), AT, AT).lastInsertRowid);
      for (let n = 1; n <= LINES; n++) {
        const ndc11 = ndcs[rand(100)] as string;
        // 1 to 12 vials, each given once; about half the lots used up, the rest with a vial or two left.
        const vials = 1 + rand(12);
        lotId = Number(
          line.run(invoiceId, n, ndc11, `LOT${inv}-${n}`, isoDay(day + 365), String(vials), vials * 92500, vials * 1e6)
            .lastInsertRowid,
        );
        const given = Math.max(vials - rand(3), 0);
        for (let a = 0; a < given; a++) {
          const dos = day + 10 + rand(300);
          if (dos < 1826) admin.run(isoDay(dos), lotId, ndc11, pickStatus(1826 - dos), estimate, AT, AT);
        }
        if (given < vials && rand(10) === 0)
          adjust.run(lotId, ['expired', 'returned', 'damaged', 'correction'][rand(4)], AT);
      }
    }
  })();
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.exec('ANALYZE');
  figure('seeded 100k lots, ~550k administrations', `${ms(t0).toFixed(0)} ms`);

  const report = neverBilledStock(db);
  const timed = (label: string, target: string | undefined, run: () => unknown): void => {
    run();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = process.hrtime.bigint();
      run();
      times.push(ms(t));
    }
    figure(label, `${median(times).toFixed(1)} ms (median of 10, warm)`, target);
  };
  const first = report.list({ today: TODAY, limit: 50, offset: 0 });
  figure('lots listed', first.total.toLocaleString('en-US'));
  // The reference: the stock list's expired filter also sums every lot before it pages.
  const stock = stockRepository(db, auditLog(db));
  const expired = { search: '', status: 'expired', expiringWithinDays: 60, includeEmpty: true, today: TODAY } as const;
  timed('reference: stock list, first page of 50 expired lots with its total', undefined, () =>
    stock.list({ ...expired, limit: 50, offset: 0 }),
  );
  timed('first page of 50 with its total, all 100k lots', undefined, () =>
    report.list({ today: TODAY, limit: 50, offset: 0 }),
  );
  timed('page of 50 of one year of invoices', undefined, () =>
    report.list({ today: TODAY, from: '2024-01-01', to: '2024-12-31', limit: 50, offset: 0 }),
  );
  timed('search "drug 42"', undefined, () => report.list({ today: TODAY, search: 'drug 42', limit: 50, offset: 0 }));
  timed('every listed lot streamed (export)', undefined, () => {
    let n = 0;
    for (const _ of report.each({ today: TODAY })) n++;
    return n;
  });
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
