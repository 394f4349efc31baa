/**
 * Suppliers (distributors, wholesalers, specialty pharmacies) that invoices come from. Names are
 * unique regardless of case (SUPPLIER_NAME_TAKEN): "McKesson" and "MCKESSON" are one supplier, and
 * the column's NOCASE collation makes the database agree with the check.
 */
import type { z } from 'zod';
import type { Supplier, supplierInputSchema } from '../../../shared/domain/invoice';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';

export type SupplierFields = z.output<typeof supplierInputSchema>;

const COLUMNS = `id, name, account_number AS accountNumber, notes,
  (SELECT count(*) FROM invoices i WHERE i.supplier_id = suppliers.id) AS invoiceCount,
  created_at AS createdAt, updated_at AS updatedAt`;

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

  return {
    get,
    list: (): Supplier[] => all.all() as Supplier[],
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
export type SupplierRepository = ReturnType<typeof supplierRepository>;
