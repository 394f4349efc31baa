/**
 * The finance reports, as sums over `line_variance` (one row per billed claim line with what was
 * expected and paid, its drug, units and acquisition cost: migrations 10 and 12). SQL only; the
 * sums are of integer cents, so they are exact. reports/report-service.ts turns them into words
 * and amounts.
 */
import type { Db } from '../db/open';
import { statementCache } from './statement-cache';

export type ReportFilter = { from?: string | undefined; to?: string | undefined; payerId?: number | undefined };

export type ExpectedVsPaidRow = {
  month: string;
  payerId: number;
  payerName: string;
  lines: number;
  paidLines: number;
  expectedPaidCents: number;
  paidCents: number;
  /** Expected payer payment of the lines a payment has reached, to compare like with like. */
  expectedOfPaidCents: number;
  underpaidCents: number;
  sequestrationCents: number;
  deniedLines: number;
};

export type MarginRow = {
  key: string;
  label: string;
  lines: number;
  paidLines: number;
  /** Lines whose estimate has no acquisition cost (made before costs were kept): left out of margin. */
  linesWithoutCost: number;
  costCents: number;
  expectedRevenueCents: number;
  /** Of the lines a payment has reached: what they cost and what payer and patient owe on them. */
  paidCostCents: number;
  revenueCents: number;
};

export type VolumeRow = {
  month: string;
  ndc11: string;
  drugName: string;
  administrations: number;
  units: number;
  billedCents: number;
  expectedRevenueCents: number;
  revenueCents: number;
};

export type DaysToPaymentRow = {
  payerId: number;
  payerName: string;
  paidLines: number;
  averageDays: number;
  longestDays: number;
  within30: number;
  within60: number;
  within90: number;
  over90: number;
};

export type AgingBucketRow = { bucket: number; lines: number; expectedCents: number };

export type AgingRow = {
  administrationId: number;
  lineKind: string;
  payerId: number;
  payerName: string;
  patientName: string;
  drugName: string;
  claimNumber: string;
  dateOfService: string;
  billedAt: string;
  hcpcs: string;
  modifiers: string;
  expectedPaidCents: number;
  expectedAllowedCents: number;
  timelyFilingDays: number | null;
};

/** Days since a claim was billed, in whole days (billed_at is a UTC timestamp; today a local date). */
const AGE_SQL = `CAST(julianday(@today) - julianday(substr(v.billed_at, 1, 10)) AS INTEGER)`;

