/**
 * Drug prices (AWP/WAC per package by date), CMS payment limits by quarter, and payers' fee
 * schedule entries: history for people, and "in force on this date" lookups for resolution.
 * A price runs from its effective date to the day before the next price of the same kind.
 */
import type { DrugPrice, DrugPriceFields, PaymentLimit } from '../../../shared/domain/drug-price';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { estimateStaleness } from './estimate-staleness';
import { foldedContains } from './search-text';

const PRICE_COLUMNS = `id, ndc11, price_type AS priceType, price_per_package AS pricePerPackage,
  effective_from AS effectiveFrom, source, created_at AS createdAt, row_version AS version`;

// A price runs to the day before the next price of its kind for the same NDC; null while latest.
const EFFECTIVE_TO = `(SELECT date(min(n.effective_from), '-1 day') FROM drug_prices n
   WHERE n.ndc11 = p.ndc11 AND n.price_type = p.price_type AND n.effective_from > p.effective_from) AS effectiveTo`;

const LIMIT_COLUMNS = `id, source, hcpcs, drug_name AS drugName, description, dosage_text AS dosageText,
  dosage_amount AS dosageAmount, dosage_unit AS dosageUnit, payment_limit AS paymentLimit, quarter,
  effective_from AS effectiveFrom, effective_to AS effectiveTo, notes`;

export type FeeScheduleEntry = {
  id: number;
  payerId: number;
  codeKind: 'hcpcs' | 'ndc';
  code: string;
  rate: string;
  perAmount: string;
  perUnit: 'mg' | 'mcg' | 'g' | 'mL' | 'units';
  effectiveFrom: string;
  effectiveTo: string | null;
};

const FEE_COLUMNS = `id, payer_id AS payerId, code_kind AS codeKind, code, rate, per_amount AS perAmount, per_unit AS perUnit,
  effective_from AS effectiveFrom, effective_to AS effectiveTo`;

