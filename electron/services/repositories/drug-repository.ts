/**
 * The drug catalog. An NDC appears once (DRUG_NDC_TAKEN). A drug that invoice lines or
 * administrations use keeps the facts they were counted and billed with (BILLING_FACTS: NDC,
 * unit, strength, package size, container): changing one is refused (DRUG_IN_USE, naming what
 * uses it) unless it is the explicit correction (`correct`, run by drugs/drug-correction.ts).
 * A drug still referenced elsewhere cannot be deleted, and the refusal says what refers to it.
 * The NDC as printed on the package is kept through an update that keeps the NDC and does not
 * give it again (an 11-digit NDC says nothing about the label); a new NDC forgets the old form.
 */
import type { Drug, DrugFields, DrugListQuery, DrugUsage } from '../../../shared/domain/drug-catalog';
import { changedBillingFacts, drugListQuerySchema } from '../../../shared/domain/drug-catalog';
import { formatNdc542, parseNdc } from '../../../shared/domain/ndc';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditLog } from './audit-log';
import { foldedContains } from './search-text';

const COLUMNS = `id, ndc11, ndc_printed AS ndcPrinted, generic_name AS genericName, brand_name AS brandName,
  strength_amount AS strengthAmount, strength_unit AS strengthUnit, package_size AS packageSize,
  ndc_unit AS ndcUnit, container, route, created_at AS createdAt, updated_at AS updatedAt, row_version AS version`;

// Whitelisted ORDER BY expressions: sort keys never reach SQL as text from the caller.
const ORDER: Record<NonNullable<DrugListQuery['sortBy']>, string> = {
  genericName: 'generic_name COLLATE NOCASE',
  brandName: 'brand_name COLLATE NOCASE',
  ndc11: 'ndc11',
  updatedAt: 'updated_at',
};