export function reportRepository(db: Db) {
  const prepared = statementCache(db);

  function where(f: ReportFilter, extra: string[] = []) {
    const conditions = [...extra];
    const params: Record<string, string | number> = {};
    if (f.from !== undefined) {
      conditions.push('v.date_of_service >= @from');
      params.from = f.from;
    }
    if (f.to !== undefined) {
      conditions.push('v.date_of_service <= @to');
      params.to = f.to;
    }
    if (f.payerId !== undefined) {
      conditions.push('v.payer_id = @payerId');
      params.payerId = f.payerId;
    }
    return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
  }

  const PAID = `v.posted_lines > 0`;
  const REVENUE = `(v.actual_paid_cents + v.actual_patient_cents)`;
  const EXPECTED_REVENUE = `(v.expected_paid_cents + v.expected_patient_cents)`;

  return {
    expectedVsPaid(f: ReportFilter): ExpectedVsPaidRow[] {
      const w = where(f);
      return prepared(
        `SELECT substr(v.date_of_service, 1, 7) AS month, v.payer_id AS payerId, y.name AS payerName,
                count(*) AS lines, sum(${PAID}) AS paidLines,
                sum(v.expected_paid_cents) AS expectedPaidCents, sum(v.actual_paid_cents) AS paidCents,
                sum(CASE WHEN ${PAID} THEN v.expected_paid_cents ELSE 0 END) AS expectedOfPaidCents,
                sum(CASE WHEN v.status = 'underpaid' THEN v.variance_cents ELSE 0 END) AS underpaidCents,
                sum(v.actual_sequestration_cents) AS sequestrationCents,
                sum(v.status = 'denied') AS deniedLines
           FROM line_variance v JOIN payers y ON y.id = v.payer_id ${w.sql}
          GROUP BY month, v.payer_id ORDER BY month, y.name COLLATE NOCASE`,
      ).all(w.params) as ExpectedVsPaidRow[];
    },

    /** Expected and paid by month of service over every payer (Home's chart). */
    expectedVsPaidByMonth(f: ReportFilter): { month: string; expectedPaidCents: number; paidCents: number }[] {
      const w = where(f);
      return prepared(
        `SELECT substr(v.date_of_service, 1, 7) AS month, sum(v.expected_paid_cents) AS expectedPaidCents,
                sum(v.actual_paid_cents) AS paidCents
           FROM line_variance v ${w.sql} GROUP BY month ORDER BY month`,
      ).all(w.params) as { month: string; expectedPaidCents: number; paidCents: number }[];
    },

    margin(f: ReportFilter, by: 'drug' | 'payer'): MarginRow[] {
      const w = where(f);
      const group =
        by === 'drug'
          ? {
              key: 'v.ndc11',
              label: `coalesce(nullif(d.generic_name, ''), v.ndc11)`,
              join: 'LEFT JOIN drugs d ON d.ndc11 = v.ndc11',
            }
          : { key: 'v.payer_id', label: 'y.name', join: 'JOIN payers y ON y.id = v.payer_id' };
      const COST_KNOWN = 'v.acquisition_cost_cents IS NOT NULL';
      return prepared(
        `SELECT CAST(${group.key} AS TEXT) AS key, ${group.label} AS label, count(*) AS lines,
                sum(${PAID}) AS paidLines, sum(NOT (${COST_KNOWN})) AS linesWithoutCost,
                coalesce(sum(v.acquisition_cost_cents), 0) AS costCents,
                sum(CASE WHEN ${COST_KNOWN} THEN ${EXPECTED_REVENUE} ELSE 0 END) AS expectedRevenueCents,
                sum(CASE WHEN ${COST_KNOWN} AND ${PAID} THEN v.acquisition_cost_cents ELSE 0 END) AS paidCostCents,
                sum(CASE WHEN ${COST_KNOWN} AND ${PAID} THEN ${REVENUE} ELSE 0 END) AS revenueCents
           FROM line_variance v ${group.join} ${w.sql}
          GROUP BY ${group.key} ORDER BY label COLLATE NOCASE`,
      ).all(w.params) as MarginRow[];
    },

    volume(f: ReportFilter): VolumeRow[] {
      const w = where(f);
      return prepared(
        `SELECT substr(v.date_of_service, 1, 7) AS month, v.ndc11,
                coalesce(nullif(d.generic_name, ''), v.ndc11) AS drugName,
                count(DISTINCT v.administration_id) AS administrations, sum(v.units) AS units,
                sum(v.billed_cents) AS billedCents, sum(${EXPECTED_REVENUE}) AS expectedRevenueCents,
                sum(${REVENUE}) AS revenueCents
           FROM line_variance v LEFT JOIN drugs d ON d.ndc11 = v.ndc11 ${w.sql}
          GROUP BY month, v.ndc11 ORDER BY month, drugName COLLATE NOCASE`,
      ).all(w.params) as VolumeRow[];
    },

    daysToPayment(f: ReportFilter): DaysToPaymentRow[] {
      const w = where(f, [PAID, 'v.billed_at IS NOT NULL', 'v.last_payment_date IS NOT NULL']);
      const DAYS = `max(0, CAST(julianday(v.last_payment_date) - julianday(substr(v.billed_at, 1, 10)) AS INTEGER))`;
      return prepared(
        `SELECT v.payer_id AS payerId, y.name AS payerName, count(*) AS paidLines,
                round(avg(${DAYS}), 1) AS averageDays, max(${DAYS}) AS longestDays,
                sum(${DAYS} <= 30) AS within30, sum(${DAYS} BETWEEN 31 AND 60) AS within60,
                sum(${DAYS} BETWEEN 61 AND 90) AS within90, sum(${DAYS} > 90) AS over90
           FROM line_variance v JOIN payers y ON y.id = v.payer_id ${w.sql}
          GROUP BY v.payer_id ORDER BY y.name COLLATE NOCASE`,
      ).all(w.params) as DaysToPaymentRow[];
    },

    /** Unpaid lines counted by age since billing: bucket 0 = 0–30 days, 1 = 31–60, 2 = 61–90, 3 = over 90. */
    agingBuckets(f: ReportFilter, today: string): AgingBucketRow[] {
      const w = where(f, [`v.status = 'unpaid'`, 'v.billed_at IS NOT NULL']);
      return prepared(
        `SELECT CASE WHEN ${AGE_SQL} <= 30 THEN 0 WHEN ${AGE_SQL} <= 60 THEN 1 WHEN ${AGE_SQL} <= 90 THEN 2 ELSE 3 END
                  AS bucket, count(*) AS lines, sum(v.expected_paid_cents) AS expectedCents
           FROM line_variance v INDEXED BY line_variance_by_status_billed ${w.sql}
          GROUP BY bucket ORDER BY bucket`,
      ).all({ ...w.params, today }) as AgingBucketRow[];
    },

    /** Unpaid lines, oldest billing first, optionally only those billed `minAge` days ago or more. */
    aging(f: ReportFilter & { today: string; minAgeDays?: number | undefined; limit: number; offset: number }) {
      const extra = [`v.status = 'unpaid'`, 'v.billed_at IS NOT NULL'];
      const params: Record<string, string | number> = { today: f.today };
      if (f.minAgeDays !== undefined) {
        extra.push(`v.billed_at < date(@today, '-' || @minAge || ' days', '+1 day')`);
        params.minAge = f.minAgeDays;
      }
      const w = where(f, extra);
      Object.assign(params, w.params);
      const rows = prepared(
        `SELECT v.administration_id AS administrationId, v.line_kind AS lineKind, v.payer_id AS payerId,
                y.name AS payerName, p.last_name || ', ' || p.first_name AS patientName,
                coalesce(nullif(d.generic_name, ''), v.ndc11) AS drugName, v.claim_number AS claimNumber,
                v.date_of_service AS dateOfService, v.billed_at AS billedAt, v.hcpcs, v.modifiers,
                v.expected_paid_cents AS expectedPaidCents, v.expected_allowed_cents AS expectedAllowedCents,
                y.timely_filing_days AS timelyFilingDays
           FROM (SELECT v.administration_id AS aid, v.line_kind AS kind
                   FROM line_variance v INDEXED BY line_variance_by_status_billed ${w.sql}
                  ORDER BY v.billed_at, v.administration_id, v.line_kind LIMIT @limit OFFSET @offset) page
           CROSS JOIN line_variance v ON v.administration_id = page.aid AND v.line_kind = page.kind
           JOIN patients p ON p.id = v.patient_id JOIN payers y ON y.id = v.payer_id LEFT JOIN drugs d ON d.ndc11 = v.ndc11
          ORDER BY v.billed_at, v.administration_id, v.line_kind`,
      ).all({ ...params, limit: f.limit, offset: f.offset }) as AgingRow[];
      const total = prepared(`SELECT count(*) FROM line_variance v INDEXED BY line_variance_by_status_billed ${w.sql}`)
        .pluck()
        .get(params) as number;
      return { rows, total };
    },

    /** Counts for Home: lines by variance status, and unpaid lines billed `minAgeDays` ago or more. */
    statusCounts(): Record<string, number> {
      const rows = prepared(`SELECT status, count(*) AS n FROM line_variance GROUP BY status`).all() as {
        status: string;
        n: number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
  };
}
export type ReportRepository = ReturnType<typeof reportRepository>;
