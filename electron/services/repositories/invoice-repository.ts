/**
 * Acquisition invoices and their lines (lots). Policy:
 * - The invoice number is unique per supplier (INVOICE_DUPLICATE); every line's NDC must already
 *   be in the drug catalog (NDC_UNKNOWN), because the package size fixes the units bought.
 * - Money that is summed is integer cents (total, adjustment, extended, discount); the package
 *   quantity and cost per package keep their exact decimal text. Units bought are integer
 *   micro-units, fixed when the line is written.
 * - An invoice whose lots are in use (stock taken out of them) cannot be deleted (INVOICE_IN_USE,
 *   naming each lot and what uses it), but it can be corrected where the correction does not
 *   contradict what was given (invoice-correction.ts): lines are updated in place, keeping their
 *   ids, so administrations keep pointing at their lots. A changed lot cost marks the open
 *   estimates drawn from it for a fresh look; billed ones keep what they were estimated with.
 * - Each write (invoice, all its lines, its audit row) is one transaction; the checks run inside
 *   it, so a refusal writes nothing and two writers cannot both slip past a check.
 */
import type { z } from 'zod';
import {
  extendedCostOf,
  netCostPerPackage,
  reconcile,
  type Invoice,
  type InvoiceFields,
  type InvoiceLine,
  type InvoiceSummary,
  type invoiceLineInputSchema,
} from '../../../shared/domain/invoice';
import type { FieldIssue } from '../../../shared/api/reply';
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { localDay } from '../../../shared/domain/local-time';
import {
  Dec,
  asCents,
  decimalFromCents,
  moneyString,
  parseCents,
  unitPriceString,
  type Cents,
} from '../../../shared/domain/money';
import { formatNdc542, parseNdc } from '../../../shared/domain/ndc';
import { planCorrection } from '../../../shared/domain/invoice-correction';
import { packagesToMicro, unitsFromMicro } from '../../../shared/domain/stock-quantity';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { ScanMediaType } from '../scan-store';
import type { Terms } from '../../../shared/api/resolution-schemas';
import type { AuditLog } from './audit-log';
import { estimateStaleness } from './estimate-staleness';
import { describeUses, lotMovementsSql, ON_HAND_MICRO_SQL, USE_COUNT_COLUMNS } from './lot-movements';
import { foldedContains } from './search-text';

type LineFields = z.output<typeof invoiceLineInputSchema>;
export type ScanLink = { sha256: string; fileName: string; mediaType: ScanMediaType };

/**
 * What takes stock out of a lot, one entry per kind of use. On hand is units bought minus each
 * `micro` sum, and a lot is in use when any `count` is above zero. Administrations (dose given
 * and wasted) join this list when they are recorded.
 */
const INVOICE_COLUMNS = `i.id, i.supplier_id AS supplierId, s.name AS supplierName, i.invoice_number AS invoiceNumber,
  i.invoice_date AS invoiceDate, coalesce(i.received_date, '') AS receivedDate, i.total_cents AS totalCents,
  i.adjustment_cents AS adjustmentCents, i.notes, i.scan_sha256 AS scanSha256, i.scan_file_name AS scanFileName,
  i.scan_media_type AS scanMediaType, i.created_at AS createdAt, i.updated_at AS updatedAt, i.row_version AS version`;

const LINE_COLUMNS = `l.id, l.line_number AS lineNumber, l.ndc11, d.generic_name AS genericName, d.brand_name AS brandName,
  d.ndc_unit AS ndcUnit, l.lot_number AS lotNumber, l.expiry_date AS expiryDate, l.package_quantity AS packageQuantity,
  l.cost_per_package AS costPerPackage, l.extended_cents AS extendedCents, l.discount_cents AS discountCents,
  l.units_micro AS unitsMicro, ${ON_HAND_MICRO_SQL} AS onHandMicro, ${USE_COUNT_COLUMNS}`;

type InvoiceRow = Omit<Invoice, 'total' | 'adjustment' | 'scan' | 'lines' | 'reconciliation' | 'warnings' | 'inUse'> & {
  totalCents: number | null;
  adjustmentCents: number;
  scanSha256: string | null;
  scanFileName: string | null;
  scanMediaType: ScanMediaType | null;
};
type LineParams = Pick<
  InvoiceLine,
  'lineNumber' | 'ndc11' | 'lotNumber' | 'expiryDate' | 'packageQuantity' | 'costPerPackage'
