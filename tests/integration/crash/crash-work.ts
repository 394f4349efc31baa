/**
 * What the crash harness kills: one prepared data folder (the template, copied for every run) and
 * the three kinds of work run on a copy of it by the real `j3490` command:
 * - an invoice import of INVOICE_LINES lines (`j3490 invoices import FILE --supplier NAME`);
 * - an 835 of ERA_CLAIMS claims, two lines each, every claim matching a billed administration
 *   (`j3490 import era FILE`);
 * - an attachment batch of BATCH_CLAIMS ready claims, each with the invoice's scan appended
 *   (`j3490 attachments --payer ID --from D --to D --out DIR`).
 * Each kind says what it leaves in the database (its footprint: counts and sums that tell "none of
 * it" from "all of it"), so a run can be compared with the folder before and after a whole run.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openServices } from '../../../electron/services/context';
import type { Unlock } from '../../../electron/services/crypto/key-file';
import type { Db } from '../../../electron/services/db/open';
import { dispatch } from '../../../electron/services/dispatch';
import { catalogDrugs, insertCatalogDrugs } from '../../fixtures/catalog-drugs';
import { billedAdministration, readyAdministration, seedPractice } from '../../fixtures/claim-seed';
import { generate835 } from '../../fixtures/era/generate-835';

export const INVOICE_LINES = 1_500;
const LINES_PER_INVOICE = 10;
export const ERA_CLAIMS = 1_500;
export const BATCH_CLAIMS = 20;

const SUPPLIER = 'Crash Test Distributor';
const CATALOG = 60;
const ERA_DATE = '2025-03-03';
const BATCH_FROM = '2025-02-01';
const BATCH_TO = '2025-02-28';

export type WorkKind = 'invoice import' | '835 import' | 'attachment batch';
export const WORK_KINDS: readonly WorkKind[] = ['invoice import', '835 import', 'attachment batch'];

/** Counts and sums of what a kind of work writes; equal footprints mean the same data. */
export type Footprint = Record<string, number>;

/**
 * Where in the work a kill fell, told from what the killed run left behind: nothing of the work
 * written yet, inside its write (an 835 whose file was kept, its posting transaction under way; a
 * batch with some claims made), or after the work was done. An invoice import's commit takes about
 * 10 ms of a 2 s run and leaves no trace until it is done, so a kill in it counts as "before".
 */
export type Phase = 'before the write' | 'inside the write' | 'after the write';

export type Work = {
  kind: WorkKind;
  /** The command's arguments after `--data-dir DIR`; `out` is the run's own output folder. */
  argv: (out: string) => string[];
  /** How the app opens the folder: nothing for a folder in clear, the passphrase for an encrypted one. */
  unlock: Unlock;
  footprint: (db: Db) => Footprint;
  /**
   * Whether the work is all-or-nothing (an import): after a kill its footprint must be the one
   * before or the one after a whole run. A batch keeps each claim it finished, so it may be between.
   */
  atomic: boolean;
  /** The exit code a re-run must end with, given whether the killed run had already finished the work. */
  rerunCode: (wasComplete: boolean) => number;
  /** The phase of a kill that left `footprint` (not the whole run's: that is after the write). */
  phaseBeforeDone: (dataDir: string, footprint: Footprint) => Exclude<Phase, 'after the write'>;
};

