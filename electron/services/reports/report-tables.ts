/**
 * Each worklist and report as a table to export: the same rows and filters as its page, with
 * column headers in the words the page uses. The variance table is read straight from the
 * repository's row stream (a million lines must not become a million view objects first).
 */
import type { Exportable } from '../../../shared/api/report-channels';
import { centsText } from '../../../shared/domain/cents-text';
import type { CellValue } from '../../../shared/domain/export-cells';
import { VARIANCE_STATUS_LABELS, type VarianceStatus } from '../../../shared/domain/variance';
import type { ExportColumn, ExportTable } from './export-file';
import { drugNameOf } from '../repositories/administrations/administration-rows';
import { lineLabel, reasonsText } from './variance-labels';
import type { ReportService } from './report-service';
import type { VarianceListRow } from '../repositories/variance-repository';

export type TableQuery = {
  report: Exportable;
  from?: string | undefined;
  to?: string | undefined;
  payerId?: number | undefined;
  status?: VarianceStatus | undefined;
  search: string;
  today: string;
};

export type VarianceExportQuery = {
  status?: VarianceStatus | undefined;
  payerId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sortDir: 'asc' | 'desc';
};

export type TableSources = {
  reports: ReportService;
  eachVariance: (q: VarianceExportQuery) => Iterable<VarianceListRow>;
  /** The same lines as eachVariance, as CSV text in chunks (variance-csv.ts), maybe read on worker threads. */
  varianceCsv: (
    q: VarianceExportQuery,
  ) => Iterable<{ text: string; rows: number }> | AsyncIterable<{ text: string; rows: number }>;
  eachUnmatched: (q: {
    payerId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    search: string;
  }) => Iterable<CellValue[]>;
  eachNeverBilled: (q: {
    from?: string | undefined;
    to?: string | undefined;
    search: string;
    today: string;
  }) => Iterable<CellValue[]>;
};

const text = (header: string): ExportColumn => ({ header, kind: 'text' });
const money = (header: string): ExportColumn => ({ header, kind: 'money' });
const count = (header: string): ExportColumn => ({ header, kind: 'count' });
const date = (header: string): ExportColumn => ({ header, kind: 'date' });

const VARIANCE_COLUMNS: readonly ExportColumn[] = [
  date('Date of service'),
  text('Claim number'),
  text('Patient'),
  text('Payer'),
  text('Drug'),
  text('Code'),
  text('Modifiers'),
  text('Line'),
  text('Status'),
  money('Expected allowed'),
  money('Expected payer paid'),
  money('Expected patient share'),
  money('Expected sequestration'),
  money('Allowed'),
  money('Paid'),
  money('Patient responsibility'),
  money('Sequestration'),
  money('Expected allowed less allowed'),
  date('Billed on'),
  date('Last payment'),
  text('Reasons'),
];

const UNMATCHED_COLUMNS: readonly ExportColumn[] = [
  text('835 file'),
  text('Payer'),
  date('Payment date'),
  text('Claim number (CLP01)'),
  text('Patient'),
  text('Code'),
  text('Modifiers'),
  date('Date of service'),
  money('Charge'),
  money('Paid'),
  text('Why it is not matched'),
];

const NEVER_BILLED_COLUMNS: readonly ExportColumn[] = [
  text('Supplier'),
  text('Invoice'),
  date('Invoice date'),
  text('NDC'),
  text('Drug'),
  text('Lot'),
  date('Expiry'),
  text('Received'),
  text('Billed'),
  text('Given, not billed yet'),
  text('Expired on the shelf'),
  text('Written off as expired'),
  text('Damaged'),
  text('Returned'),
  text('Count corrections'),
  text('Not accounted for'),
  money('Lot cost'),
  money('Cost not billed'),
];

/** One variance row as cells, in VARIANCE_COLUMNS order. */
export function varianceCells(v: VarianceListRow): CellValue[] {
  return [
    v.dateOfService,
    v.claimNumber,
    v.patientName,
    v.payerName,
    drugNameOf(v),
    v.hcpcs,
    v.modifiers.replaceAll(',', ' '),
    lineLabel(v.lineKind),
    VARIANCE_STATUS_LABELS[v.status],
    centsText(v.expectedAllowedCents),
    centsText(v.expectedPaidCents),
    centsText(v.expectedPatientCents),
    centsText(v.expectedSequestrationCents),
    centsText(v.actualAllowedCents),
    centsText(v.actualPaidCents),
    centsText(v.actualPatientCents),
    centsText(v.actualSequestrationCents),
    centsText(v.varianceCents),
    v.billedAt === null ? null : v.billedAt.slice(0, 10),
    v.lastPaymentDate,
    reasonsText(v.reasons),
  ];
}

function* mapped<T>(rows: Iterable<T>, cells: (row: T) => CellValue[]): Generator<CellValue[]> {
  for (const row of rows) yield cells(row);
}

const STEMS: Record<Exportable, string> = {
  variance: 'expected-vs-paid-lines',
  aging: 'unpaid-by-age',
  'never-billed': 'stock-never-billed',
  unmatched: 'unmatched-remittance-lines',
  'expected-vs-paid': 'expected-vs-paid-by-payer-and-month',
  'margin-by-drug': 'margin-by-drug',
  'margin-by-payer': 'margin-by-payer',
  volume: 'volume-and-revenue-by-drug',
  'days-to-payment': 'days-to-payment-by-payer',
};

