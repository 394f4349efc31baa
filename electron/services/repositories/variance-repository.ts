/**
 * Expected versus paid per claim line, kept in `line_variance` (migration 10) so the worklists and
 * the variance report page through an index over a million claims instead of reading each
 * estimate. SQL only; remittances/variance-service.ts decides what the rows say.
 */
import type { LineKind } from '../../../shared/domain/remittance';
import type { VarianceStatus } from '../../../shared/domain/variance';
import type { OrderedRead } from '../db/parallel-ordered-read';
import { csvRunSql } from './csv-sql';
import { dayRanges } from './day-ranges';
import type { Db } from '../db/open';
import { statementCache } from './statement-cache';
import { appSettings } from './app-settings';
import { PATIENT_NAME_SQL } from './administrations/administration-rows';

export type VarianceRow = {
  administrationId: number;
  lineKind: LineKind;
  payerId: number;
  dateOfService: string;
  billedAt: string | null;
  hcpcs: string;
  modifiers: string;
  ndc11: string;
  claimNumber: string;
  patientId: number;
  /** Billing units of the line (HCPCS units). */
  units: number;
  billedCents: number;
  /** The line's share of what the drug cost; null when the estimate predates acquisition costs. */
  acquisitionCostCents: number | null;
  expectedAllowedCents: number;
  expectedPaidCents: number;
  expectedPatientCents: number;
  expectedSequestrationCents: number;
  actualAllowedCents: number;
  actualPaidCents: number;
  actualPatientCents: number;
  actualSequestrationCents: number;
  postedLines: number;
  lastPaymentDate: string | null;
  status: VarianceStatus;
  varianceCents: number;
  reasons: string;
};

export type VarianceListRow = VarianceRow & {
  payerName: string;
  patientName: string;
  genericName: string;
  brandName: string;
};

/**
 * Integer cents as CSV money text, written by SQLite (csv-sql.ts), for the nine amounts of the
 * export, then the billing date and the last payment: one run of CSV fields per line.
 */
const VARIANCE_CSV_AMOUNTS = csvRunSql(
  [
    'v.expected_allowed_cents',
    'v.expected_paid_cents',
    'v.expected_patient_cents',
    'v.expected_sequestration_cents',
    'v.actual_allowed_cents',
    'v.actual_paid_cents',
    'v.actual_patient_cents',
    'v.actual_sequestration_cents',
    'v.variance_cents',
  ],
  [`coalesce(substr(v.billed_at, 1, 10), '')`, `coalesce(v.last_payment_date, '')`],
);

/**
 * One line of the variance CSV before assembly (eachForCsv): names by id; the code, modifiers,
 * line, status and reasons together as the JSON text of VarianceLineFacts (a report of a million
 * lines has a few hundred different ones, so each is read once, and the driver makes one string
 * instead of five); the amounts already written.
 */
export type VarianceCsvParts = [
  dateOfService: string,
  claimNumber: string,
  patientId: number,
  payerId: number,
  drugId: number,
  lineFacts: string,
  amounts: string,
];
export type VarianceLineFacts = [
  hcpcs: string,
  modifiers: string,
  lineKind: LineKind,
  status: VarianceStatus,
  reasons: string,
];

export type VarianceQuery = {
  status?: VarianceStatus | undefined;
  payerId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sortDir: 'asc' | 'desc';
  limit: number;
  offset: number;
};

const COLUMNS = `v.administration_id AS administrationId, v.line_kind AS lineKind, v.payer_id AS payerId,
  v.date_of_service AS dateOfService, v.billed_at AS billedAt, v.hcpcs, v.modifiers,
  v.ndc11, v.claim_number AS claimNumber, v.patient_id AS patientId, v.units, v.billed_cents AS billedCents, v.acquisition_cost_cents AS acquisitionCostCents,
  v.expected_allowed_cents AS expectedAllowedCents, v.expected_paid_cents AS expectedPaidCents,
  v.expected_patient_cents AS expectedPatientCents, v.expected_sequestration_cents AS expectedSequestrationCents,
  v.actual_allowed_cents AS actualAllowedCents, v.actual_paid_cents AS actualPaidCents,
  v.actual_patient_cents AS actualPatientCents, v.actual_sequestration_cents AS actualSequestrationCents,
  v.posted_lines AS postedLines, v.last_payment_date AS lastPaymentDate, v.status, v.variance_cents AS varianceCents,
  v.reasons`;

