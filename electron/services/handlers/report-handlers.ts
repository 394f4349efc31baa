/** Finance staff's worklists, reports, exports and Home's summary of the day's work. */
import { centsText } from '../../../shared/domain/cents-text';
import { monthsEnding } from '../../../shared/domain/months';
import type { ServiceContext } from '../context';
import { appealLetters } from '../remittances/appeal-letter';
import { csvBytes, xlsxBytes } from '../reports/export-file';
import { neverBilledStock } from '../reports/never-billed';
import { reportService } from '../reports/report-service';
import { tableOf } from '../reports/report-tables';
import { databaseAccess, tableSourcesOver } from '../reports/table-sources';
import { administrationRepository } from '../repositories/administration-repository';
import type { AuditLog } from '../repositories/audit-log';
import { stockRepository } from '../repositories/stock-repository';
import type { HandlersFor, SharedServices } from './handler-types';
import { realDates } from './real-date';

export function reportHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
  { variance, records }: SharedServices,
): HandlersFor<
  | 'reports:expectedVsPaid'
  | 'reports:margin'
  | 'reports:volume'
  | 'reports:daysToPayment'
  | 'worklists:aging'
  | 'worklists:neverBilled'
  | 'worklists:appealLetter'
  | 'reports:export'
  | 'home:summary'
> {
  const reports = reportService(ctx.db);
  const neverBilled = neverBilledStock(ctx.db);
  const administrations = administrationRepository(ctx.db);
  const stock = stockRepository(ctx.db, audit);
  const letters = appealLetters(ctx);

  const sources = tableSourcesOver({
    reports,
    variance,
    records,
    neverBilled,
    parallel: { database: databaseAccess(ctx) },
  });

  return {
    'reports:expectedVsPaid': (f) => ({ rows: reports.expectedVsPaid(realDates(f)) }),
    'reports:margin': ({ by, ...f }) => ({ rows: reports.margin(realDates(f), by) }),
    'reports:volume': (f) => ({ rows: reports.volume(realDates(f)) }),
    'reports:daysToPayment': (f) => ({ rows: reports.daysToPayment(realDates(f)) }),
    'worklists:aging': (q) => reports.aging({ ...realDates(q), today: ctx.today() }),
    'worklists:neverBilled': (q) => neverBilled.list({ ...realDates(q), today: ctx.today() }),
    'worklists:appealLetter': async ({ administrationId }) => {
      const { fileName, bytes } = await letters.letterOf(administrationId);
      return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
    },
    'reports:export': async ({ format, ...q }) => {
      const table = tableOf({ ...realDates(q), today: ctx.today() }, sources);
      const { bytes, rows } = format === 'csv' ? await csvBytes(table) : await xlsxBytes(table);
      return { fileName: `${table.fileStem}.${format}`, contentBase64: bytes.toString('base64'), rows };
    },
    'home:summary': () => {
      const today = ctx.today();
      const counts = reports.statusCounts();
      const twelve = monthsEnding(today.slice(0, 7), 12);
      const byMonth = new Map(
        reports.expectedVsPaidByMonth({ from: `${twelve[0]}-01`, to: today }).map((r) => [r.month, r]),
      );
      const months = twelve.map((month) => ({
        month,
        expectedPaid: centsText(byMonth.get(month)?.expectedPaidCents ?? 0),
        paid: centsText(byMonth.get(month)?.paidCents ?? 0),
      }));
      const administrationCount = (q: Omit<Parameters<typeof administrations.list>[0], 'limit' | 'offset'>) =>
        administrations.list({ ...q, limit: 1, offset: 0 }).total;
      return {
        notReadyToBill: administrationCount({
          status: 'draft',
          readiness: 'not-ready',
          search: '',
          sortBy: 'dateOfService',
          sortDir: 'desc',
        }),
        readyWithoutAttachment: administrationCount({
          status: 'ready',
          readiness: 'all',
          noAttachment: true,
          search: '',
          sortBy: 'dateOfService',
          sortDir: 'desc',
        }),
        underpaidLines: counts.underpaid ?? 0,
        deniedLines: counts.denied ?? 0,
        unpaidOver60Days: reports.unpaidOlderThan(today, 61),
        lotsExpiringIn30Days: stock.list({
          search: '',
          status: 'expiring',
          expiringWithinDays: 30,
          includeEmpty: false,
          today,
          limit: 1,
          offset: 0,
        }).total,
        unmatchedLines: records.unmatched({ search: '', limit: 1, offset: 0 }).total,
        months,
      };
    },
  };
}