export function priceRepository(db: Db, audit: AuditLog) {
  const stale = estimateStaleness(db);
  const drugExists = db.prepare(`SELECT 1 FROM drugs WHERE ndc11 = ?`);
  const history = db.prepare(
    `SELECT ${PRICE_COLUMNS}, ${EFFECTIVE_TO} FROM drug_prices p WHERE ndc11 = ? ORDER BY effective_from DESC, price_type`,
  );
  const priceById = db.prepare(`SELECT ${PRICE_COLUMNS}, ${EFFECTIVE_TO} FROM drug_prices p WHERE id = ?`);
  const priceDuplicate = db.prepare(
    `SELECT 1 FROM drug_prices WHERE ndc11 = ? AND price_type = ? AND effective_from = ? AND id != ?`,
  );
  const insertPrice = db.prepare(
    `INSERT INTO drug_prices (ndc11, price_type, price_per_package, effective_from, source, created_at)
     VALUES (@ndc, @priceType, @pricePerPackage, @effectiveFrom, 'manual', @at)`,
  );
  const updatePrice = db.prepare(
    `UPDATE drug_prices SET price_type = @priceType, price_per_package = @pricePerPackage,
       effective_from = @effectiveFrom WHERE id = @id`,
  );
  const removePrice = db.prepare(`DELETE FROM drug_prices WHERE id = ?`);
  const allForNdc = db.prepare(
    `SELECT ${PRICE_COLUMNS}, ${EFFECTIVE_TO} FROM drug_prices p WHERE ndc11 = ? ORDER BY effective_from`,
  );
  const limitByHcpcsAt = db.prepare(
    `SELECT ${LIMIT_COLUMNS} FROM payment_limits
      WHERE hcpcs = @hcpcs AND effective_from <= @date AND effective_to >= @date ORDER BY effective_from DESC, id DESC LIMIT 1`,
  );
  const limitByNameAt = db.prepare(
    `SELECT ${LIMIT_COLUMNS} FROM payment_limits
      WHERE source = 'noc' AND (drug_name = @generic COLLATE NOCASE OR drug_name LIKE @spaced ESCAPE '\\')
        AND effective_from <= @date AND effective_to >= @date
      ORDER BY drug_name = @generic COLLATE NOCASE DESC, effective_from DESC, id DESC LIMIT 1`,
  );
  const limitsByName = db.prepare(
    `SELECT ${LIMIT_COLUMNS} FROM payment_limits WHERE drug_name LIKE ? ESCAPE '\\' ORDER BY effective_from DESC LIMIT 40`,
  );
  const feeAt = db.prepare(
    `SELECT ${FEE_COLUMNS} FROM fee_schedule_entries
      WHERE payer_id = @payerId AND code_kind = @codeKind AND code = @code
        AND effective_from <= @date AND (effective_to IS NULL OR effective_to >= @date)
      ORDER BY effective_from DESC, id DESC LIMIT 1`,
  );
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  const getPrice = (id: number): DrugPrice => {
    const row = priceById.get(id) as DrugPrice | undefined;
    if (!row) throw new AppError('PRICE_NOT_FOUND', `There is no price entry with id ${id}.`);
    return row;
  };

  /** The rules a price entry meets whether it is new or changed (`exceptId` is the one changed). */
  const assertWritable = (p: DrugPriceFields, exceptId: number) => {
    if (!drugExists.get(p.ndc)) {
      throw fieldError(
        'ndc',
        'NDC_UNKNOWN',
        `NDC ${formatNdc542(p.ndc)} is not in the drug catalog; add the drug first.`,
      );
    }
    if (priceDuplicate.get(p.ndc, p.priceType, p.effectiveFrom, exceptId)) {
      throw fieldError(
        'effectiveFrom',
        'PRICE_DUPLICATE',
        `There is already ${p.priceType === 'AWP' ? 'an' : 'a'} ${p.priceType} for this NDC from ${p.effectiveFrom}.`,
      );
    }
  };

  return {
    history: (ndc11: string): DrugPrice[] => history.all(ndc11) as DrugPrice[],

    createPrice: db.transaction((p: DrugPriceFields, at: string, actor: string): DrugPrice => {
      assertWritable(p, -1);
      const { lastInsertRowid } = insertPrice.run({ ...p, at });
      const created = getPrice(Number(lastInsertRowid));
      stale.ndcs([created.ndc11]);
      audit.record(at, actor, 'drug_price', created.id, 'create', null, created);
      return created;
    }),

    /** A typo in a price or its date; the entry stays with its drug (another NDC is another entry). */
    updatePrice: db.transaction((id: number, p: DrugPriceFields, at: string, actor: string): DrugPrice => {
      const before = getPrice(id);
      if (p.ndc !== before.ndc11) {
        throw fieldError(
          'ndc',
          'PRICE_NDC_FIXED',
          `This price belongs to NDC ${formatNdc542(before.ndc11)}; to price another drug, add a price to that drug.`,
        );
      }
      assertWritable(p, id);
      updatePrice.run({ ...p, id });
      const after = getPrice(id);
      stale.ndcs([after.ndc11]);
      audit.record(at, actor, 'drug_price', id, 'update', before, after);
      return after;
    }),

    deletePrice: db.transaction((id: number, at: string, actor: string): DrugPrice => {
      const before = getPrice(id);
      removePrice.run(id);
      stale.ndcs([before.ndc11]);
      audit.record(at, actor, 'drug_price', id, 'delete', before, null);
      return before;
    }),

    /** Every AWP/WAC row of an NDC, oldest first: resolution picks the one in force in memory. */
    allForNdc: (ndc11: string): DrugPrice[] => allForNdc.all(ndc11) as DrugPrice[],

    /** The CMS limit for a coded drug, or for a NOC drug by the start of its generic name. */
    paymentLimitAt(target: { hcpcs: string; genericName: string; isNoc: boolean; date: string }): PaymentLimit | null {
      if (!target.isNoc) {
        return (limitByHcpcsAt.get({ hcpcs: target.hcpcs, date: target.date }) as PaymentLimit | undefined) ?? null;
      }
      // The NOC file names a drug "generic (Trade)": the generic name must end at a space, so
      // "examplemab" never takes the limit of "examplemab-abcd".
      const generic = target.genericName.trim();
      return (
        (limitByNameAt.get({ generic, spaced: `${escapeLike(generic)} %`, date: target.date }) as
          PaymentLimit | undefined) ?? null
      );
    },

    paymentLimitsForName: (genericName: string): PaymentLimit[] =>
      limitsByName.all(`${escapeLike(genericName.trim())}%`) as PaymentLimit[],

    listPaymentLimits(q: { search: string; quarter: string; limit: number; offset: number }): {
      rows: PaymentLimit[];
      total: number;
    } {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: q.limit, offset: q.offset };
      if (q.search) {
        params.search = `%${escapeLike(q.search)}%`;
        // Names and descriptions ignoring case and accents.
        where.push(
          `(hcpcs LIKE @search ESCAPE '\\' OR ${foldedContains(['drug_name', 'description'], q.search, 'text', params)})`,
        );
      }
      if (q.quarter) {
        params.quarter = q.quarter;
        where.push('quarter = @quarter');
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = prepared(
        `SELECT ${LIMIT_COLUMNS} FROM payment_limits ${whereSql} ORDER BY quarter DESC, hcpcs, drug_name, id LIMIT @limit OFFSET @offset`,
      ).all(params) as PaymentLimit[];
      const { total } = prepared(`SELECT count(*) AS total FROM payment_limits ${whereSql}`).get(params) as {
        total: number;
      };
      return { rows, total };
    },

    /** A payer's fee schedule rate for the NDC first, else for the HCPCS code. */
    feeScheduleAt(payerId: number, ndc11: string, hcpcs: string, date: string): FeeScheduleEntry | null {
      return (
        (feeAt.get({ payerId, codeKind: 'ndc', code: ndc11, date }) as FeeScheduleEntry | undefined) ??
        (feeAt.get({ payerId, codeKind: 'hcpcs', code: hcpcs, date }) as FeeScheduleEntry | undefined) ??
        null
      );
    },

    listFeeSchedule(q: { payerId: number; search: string; limit: number; offset: number }): {
      rows: FeeScheduleEntry[];
      total: number;
    } {
      const params: Record<string, string | number> = { payerId: q.payerId, limit: q.limit, offset: q.offset };
      let filter = '';
      if (q.search) {
        params.search = `%${escapeLike(q.search.replace(/-/g, ''))}%`;
        filter = `AND code LIKE @search ESCAPE '\\'`;
      }
      const rows = prepared(
        `SELECT ${FEE_COLUMNS} FROM fee_schedule_entries WHERE payer_id = @payerId ${filter}
          ORDER BY code, effective_from DESC LIMIT @limit OFFSET @offset`,
      ).all(params) as FeeScheduleEntry[];
      const { total } = prepared(
        `SELECT count(*) AS total FROM fee_schedule_entries WHERE payer_id = @payerId ${filter}`,
      ).get(params) as { total: number };
      return { rows, total };
    },
  };
}
export type PriceRepository = ReturnType<typeof priceRepository>;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
