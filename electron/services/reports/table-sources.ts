/** Where each exportable table reads its rows, over one database (report-tables.ts lays them out). */
import type { CellValue } from '../../../shared/domain/export-cells';
import type { ServiceContext } from '../context';
import type { Db } from '../db/open';
import type { DatabaseFileAccess } from '../db/parallel-ordered-read';
import { remittanceRecords, type RemittanceRecords } from '../remittances/remittance-records';
import { varianceService, type VarianceService } from '../remittances/variance-service';
import type { AuditLog } from '../repositories/audit-log';
import { neverBilledStock, type NeverBilledStock } from './never-billed';
import { reportService, type ReportService } from './report-service';
import { varianceCsvRead, type ParallelCsvOptions } from './variance-csv-read';
import type { TableSources } from './report-tables';
import { neverBilledCells, unmatchedCells } from './worklist-cells';

/** The services the handlers already hold; the sources only read through them. */
export type SourceServices = {
  reports: ReportService;
  variance: VarianceService;
  records: RemittanceRecords;
  neverBilled: NeverBilledStock;
  /** How a large variance CSV is read on worker threads; without it, on this thread. */
  parallel?: ParallelCsvOptions;
};

/** The sources over services built afresh (tests and benches that have only a database). */
export function tableSources(db: Db, audit: AuditLog, parallel?: ParallelCsvOptions): TableSources {
  const variance = varianceService(db, audit);
  return tableSourcesOver({
    reports: reportService(db),
    variance,
    records: remittanceRecords(db, audit, variance),
    neverBilled: neverBilledStock(db),
    ...(parallel ? { parallel } : {}),
  });
}

export function tableSourcesOver({
  reports,
  variance,
  records,
  neverBilled,
  parallel = {},
}: SourceServices): TableSources {
  return {
    reports,
    eachVariance: (q) => variance.each(q),
    varianceCsv: (q) => varianceCsvRead(variance, q, parallel),
    *eachUnmatched(q) {
      // Unmatched lines are a few hundred at most: read a page at a time through the list.
      const limit = 500;
      for (let offset = 0; ; offset += limit) {
        const { rows } = records.unmatched({ ...q, limit, offset });
        for (const r of rows) yield unmatchedCells(r);
        if (rows.length < limit) return;
      }
    },
    *eachNeverBilled(q): Generator<CellValue[]> {
      for (const lot of neverBilled.each(q)) yield neverBilledCells(lot);
    },
  };
}

/** How worker threads open the app's database: its file, its key when encrypted, the driver's binding. */
export function databaseAccess(
  ctx: Pick<ServiceContext, 'databaseFile' | 'dataKey' | 'nativeBinding'>,
): DatabaseFileAccess {
  return {
    file: ctx.databaseFile,
    ...(ctx.dataKey ? { key: ctx.dataKey } : {}),
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
  };
}