export function drugRepository(db: Db, audit: AuditLog) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM drugs WHERE id = ?`);
  const byNdc = db.prepare(`SELECT ${COLUMNS} FROM drugs WHERE ndc11 = ?`);
  const insert = db.prepare(
    `INSERT INTO drugs (ndc11, ndc_printed, generic_name, brand_name, strength_amount, strength_unit, package_size, ndc_unit, container, route, created_at, updated_at)
     VALUES (@ndc, @ndcPrinted, @genericName, @brandName, @strengthAmount, @strengthUnit, @packageSize, @ndcUnit, @container, @route, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE drugs SET ndc11 = @ndc, ndc_printed = @ndcPrinted, generic_name = @genericName, brand_name = @brandName,
       strength_amount = @strengthAmount, strength_unit = @strengthUnit, package_size = @packageSize,
       ndc_unit = @ndcUnit, container = @container, route = @route, updated_at = @at
     WHERE id = @id`,
  );
  const remove = db.prepare(`DELETE FROM drugs WHERE id = ?`);
  const usageOf = db.prepare(
    `SELECT (SELECT count(*) FROM invoice_lines WHERE ndc11 = @ndc11) AS invoiceLines,
       (SELECT count(*) FROM administrations WHERE ndc11 = @ndc11 AND status IN ('draft', 'ready')) AS openAdministrations,
       (SELECT count(*) FROM administrations WHERE ndc11 = @ndc11 AND status NOT IN ('draft', 'ready'))
         AS billedAdministrations,
       (SELECT count(*) FROM drug_prices WHERE ndc11 = @ndc11) AS prices`,
  );
  // The list's SQL varies only by which filters and sort are used: a handful of shapes, each
  // prepared once.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  const get = (id: number): Drug => {
    const row = byId.get(id) as Drug | undefined;
    if (!row) throw new AppError('DRUG_NOT_FOUND', `There is no drug with id ${id}; it may have been deleted.`);
    return row;
  };

  const assertNdcFree = (ndc11: string, exceptId?: number): void => {
    const other = byNdc.get(ndc11) as Drug | undefined;
    if (other && other.id !== exceptId) {
      throw fieldError(
        'ndc',
        'DRUG_NDC_TAKEN',
        `NDC ${formatNdc542(ndc11)} is already in the catalog as ${other.genericName}.`,
      );
    }
  };

  const usage = (ndc11: string): DrugUsage => usageOf.get({ ndc11 }) as DrugUsage;

  const write = (id: number, fields: DrugFields, at: string, actor: string): Drug => {
    const before = get(id);
    assertNdcFree(fields.ndc, id);
    const given = fields.ndcPrinted ?? '';
    const ndcPrinted = given === '' && fields.ndc === before.ndc11 ? before.ndcPrinted : given;
    update.run({ ...fields, ndcPrinted, id, at });
    const after = get(id);
    audit.record(at, actor, 'drug', id, 'update', before, after);
    return after;
  };

  return {
    get,
    usage,
    findByNdc: (ndc11: string): Drug | null => (byNdc.get(ndc11) as Drug | undefined) ?? null,
    getByNdc(ndc11: string): Drug {
      const row = byNdc.get(ndc11) as Drug | undefined;
      if (!row) throw new AppError('DRUG_NOT_FOUND', `NDC ${formatNdc542(ndc11)} is not in the catalog.`);
      return row;
    },

    list(query: DrugListQuery): { rows: Drug[]; total: number } {
      const q = drugListQuerySchema.parse(query);
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: q.limit, offset: q.offset };
      if (q.search) {
        // Names by substring, ignoring case and accents; NDCs by their digits, and by the exact
        // 11-digit code when the search is a complete NDC in any printed form (5-3-2 "50242-040-62"
        // has no 11-digit substring).
        const clauses = [foldedContains(['generic_name', 'brand_name'], q.search, 'text', params)];
        const digits = q.search.replace(/-/g, '');
        if (/^\d+$/.test(digits)) {
          params.digits = `%${digits}%`;
          clauses.push(`ndc11 LIKE @digits`);
        }
        const ndc = parseNdc(q.search);
        if (ndc.ok) {
          params.ndc11 = ndc.ndc11;
          clauses.push('ndc11 = @ndc11');
        }
        where.push(`(${clauses.join(' OR ')})`);
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
      const rows = prepared(
        `SELECT ${COLUMNS} FROM drugs ${whereSql} ORDER BY ${ORDER[q.sortBy]} ${dir}, id ${dir} LIMIT @limit OFFSET @offset`,
      ).all(params) as Drug[];
      const { total } = prepared(`SELECT count(*) AS total FROM drugs ${whereSql}`).get(params) as { total: number };
      return { rows, total };
    },

    create: db.transaction((fields: DrugFields, at: string, actor: string): Drug => {
      assertNdcFree(fields.ndc);
      const { lastInsertRowid } = insert.run({ ...fields, ndcPrinted: fields.ndcPrinted ?? '', at });
      const created = get(Number(lastInsertRowid));
      audit.record(at, actor, 'drug', created.id, 'create', null, created);
      return created;
    }),

    update: db.transaction((id: number, fields: DrugFields, at: string, actor: string): Drug => {
      const before = get(id);
      const changed = changedBillingFacts(before, fields);
      // Only a change of a billing fact needs to know what uses the drug.
      const uses = changed.length > 0 ? usesOf(usage(before.ndc11), false) : [];
      if (uses.length > 0) {
        const what =
          changed.length === 1 ? `its ${changed[0]}` : `its ${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
        const correction = changed.includes('NDC')
          ? ''
          : ' or, if the drug was entered wrong, use “Correct the drug” to fix it and recompute its open administrations';
        throw new AppError(
          'DRUG_IN_USE',
          `${before.genericName} is used by ${uses.join(' and ')}, counted and billed with ${what} as they are, so ${changed.length === 1 ? 'it' : 'they'} cannot change here. Add the other product as a new catalog entry${correction}.`,
          changed.map((label) => ({
            field: FIELD_OF_FACT.get(label) ?? 'ndc',
            code: 'DRUG_IN_USE',
            message: `Used by ${uses.join(' and ')}.`,
          })),
        );
      }
      return write(id, fields, at, actor);
    }),

    /** The explicit correction's write (drug-correction.ts checks and recomputes around it). */
    correct: (id: number, fields: DrugFields, at: string, actor: string): Drug => write(id, fields, at, actor),

    delete: db.transaction((id: number, at: string, actor: string): Drug => {
      const before = get(id);
      try {
        remove.run(id);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          const used = usage(before.ndc11);
          const uses = usesOf(used, true);
          throw new AppError(
            'DRUG_IN_USE',
            `${before.genericName} is used by ${uses.length > 0 ? uses.join(', ') : 'other records'} and cannot be deleted; ` +
              (used.invoiceLines > 0
                ? 'the purchase records keep it.'
                : 'delete its prices first (Prices), then the drug.'),
          );
        }
        throw err;
      }
      audit.record(at, actor, 'drug', id, 'delete', before, null);
      return before;
    }),

    /** Bulk insert in one transaction (imports, benchmarks); one audit row for the batch. */
    insertMany: db.transaction((all: readonly DrugFields[], at: string, actor: string): number => {
      for (const fields of all) insert.run({ ...fields, ndcPrinted: fields.ndcPrinted ?? '', at });
      audit.record(at, actor, 'drug', '*', 'import', null, { count: all.length });
      return all.length;
    }),
  };
}
export type DrugRepository = ReturnType<typeof drugRepository>;

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What uses a drug, said in words ("3 invoice lines", "1 administration"); prices when asked. */
function usesOf(used: DrugUsage, withPrices: boolean): string[] {
  const administrations = used.openAdministrations + used.billedAdministrations;
  return [
    used.invoiceLines > 0 ? plural(used.invoiceLines, 'invoice line') : null,
    administrations > 0 ? plural(administrations, 'administration') : null,
    withPrices && used.prices > 0 ? plural(used.prices, 'AWP/WAC price') : null,
  ].filter((x) => x !== null);
}

/** The form field each billing fact is entered in, so the refusal stands next to it. */
const FIELD_OF_FACT = new Map([
  ['NDC', 'ndc'],
  ['NDC unit', 'ndcUnit'],
  ['strength', 'strengthAmount'],
  ['package size', 'packageSize'],
  ['container', 'container'],
]);
