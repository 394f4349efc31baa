/**
 * Suppliers (distributors, wholesalers, specialty pharmacies) that invoices come from. Names are
 * unique regardless of case (SUPPLIER_NAME_TAKEN): "McKesson" and "MCKESSON" are one supplier, and
 * the column's NOCASE collation makes the database agree with the check.
 *
 * Merging a duplicate ("Mckesson Corp." into "McKesson") is one transaction: its invoices move to
 * the kept supplier, its remembered invoice-import columns move too unless the kept supplier has
 * its own (those were chosen for the name people keep using), and it is removed. Each moved
 * invoice and both suppliers get an audit row. An invoice number both have is refused rather than
 * renumbered: it is most likely one invoice entered twice, and only a person can say which stays.
 */
import type { z } from 'zod';
import type { Supplier, supplierInputSchema } from '../../../shared/domain/invoice';
import type {
  ColumnChoiceOutcome,
  SupplierMergePlan,
  SupplierMergeResult,
  SupplierUsage,
} from '../../../shared/api/supplier-record-channels';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

export type SupplierFields = z.output<typeof supplierInputSchema>;

const COLUMNS = `id, name, account_number AS accountNumber, notes,
  (SELECT count(*) FROM invoices i WHERE i.supplier_id = suppliers.id) AS invoiceCount,
  created_at AS createdAt, updated_at AS updatedAt, row_version AS version`;

/** The import kind whose remembered columns are kept per supplier (owner_key = the supplier's id). */
const INVOICE_IMPORT_KIND = 'invoices';