/** eachForCsv's query (VarianceCsvParts), newest date of service first unless asked otherwise. */
function csvSql(whereSql: string, sortDir: 'asc' | 'desc'): string {
  const dir = sortDir === 'asc' ? 'ASC' : 'DESC';
  return `SELECT v.date_of_service, v.claim_number, v.patient_id, v.payer_id, d.id,
                 json_array(v.hcpcs, v.modifiers, v.line_kind, v.status, v.reasons), ${VARIANCE_CSV_AMOUNTS}
            FROM line_variance v JOIN drugs d ON d.ndc11 = v.ndc11 ${whereSql}
           ORDER BY v.date_of_service ${dir}, v.administration_id ${dir}, v.line_kind`;
}

/** Which VarianceCsvParts repeat from line to line (all but the claim number and the amounts). */
const CSV_PARTS_REPEATED = [true, false, true, true, true, true, false] as const;

export function varianceRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO line_variance (administration_id, line_kind, payer_id, date_of_service, billed_at, hcpcs, modifiers,
       ndc11, claim_number, patient_id, units, billed_cents, acquisition_cost_cents, expected_allowed_cents, expected_paid_cents, expected_patient_cents, expected_sequestration_cents,
       actual_allowed_cents, actual_paid_cents, actual_patient_cents, actual_sequestration_cents, posted_lines,
       last_payment_date, status, variance_cents, reasons)
     VALUES (@administrationId, @lineKind, @payerId, @dateOfService, @billedAt, @hcpcs, @modifiers,
       @ndc11, @claimNumber, @patientId, @units, @billedCents, @acquisitionCostCents, @expectedAllowedCents, @expectedPaidCents, @expectedPatientCents, @expectedSequestrationCents,
       @actualAllowedCents, @actualPaidCents, @actualPatientCents, @actualSequestrationCents, @postedLines,
       @lastPaymentDate, @status, @varianceCents, @reasons)
     ON CONFLICT (administration_id, line_kind) DO UPDATE SET
       payer_id = excluded.payer_id, date_of_service = excluded.date_of_service, billed_at = excluded.billed_at,
       hcpcs = excluded.hcpcs, modifiers = excluded.modifiers, ndc11 = excluded.ndc11, claim_number = excluded.claim_number, patient_id = excluded.patient_id,
       units = excluded.units,
       billed_cents = excluded.billed_cents, acquisition_cost_cents = excluded.acquisition_cost_cents,
       expected_allowed_cents = excluded.expected_allowed_cents, expected_paid_cents = excluded.expected_paid_cents,
       expected_patient_cents = excluded.expected_patient_cents,
       expected_sequestration_cents = excluded.expected_sequestration_cents,
       actual_allowed_cents = excluded.actual_allowed_cents, actual_paid_cents = excluded.actual_paid_cents,
       actual_patient_cents = excluded.actual_patient_cents,
       actual_sequestration_cents = excluded.actual_sequestration_cents, posted_lines = excluded.posted_lines,
       last_payment_date = excluded.last_payment_date, status = excluded.status,
       variance_cents = excluded.variance_cents, reasons = excluded.reasons`,
  );
  const removeOf = db.prepare(`DELETE FROM line_variance WHERE administration_id = ?`);
  const ofAdministration = db.prepare(
    `SELECT ${COLUMNS} FROM line_variance v WHERE v.administration_id = ? ORDER BY v.line_kind`,
  );
  const settings = appSettings(db);
  const patientName = db.prepare(`SELECT ${PATIENT_NAME_SQL} FROM patients p WHERE p.id = ?`).pluck();
  const payerName = db.prepare(`SELECT name FROM payers WHERE id = ?`).pluck();
  const drugNames = db.prepare(`SELECT generic_name AS genericName, brand_name AS brandName FROM drugs WHERE id = ?`);
  const allIds = db.prepare(`SELECT DISTINCT administration_id FROM line_variance ORDER BY administration_id`).pluck();
  const prepared = statementCache(db);

  /** The WHERE clause and parameters of a query, and the index its first condition walks. */
  function filter(q: Omit<VarianceQuery, 'limit' | 'offset' | 'sortDir'>) {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (q.status !== undefined) {
      where.push('v.status = @status');
      params.status = q.status;
    }
    if (q.payerId !== undefined) {
      where.push('v.payer_id = @payerId');
      params.payerId = q.payerId;
    }
    if (q.from !== undefined) {
      where.push('v.date_of_service >= @from');
      params.from = q.from;
    }
    if (q.to !== undefined) {
      where.push('v.date_of_service <= @to');
      params.to = q.to;
    }
    return { whereSql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  // The line carries its claim number, patient and drug (migration 12): no administration row is read.
  const JOINS = `JOIN patients p ON p.id = v.patient_id JOIN payers y ON y.id = v.payer_id
    JOIN drugs d ON d.ndc11 = v.ndc11`;
  const NAMES = `y.name AS payerName, ${PATIENT_NAME_SQL} AS patientName, d.generic_name AS genericName,
    d.brand_name AS brandName`;

  return {
    upsert: (row: VarianceRow): void => {
      upsert.run(row);
    },
    removeOf: (administrationId: number): void => {
      removeOf.run(administrationId);
    },
    ofAdministration: (administrationId: number): VarianceRow[] =>
      ofAdministration.all(administrationId) as VarianceRow[],
    allAdministrationIds: (): number[] => allIds.all() as number[],

    /** A page of claim lines, newest date of service first (or oldest), with the total. */
    list(q: VarianceQuery): { rows: VarianceListRow[]; total: number } {
      const { whereSql, params } = filter(q);
      const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
      const rows = prepared(
        `SELECT ${COLUMNS}, ${NAMES}
           FROM (SELECT v.administration_id AS aid, v.line_kind AS kind FROM line_variance v ${whereSql}
                 ORDER BY v.date_of_service ${dir}, v.administration_id ${dir}, v.line_kind LIMIT @limit OFFSET @offset) page
           CROSS JOIN line_variance v ON v.administration_id = page.aid AND v.line_kind = page.kind
           ${JOINS}
          ORDER BY v.date_of_service ${dir}, v.administration_id ${dir}, v.line_kind`,
      ).all({ ...params, limit: q.limit, offset: q.offset }) as VarianceListRow[];
      const total = prepared(`SELECT count(*) FROM line_variance v ${whereSql}`).pluck().get(params) as number;
      return { rows, total };
    },

    /** Every row of a query, streamed by SQLite one at a time, for exports (never all in memory). */
    *each(q: Omit<VarianceQuery, 'limit' | 'offset'>): Generator<VarianceListRow> {
      const { whereSql, params } = filter(q);
      const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
      const statement = prepared(
        `SELECT ${COLUMNS}, ${NAMES} FROM line_variance v ${JOINS} ${whereSql}
          ORDER BY v.date_of_service ${dir}, v.administration_id ${dir}, v.line_kind`,
      );
      for (const row of statement.iterate(params)) yield row as VarianceListRow;
    },

    /**
     * The same rows as `each`, for the CSV export of a million lines: each an array of the few
     * values that differ from line to line, names by id (see `names`), and the amounts and dates
     * already written by SQLite as one run of CSV fields (VARIANCE_CSV_AMOUNTS). No administration
     * row is read: the line carries its claim number and patient (migration 12).
     */
    *eachForCsv(q: Omit<VarianceQuery, 'limit' | 'offset'>): Generator<VarianceCsvParts> {
      const { whereSql, params } = filter(q);
      const statement = prepared(csvSql(whereSql, q.sortDir)).raw(true);
      for (const row of statement.iterate(params)) yield row as VarianceCsvParts;
    },

    /**
     * eachForCsv's rows cut into about `count` runs of whole days (day-ranges.ts), for readers
     * working at once (db/parallel-ordered-read.ts), and how many lines there are in all. Counting
     * the lines per day walks the date index only.
     */
    csvReadInRanges(q: Omit<VarianceQuery, 'limit' | 'offset'>, count: number): { read: OrderedRead; lines: number } {
      const { whereSql, params } = filter(q);
      const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
      const days = prepared(
        `SELECT v.date_of_service, count(*) FROM line_variance v ${whereSql} GROUP BY v.date_of_service ORDER BY v.date_of_service ${dir}`,
      )
        .raw(true)
        .all(params) as [string, number][];
      const inRange = `v.date_of_service BETWEEN @rangeFrom AND @rangeTo`;
      const ranges = dayRanges(days, count).map(({ first, last }) => ({
        ...params,
        rangeFrom: first < last ? first : last,
        rangeTo: first < last ? last : first,
      }));
      return {
        read: {
          sql: csvSql(whereSql ? `${whereSql} AND ${inRange}` : `WHERE ${inRange}`, q.sortDir),
          ranges,
          repeated: CSV_PARTS_REPEATED,
        },
        lines: days.reduce((sum, [, lines]) => sum + lines, 0),
      };
    },

    /** The names the CSV rows refer to by id, each read when first met. */
    names: {
      patient: (id: number): string => (patientName.get(id) as string | undefined) ?? '',
      payer: (id: number): string => (payerName.get(id) as string | undefined) ?? '',
      drug: (id: number): { genericName: string; brandName: string } =>
        (drugNames.get(id) as { genericName: string; brandName: string } | undefined) ?? {
          genericName: '',
          brandName: '',
        },
    },

    /** The tolerance within which a line counts as paid as expected, in cents (default $1.00). */
    toleranceText: (): string => settings.get('variance_tolerance') ?? '1.00',
    setToleranceText: (value: string): void => {
      settings.set('variance_tolerance', value);
    },
  };
}
export type VarianceRepository = ReturnType<typeof varianceRepository>;