> & { extendedCents: Cents; discountCents: Cents; unitsMicro: number };
type LineRow = Omit<LineParams, 'extendedCents' | 'discountCents'> &
  Pick<InvoiceLine, 'id' | 'ndcUnit'> & {
    genericName: string;
    brandName: string;
    extendedCents: number;
    discountCents: number;
    onHandMicro: number;
  } & Record<`use_count_${number}`, number>;
type SummaryRow = Omit<InvoiceSummary, 'linesNet' | 'total' | 'hasScan' | 'matches'> & {
  linesNetCents: number;
  totalCents: number | null;
  adjustmentCents: number;
  hasScan: number;
};

const money = (cents: number): string => moneyString(decimalFromCents(asCents(cents)));
const drugNameOf = (r: { genericName: string; brandName: string }): string =>
  r.brandName ? `${r.genericName} (${r.brandName})` : r.genericName;
/** "2.500" → "2.5": one spelling per quantity. */
const canonicalQuantity = (s: string): string => new Dec(s).toFixed();
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "Lot ABC123 (line 2) has 1 stock adjustment" for each line something uses, in line order. */
function lotUses(rows: readonly LineRow[]): string[] {
  return rows.flatMap((r) => {
    const uses = describeUses(r);
    return uses.length ? [`Lot ${r.lotNumber} (line ${r.lineNumber}) has ${uses.join(' and ')}`] : [];
  });
}

/** The stored facts of an invoice for the audit log, without what is computed from them. */
function auditSnapshot(inv: Invoice) {
  const { reconciliation: _r, warnings: _w, inUse: _u, lines, ...rest } = inv;
  return { ...rest, lines: lines.map(({ onHand: _o, inUse: _i, ...line }) => line) };
}