export function supplierRepository(db: Db, audit: AuditLog) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM suppliers WHERE id = ?`);
  const byName = db.prepare(`SELECT id, name FROM suppliers WHERE name = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM suppliers ORDER BY name COLLATE NOCASE, id`);
  const insert = db.prepare(
    `INSERT INTO suppliers (name, account_number, notes, created_at, updated_at)
     VALUES (@name, @accountNumber, @notes, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE suppliers SET name = @name, account_number = @accountNumber, notes = @notes, updated_at = @at
     WHERE id = @id`,
  );

  const usage = db.prepare(
    `SELECT s.id AS supplierId, count(i.id) AS invoiceCount, max(i.invoice_date) AS lastInvoiceDate,
            EXISTS (SELECT 1 FROM import_mappings m
                     WHERE m.kind = '${INVOICE_IMPORT_KIND}' AND m.owner_key = CAST(s.id AS TEXT)) AS remembersColumns
       FROM suppliers s LEFT JOIN invoices i ON i.supplier_id = s.id
      GROUP BY s.id ORDER BY s.id`,
  );
  const invoicesOf = db.prepare(
    `SELECT id, invoice_number AS invoiceNumber FROM invoices WHERE supplier_id = ? ORDER BY id`,
  );
  const sharedNumbers = db
    .prepare(
      `SELECT a.invoice_number FROM invoices a JOIN invoices b ON b.invoice_number = a.invoice_number
        WHERE a.supplier_id = ? AND b.supplier_id = ? ORDER BY a.invoice_number`,
    )
    .pluck();
  const hasMapping = db
    .prepare(`SELECT count(*) FROM import_mappings WHERE kind = '${INVOICE_IMPORT_KIND}' AND owner_key = ?`)
    .pluck();
  const moveInvoices = db.prepare(`UPDATE invoices SET supplier_id = ?, updated_at = ? WHERE supplier_id = ?`);
  const moveMapping = db.prepare(
    `UPDATE import_mappings SET owner_key = ? WHERE kind = '${INVOICE_IMPORT_KIND}' AND owner_key = ?`,
  );
  const dropMapping = db.prepare(`DELETE FROM import_mappings WHERE kind = '${INVOICE_IMPORT_KIND}' AND owner_key = ?`);
  const remove = db.prepare(`DELETE FROM suppliers WHERE id = ?`);

  const get = (id: number): Supplier => {
    const row = byId.get(id) as Supplier | undefined;
    if (!row) throw new AppError('SUPPLIER_NOT_FOUND', `There is no supplier with id ${id}; it may have been deleted.`);
    return row;
  };

  const assertNameFree = (name: string, exceptId?: number): void => {
    const other = byName.get(name) as { id: number; name: string } | undefined;
    if (other && other.id !== exceptId)
      throw fieldError('name', 'SUPPLIER_NAME_TAKEN', `There is already a supplier named ${other.name}.`);
  };

  /** What merging `mergeId` into `keepId` would do now; throws when either is missing or they are one. */
  const planMerge = (keepId: number, mergeId: number): SupplierMergePlan => {
    if (keepId === mergeId) {
      throw fieldError(
        'mergeId',
        'SUPPLIER_MERGE_SAME',
        'A supplier cannot be merged into itself: choose the duplicate to merge into it.',
      );
    }
    const keep = get(keepId);
    const merge = get(mergeId);
    const keepRemembers = (hasMapping.get(String(keepId)) as number) > 0;
    const mergeRemembers = (hasMapping.get(String(mergeId)) as number) > 0;
    const columnChoices: ColumnChoiceOutcome = !mergeRemembers ? 'none' : keepRemembers ? 'keep-own' : 'move';
    return {
      keep,
      merge,
      invoicesMoving: merge.invoiceCount,
      columnChoices,
      clashingInvoiceNumbers: sharedNumbers.all(keepId, mergeId) as string[],
    };
  };

  return {
    get,
    list: (): Supplier[] => all.all() as Supplier[],
    usage: (): SupplierUsage[] =>
      (usage.all() as Array<Omit<SupplierUsage, 'remembersColumns'> & { remembersColumns: number }>).map((u) => ({
        ...u,
        remembersColumns: u.remembersColumns === 1,
      })),
    planMerge,
    merge: db.transaction((keepId: number, mergeId: number, at: string, actor: string): SupplierMergeResult => {
      const plan = planMerge(keepId, mergeId);
      const { keep, merge } = plan;
      if (plan.clashingInvoiceNumbers.length > 0) throw clashRefusal(plan);

      const moved = invoicesOf.all(mergeId) as Array<{ id: number; invoiceNumber: string }>;
      moveInvoices.run(keepId, at, mergeId);
      for (const inv of moved) {
        audit.record(
          at,
          actor,
          'invoice',
          inv.id,
          'update',
          { invoiceNumber: inv.invoiceNumber, supplierId: merge.id, supplierName: merge.name },
          { invoiceNumber: inv.invoiceNumber, supplierId: keep.id, supplierName: keep.name },
        );
      }
      if (plan.columnChoices === 'move') moveMapping.run(String(keepId), String(mergeId));
      else dropMapping.run(String(mergeId));
      remove.run(mergeId);

      const after = get(keepId);
      const mergedFrom = `${merge.name} (supplier ${merge.id})`;
      audit.record(at, actor, 'supplier', keepId, 'update', keep, {
        ...after,
        mergedFrom,
        invoicesMoved: moved.length,
      });
      audit.record(at, actor, 'supplier', mergeId, 'delete', merge, {
        mergedInto: `${keep.name} (supplier ${keep.id})`,
        invoicesMoved: moved.length,
      });
      return { kept: after, removedName: merge.name, invoicesMoved: moved.length, columnChoices: plan.columnChoices };
    }),
    create: db.transaction((fields: SupplierFields, at: string, actor: string): Supplier => {
      assertNameFree(fields.name);
      const { lastInsertRowid } = insert.run({ ...fields, at });
      const created = get(Number(lastInsertRowid));
      audit.record(at, actor, 'supplier', created.id, 'create', null, created);
      return created;
    }),
    update: db.transaction((id: number, fields: SupplierFields, at: string, actor: string): Supplier => {
      const before = get(id);
      assertNameFree(fields.name, id);
      update.run({ ...fields, id, at });
      const after = get(id);
      audit.record(at, actor, 'supplier', id, 'update', before, after);
      return after;
    }),
  };
}
function clashRefusal({ keep, merge, clashingInvoiceNumbers: numbers }: SupplierMergePlan): AppError {
  const shown = numbers.slice(0, 5).join(', ');
  const more = numbers.length > 5 ? ` and ${numbers.length - 5} more` : '';
  const which = numbers.length === 1 ? `an invoice numbered ${shown}` : `invoices numbered ${shown}${more}`;
  return new AppError(
    'SUPPLIER_MERGE_INVOICE_CLASH',
    `${keep.name} and ${merge.name} both have ${which}. A supplier’s invoice numbers are unique, so this is ` +
      'most likely the same invoice entered twice: delete or correct one of them, then merge. Nothing was merged.',
  );
}

export type SupplierRepository = ReturnType<typeof supplierRepository>;
