/**
 * The database of the variance report bench (issue 12): a practice with 5 payers, 20 drugs,
 * 20,000 patients, ~500 lots and N billed administrations over two years of dates of service, every
 * one with its `line_variance` rows (about 3 in 10 with a JW line), paid, underpaid, overpaid,
 * partially paid, denied or unpaid, and the 835 payments behind every posted line (era_files,
 * remittances, remittance_claims, remittance_lines matched to the administration's claim line).
 *
 * Realism where the report reads it, speed elsewhere:
 * - A few dozen administrations are made through the services (one or two per drug, documented,
 *   marked ready, then billed), so every estimate snapshot, claim line and expected amount is the
 *   app's own. Each bulk administration is a copy of one of them (same drug, same dose) with its own
 *   date of service, patient, payer, lot, claim number and status. The estimates are all Medicare's
 *   (the only payer template); the 4 other payers exist by name and id only.
 * - The plan (which copy gets which date, payer, outcome) is drawn in JS from a seeded generator
 *   into a TEMP table; each real table is then filled by ONE `INSERT … SELECT` over that plan, all
 *   in one transaction. The administrations go through their triggers (counts per payer and status,
 *   claim lines), so those stay what the app would have. The paid amounts follow the rules of
 *   shared/domain/variance.ts for the status each line is given.
 * - Only for the build: journal_mode=OFF, synchronous=OFF and a 1 GB page cache; the open that is
 *   measured is the app's own (WAL, synchronous=FULL, 64 MB cache). ANALYZE is not run: the app
 *   never runs it.
 */
import type { Db } from '../../electron/services/db/open';
import type { Invoice } from '../../shared/domain/invoice';
import { billedAdministration, seedPractice, type Value } from '../fixtures/claim-seed';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { columnsOf, isoDayFrom, ms, seededRandom } from './bench-util';
import { insertPayments } from './variance-report-payments';

const N_PAYERS = 5;
const N_DRUGS = 20;
const N_PATIENTS = 20_000;
/** Dates of service: 2024-01-01 to 2025-12-30; the bench's today is 2026-01-02. */
const FIRST_DAY = '2024-01-01';
const DAYS = 730;
export const TODAY = '2026-01-02';
const MONTHS = 24;

const PAYERS = ['Blue Cross Blue Shield of Illinois', 'Aetna', 'UnitedHealthcare', 'Illinois Medicaid'];
const DRUGS = (
  'Alvotumab Brenacept Corvilimab Dexalutin Elvasparin Fostemab Glucarpine Hexavidin Iratumab ' +
  'Jenzacort Kelvocaine Lumatrexin Moravumab Nexaplatin Orvacaine Pemtuzomab Quintaxel Rovalimab'
).split(' ');
const LAST = ['Garcia', 'Nguyen', 'Smith', 'O’Brien', 'Kowalski', 'Johnson', 'Đặng', 'Williams', 'Müller', 'Brown'];
const LAST_ENDS = ['', 'son', 'ford', 'ley', 'well', '-Hart', 'man', 'ridge', 'wick', 'ton'];
const FIRST = ['Ana', 'Zoë', 'Minh', 'James', 'Maria', 'Robert', 'Linh', 'Patricia', 'Omar', 'Dana'];

// mulberry32, seeded: the same database every run.
const rand = seededRandom(20260102);
const isoDay = isoDayFrom(FIRST_DAY);

type Outcome = 'paid' | 'underpaid' | 'overpaid' | 'partially-paid' | 'denied' | 'unpaid';
/** Per thousand administrations; the last 45 days are all still unpaid. */
const OUTCOMES: [Outcome, number][] = [
  ['paid', 600],
  ['underpaid', 120],
  ['overpaid', 20],
  ['partially-paid', 30],
  ['denied', 60],
  ['unpaid', 170],
];
const pickOutcome = (day: number): Outcome => {
  if (day >= DAYS - 45) return 'unpaid';
  let r = rand(1000);
  for (const [o, share] of OUTCOMES) {
    if (r < share) return o;
    r -= share;
  }
  return 'paid';
};

type Template = { id: number; drug: number; withWaste: boolean };