export function invoiceRepository(db: Db, audit: AuditLog) {
  const stale = estimateStaleness(db);
  const latestLineOf = db.prepare(
    `SELECT l.extended_cents AS extendedCents, l.discount_cents AS discountCents, l.package_quantity AS packageQuantity,
       s.name AS supplierName, i.invoice_number AS invoiceNumber, i.invoice_date AS invoiceDate, l.lot_number AS lotNumber
       FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN suppliers s ON s.id = i.supplier_id
      WHERE l.ndc11 = @ndc11 AND coalesce(nullif(i.received_date, ''), i.invoice_date) <= @date
      ORDER BY coalesce(nullif(i.received_date, ''), i.invoice_date) DESC, l.id DESC LIMIT 1`,
  );
  const invoiceById = db.prepare(
    `SELECT ${INVOICE_COLUMNS} FROM invoices i JOIN suppliers s ON s.id = i.supplier_id WHERE i.id = ?`,
  );
  const linesOf = db.prepare(
    `SELECT ${LINE_COLUMNS} FROM invoice_lines l JOIN drugs d ON d.ndc11 = l.ndc11
       LEFT JOIN (${lotMovementsSql('invoice_line_id IN (SELECT id FROM invoice_lines WHERE invoice_id = @invoiceId)')}) m
         ON m.invoice_line_id = l.id
      WHERE l.invoice_id = @invoiceId ORDER BY l.line_number`,
  );
  const supplierName = db.prepare(`SELECT name FROM suppliers WHERE id = ?`);
  const sameNumber = db.prepare(
    `SELECT i.invoice_number AS invoiceNumber, i.created_at AS createdAt, s.name AS supplierName
       FROM invoices i JOIN suppliers s ON s.id = i.supplier_id
      WHERE i.supplier_id = ? AND i.invoice_number = ? AND i.id != ?`,
  );
  const drugByNdc = db.prepare(`SELECT package_size AS packageSize, ndc_unit AS ndcUnit FROM drugs WHERE ndc11 = ?`);
  const insertInvoice = db.prepare(
    `INSERT INTO invoices (supplier_id, invoice_number, invoice_date, received_date, total_cents, adjustment_cents,
       notes, created_at, updated_at)
     VALUES (@supplierId, @invoiceNumber, @invoiceDate, @receivedDate, @totalCents, @adjustmentCents, @notes, @at, @at)`,
  );
  const updateInvoice = db.prepare(
    `UPDATE invoices SET supplier_id = @supplierId, invoice_number = @invoiceNumber, invoice_date = @invoiceDate,
       received_date = @receivedDate, total_cents = @totalCents, adjustment_cents = @adjustmentCents, notes = @notes,
       updated_at = @at
     WHERE id = @id`,
  );
  const insertLine = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity,
       cost_per_package, extended_cents, discount_cents, units_micro)
     VALUES (@invoiceId, @lineNumber, @ndc11, @lotNumber, @expiryDate, @packageQuantity, @costPerPackage,
       @extendedCents, @discountCents, @unitsMicro)`,
  );
  const updateLine = db.prepare(
    `UPDATE invoice_lines SET line_number = @lineNumber, ndc11 = @ndc11, lot_number = @lotNumber,
       expiry_date = @expiryDate, package_quantity = @packageQuantity, cost_per_package = @costPerPackage,
       extended_cents = @extendedCents, discount_cents = @discountCents, units_micro = @unitsMicro
     WHERE id = @id AND invoice_id = @invoiceId`,
  );
  const removeLine = db.prepare(`DELETE FROM invoice_lines WHERE id = ?`);
  // Line numbers are unique per invoice: kept lines step aside before taking their new numbers.
  const parkLineNumbers = db.prepare(
    `UPDATE invoice_lines SET line_number = line_number + 1000000 WHERE invoice_id = ?`,
  );
  const givenDates = db.prepare(
    `SELECT l.id, min(a.date_of_service) AS firstGiven, max(a.date_of_service) AS lastGiven
       FROM invoice_lines l JOIN administrations a ON a.invoice_line_id = l.id
      WHERE l.invoice_id = ? GROUP BY l.id`,
  );
  const removeInvoice = db.prepare(`DELETE FROM invoices WHERE id = ?`);
  const linkScan = db.prepare(
    `UPDATE invoices SET scan_sha256 = @sha256, scan_file_name = @fileName, scan_media_type = @mediaType,
       updated_at = @at WHERE id = @id`,
  );
  // The list's SQL varies only by which filters are used: a handful of shapes, each prepared once.
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  const read = (id: number): { invoice: Invoice; lineRows: LineRow[] } => {
    const row = invoiceById.get(id) as InvoiceRow | undefined;
    if (!row) throw new AppError('INVOICE_NOT_FOUND', `There is no invoice with id ${id}; it may have been deleted.`);
    const lineRows = linesOf.all({ invoiceId: id }) as LineRow[];
    const lines: InvoiceLine[] = lineRows.map((r) => {
      const extendedCost = money(r.extendedCents);
      const discount = money(r.discountCents);
      return {
        id: r.id,
        lineNumber: r.lineNumber,
        ndc11: r.ndc11,
        drugName: drugNameOf(r),
        ndcUnit: r.ndcUnit,
        lotNumber: r.lotNumber,
        expiryDate: r.expiryDate,
        packageQuantity: r.packageQuantity,
        costPerPackage: r.costPerPackage,
        extendedCost,
        discount,
        netCostPerPackage: netCostPerPackage(extendedCost, discount, r.packageQuantity),
        units: unitsFromMicro(r.unitsMicro),
        onHand: unitsFromMicro(r.onHandMicro),
        inUse: describeUses(r).length > 0,
      };
    });
    const { totalCents, adjustmentCents, scanSha256, scanFileName, scanMediaType, ...rest } = row;
    const total = totalCents === null ? null : money(totalCents);
    const adjustment = money(adjustmentCents);
    const { reconciliation, warnings } = reconcile({ lines, adjustment, total, invoiceDate: row.invoiceDate });
    const scan =
      scanSha256 !== null && scanMediaType !== null
        ? { sha256: scanSha256, fileName: scanFileName ?? '', mediaType: scanMediaType }
        : null;
    return {
      invoice: {
        ...rest,
        total,
        adjustment,
        scan,
        lines,
        reconciliation,
        warnings,
        inUse: lotUses(lineRows).length > 0,
      },
      lineRows,
    };
  };
  const get = (id: number): Invoice => read(id).invoice;
  const describe = (inv: { invoiceNumber: string; supplierName: string }) =>
    `invoice ${inv.invoiceNumber} from ${inv.supplierName}`;

  const assertNotInUse = (id: number): Invoice => {
    const { invoice, lineRows } = read(id);
    const uses = lotUses(lineRows);
    if (uses.length > 0) {
      throw new AppError(
        'INVOICE_IN_USE',
        `Invoice ${invoice.invoiceNumber} from ${invoice.supplierName} cannot be deleted: ${uses.join('; ')}. ` +
          'An invoice whose stock has been used stays on file; its costs, lot numbers and dates can still be corrected.',
      );
    }
    return invoice;
  };

  /** Supplier, number and lines checked and turned into what is stored; throws before any write. */
  const toStored = (f: InvoiceFields, exceptId: number) => {
    const supplier = supplierName.get(f.supplierId) as { name: string } | undefined;
    if (!supplier) {
      throw fieldError(
        'supplierId',
        'SUPPLIER_NOT_FOUND',
        `There is no supplier with id ${f.supplierId}; choose the supplier again or add it first.`,
      );
    }
    const dup = sameNumber.get(f.supplierId, f.invoiceNumber, exceptId) as
      { invoiceNumber: string; createdAt: string; supplierName: string } | undefined;
    if (dup) {
      // The day it was entered as the practice read it then: this computer's time zone, not UTC's.
      throw fieldError(
        'invoiceNumber',
        'INVOICE_DUPLICATE',
        `Invoice ${dup.invoiceNumber} from ${dup.supplierName} is already recorded (entered ${localDay(dup.createdAt)}).`,
      );
    }
    if (f.receivedDate !== '') {
      const r = parseIsoDate(f.receivedDate, 'Received date');
      if (!r.ok) throw fieldError('receivedDate', r.error.code, r.error.message);
    }
    const issues: FieldIssue[] = [];
    const lines = f.lines.flatMap((line, index) => {
      const params = lineParams(line, index, issues);
      return params ? [params] : [];
    });
    if (issues.length > 0) throw refusalOf(issues, 'lines');
    return {
      invoice: {
        supplierId: f.supplierId,
        invoiceNumber: f.invoiceNumber,
        invoiceDate: f.invoiceDate,
        receivedDate: f.receivedDate === '' ? null : f.receivedDate,
        totalCents: f.total === '' ? null : centsOf(f.total, 'total', 'Invoice total'),
        adjustmentCents:
          f.adjustment === '' ? 0 : centsOf(f.adjustment, 'adjustment', 'Freight, fees or credits', true),
        notes: f.notes,
      },
      lines,
    };
  };

  /** One line's stored form, or null with its problems pushed onto `issues` (all lines are checked). */
  const lineParams = (line: LineFields, index: number, issues: FieldIssue[]): LineParams | null => {
    const n = index + 1;
    const at = (field: keyof LineFields) => `lines.${index}.${field}`;
    const drug = drugByNdc.get(line.ndc) as { packageSize: string; ndcUnit: string } | undefined;
    if (!drug) {
      issues.push({
        field: at('ndc'),
        code: 'NDC_UNKNOWN',
        message: `Line ${n}: NDC ${formatNdc542(line.ndc)} is not in the drug catalog; add the drug to the catalog first, then save the invoice.`,
      });
      return null;
    }
    const unitsMicro = packagesToMicro(line.packageQuantity, drug.packageSize);
    if (unitsMicro === null || unitsMicro <= 0) {
      const units = new Dec(line.packageQuantity).times(drug.packageSize).toFixed();
      issues.push({
        field: at('packageQuantity'),
        code: 'QUANTITY_UNWRITABLE',
        message: `Line ${n}: ${line.packageQuantity} packages of ${drug.packageSize} ${drug.ndcUnit} is ${units} ${drug.ndcUnit}, which cannot be counted exactly (at most 6 decimals of a unit); check the number of packages.`,
      });
      return null;
    }
    try {
      return {
        lineNumber: n,
        ndc11: line.ndc,
        lotNumber: line.lotNumber,
        expiryDate: line.expiryDate,
        packageQuantity: canonicalQuantity(line.packageQuantity),
        costPerPackage: unitPriceString(line.costPerPackage),
        extendedCents: centsOf(extendedCostOf(line), at('extendedCost'), `Line ${n} extended cost`),
        discountCents: line.discount === '' ? asCents(0) : centsOf(line.discount, at('discount'), `Line ${n} discount`),
        unitsMicro,
      };
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      issues.push(...err.fields);
      return null;
    }
  };

  const writeLines = (invoiceId: number, lines: readonly LineParams[]) => {
    for (const line of lines) insertLine.run({ ...line, invoiceId });
  };

  return {
    get,

    /** The newest invoice line of an NDC received by `date` (received date, else invoice date), or null. */
    latestCost(ndc11: string, date: string): Terms['acquisition'] {
      const row = latestLineOf.get({ ndc11, date }) as
        | {
            extendedCents: number;
            discountCents: number;
            packageQuantity: string;
            supplierName: string;
            invoiceNumber: string;
            invoiceDate: string;
            lotNumber: string;
          }
        | undefined;
      if (!row) return null;
      const { extendedCents, discountCents, packageQuantity, ...rest } = row;
      return {
        ...rest,
        netCostPerPackage: netCostPerPackage(money(extendedCents), money(discountCents), packageQuantity),
      };
    },

    create: db.transaction((fields: InvoiceFields, at: string, actor: string): Invoice => {
      const { invoice, lines } = toStored(fields, -1);
      const { lastInsertRowid } = insertInvoice.run({ ...invoice, at });
      const id = Number(lastInsertRowid);
      writeLines(id, lines);
      const created = get(id);
      audit.record(at, actor, 'invoice', id, 'create', null, auditSnapshot(created));
      return created;
    }),

    /**
     * Header and lines changed together. A typed line with the id of a stored one updates it in
     * place (its lot keeps its id), one without an id is a new lot, and a stored line left out is
     * removed; on lots already used only what agrees with what was given passes.
     */
    update: db.transaction((id: number, fields: InvoiceFields, at: string, actor: string): Invoice => {
      const { invoice: before, lineRows } = read(id);
      const { invoice, lines } = toStored(fields, id);
      const dates = new Map(
        (givenDates.all(id) as { id: number; firstGiven: string; lastGiven: string }[]).map((d) => [d.id, d]),
      );
      const plan = planCorrection({
        stored: lineRows.map((r) => ({
          id: r.id,
          lineNumber: r.lineNumber,
          ndc11: r.ndc11,
          ndcUnit: r.ndcUnit,
          lotNumber: r.lotNumber,
          packageQuantity: r.packageQuantity,
          unitsMicro: r.unitsMicro,
          onHandMicro: r.onHandMicro,
          uses: describeUses(r),
          firstGiven: dates.get(r.id)?.firstGiven ?? null,
          lastGiven: dates.get(r.id)?.lastGiven ?? null,
        })),
        lines: lines.map((l, index) => ({ ...l, id: fields.lines[index]?.id })),
        receivedDate: fields.receivedDate,
        invoiceDate: fields.invoiceDate,
      });
      if (plan.issues.length > 0) throw refusalOf(plan.issues, 'fields');
      updateInvoice.run({ ...invoice, id, at });
      for (const lineId of plan.removed) removeLine.run(lineId);
      parkLineNumbers.run(id);
      lines.forEach((line, index) => {
        const target = plan.targets[index] ?? null;
        if (target === null) insertLine.run({ ...line, invoiceId: id });
        else updateLine.run({ ...line, id: target, invoiceId: id });
      });
      const after = get(id);
      const costBefore = new Map(before.lines.map((l) => [l.id, l.netCostPerPackage]));
      const recosted = after.lines.filter((l) => {
        const was = costBefore.get(l.id);
        return was !== undefined && !new Dec(was).equals(l.netCostPerPackage);
      });
      if (recosted.length > 0) stale.lots(recosted.map((l) => l.id));
      audit.record(at, actor, 'invoice', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),

    /** The scan file stays in the store: it is content-addressed and another invoice may share it. */
    delete: db.transaction((id: number, at: string, actor: string): Invoice => {
      const before = assertNotInUse(id);
      removeInvoice.run(id);
      audit.record(at, actor, 'invoice', id, 'delete', auditSnapshot(before), null);
      return before;
    }),

    linkScan: db.transaction((id: number, scan: ScanLink, at: string, actor: string): Invoice => {
      const before = get(id);
      linkScan.run({ ...scan, id, at });
      const after = get(id);
      audit.record(at, actor, 'invoice', id, 'update', auditSnapshot(before), auditSnapshot(after));
      return after;
    }),

    describe,

    list(q: { search: string; supplierId?: number | undefined; limit: number; offset: number }): {
      rows: InvoiceSummary[];
      total: number;
    } {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: q.limit, offset: q.offset };
      if (q.supplierId !== undefined) {
        params.supplierId = q.supplierId;
        where.push('i.supplier_id = @supplierId');
      }
      if (q.search) {
        params.like = `%${escapeLike(q.search)}%`;
        const lineMatch = ["l.lot_number LIKE @like ESCAPE '\\'"];
        // NDCs by their digits ("0002-7597" finds 00002759701), and by the exact code when the
        // search is a whole NDC in any printed form (5-3-2 "50242-040-62" is no substring of
        // 50242004062).
        const digits = q.search.replace(/-/g, '');
        if (/^\d+$/.test(digits)) {
          params.digits = `%${digits}%`;
          lineMatch.push('l.ndc11 LIKE @digits');
        }
        const ndc = parseNdc(q.search);
        if (ndc.ok) {
          params.ndc11 = ndc.ndc11;
          lineMatch.push('l.ndc11 = @ndc11');
        }
        // The supplier's name ignoring case and accents.
        where.push(
          `(i.invoice_number LIKE @like ESCAPE '\\' OR ${foldedContains(['s.name'], q.search, 'supplier', params)}
            OR EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND (${lineMatch.join(' OR ')})))`,
        );
      }
      const from = `FROM invoices i JOIN suppliers s ON s.id = i.supplier_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
      const rows = prepared(
        `SELECT i.id, s.name AS supplierName, i.invoice_number AS invoiceNumber, i.invoice_date AS invoiceDate,
           (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = i.id) AS lineCount,
           (SELECT coalesce(sum(l.extended_cents - l.discount_cents), 0) FROM invoice_lines l WHERE l.invoice_id = i.id)
             AS linesNetCents,
           i.total_cents AS totalCents, i.adjustment_cents AS adjustmentCents, i.scan_sha256 IS NOT NULL AS hasScan
         ${from} ORDER BY i.invoice_date DESC, i.id DESC LIMIT @limit OFFSET @offset`,
      ).all(params) as SummaryRow[];
      const { total } = prepared(`SELECT count(*) AS total ${from}`).get(params) as { total: number };
      return {
        total,
        rows: rows.map(({ linesNetCents, totalCents, adjustmentCents, hasScan, ...r }) => ({
          ...r,
          linesNet: money(linesNetCents),
          total: totalCents === null ? null : money(totalCents),
          hasScan: hasScan === 1,
          matches:
            totalCents === null
              ? null
              : decimalFromCents(asCents(totalCents)).equals(
                  decimalFromCents(asCents(linesNetCents)).plus(decimalFromCents(asCents(adjustmentCents))),
                ),
        })),
      };
    },
  };
}
export type InvoiceRepository = ReturnType<typeof invoiceRepository>;

/** An amount already checked by the schema, as cents; a refusal here names the field. */
function centsOf(amount: string, field: string, label: string, allowNegative = false): Cents {
  const r = parseCents(amount, { allowNegative, label });
  if (!r.ok) throw fieldError(field, r.error.code, r.error.message);
  return r.cents;
}

/** One coded refusal for all the problems found: a single kind keeps its code (NDC_UNKNOWN). */
function refusalOf(issues: FieldIssue[], what: 'lines' | 'fields'): AppError {
  const first = issues[0];
  const codes = new Set(issues.map((i) => i.code));
  const code = codes.size === 1 && first ? first.code : 'INVALID_INPUT';
  const message =
    issues.length === 1 && first
      ? first.message
      : `${issues.length} ${what} need attention: ${issues.map((i) => i.message).join(' ')}`;
  return new AppError(code, message, issues);
}
