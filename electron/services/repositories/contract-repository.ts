/**
 * Contract versions. Two versions of one payer with the same scope (all drugs, one NDC, one HCPCS)
 * may not overlap in time: the check runs inside the write's transaction, so two writers cannot
 * both slip in.
 */
import { spansOverlap, type Contract, type ContractFields } from '../../../shared/domain/contract-terms';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { AppError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { estimateStaleness } from './estimate-staleness';

type Row = Omit<Contract, 'lesserOfBilled'> & { lesserOfBilled: number };

const COLUMNS = `id, payer_id AS payerId, label, scope_kind AS scopeKind, scope_value AS scopeValue,
  effective_from AS effectiveFrom, effective_to AS effectiveTo, basis, percent, add_on AS addOn,
  coalesce(fee_schedule_rate, '') AS feeScheduleRate, coalesce(fee_schedule_per_amount, '') AS feeSchedulePerAmount,
  coalesce(fee_schedule_per_unit, 'mg') AS feeSchedulePerUnit, lesser_of_billed AS lesserOfBilled,
  coinsurance_percent AS coinsurancePercent, sequestration, created_at AS createdAt, updated_at AS updatedAt,
  row_version AS version`;

const fromRow = (r: Row): Contract => ({ ...r, lesserOfBilled: r.lesserOfBilled === 1 });

const toParams = (c: ContractFields) => ({
  payerId: c.payerId,
  label: c.label,
  scopeKind: c.scopeKind,
  scopeValue: c.scopeValue,
  effectiveFrom: c.effectiveFrom,
  effectiveTo: c.effectiveTo,
  basis: c.basis,
  percent: c.percent,
  addOn: c.addOn,
  feeScheduleRate: c.basis === 'FEE_SCHEDULE' && c.feeScheduleRate !== '' ? c.feeScheduleRate : null,
  feeSchedulePerAmount: c.basis === 'FEE_SCHEDULE' && c.feeScheduleRate !== '' ? c.feeSchedulePerAmount : null,
  feeSchedulePerUnit: c.basis === 'FEE_SCHEDULE' && c.feeScheduleRate !== '' ? c.feeSchedulePerUnit : null,
  lesserOfBilled: c.lesserOfBilled ? 1 : 0,
  coinsurancePercent: c.coinsurancePercent,
  sequestration: c.sequestration,
});

export function scopeText(c: { scopeKind: string; scopeValue: string }): string {
  if (c.scopeKind === 'ndc') return `NDC ${formatNdc542(c.scopeValue)}`;
  if (c.scopeKind === 'hcpcs') return `HCPCS ${c.scopeValue}`;
  return 'all drugs';
}

export function contractRepository(db: Db, audit: AuditLog) {
  const stale = estimateStaleness(db);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM contracts WHERE id = ?`);
  const byPayer = db.prepare(`SELECT ${COLUMNS} FROM contracts WHERE payer_id = ? ORDER BY effective_from, id`);
  const sameScope = db.prepare(
    `SELECT ${COLUMNS} FROM contracts WHERE payer_id = ? AND scope_kind = ? AND scope_value = ? AND id != ?`,
  );
  const insert = db.prepare(
    `INSERT INTO contracts (payer_id, label, scope_kind, scope_value, effective_from, effective_to, basis, percent, add_on,
       fee_schedule_rate, fee_schedule_per_amount, fee_schedule_per_unit, lesser_of_billed, coinsurance_percent, sequestration,
       created_at, updated_at)
     VALUES (@payerId, @label, @scopeKind, @scopeValue, @effectiveFrom, @effectiveTo, @basis, @percent, @addOn,
       @feeScheduleRate, @feeSchedulePerAmount, @feeSchedulePerUnit, @lesserOfBilled, @coinsurancePercent, @sequestration, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE contracts SET payer_id = @payerId, label = @label, scope_kind = @scopeKind, scope_value = @scopeValue,
       effective_from = @effectiveFrom, effective_to = @effectiveTo, basis = @basis, percent = @percent, add_on = @addOn,
       fee_schedule_rate = @feeScheduleRate, fee_schedule_per_amount = @feeSchedulePerAmount,
       fee_schedule_per_unit = @feeSchedulePerUnit, lesser_of_billed = @lesserOfBilled,
       coinsurance_percent = @coinsurancePercent, sequestration = @sequestration, updated_at = @at
     WHERE id = @id`,
  );
  const remove = db.prepare(`DELETE FROM contracts WHERE id = ?`);

  const get = (id: number): Contract => {
    const row = byId.get(id) as Row | undefined;
    if (!row) throw new AppError('CONTRACT_NOT_FOUND', `There is no contract version with id ${id}.`);
    return fromRow(row);
  };

  const assertNoOverlap = (c: ContractFields, exceptId: number): void => {
    const others = (sameScope.all(c.payerId, c.scopeKind, c.scopeValue, exceptId) as Row[]).map(fromRow);
    const clash = others.find((o) => spansOverlap(o, c));
    if (clash) {
      const span = `${clash.effectiveFrom} to ${clash.effectiveTo ?? 'open'}`;
      const message = `These dates overlap the version for ${scopeText(clash)} in force ${span}${clash.label ? ` (“${clash.label}”)` : ''}; end that version first or change the dates.`;
      throw new AppError('CONTRACT_OVERLAP', message, [
        { field: 'effectiveFrom', code: 'CONTRACT_OVERLAP', message },
        { field: 'effectiveTo', code: 'CONTRACT_OVERLAP', message },
      ]);
    }
  };

  const insertVersion = (c: ContractFields, at: string, actor: string): Contract => {
    assertNoOverlap(c, -1);
    const { lastInsertRowid } = insert.run({ ...toParams(c), at });
    const created = get(Number(lastInsertRowid));
    stale.payer(created.payerId);
    audit.record(at, actor, 'contract', created.id, 'create', null, created);
    return created;
  };

  return {
    get,
    forPayer: (payerId: number): Contract[] => (byPayer.all(payerId) as Row[]).map(fromRow),
    /** Not a transaction of its own, so a template can create payer + contract together. */
    insert: insertVersion,
    create: db.transaction(insertVersion),
    update: db.transaction((id: number, c: ContractFields, at: string, actor: string): Contract => {
      const before = get(id);
      if (before.payerId !== c.payerId)
        throw new AppError(
          'CONTRACT_PAYER_CHANGE',
          'A contract version cannot move to another payer; add it there instead.',
        );
      assertNoOverlap(c, id);
      update.run({ ...toParams(c), id, at });
      const after = get(id);
      stale.payer(after.payerId);
      audit.record(at, actor, 'contract', id, 'update', before, after);
      return after;
    }),
    delete: db.transaction((id: number, at: string, actor: string): Contract => {
      const before = get(id);
      remove.run(id);
      stale.payer(before.payerId);
      audit.record(at, actor, 'contract', id, 'delete', before, null);
      return before;
    }),
  };
}
export type ContractRepository = ReturnType<typeof contractRepository>;
