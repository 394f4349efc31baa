/**
 * The reports and the aging worklist for finance staff (issue 12, items 6–8): the repository's
 * sums of integer cents, written as exact amounts, with the figures derived from them (margin,
 * paid − expected) computed on whole cents, and each unpaid line's age and timely filing day.
 */
import { agingBucket, AGING_BUCKETS, timelyFiling } from '../../../shared/domain/aging';
import { centsText } from '../../../shared/domain/cents-text';
import { daysBetween } from '../../../shared/domain/iso-date';
import type {
  AgingRowView,
  DaysToPaymentRowView,
  ExpectedVsPaidRowView,
  MarginRowView,
  VolumeRowView,
} from '../../../shared/api/report-channels';
import { LINE_KINDS } from '../../../shared/domain/remittance';
import type { Db } from '../db/open';
import { reportRepository, type AgingRow, type ReportFilter } from '../repositories/report-repository';

/** Whole cents stay exact in a double up to 2^53; sums of a practice's lines are far below. */
const minus = (a: number, b: number): number => {
  const r = a - b;
  if (!Number.isSafeInteger(r)) throw new RangeError('An amount is too large to report.');
  return r;
};

export function reportService(db: Db) {
  const reports = reportRepository(db);

  function agingView(r: AgingRow, today: string): AgingRowView {
    const billedOn = r.billedAt.slice(0, 10);
    const ageDays = Math.max(0, daysBetween(billedOn, today));
    const filing = timelyFiling(r.dateOfService, r.timelyFilingDays, today);
    return {
      administrationId: r.administrationId,
      lineKind: LINE_KINDS.find((k) => k === r.lineKind) ?? 'given',
      payerId: r.payerId,
      payerName: r.payerName,
      patientName: r.patientName,
      drugName: r.drugName,
      claimNumber: r.claimNumber,
      dateOfService: r.dateOfService,
      billedOn,
      ageDays,
      bucket: agingBucket(ageDays),
      hcpcs: r.hcpcs,
      modifiers: r.modifiers === '' ? [] : r.modifiers.split(','),
      expectedPaid: centsText(r.expectedPaidCents),
      timelyFilingDays: r.timelyFilingDays,
      timelyFilingEnds: filing?.ends ?? null,
      timelyFilingDaysLeft: filing?.daysLeft ?? null,
    };
  }

  return {
    expectedVsPaid(f: ReportFilter): ExpectedVsPaidRowView[] {
      return reports.expectedVsPaid(f).map((r) => ({
        month: r.month,
        payerId: r.payerId,
        payerName: r.payerName,
        lines: r.lines,
        paidLines: r.paidLines,
        deniedLines: r.deniedLines,
        expectedPaid: centsText(r.expectedPaidCents),
        paid: centsText(r.paidCents),
        expectedOfPaid: centsText(r.expectedOfPaidCents),
        difference: centsText(minus(r.paidCents, r.expectedOfPaidCents)),
        underpaid: centsText(r.underpaidCents),
        sequestration: centsText(r.sequestrationCents),
      }));
    },

    margin(f: ReportFilter, by: 'drug' | 'payer'): MarginRowView[] {
      return reports.margin(f, by).map((r) => ({
        key: r.key,
        label: r.label,
        lines: r.lines,
        paidLines: r.paidLines,
        linesWithoutCost: r.linesWithoutCost,
        cost: centsText(r.costCents),
        expectedRevenue: centsText(r.expectedRevenueCents),
        expectedMargin: centsText(minus(r.expectedRevenueCents, r.costCents)),
        paidCost: centsText(r.paidCostCents),
        revenue: centsText(r.revenueCents),
        margin: centsText(minus(r.revenueCents, r.paidCostCents)),
      }));
    },

    volume(f: ReportFilter): VolumeRowView[] {
      return reports.volume(f).map((r) => ({
        month: r.month,
        ndc11: r.ndc11,
        drugName: r.drugName,
        administrations: r.administrations,
        units: r.units,
        billed: centsText(r.billedCents),
        expectedRevenue: centsText(r.expectedRevenueCents),
        revenue: centsText(r.revenueCents),
      }));
    },

    daysToPayment(f: ReportFilter): DaysToPaymentRowView[] {
      return reports.daysToPayment(f);
    },

    aging(q: ReportFilter & { today: string; minAgeDays?: number | undefined; limit: number; offset: number }) {
      const counted = new Map(reports.agingBuckets(q, q.today).map((b) => [b.bucket, b]));
      const buckets = AGING_BUCKETS.map((bucket, i) => ({
        bucket,
        lines: counted.get(i)?.lines ?? 0,
        expectedPaid: centsText(counted.get(i)?.expectedCents ?? 0),
      }));
      const { rows, total } = reports.aging(q);
      return { buckets, rows: rows.map((r) => agingView(r, q.today)), total };
    },

    /** Every unpaid line of a filter, oldest billing first, a page at a time (for exports). */
    *eachAging(q: ReportFilter & { today: string; minAgeDays?: number | undefined }): Generator<AgingRowView> {
      const limit = 1000;
      for (let offset = 0; ; offset += limit) {
        const { rows } = reports.aging({ ...q, limit, offset });
        for (const r of rows) yield agingView(r, q.today);
        if (rows.length < limit) return;
      }
    },

    statusCounts: reports.statusCounts,
    expectedVsPaidByMonth: reports.expectedVsPaidByMonth,
    unpaidOlderThan(today: string, days: number): number {
      return reports.aging({ today, minAgeDays: days, limit: 1, offset: 0 }).total;
    },
  };
}
export type ReportService = ReturnType<typeof reportService>;
