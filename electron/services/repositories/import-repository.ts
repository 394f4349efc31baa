/**
 * The import bookkeeping and the bulk writes of an import. Policy:
 * - `commit` is one transaction: the `imports` row, every record, the remembered mapping and the
 *   audit row are written together or not at all; a failure on the 40,000th row leaves nothing.
 * - Uniqueness is checked again inside that transaction (the preview's check may be minutes old):
 *   by the UNIQUE constraints for prices and payment limits, by a lookup for fee schedules, which
 *   have no such constraint. A drug or payer deleted since the preview fails its foreign key.
 *   Either way the refusal names the file line and asks for a fresh preview.
 * - Statements are prepared once; rows are bound positionally (no per-row objects), a chunk's
 *   values spread as arguments: better-sqlite3 reads arguments faster than the elements of an
 *   array argument (500 × 10 values: a fifth to a quarter less time binding, measured). Prices go
 *   PRICE_CHUNK records per statement; invoices and their lines through temp tables (see
 *   staging), each into its real table by one INSERT … SELECT.
 */
import type { ImportKind } from '../../../shared/api/import-schemas';
import { quarterSpan } from '../../../shared/domain/drug-price';
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import type { StoredPrice } from '../imports/price-keys';
import {
  PRICE_CELLS,
  recordCount,
  type FeeRecord,
  type InvoiceRecord,
  type LimitRecord,
  type Records,
} from '../imports/staged-rows';
import type { AuditLog } from './audit-log';
import { estimateStaleness } from './estimate-staleness';

/** Records per multi-row price INSERT: 500 × 4 values, far below SQLite's 32,766 variables. */
const PRICE_CHUNK = 500;
/** Invoice lines per multi-row INSERT into their temp table: 500 × 10 values. */
const LINE_CHUNK = 500;
const LINE_VALUES = 10;
/** Invoices per multi-row INSERT into their temp table: 500 × 4 values. */
const INVOICE_CHUNK = 500;
const INVOICE_VALUES = 4;

