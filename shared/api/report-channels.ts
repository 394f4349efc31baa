/**
 * The contract's channels for finance staff (issue 12): the worklists (unpaid by age, appeal
 * letters, stock never billed), the reports behind the charts, their exports and Home's summary.
 * Underpaid and denied lines are `variance:list` with a status. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { AGING_BUCKETS } from '../domain/aging';
import { idSchema, optionalIsoDate, pageFields } from '../domain/field-rules';
import { LINE_KINDS } from '../domain/remittance';
import { neverBilledLotSchema } from '../domain/stock-loss';
import { VARIANCE_STATUSES } from '../domain/variance';

const money = z.string();
const count = z.number().int();

export const reportFilterSchema = z.object({
  from: optionalIsoDate,
  to: optionalIsoDate,
  payerId: idSchema.optional(),
});
export type ReportFilterInput = z.input<typeof reportFilterSchema>;

export const expectedVsPaidRowSchema = z.object({
  month: z.string(),
  payerId: idSchema,
  payerName: z.string(),
  lines: count,
  paidLines: count,
  deniedLines: count,
  expectedPaid: money,
  paid: money,
  /** Expected of the lines a payment has reached, and paid − that. */
  expectedOfPaid: money,
  difference: money,
  underpaid: money,
  sequestration: money,
});
export type ExpectedVsPaidRowView = z.output<typeof expectedVsPaidRowSchema>;

export const marginRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  lines: count,
  paidLines: count,
  linesWithoutCost: count,
  cost: money,
  expectedRevenue: money,
  expectedMargin: money,
  paidCost: money,
  revenue: money,
  margin: money,
});
export type MarginRowView = z.output<typeof marginRowSchema>;

export const volumeRowSchema = z.object({
  month: z.string(),
  ndc11: z.string(),
  drugName: z.string(),
  administrations: count,
  units: count,
  billed: money,
  expectedRevenue: money,
  revenue: money,
});
export type VolumeRowView = z.output<typeof volumeRowSchema>;

export const daysToPaymentRowSchema = z.object({
  payerId: idSchema,
  payerName: z.string(),
  paidLines: count,
  averageDays: z.number(),
  longestDays: count,
  within30: count,
  within60: count,
  within90: count,
  over90: count,
});
export type DaysToPaymentRowView = z.output<typeof daysToPaymentRowSchema>;

export const agingRowSchema = z.object({
  administrationId: idSchema,
  lineKind: z.enum(LINE_KINDS),
  payerId: idSchema,
  payerName: z.string(),
  patientName: z.string(),
  drugName: z.string(),
  claimNumber: z.string(),
  dateOfService: z.string(),
  billedOn: z.string(),
  ageDays: count,
  bucket: z.enum(AGING_BUCKETS),
  hcpcs: z.string(),
  modifiers: z.array(z.string()),
  expectedPaid: money,
  timelyFilingDays: count.nullable(),
  /** Date of service + the payer's timely filing limit; null when the payer profile has none. */
  timelyFilingEnds: z.string().nullable(),
  timelyFilingDaysLeft: count.nullable(),
});
export type AgingRowView = z.output<typeof agingRowSchema>;

export const agingQuerySchema = reportFilterSchema.extend({
  minAgeDays: z.number().int().min(0).max(3650).optional(),
  ...pageFields,
});

export const neverBilledQuerySchema = z.object({
  from: optionalIsoDate,
  to: optionalIsoDate,
  search: z.string().trim().max(100).default(''),
  ...pageFields,
});

/** What can be exported, each with the filters of its page. */
export const EXPORTABLE = [
  'variance',
  'aging',
  'never-billed',
  'unmatched',
  'expected-vs-paid',
  'margin-by-drug',
  'margin-by-payer',
  'volume',
  'days-to-payment',
] as const;
export type Exportable = (typeof EXPORTABLE)[number];

export const exportQuerySchema = z.object({
  report: z.enum(EXPORTABLE),
  format: z.enum(['csv', 'xlsx']),
  from: optionalIsoDate,
  to: optionalIsoDate,
  payerId: idSchema.optional(),
  /** Variance lines of one status (the underpaid and denied worklists). */
  status: z.enum(VARIANCE_STATUSES).optional(),
  search: z.string().trim().max(100).default(''),
});
export type ExportQueryInput = z.input<typeof exportQuerySchema>;

export const homeSummarySchema = z.object({
  notReadyToBill: count,
  readyWithoutAttachment: count,
  underpaidLines: count,
  deniedLines: count,
  unpaidOver60Days: count,
  lotsExpiringIn30Days: count,
  unmatchedLines: count,
  /** The last 12 months (oldest first), expected and paid by date of service. */
  months: z.array(z.object({ month: z.string(), expectedPaid: money, paid: money })),
});
export type HomeSummary = z.output<typeof homeSummarySchema>;

export const reportChannels = {
  'reports:expectedVsPaid': {
    summary: 'Expected against paid by payer and month of service.',
    args: reportFilterSchema,
    result: z.object({ rows: z.array(expectedVsPaidRowSchema) }),
  },
  'reports:margin': {
    summary: 'Reimbursement less acquisition cost, by drug or by payer.',
    args: reportFilterSchema.extend({ by: z.enum(['drug', 'payer']) }),
    result: z.object({ rows: z.array(marginRowSchema) }),
  },
  'reports:volume': {
    summary: 'J3490 administrations, units and revenue by drug and month of service.',
    args: reportFilterSchema,
    result: z.object({ rows: z.array(volumeRowSchema) }),
  },
  'reports:daysToPayment': {
    summary: 'Days from billing to payment by payer.',
    args: reportFilterSchema,
    result: z.object({ rows: z.array(daysToPaymentRowSchema) }),
  },
  'worklists:aging': {
    summary: 'Unpaid claim lines by age since billing, with the payer’s timely filing limit, oldest first.',
    args: agingQuerySchema,
    result: z.object({
      buckets: z.array(z.object({ bucket: z.enum(AGING_BUCKETS), lines: count, expectedPaid: money })),
      rows: z.array(agingRowSchema),
      total: count,
    }),
  },
  'worklists:neverBilled': {
    summary: 'Lots used up or expired with stock that no billed administration accounts for.',
    args: neverBilledQuerySchema,
    result: z.object({ rows: z.array(neverBilledLotSchema), total: count }),
  },
  'worklists:appealLetter': {
    summary: 'The appeal letter (PDF) of an administration’s underpaid or denied lines.',
    args: z.object({ administrationId: idSchema }),
    result: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
  'reports:export': {
    summary: 'A worklist or report as a CSV or XLSX file, with the filters of its page.',
    args: exportQuerySchema,
    result: z.object({ fileName: z.string(), contentBase64: z.string(), rows: count }),
  },
  'home:summary': {
    summary: 'The day’s work at a glance: what is waiting, by list, and expected against paid over 12 months.',
    args: z.object({}),
    result: homeSummarySchema,
  },
} as const satisfies Record<string, ChannelSpec>;