const one = (db: Db, sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;

const ndcOf = (i: number): string => `${String(30000 + i)}000101`;
const dashed = (ndc: string): string => `${ndc.slice(0, 5)}-${ndc.slice(5, 9)}-${ndc.slice(9)}`;

function invoiceCsv(): string {
  const lines = ['Invoice Number,Invoice Date,Line,NDC,Lot,Expiration Date,Qty,Unit Cost,Extended Price,Received Date'];
  for (let i = 0; i < INVOICE_LINES; i++) {
    const inv = Math.floor(i / LINES_PER_INVOICE);
    const day = String(1 + (inv % 28)).padStart(2, '0');
    const cents = 1000 + ((i * 7919) % 90000);
    const qty = 1 + (i % 4);
    const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    lines.push(
      `CR-${inv},2025-04-${day},${(i % LINES_PER_INVOICE) + 1},${dashed(ndcOf(i % CATALOG))},CRLOT-${i},2027-06-30,${qty},${money(cents)},${money(cents * qty)},2025-04-${day}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const eraClaimNumber = (i: number): string => `ERA-${String(i + 1).padStart(6, '0')}`;

export type Prepared = { template: string; works: Work[] };

/**
 * The template data folder in `dir`/template and the input files beside it, seeded through the
 * services as a person would (the 835's administrations copied from one made that way, as the
 * 835 bench does). Closed afterwards, so the folder is a plain database file and its stores.
 */
export async function prepareCrashWork(dir: string, opts: { passphrase?: string } = {}): Promise<Prepared> {
  const template = join(dir, 'template');
  const unlock: Unlock = opts.passphrase === undefined ? {} : { passphrase: opts.passphrase };
  const services = openServices({ dataDir: template, mode: 'cli', actor: 'seed', unlock });
  const db = services.ctx.db;
  const value = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = await dispatch(services.handlers, channel, args);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  let payerId: number;
  let eraText: string;
  try {
    const seeded = await seedPractice(value);
    payerId = seeded.medicare.id;
    insertCatalogDrugs(
      db,
      catalogDrugs(Array.from({ length: CATALOG }, (_, i) => ndcOf(i))),
      '2025-01-01T00:00:00.000Z',
      'seed',
    );
    await value('suppliers:create', { name: SUPPLIER });

    for (let i = 0; i < BATCH_CLAIMS; i++) {
      await readyAdministration(value, seeded, seeded.patients[i % seeded.patients.length]!, {
        claimNumber: `BATCH-${String(i + 1).padStart(4, '0')}`,
        dateOfService: `2025-02-${String(1 + (i % 28)).padStart(2, '0')}`,
        dose: { amount: '1', unit: 'mg' },
        wastedAmount: '0.5',
      });
    }

    const first = await billedAdministration(value, seeded, seeded.patients[0]!, {
      claimNumber: eraClaimNumber(0),
      dateOfService: ERA_DATE,
      dose: { amount: '1', unit: 'mg' },
      wastedAmount: '0.5',
    });
    const columns = (db.prepare(`PRAGMA table_info(administrations)`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'claim_number');
    const copy = db.prepare(
      `INSERT INTO administrations (claim_number, ${columns.join(', ')})
       SELECT ?, ${columns.join(', ')} FROM administrations WHERE id = ?`,
    );
    db.transaction(() => {
      for (let i = 1; i < ERA_CLAIMS; i++) copy.run(eraClaimNumber(i), first.id);
    })();
    eraText = generate835({
      claims: ERA_CLAIMS,
      claimNumber: eraClaimNumber,
      linesPerClaim: () => 2,
      codes: ['J3490:JZ', 'J3490:JW'],
      dateOfService: () => ERA_DATE,
      payerName: seeded.medicare.name,
    }).text;
  } finally {
    services.close();
  }

  // An encrypted folder: every command is given the passphrase the way a script gives it.
  const passphraseFile = join(dir, 'passphrase.txt');
  if (opts.passphrase !== undefined) writeFileSync(passphraseFile, `${opts.passphrase}\n`, { mode: 0o600 });
  const access = opts.passphrase === undefined ? [] : ['--passphrase-file', passphraseFile];

  const invoiceFile = join(dir, 'crash-invoices.csv');
  writeFileSync(invoiceFile, invoiceCsv());
  const eraFile = join(dir, 'crash-remittance.835');
  writeFileSync(eraFile, eraText, 'latin1');

  const invoices: Work = {
    kind: 'invoice import',
    argv: () => [...access, 'invoices', 'import', invoiceFile, '--supplier', SUPPLIER],
    unlock,
    footprint: (db) => ({
      imports: one(db, `SELECT count(*) FROM imports WHERE kind = 'invoices'`),
      invoices: one(db, `SELECT count(*) FROM invoices WHERE import_id IS NOT NULL`),
      lots: one(db, `SELECT count(*) FROM invoice_lines WHERE lot_number LIKE 'CRLOT-%'`),
      mappings: one(db, `SELECT count(*) FROM import_mappings WHERE kind = 'invoices'`),
      audited: one(db, `SELECT count(*) FROM audit_log WHERE entity = 'import'`),
    }),
    atomic: true,
    // A second import of the same invoices is refused (they are on file): exit 2, nothing doubled.
    rerunCode: (complete) => (complete ? 2 : 0),
    phaseBeforeDone: () => 'before the write',
  };
  const era: Work = {
    kind: '835 import',
    argv: () => [...access, 'import', 'era', eraFile],
    unlock,
    footprint: (db) => ({
      files: one(db, `SELECT count(*) FROM era_files`),
      remittances: one(db, `SELECT count(*) FROM remittances`),
      claims: one(db, `SELECT count(*) FROM remittance_claims`),
      lines: one(db, `SELECT count(*) FROM remittance_lines`),
      matched: one(db, `SELECT count(*) FROM remittance_lines WHERE administration_id IS NOT NULL`),
      posted: one(db, `SELECT coalesce(sum(posted_lines), 0) FROM line_variance`),
      paidCents: one(db, `SELECT coalesce(sum(actual_paid_cents), 0) FROM line_variance`),
      paidAdministrations: one(db, `SELECT count(*) FROM administrations WHERE status = 'paid'`),
      audited: one(db, `SELECT count(*) FROM audit_log WHERE entity = 'era_file'`),
    }),
    atomic: true,
    // The same file twice is refused (ERA_DUPLICATE): exit 2, nothing posted twice.
    rerunCode: (complete) => (complete ? 2 : 0),
    // The file is kept in remittances/ right before the transaction that posts it begins.
    phaseBeforeDone: (dataDir) => {
      let kept: string[] = [];
      try {
        kept = readdirSync(join(dataDir, 'remittances')).filter((f) => f.endsWith('.835'));
      } catch {
        // No folder yet: nothing was kept.
      }
      return kept.length > 0 ? 'inside the write' : 'before the write';
    },
  };
  const batch: Work = {
    kind: 'attachment batch',
    argv: (out) => [
      ...access,
      'attachments',
      '--payer',
      String(payerId),
      '--from',
      BATCH_FROM,
      '--to',
      BATCH_TO,
      '--out',
      out,
    ],
    unlock,
    footprint: (db) => ({
      documents: one(db, `SELECT count(*) FROM generated_documents`),
      claimsWithDocument: one(db, `SELECT count(DISTINCT group_key) FROM generated_documents`),
      lines: one(db, `SELECT count(*) FROM generated_document_lines`),
      audited: one(db, `SELECT count(*) FROM audit_log WHERE entity = 'document'`),
    }),
    atomic: false,
    rerunCode: () => 0,
    phaseBeforeDone: (_, footprint) => ((footprint.documents ?? 0) > 0 ? 'inside the write' : 'before the write'),
  };
  return { template, works: [invoices, era, batch] };
}
