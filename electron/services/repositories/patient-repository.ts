/**
 * Patients, with the minimum a claim needs. The account/MRN is unique (PATIENT_ACCOUNT_TAKEN),
 * compared exactly as the database's UNIQUE constraint does; the payer, when given, must exist.
 * Every change is audited in the transaction that makes it.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { Patient, patientInputSchema } from '../../../shared/domain/patient';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from './audit-log';
import { foldedContains } from './search-text';

export type PatientFields = z.output<typeof patientInputSchema>;

const COLUMNS = `p.id, p.last_name AS lastName, p.first_name AS firstName, p.date_of_birth AS dateOfBirth,
  p.account_number AS accountNumber, p.payer_id AS payerId, y.name AS payerName, p.member_id AS memberId,
  p.created_at AS createdAt, p.updated_at AS updatedAt, p.row_version AS version`;
const FROM = `FROM patients p LEFT JOIN payers y ON y.id = p.payer_id`;

// A search is split into words, each of which must match a name, the account or the member ID:
// "smith jo" finds John Smith. Past this many words the rest are ignored (a bounded set of shapes).
const MAX_SEARCH_WORDS = 6;

export function patientRepository(db: Db, audit: AuditLog) {
  const byId = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE p.id = ?`);
  const byAccount = db.prepare(`SELECT id, last_name AS lastName, first_name AS firstName FROM patients
    WHERE account_number = ?`);
  const payerExists = db.prepare(`SELECT 1 FROM payers WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO patients (last_name, first_name, date_of_birth, account_number, payer_id, member_id, created_at, updated_at)
     VALUES (@lastName, @firstName, @dateOfBirth, @accountNumber, @payerId, @memberId, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE patients SET last_name = @lastName, first_name = @firstName, date_of_birth = @dateOfBirth,
       account_number = @accountNumber, payer_id = @payerId, member_id = @memberId, updated_at = @at
     WHERE id = @id`,
  );
  const remove = db.prepare(`DELETE FROM patients WHERE id = ?`);
  const firstService = db.prepare(`SELECT min(date_of_service) FROM administrations WHERE patient_id = ?`).pluck();
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  const get = (id: number): Patient => {
    const row = byId.get(id) as Patient | undefined;
    if (!row) throw new AppError('PATIENT_NOT_FOUND', `There is no patient with id ${id}; it may have been deleted.`);
    return row;
  };

  /** A date of birth cannot be after today, nor after a date of service the patient already has. */
  const checkBirth = (fields: PatientFields, today: string, id?: number): void => {
    if (fields.dateOfBirth > today) {
      throw fieldError(
        'dateOfBirth',
        'DATE_OF_BIRTH_IN_FUTURE',
        `Date of birth ${fields.dateOfBirth} is after today (${today}); check the year.`,
      );
    }
    const first = id === undefined ? null : (firstService.get(id) as string | null);
    if (first !== null && fields.dateOfBirth > first) {
      throw fieldError(
        'dateOfBirth',
        'DATE_OF_BIRTH_AFTER_SERVICE',
        `Date of birth ${fields.dateOfBirth} is after this patient's first date of service (${first}); check both dates.`,
      );
    }
  };

  const check = (fields: PatientFields, exceptId?: number): void => {
    const other = byAccount.get(fields.accountNumber) as
      { id: number; lastName: string; firstName: string } | undefined;
    if (other && other.id !== exceptId) {
      throw fieldError(
        'accountNumber',
        'PATIENT_ACCOUNT_TAKEN',
        `Account / MRN ${fields.accountNumber} already belongs to ${other.lastName}, ${other.firstName}.`,
      );
    }
    if (fields.payerId !== null && !payerExists.get(fields.payerId)) {
      throw fieldError(
        'payerId',
        'PAYER_NOT_FOUND',
        `There is no payer with id ${fields.payerId}; it may have been deleted. Choose another.`,
      );
    }
  };

  const administrationsOf = db.prepare(`SELECT count(*) AS n FROM administrations WHERE patient_id = ?`);

  return {
    get,

    list(q: { search: string; limit: number; offset: number }): { rows: Patient[]; total: number } {
      const params: Record<string, string | number> = { limit: q.limit, offset: q.offset };
      const words = q.search
        .split(/[\s,]+/)
        .filter(Boolean)
        .slice(0, MAX_SEARCH_WORDS);
      // Each word in a name, account/MRN or member ID, ignoring case and accents.
      const where = words.map((word, i) =>
        foldedContains(['p.last_name', 'p.first_name', 'p.account_number', 'p.member_id'], word, `w${i}`, params),
      );
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = prepared(
        `SELECT ${COLUMNS} ${FROM} ${whereSql}
          ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT @limit OFFSET @offset`,
      ).all(params) as Patient[];
      const { total } = prepared(`SELECT count(*) AS total ${FROM} ${whereSql}`).get(params) as { total: number };
      return { rows, total };
    },

    create: db.transaction((fields: PatientFields, at: string, actor: string): Patient => {
      checkBirth(fields, at.slice(0, 10));
      check(fields);
      const { lastInsertRowid } = insert.run({ ...fields, at });
      const created = get(Number(lastInsertRowid));
      audit.record(at, actor, 'patient', created.id, 'create', null, created);
      return created;
    }),

    update: db.transaction((id: number, fields: PatientFields, at: string, actor: string): Patient => {
      const before = get(id);
      checkBirth(fields, at.slice(0, 10), id);
      check(fields, id);
      update.run({ ...fields, id, at });
      const after = get(id);
      audit.record(at, actor, 'patient', id, 'update', before, after);
      return after;
    }),

    delete: db.transaction((id: number, at: string, actor: string): Patient => {
      const before = get(id);
      // Their claims must keep their patient: refuse while administrations name them.
      const { n } = administrationsOf.get(id) as { n: number };
      if (n > 0) {
        throw new AppError(
          'PATIENT_IN_USE',
          `${before.firstName} ${before.lastName} has ${n} administration${n === 1 ? '' : 's'} and cannot be deleted.`,
        );
      }
      remove.run(id);
      audit.record(at, actor, 'patient', id, 'delete', before, null);
      return before;
    }),
  };
}
export type PatientRepository = ReturnType<typeof patientRepository>;