const STAGING_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS import_staged_invoices (
    invoice_number TEXT, invoice_date TEXT, received_date TEXT, total_cents INTEGER);
  CREATE TEMP TABLE IF NOT EXISTS import_staged_lines (
    invoice_id INTEGER, line_number INTEGER, ndc11 TEXT, lot_number TEXT, expiry_date TEXT, package_quantity TEXT,
    cost_per_package TEXT, extended_cents INTEGER, discount_cents INTEGER, units_micro INTEGER);`;

const isConstraint = (err: unknown): boolean =>
  String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT');

export type CommitInput = {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  payerId: number | null;
  supplierId: number | null;
  quarter: string | null;
  mapping: Record<string, string>;
  records: Records;
  taken: number;
  refused: number;
};

export function importRepository(db: Db, audit: AuditLog) {
  const stale = estimateStaleness(db);
  const payerName = db.prepare('SELECT name FROM payers WHERE id = ?').pluck();
  const supplierName = db.prepare('SELECT name FROM suppliers WHERE id = ?').pluck();
  const invoiceNumbers = db.prepare('SELECT invoice_number FROM invoices WHERE supplier_id = ?').pluck();
  const packageSizes = db.prepare('SELECT ndc11, package_size FROM drugs').raw();
  const insertInvoice = db.prepare(
    `INSERT INTO invoices (supplier_id, invoice_number, invoice_date, received_date, total_cents, import_id,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lineInsert = (rows: number) =>
    db.prepare(
      `INSERT INTO invoice_lines (invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity,
         cost_per_package, extended_cents, discount_cents, units_micro)
       VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
  const insertInvoiceLine = lineInsert(1);
  const mappingGet = db.prepare('SELECT mapping_json FROM import_mappings WHERE kind = ? AND owner_key = ?').pluck();
  const mappingPut = db.prepare(
    `INSERT INTO import_mappings (kind, owner_key, mapping_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, owner_key) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  );
  // The catalog's NDCs for PriceKeys, as numbers. The schema holds every ndc11 to exactly 11
  // digits, so they come as one string of 11-digit runs (read in half the time of 50,000 rows,
  // and without a JS value per drug) and each number is exact in a double.
  const drugNdcs = db.prepare("SELECT group_concat(ndc11, '') FROM drugs").pluck();
  // Stored prices' NDCs as numbers too (the same 11 digits, so the CAST is exact).
  const storedPrices = db.prepare('SELECT CAST(ndc11 AS INTEGER), price_type, effective_from FROM drug_prices').raw();
  const feeKeys = db
    .prepare(`SELECT code_kind || '|' || code || '|' || effective_from FROM fee_schedule_entries WHERE payer_id = ?`)
    .pluck();
  const limitKeys = db
    .prepare(
      `SELECT hcpcs || '|' || drug_name || '|' || dosage_text FROM payment_limits WHERE source = ? AND quarter = ?`,
    )
    .pluck();
  const feeTaken = db
    .prepare(
      'SELECT 1 FROM fee_schedule_entries WHERE payer_id = ? AND code_kind = ? AND code = ? AND effective_from = ? LIMIT 1',
    )
    .pluck();

  const insertImport = db.prepare(
    `INSERT INTO imports (kind, file_name, sha256, payer_id, rows_taken, rows_refused, created_at, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFee = db.prepare(
    `INSERT INTO fee_schedule_entries (payer_id, code_kind, code, rate, per_amount, per_unit, effective_from, effective_to, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPrice = db.prepare(
    `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, source, import_id, created_at)
     VALUES (?, ?, ?, ?, 'import', ?, ?)`,
  );
  // One statement for PRICE_CHUNK records: import id and time bound once, then 4 values a record.
  const insertPriceChunk = db.prepare(
    `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, source, import_id, created_at)
     SELECT column1, column2, column3, column4, 'import', ?, ?
       FROM (VALUES ${Array<string>(PRICE_CHUNK).fill('(?, ?, ?, ?)').join(', ')})`,
  );
  const insertLimit = db.prepare(
    `INSERT INTO payment_limits (source, hcpcs, drug_name, description, dosage_text, dosage_amount, dosage_unit,
       payment_limit, quarter, effective_from, effective_to, notes, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  /*
   * Invoices and their lines are written through temp tables (connection-local, never in the
   * database file, rolled back with the transaction): bound into a bare temp table in multi-row
   * INSERTs, then moved into the real table by one INSERT … SELECT. For 100,000 lines that is
   * about a quarter faster (measured) than 200 multi-row INSERTs straight into invoice_lines,
   * and as much faster than 100,000 single-row ones. It is not the statement journal those
   * INSERTs keep: INSERT OR ROLLBACK with deferred foreign keys, which needs none, was as slow.
   * Prices arrive in NDC order and gain nothing from it (measured), so they are bound straight in.
   * The temp tables are made on first use (and again after a rollback that undid their
   * creation); their statements are prepared after that.
   */
  let staged: ReturnType<typeof prepareStaging> | null = null;
  const prepareStaging = () => {
    db.exec(STAGING_TABLES);
    const lineColumns = `invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity, cost_per_package,
       extended_cents, discount_cents, units_micro`;
    const rowsOf = (n: number, width: number): string =>
      Array<string>(n)
        .fill(`(${Array<string>(width).fill('?').join(', ')})`)
        .join(', ');
    return {
      clearInvoices: db.prepare('DELETE FROM temp.import_staged_invoices'),
      stageInvoice: db.prepare(`INSERT INTO temp.import_staged_invoices VALUES ${rowsOf(1, INVOICE_VALUES)}`),
      stageInvoiceChunk: db.prepare(
        `INSERT INTO temp.import_staged_invoices VALUES ${rowsOf(INVOICE_CHUNK, INVOICE_VALUES)}`,
      ),
      // Its rows are (invoice number, new id), in no particular order.
      insertStagedInvoices: db
        .prepare(
          `INSERT INTO invoices (supplier_id, invoice_number, invoice_date, received_date, total_cents, import_id,
             created_at, updated_at)
           SELECT ?, invoice_number, invoice_date, received_date, total_cents, ?, ?, ?
             FROM temp.import_staged_invoices ORDER BY rowid
           RETURNING invoice_number, id`,
        )
        .raw(),
      clearLines: db.prepare('DELETE FROM temp.import_staged_lines'),
      stageLine: db.prepare(`INSERT INTO temp.import_staged_lines VALUES ${rowsOf(1, LINE_VALUES)}`),
      stageLineChunk: db.prepare(`INSERT INTO temp.import_staged_lines VALUES ${rowsOf(LINE_CHUNK, LINE_VALUES)}`),
      insertStagedLines: db.prepare(
        `INSERT INTO invoice_lines (${lineColumns}) SELECT ${lineColumns} FROM temp.import_staged_lines ORDER BY rowid`,
      ),
    };
  };
  const staging = () => {
    // A no-op once the tables exist; it brings them back after a rollback that undid them.
    db.exec(STAGING_TABLES);
    staged ??= prepareStaging();
    return staged;
  };

  const writeRecords = (input: CommitInput, importId: number, at: string): void => {
    const { records } = input;
    let line = 0;
    try {
      if (records.kind === 'fee-schedule') {
        const payerId = input.payerId;
        for (const r of records.rows as FeeRecord[]) {
          line = r[0];
          if (feeTaken.get(payerId, r[1], r[2], r[6]) !== undefined) {
            throw new AppError(
              'IMPORT_CONFLICT',
              `Line ${line}: ${r[2]} got a rate from ${r[6]} for this payer after the preview, so nothing was imported. Preview the file again.`,
            );
          }
          insertFee.run(payerId, r[1], r[2], r[3], r[4], r[5], r[6], r[7], importId);
        }
      } else if (records.kind === 'prices') {
        const { lines, cells } = records;
        let i = 0;
        // Whole chunks first, one statement each. A chunk that fails a constraint has left nothing
        // behind (SQLite backs out a failed statement, the transaction goes on), so from there on
        // the records go one by one, which stops at the one that fails and names its file line.
        // One array refilled for every chunk: a slice per chunk would be 100 new arrays a file.
        const chunk = new Array<string>(PRICE_CHUNK * PRICE_CELLS);
        for (; i + PRICE_CHUNK <= lines.length; i += PRICE_CHUNK) {
          for (let k = 0, from = i * PRICE_CELLS; k < chunk.length; k++) chunk[k] = cells[from + k] as string;
          try {
            insertPriceChunk.run(importId, at, ...chunk);
          } catch (err) {
            if (!String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw err;
            break;
          }
        }
        for (; i < lines.length; i++) {
          line = lines[i] as number;
          const at4 = i * PRICE_CELLS;
          insertPrice.run(cells[at4], cells[at4 + 1], cells[at4 + 2], cells[at4 + 3], importId, at);
        }
      } else if (records.kind === 'invoices') {
        // Rows of one invoice need not be adjacent in the file: each number gets its invoice
        // (from its first row's header values) when first met. The invoices go as the lines do
        // below: staged, then one INSERT … SELECT that returns each new id with its number; from
        // a refusal, one by one. The UNIQUE constraints refuse an invoice or line recorded since
        // the preview.
        const rows = records.rows as InvoiceRecord[];
        const staged = staging();
        const numbers = new Map<string, number>();
        const firstRows: number[] = [];
        // Each row's invoice: first its index in firstRows, then (below) its id.
        const invoiceOf = new Int32Array(rows.length);
        // A file lists an invoice's lines together, so the previous row's invoice is tried first.
        let previous: string | null = null;
        let current = -1;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i] as InvoiceRecord;
          if (r[1] !== previous) {
            previous = r[1];
            const known = numbers.get(previous);
            if (known === undefined) {
              current = firstRows.length;
              firstRows.push(i);
              numbers.set(previous, current);
            } else current = known;
          }
          invoiceOf[i] = current;
        }
        const header = (k: number, out: unknown[], at0: number): void => {
          const r = rows[firstRows[k] as number] as InvoiceRecord;
          out[at0] = r[1];
          out[at0 + 1] = r[2];
          out[at0 + 2] = r[3];
          out[at0 + 3] = r[4];
        };
        staged.clearInvoices.run();
        const headers = new Array<unknown>(INVOICE_CHUNK * INVOICE_VALUES);
        const oneHeader = new Array<unknown>(INVOICE_VALUES);
        let k = 0;
        for (; k + INVOICE_CHUNK <= firstRows.length; k += INVOICE_CHUNK) {
          for (let j = 0; j < INVOICE_CHUNK; j++) header(k + j, headers, j * INVOICE_VALUES);
          staged.stageInvoiceChunk.run(...headers);
        }
        for (; k < firstRows.length; k++) {
          header(k, oneHeader, 0);
          staged.stageInvoice.run(oneHeader);
        }
        const idOf = new Int32Array(firstRows.length);
        let inserted: [string, number][] | null = null;
        try {
          inserted = staged.insertStagedInvoices.all(input.supplierId, importId, at, at) as [string, number][];
        } catch (err) {
          if (!isConstraint(err)) throw err;
        }
        staged.clearInvoices.run();
        if (inserted !== null) {
          for (const [number, id] of inserted) idOf[numbers.get(number) as number] = id;
        } else {
          for (k = 0; k < firstRows.length; k++) {
            const r = rows[firstRows[k] as number] as InvoiceRecord;
            line = r[0];
            const { lastInsertRowid } = insertInvoice.run(input.supplierId, r[1], r[2], r[3], r[4], importId, at, at);
            idOf[k] = Number(lastInsertRowid);
          }
        }
        for (let i = 0; i < rows.length; i++) invoiceOf[i] = idOf[invoiceOf[i] as number] as number;
        // Lines as prices go: staged in a temp table, then one INSERT … SELECT; from a refusal,
        // one by one, which stops at the line to name.
        const values = (i: number, out: unknown[], at0: number): void => {
          const r = rows[i] as InvoiceRecord;
          out[at0] = invoiceOf[i];
          for (let k = 1; k < LINE_VALUES; k++) out[at0 + k] = r[k + 4];
        };
        staged.clearLines.run();
        const chunk = new Array<unknown>(LINE_CHUNK * LINE_VALUES);
        const one = new Array<unknown>(LINE_VALUES);
        let i = 0;
        for (; i + LINE_CHUNK <= rows.length; i += LINE_CHUNK) {
          for (let k = 0; k < LINE_CHUNK; k++) values(i + k, chunk, k * LINE_VALUES);
          staged.stageLineChunk.run(...chunk);
        }
        for (; i < rows.length; i++) {
          values(i, one, 0);
          staged.stageLine.run(one);
        }
        let written = false;
        try {
          staged.insertStagedLines.run();
          written = true;
        } catch (err) {
          if (!isConstraint(err)) throw err;
        }
        staged.clearLines.run();
        if (!written) {
          for (i = 0; i < rows.length; i++) {
            line = (rows[i] as InvoiceRecord)[0];
            values(i, one, 0);
            insertInvoiceLine.run(one);
          }
        }
      } else {
        const quarter = input.quarter ?? '';
        const span = quarterSpan(quarter);
        if (!span) throw new AppError('QUARTER_REQUIRED', 'Say which quarter this CMS file prices, e.g. 2025Q3.');
        const source = records.kind === 'cms-asp' ? 'asp' : 'noc';
        for (const r of records.rows as LimitRecord[]) {
          line = r[0];
          insertLimit.run(
            source,
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            quarter,
            span.effectiveFrom,
            span.effectiveTo,
            r[8],
            importId,
          );
        }
      }
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AppError(
          'IMPORT_CONFLICT',
          `Line ${line}: the same record was stored by someone else after the preview, so nothing was imported. Preview the file again.`,
        );
      }
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError(
          'IMPORT_CONFLICT',
          `Line ${line}: its drug or ${records.kind === 'invoices' ? 'supplier' : 'payer'} was deleted after the preview, so nothing was imported. Preview the file again.`,
        );
      }
      throw err;
    }
  };

  return {
    payerName: (id: number): string | null => (payerName.get(id) as string | undefined) ?? null,
    supplierName: (id: number): string | null => (supplierName.get(id) as string | undefined) ?? null,

    /** The supplier's recorded invoice numbers, which an imported invoice must not repeat. */
    invoiceNumbers: (supplierId: number): Set<string> => new Set(invoiceNumbers.all(supplierId) as string[]),

    /** The drug catalog for invoice lines: ndc11 → package size (units bought = packages × size). */
    packageSizes: (): Map<string, string> => new Map(packageSizes.all() as [string, string][]),

    mapping(kind: ImportKind, ownerKey: string): Record<string, string> | null {
      const json = mappingGet.get(kind, ownerKey) as string | undefined;
      if (json === undefined) return null;
      const parsed = JSON.parse(json) as unknown;
      if (!parsed || typeof parsed !== 'object') return null;
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
      return out;
    },

    drugNdcs(): Float64Array {
      const digits = (drugNdcs.get() as string | null) ?? '';
      const ndcs = new Float64Array(digits.length / 11);
      for (let i = 0, at = 0; i < ndcs.length; i++) {
        let ndc = 0;
        for (const end = at + 11; at < end; at++) ndc = ndc * 10 + (digits.charCodeAt(at) - 48);
        ndcs[i] = ndc;
      }
      return ndcs;
    },

    /** What a price import must not repeat (see price-keys.ts). */
    storedPrices: (): StoredPrice[] => storedPrices.all() as StoredPrice[],

    /** Keys of stored fee schedule entries or payment limits a new one must not repeat (see validate-rows.ts). */
    existingKeys(
      kind: Exclude<ImportKind, 'prices' | 'invoices'>,
      payerId: number | null,
      quarter: string | null,
    ): Set<string> {
      if (kind === 'fee-schedule') return new Set(feeKeys.all(payerId) as string[]);
      return new Set(limitKeys.all(kind === 'cms-asp' ? 'asp' : 'noc', quarter ?? '') as string[]);
    },

    commit: db.transaction((input: CommitInput, ownerKey: string, at: string, actor: string): number => {
      const { lastInsertRowid } = insertImport.run(
        input.kind,
        input.fileName,
        input.sha256,
        input.payerId,
        input.taken,
        input.refused,
        at,
        actor,
      );
      const importId = Number(lastInsertRowid);
      writeRecords(input, importId, at);
      if (input.kind === 'prices') stale.priceImport(importId);
      else if (input.kind === 'fee-schedule' && input.payerId !== null) stale.payer(input.payerId);
      else if (input.kind === 'cms-asp' || input.kind === 'cms-noc') stale.all();
      mappingPut.run(input.kind, ownerKey, JSON.stringify(input.mapping), at);
      audit.record(at, actor, 'import', importId, 'import', null, {
        kind: input.kind,
        fileName: input.fileName,
        sha256: input.sha256,
        payerId: input.payerId,
        supplierId: input.supplierId,
        quarter: input.quarter,
        taken: input.taken,
        refused: input.refused,
        records: recordCount(input.records),
      });
      return importId;
    }),
  };
}
export type ImportRepository = ReturnType<typeof importRepository>;
