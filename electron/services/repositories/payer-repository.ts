/** Payers and their requirements profile. Names are unique regardless of case (PAYER_NAME_TAKEN). */
import type { Payer, PayerFields } from '../../../shared/domain/payer';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { estimateStaleness } from './estimate-staleness';

type Row = Omit<Payer, 'requiresInvoice' | 'ndcUnits'> & { requiresInvoice: number; ndcUnits: string };

const COLUMNS = `id, name, payer_type AS payerType, payer_code AS payerCode, requires_invoice AS requiresInvoice,
  noc_units_mode AS nocUnitsMode, coalesce(noc_units_per_amount, '') AS nocUnitsPerAmount,
  coalesce(noc_units_per_unit, 'mg') AS nocUnitsPerUnit, ndc_units AS ndcUnits, jw_jz_policy AS jwJzPolicy,
  narrative_location AS narrativeLocation, timely_filing_days AS timelyFilingDays, notes, contacts,
  profile_confirmed_at AS profileConfirmedAt, created_at AS createdAt, updated_at AS updatedAt, row_version AS version`;

const fromRow = (r: Row): Payer => ({
  ...r,
  requiresInvoice: r.requiresInvoice === 1,
  ndcUnits: r.ndcUnits.split(',').filter(Boolean) as Payer['ndcUnits'],
});

const toParams = (p: PayerFields) => ({
  ...p,
  requiresInvoice: p.requiresInvoice ? 1 : 0,
  ndcUnits: p.ndcUnits.join(','),
  nocUnitsPerAmount: p.nocUnitsMode === 'per-quantity' ? p.nocUnitsPerAmount : null,
  nocUnitsPerUnit: p.nocUnitsMode === 'per-quantity' ? p.nocUnitsPerUnit : null,
});

export function payerRepository(db: Db, audit: AuditLog) {
  const stale = estimateStaleness(db);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM payers WHERE id = ?`);
  const byName = db.prepare(`SELECT id, name FROM payers WHERE name = ?`);
  const all = db.prepare(
    `SELECT ${COLUMNS}, (SELECT count(*) FROM contracts c WHERE c.payer_id = payers.id) AS contractCount
       FROM payers ORDER BY name COLLATE NOCASE`,
  );
  const insert = db.prepare(
    `INSERT INTO payers (name, payer_type, payer_code, requires_invoice, noc_units_mode, noc_units_per_amount,
       noc_units_per_unit, ndc_units, jw_jz_policy, narrative_location, timely_filing_days, notes, contacts, created_at, updated_at)
     VALUES (@name, @payerType, @payerCode, @requiresInvoice, @nocUnitsMode, @nocUnitsPerAmount, @nocUnitsPerUnit,
       @ndcUnits, @jwJzPolicy, @narrativeLocation, @timelyFilingDays, @notes, @contacts, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE payers SET name = @name, payer_type = @payerType, payer_code = @payerCode, requires_invoice = @requiresInvoice,
       noc_units_mode = @nocUnitsMode, noc_units_per_amount = @nocUnitsPerAmount, noc_units_per_unit = @nocUnitsPerUnit,
       ndc_units = @ndcUnits, jw_jz_policy = @jwJzPolicy, narrative_location = @narrativeLocation,
       timely_filing_days = @timelyFilingDays, notes = @notes, contacts = @contacts, updated_at = @at
     WHERE id = @id`,
  );
  const confirm = db.prepare(`UPDATE payers SET profile_confirmed_at = ?, updated_at = ? WHERE id = ?`);
  const remove = db.prepare(`DELETE FROM payers WHERE id = ?`);
  const administrationsOf = db.prepare(`SELECT count(*) AS n FROM administrations WHERE payer_id = ?`);
  const contractsOf = db.prepare(
    `SELECT id, json_object('id', id, 'scopeKind', scope_kind, 'scopeValue', scope_value, 'effectiveFrom', effective_from,
       'effectiveTo', effective_to, 'basis', basis, 'percent', percent) AS json FROM contracts WHERE payer_id = ?`,
  );

  const get = (id: number): Payer => {
    const row = byId.get(id) as Row | undefined;
    if (!row) throw new AppError('PAYER_NOT_FOUND', `There is no payer with id ${id}; it may have been deleted.`);
    return fromRow(row);
  };
  const assertNameFree = (name: string, exceptId?: number): void => {
    const other = byName.get(name) as { id: number; name: string } | undefined;
    if (other && other.id !== exceptId)
      throw fieldError('name', 'PAYER_NAME_TAKEN', `There is already a payer named ${other.name}.`);
  };

  return {
    get,
    list: (): (Payer & { contractCount: number })[] =>
      (all.all() as (Row & { contractCount: number })[]).map((r) => ({
        ...fromRow(r),
        contractCount: r.contractCount,
      })),
    findByName: (name: string): Payer | null => {
      const hit = byName.get(name) as { id: number } | undefined;
      return hit ? get(hit.id) : null;
    },
    /** Not a transaction of its own: callers wrap it (a template also creates a contract). */
    insert(fields: PayerFields, at: string, actor: string): Payer {
      assertNameFree(fields.name);
      const { lastInsertRowid } = insert.run({ ...toParams(fields), at });
      const created = get(Number(lastInsertRowid));
      audit.record(at, actor, 'payer', created.id, 'create', null, created);
      return created;
    },
    update: db.transaction((id: number, fields: PayerFields, at: string, actor: string): Payer => {
      const before = get(id);
      assertNameFree(fields.name, id);
      update.run({ ...toParams(fields), id, at });
      const after = get(id);
      stale.payer(id);
      audit.record(at, actor, 'payer', id, 'update', before, after);
      return after;
    }),
    confirmProfile: db.transaction((id: number, at: string, actor: string): Payer => {
      const before = get(id);
      confirm.run(at, at, id);
      const after = get(id);
      audit.record(at, actor, 'payer', id, 'update', before, after);
      return after;
    }),
    delete: db.transaction((id: number, at: string, actor: string): Payer => {
      const before = get(id);
      const { n } = administrationsOf.get(id) as { n: number };
      if (n > 0) {
        throw new AppError(
          'PAYER_IN_USE',
          `${before.name} is the payer of ${n} administration${n === 1 ? '' : 's'} and cannot be deleted.`,
        );
      }
      // The cascade removes the payer's contract versions too: each gets its own audit row.
      for (const c of contractsOf.all(id) as { id: number; json: string }[]) {
        audit.record(at, actor, 'contract', c.id, 'delete', JSON.parse(c.json), null);
      }
      remove.run(id);
      audit.record(at, actor, 'payer', id, 'delete', before, null);
      return before;
    }),
  };
}
export type PayerRepository = ReturnType<typeof payerRepository>;