/** Drugs, their lots and the administrations every copy is made from, through the services. */
async function seedTemplates(value: Value): Promise<{ templates: Template[]; lotOf: Map<number, number> }> {
  const seeded = await seedPractice(value);
  for (const [d, name] of DRUGS.entries()) {
    const multi = d % 4 === 3;
    const ndc = `${61000 + d}-${String(100 + d)}-${String(10 + d)}`;
    await value('drugs:create', {
      ndc,
      genericName: name,
      brandName: d % 3 === 0 ? '' : `${name.slice(0, 4)}ex`,
      strengthAmount: multi ? '20' : '100',
      strengthUnit: 'mg',
      packageSize: multi ? '10' : '1',
      ndcUnit: multi ? 'ML' : 'UN',
      container: multi ? 'multi-dose' : 'single-dose',
      route: multi ? 'IM' : 'IV',
    });
    const price = multi ? `${300 + d * 11}.00` : `${120 + d * 37}.50`;
    await value('prices:create', { ndc, priceType: 'AWP', pricePerPackage: price, effectiveFrom: '2023-01-01' });
  }
  let invoice = await value<Invoice>('invoices:create', {
    supplierId: seeded.supplier.id,
    invoiceNumber: 'INV-501',
    invoiceDate: '2025-02-01',
    lines: DRUGS.map((_, d) => ({
      ndc: `${61000 + d}-${String(100 + d)}-${String(10 + d)}`,
      lotNumber: `L${d}-0`,
      expiryDate: '2027-06-30',
      packageQuantity: d % 4 === 3 ? '50' : '500',
      costPerPackage: d % 4 === 3 ? '240.00' : `${100 + d * 30}.00`,
    })),
  });
  invoice = await value<Invoice>('invoices:attachScan', {
    invoiceId: invoice.id,
    fileName: 'inv-501.pdf',
    contentBase64: tinyPdf('McKesson invoice INV-501').toString('base64'),
  });
  // Drug index → the lot a template draws from (0, 1: the seed's Examplemab and Multicaine).
  const lotOf = new Map<number, number>([
    [0, seeded.singleLot],
    [1, seeded.multiLot],
    ...invoice.lines.map((l, d) => [d + 2, l.id] as [number, number]),
  ]);
  const templates: Template[] = [];
  const patient = seeded.patients[0]!;
  for (let drug = 0; drug < N_DRUGS; drug++) {
    // The seed's Multicaine (1) and every fourth drug added here are multi-dose vials.
    const multi = drug === 1 || (drug >= 2 && (drug - 2) % 4 === 3);
    const shapes = multi
      ? [{ withWaste: false, dose: '40', waste: '0', route: 'IM' as const }]
      : [
          { withWaste: true, dose: '70', waste: '30', route: 'IV' as const },
          { withWaste: false, dose: '100', waste: '0', route: 'IV' as const },
        ];
    for (const shape of shapes) {
      const a = await billedAdministration(value, seeded, patient, {
        dateOfService: '2025-02-20',
        invoiceLineId: lotOf.get(drug)!,
        dose: { amount: shape.dose, unit: 'mg' },
        wastedAmount: shape.waste,
        route: shape.route,
        claimNumber: `TPL-${drug}-${shape.withWaste ? 'W' : 'G'}`,
      });
      templates.push({ id: a.id, drug, withWaste: shape.withWaste });
    }
  }
  return { templates, lotOf };
}