/** The file name of an export: what it is, its status, and its dates. */
function fileStemOf(q: TableQuery): string {
  const status = q.report === 'variance' && q.status ? `-${q.status}` : '';
  const dates = q.from || q.to ? `-${q.from ?? 'start'}-to-${q.to ?? q.today}` : `-to-${q.today}`;
  return `${STEMS[q.report]}${status}${dates}`;
}

export function tableOf(q: TableQuery, s: TableSources): ExportTable {
  const f = { from: q.from, to: q.to, payerId: q.payerId };
  const base = { fileStem: fileStemOf(q) };
  switch (q.report) {
    case 'variance':
      return {
        ...base,
        sheetName: q.status ? VARIANCE_STATUS_LABELS[q.status] : 'Expected vs paid',
        columns: VARIANCE_COLUMNS,
        rows: mapped(s.eachVariance({ ...f, status: q.status, sortDir: 'desc' }), varianceCells),
        csvChunks: s.varianceCsv({ ...f, status: q.status, sortDir: 'desc' }),
      };
    case 'aging':
      return {
        ...base,
        sheetName: 'Unpaid by age',
        columns: [
          text('Age'),
          count('Days since billed'),
          date('Billed on'),
          date('Date of service'),
          text('Claim number'),
          text('Patient'),
          text('Payer'),
          text('Drug'),
          text('Code'),
          money('Expected payer paid'),
          date('Timely filing ends'),
          count('Days left to file'),
        ],
        rows: mapped(s.reports.eachAging({ ...f, today: q.today }), (r) => [
          r.bucket,
          r.ageDays,
          r.billedOn,
          r.dateOfService,
          r.claimNumber,
          r.patientName,
          r.payerName,
          r.drugName,
          [r.hcpcs, ...r.modifiers].join(' '),
          r.expectedPaid,
          r.timelyFilingEnds,
          r.timelyFilingDaysLeft,
        ]),
      };
    case 'unmatched':
      return {
        ...base,
        sheetName: 'Unmatched lines',
        columns: UNMATCHED_COLUMNS,
        rows: s.eachUnmatched({ ...f, search: q.search }),
      };
    case 'never-billed':
      return {
        ...base,
        sheetName: 'Stock never billed',
        columns: NEVER_BILLED_COLUMNS,
        rows: s.eachNeverBilled({ from: q.from, to: q.to, search: q.search, today: q.today }),
      };
    case 'expected-vs-paid':
      return {
        ...base,
        sheetName: 'Expected vs paid',
        columns: [
          text('Month'),
          text('Payer'),
          count('Lines'),
          count('Lines paid'),
          count('Lines denied'),
          money('Expected payer paid'),
          money('Paid'),
          money('Expected of the lines paid'),
          money('Paid less expected'),
          money('Underpaid'),
          money('Sequestration'),
        ],
        rows: mapped(s.reports.expectedVsPaid(f), (r) => [
          r.month,
          r.payerName,
          r.lines,
          r.paidLines,
          r.deniedLines,
          r.expectedPaid,
          r.paid,
          r.expectedOfPaid,
          r.difference,
          r.underpaid,
          r.sequestration,
        ]),
      };
    case 'margin-by-drug':
    case 'margin-by-payer': {
      const by = q.report === 'margin-by-drug' ? 'drug' : 'payer';
      return {
        ...base,
        sheetName: by === 'drug' ? 'Margin by drug' : 'Margin by payer',
        columns: [
          text(by === 'drug' ? 'Drug' : 'Payer'),
          count('Lines'),
          count('Lines paid'),
          count('Lines without a cost'),
          money('Acquisition cost'),
          money('Expected reimbursement'),
          money('Expected margin'),
          money('Cost of the lines paid'),
          money('Reimbursement paid'),
          money('Margin paid'),
        ],
        rows: mapped(s.reports.margin(f, by), (r) => [
          r.label,
          r.lines,
          r.paidLines,
          r.linesWithoutCost,
          r.cost,
          r.expectedRevenue,
          r.expectedMargin,
          r.paidCost,
          r.revenue,
          r.margin,
        ]),
      };
    }
    case 'volume':
      return {
        ...base,
        sheetName: 'Volume and revenue',
        columns: [
          text('Month'),
          text('Drug'),
          text('NDC'),
          count('Administrations'),
          count('Billing units'),
          money('Billed'),
          money('Expected reimbursement'),
          money('Reimbursement paid'),
        ],
        rows: mapped(s.reports.volume(f), (r) => [
          r.month,
          r.drugName,
          r.ndc11,
          r.administrations,
          r.units,
          r.billed,
          r.expectedRevenue,
          r.revenue,
        ]),
      };
    case 'days-to-payment':
      return {
        ...base,
        sheetName: 'Days to payment',
        columns: [
          text('Payer'),
          count('Lines paid'),
          count('Average days'),
          count('Longest'),
          count('Within 30 days'),
          count('31–60 days'),
          count('61–90 days'),
          count('Over 90 days'),
        ],
        rows: mapped(s.reports.daysToPayment(f), (r) => [
          r.payerName,
          r.paidLines,
          r.averageDays,
          r.longestDays,
          r.within30,
          r.within60,
          r.within90,
          r.over90,
        ]),
      };
  }
}