/** The plan of every copy, drawn in JS into a TEMP table (gone when the connection closes). */
function plan(db: Db, n: number, templates: Template[], firstId: number): void {
  db.exec(`CREATE TEMP TABLE bench_plan (
    id INTEGER PRIMARY KEY, template_id INTEGER NOT NULL, drug INTEGER NOT NULL, month INTEGER NOT NULL,
    payer_id INTEGER NOT NULL, patient_id INTEGER NOT NULL, dos TEXT NOT NULL, billed_at TEXT NOT NULL,
    status TEXT NOT NULL, outcome TEXT NOT NULL, wasted_outcome TEXT NOT NULL, pay_date TEXT,
    remittance_id INTEGER, seed INTEGER NOT NULL)`);
  const byDrug = new Map<number, Template[]>();
  for (const t of templates) byDrug.set(t.drug, [...(byDrug.get(t.drug) ?? []), t]);
  const insert = db.prepare(`INSERT INTO bench_plan VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (let i = 0; i < n; i++) {
    // Dates of service rise with the id, as they do when a practice records its days in order.
    const day = Math.floor((i * DAYS) / n);
    const dos = isoDay(day);
    const drug = rand(N_DRUGS);
    const shapes = byDrug.get(drug)!;
    // About 3 in 10 administrations of a single-dose drug leave some of the vial (a JW line).
    const t = shapes.length === 1 ? shapes[0]! : shapes[rand(10) < 4 ? 0 : 1]!;
    const outcome = pickOutcome(day);
    // A JW line is now and then denied while its given line is paid.
    const wasted = outcome !== 'unpaid' && outcome !== 'denied' && rand(5) === 0 ? 'denied' : outcome;
    const status = outcome === 'unpaid' ? 'billed' : outcome === 'denied' ? (rand(3) ? 'denied' : 'appealed') : 'paid';
    const payDay = outcome === 'unpaid' ? null : Math.min(day + 14 + rand(60), DAYS + 2);
    const payDate = payDay === null ? null : isoDay(payDay);
    const payer = 1 + rand(N_PAYERS);
    const month = (Number(dos.slice(0, 4)) - 2024) * 12 + Number(dos.slice(5, 7)) - 1;
    const payMonth = payDate ? (Number(payDate.slice(0, 4)) - 2024) * 12 + Number(payDate.slice(5, 7)) - 1 : 0;
    insert.run(
      firstId + i,
      t.id,
      drug,
      month,
      payer,
      1 + rand(N_PATIENTS + 3),
      dos,
      `${isoDay(Math.min(day + 1 + rand(5), DAYS + 1))}T15:00:00.000Z`,
      status,
      outcome,
      t.withWaste ? wasted : outcome,
      payDate,
      payDate ? payer * 100 + payMonth : null,
      rand(1000),
    );
  }
}

/** Reference rows: 4 more payers, 20,000 patients, a lot of every drug for every month. */
function insertReferences(db: Db, n: number, lotOf: Map<number, number>, at: string): void {
  const payer = db.prepare(
    `INSERT INTO payers (name, payer_type, timely_filing_days, profile_confirmed_at, created_at, updated_at)
     VALUES (?, ?, 180, ?, ?, ?)`,
  );
  for (const name of PAYERS) payer.run(name, name.includes('Medicaid') ? 'medicaid' : 'commercial', at, at, at);
  const names = (list: string[], ends: string[] = ['']) => list.flatMap((a) => ends.map((b) => `${a}${b}`));
  db.exec(
    `CREATE TEMP TABLE bench_last (k INTEGER PRIMARY KEY, name TEXT); CREATE TEMP TABLE bench_first (k INTEGER PRIMARY KEY, name TEXT);`,
  );
  const last = db.prepare(`INSERT INTO bench_last VALUES (?, ?)`);
  names(LAST, LAST_ENDS).forEach((name, k) => last.run(k, name));
  const first = db.prepare(`INSERT INTO bench_first VALUES (?, ?)`);
  FIRST.forEach((name, k) => first.run(k, name));
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO patients (last_name, first_name, date_of_birth, account_number, payer_id, member_id, created_at, updated_at)
     SELECT l.name, f.name, date('1940-01-01', '+' || ((i * 7919) % 20000) || ' days'), 'MRN-' || (200000 + i),
            1 + i % ${N_PAYERS}, 'M' || (900000000 + i * 37), ?, ?
       FROM n JOIN bench_last l ON l.k = (i * 31) % 100 JOIN bench_first f ON f.k = (i / 100) % 10`,
  ).run(N_PATIENTS, at, at);

  // A monthly invoice with one lot of each drug, large enough for every copy that draws from it.
  const packages = Math.ceil((n * 2) / (MONTHS * N_DRUGS)) + 100;
  db.exec(`CREATE TEMP TABLE bench_lots (drug INTEGER, month INTEGER, lot_id INTEGER, PRIMARY KEY (drug, month))`);
  db.exec(`CREATE TEMP TABLE bench_template_lots (drug INTEGER PRIMARY KEY, lot_id INTEGER)`);
  const tl = db.prepare(`INSERT INTO bench_template_lots VALUES (?, ?)`);
  for (const [drug, lot] of lotOf) tl.run(drug, lot);
  const supplier = db.prepare(`SELECT min(id) FROM suppliers`).pluck().get() as number;
  for (let m = 0; m < MONTHS; m++) {
    const invoiceId = Number(
      db
        .prepare(
          `INSERT INTO invoices (supplier_id, invoice_number, invoice_date, scan_sha256, scan_file_name, scan_media_type, created_at, updated_at)
           VALUES (?, ?, date(?, '+${m} months', '-20 days'), ?, 'scan.pdf', 'application/pdf', ?, ?)`,
        )
        .run(supplier, `INV-B${m}`, FIRST_DAY, 'b'.repeat(64), at, at).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO invoice_lines (invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity,
         cost_per_package, extended_cents, units_micro)
       SELECT ?, t.drug + 1, l.ndc11, 'L' || t.drug || '-' || ?, date((SELECT invoice_date FROM invoices WHERE id = ?), '+2 years'),
              ?, l.cost_per_package, l.extended_cents / CAST(l.package_quantity AS INTEGER) * ?,
              l.units_micro / CAST(l.package_quantity AS INTEGER) * ?
         FROM bench_template_lots t JOIN invoice_lines l ON l.id = t.lot_id ORDER BY t.drug`,
    ).run(invoiceId, m + 1, invoiceId, String(packages), packages, packages);
    db.prepare(`INSERT INTO bench_lots SELECT line_number - 1, ?, id FROM invoice_lines WHERE invoice_id = ?`).run(
      m,
      invoiceId,
    );
  }
}

/** The copies of the administrations, their variance rows and the payments behind them. */
function insertClaims(db: Db, at: string, run: <T>(name: string, run: () => T) => T): void {
  // Every column of the template, except those each copy has its own.
  const own = (
    'id date_of_service patient_id payer_id invoice_line_id claim_number status billed_at estimate_at ' +
    'created_at updated_at'
  ).split(' ');
  const copied = columnsOf(db, 'administrations').filter((c) => !own.includes(c));
  run('administrations (and their triggers)', () =>
    db
      .prepare(
        `INSERT INTO administrations (${own.join(', ')}, ${copied.join(', ')})
     SELECT p.id, p.dos, p.patient_id, p.payer_id, l.lot_id, 'CLM-' || printf('%07d', p.id), p.status,
            p.billed_at, p.dos || 'T14:00:00.000Z', p.dos || 'T14:00:00.000Z', coalesce(p.pay_date, p.dos) || 'T16:00:00.000Z',
            ${copied.map((c) => `t.${c}`).join(', ')}
       FROM bench_plan p JOIN administrations t ON t.id = p.template_id
       JOIN bench_lots l ON l.drug = p.drug AND l.month = p.month
      ORDER BY p.id`,
      )
      .run(),
  );

  // What was paid, by the rules of variance.ts for the status each line gets: as expected when
  // paid; the payer's share but not the patient's when partially paid (a secondary still to pay);
  // otherwise Medicare's split of the allowed amount (the patient 20%, sequestration 2% of the
  // rest, the payer what is left).
  const allowed = `CASE o WHEN 'paid' THEN e_allowed WHEN 'partially-paid' THEN e_allowed
      WHEN 'underpaid' THEN max(e_allowed * (75 + seed % 20) / 100 - 101, 1)
      WHEN 'overpaid' THEN e_allowed + 101 + e_allowed * (seed % 10) / 100 ELSE 0 END`;
  run('line_variance', () =>
    db
      .prepare(
        `INSERT INTO line_variance (administration_id, line_kind, payer_id, date_of_service, billed_at, hcpcs, modifiers,
       ndc11, claim_number, patient_id, units, billed_cents, acquisition_cost_cents, expected_allowed_cents, expected_paid_cents,
       expected_patient_cents, expected_sequestration_cents, actual_allowed_cents, actual_paid_cents,
       actual_patient_cents, actual_sequestration_cents, posted_lines, last_payment_date, status, variance_cents, reasons)
     SELECT id, kind, payer_id, dos, billed_at, hcpcs, modifiers, ndc11, 'CLM-' || printf('%07d', id), patient_id,
            units, billed_cents, cost,
            e_allowed, e_paid, e_patient, e_seq,
            a_allowed, CASE o WHEN 'paid' THEN e_paid WHEN 'partially-paid' THEN e_paid ELSE a_allowed - a_patient - a_seq END,
            a_patient, a_seq,
            o <> 'unpaid', CASE WHEN o <> 'unpaid' THEN pay_date END, o, e_allowed - a_allowed,
            CASE o WHEN 'denied' THEN CASE WHEN outcome = 'denied' THEN 'Claim denied,CO-16,N350' ELSE 'CO-16,M127' END
                   WHEN 'underpaid' THEN CASE seed % 3 WHEN 0 THEN 'CO-59,N130' ELSE '' END
                   WHEN 'partially-paid' THEN 'MA18' ELSE '' END
       FROM (SELECT *, CASE o WHEN 'paid' THEN e_patient WHEN 'partially-paid' THEN 0 ELSE a_allowed * 20 / 100 END AS a_patient,
                    CASE WHEN o IN ('paid', 'partially-paid') THEN e_seq ELSE (a_allowed - a_allowed * 20 / 100) * 2 / 100 END AS a_seq
               FROM (SELECT *, ${allowed} AS a_allowed
                       FROM (SELECT p.id, p.payer_id, p.patient_id, p.dos, p.billed_at, p.pay_date, p.seed, p.outcome,
                                    v.line_kind AS kind, v.hcpcs, v.modifiers, v.ndc11, v.units, v.billed_cents,
                                    v.acquisition_cost_cents AS cost, v.expected_allowed_cents AS e_allowed,
                                    v.expected_paid_cents AS e_paid, v.expected_patient_cents AS e_patient,
                                    v.expected_sequestration_cents AS e_seq,
                                    CASE v.line_kind WHEN 'wasted' THEN p.wasted_outcome ELSE p.outcome END AS o
                               FROM bench_plan p JOIN line_variance v ON v.administration_id = p.template_id)))
      ORDER BY id, kind`,
      )
      .run(),
  );

  insertPayments(db, at, FIRST_DAY, run);
}

/** What the copies must agree with: the kept counts, the claim lines, the postings. */
function check(db: Db): void {
  const drift = db
    .prepare(
      `SELECT count(*) FROM (SELECT payer_id, status, ready, count(*) AS n FROM administrations GROUP BY 1, 2, 3) g
         FULL JOIN (SELECT * FROM administration_counts WHERE n > 0) c USING (payer_id, status, ready)
        WHERE g.n IS NOT c.n`,
    )
    .pluck()
    .get() as number;
  const lines = db.prepare(`SELECT count(*) FROM administration_claim_lines`).pluck().get() as number;
  const variances = db.prepare(`SELECT count(*) FROM line_variance`).pluck().get() as number;
  const posted = db.prepare(`SELECT count(*) FROM line_variance WHERE posted_lines > 0`).pluck().get() as number;
  const matched = db
    .prepare(`SELECT count(*) FROM remittance_lines WHERE administration_id IS NOT NULL`)
    .pluck()
    .get() as number;
  if (drift !== 0 || lines !== variances || posted !== matched) {
    throw new Error(
      `Inconsistent build: counts drift ${drift}, claim lines ${lines} vs variance ${variances}, posted ${posted} vs matched ${matched}`,
    );
  }
}

export type Built = {
  administrations: number;
  lines: number;
  templates: number;
  bytes: number;
  /** Each step of the build and its time in ms. */
  steps: [string, number][];
};

/** Build the database behind `db` (opened by openServices) with `n` administrations in all. */
export async function buildVarianceDatabase(db: Db, value: Value, n: number, at: string): Promise<Built> {
  const steps: [string, number][] = [];
  const step = <T>(name: string, run: () => T): T => {
    const t = process.hrtime.bigint();
    const result = run();
    steps.push([name, ms(t)]);
    return result;
  };
  const t = process.hrtime.bigint();
  const { templates, lotOf } = await seedTemplates(value);
  steps.push(['through the services', ms(t)]);
  const firstId = (db.prepare(`SELECT max(id) FROM administrations`).pluck().get() as number) + 1;
  const copies = n - templates.length;
  // better-sqlite3 opens in defensive mode, where journal_mode=OFF is refused: MEMORY is the nearest.
  if (db.pragma('journal_mode = MEMORY', { simple: true }) !== 'memory') throw new Error('journal_mode stayed WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  try {
    db.transaction(() => {
      step('references', () => insertReferences(db, copies, lotOf, at));
      step('plan', () => plan(db, copies, templates, firstId));
      insertClaims(db, at, step);
      step('check', () => check(db));
    })();
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp.bench_plan; DROP TABLE IF EXISTS temp.bench_lots;
             DROP TABLE IF EXISTS temp.bench_template_lots; DROP TABLE IF EXISTS temp.bench_last; DROP TABLE IF EXISTS temp.bench_first;`);
    db.pragma('cache_size = -65536');
    db.pragma('synchronous = FULL');
    db.pragma('journal_mode = WAL');
  }
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  return {
    administrations: count(`SELECT count(*) FROM administrations`),
    lines: count(`SELECT count(*) FROM line_variance`),
    templates: templates.length,
    bytes: count(`SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`),
    steps,
  };
}
