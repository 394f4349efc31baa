/**
 * The handler table: one function per contract channel, assembled from the areas of the app.
 * Arguments arrive validated by the dispatcher; handlers hold the use cases and SQL stays in the
 * repositories. TypeScript checks that every channel of the contract has exactly one handler.
 */
import type { ServiceContext } from './context';
import { administrationHandlers } from './handlers/administration-handlers';
import { attachmentHandlers } from './handlers/attachment-handlers';
import { catalogHandlers } from './handlers/catalog-handlers';
import type { Handlers } from './handlers/handler-types';
import { importHandlers } from './handlers/import-handlers';
import { invoiceHandlers } from './handlers/invoice-handlers';
import { patientHandlers } from './handlers/patient-handlers';
import { stockHandlers } from './handlers/stock-handlers';
import { payerHandlers } from './handlers/payer-handlers';
import { priceHandlers } from './handlers/price-handlers';
import { supplierRecordHandlers } from './handlers/supplier-record-handlers';
import { providerHandlers } from './handlers/provider-handlers';
import { auditHandlers } from './handlers/audit-handlers';
import { authHandlers } from './handlers/auth-handlers';
import { backupHandlers } from './handlers/backup-handlers';
import { searchHandlers } from './handlers/search-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { practiceNetworkHandlers } from './handlers/practice-network-handlers';
import { patientRecordHandlers } from './handlers/patient-record-handlers';
import { referenceHandlers } from './handlers/reference-handlers';
import { remittanceHandlers } from './handlers/remittance-handlers';
import { reportHandlers } from './handlers/report-handlers';
import { resolutionHandlers } from './handlers/resolution-handlers';
import { remittanceRecords } from './remittances/remittance-records';
import { varianceService } from './remittances/variance-service';
import { auditLog } from './repositories/audit-log';

export type { Handlers };

export function createHandlers(ctx: ServiceContext): Handlers {
  const audit = auditLog(ctx.db);
  // One variance service and one set of remittance records for the whole table.
  const variance = varianceService(ctx.db, audit);
  const shared = { variance, records: remittanceRecords(ctx.db, audit, variance) };
  return {
    ...catalogHandlers(ctx, audit, shared),
    ...payerHandlers(ctx, audit),
    ...priceHandlers(ctx, audit),
    ...importHandlers(ctx, audit),
    ...resolutionHandlers(ctx, audit),
    ...invoiceHandlers(ctx, audit),
    ...stockHandlers(ctx, audit),
    ...patientHandlers(ctx, audit),
    ...administrationHandlers(ctx, audit, shared),
    ...attachmentHandlers(ctx, audit),
    ...remittanceHandlers(ctx, audit, shared),
    ...reportHandlers(ctx, audit, shared),
    ...referenceHandlers(ctx, audit),
    ...supplierRecordHandlers(ctx, audit),
    ...providerHandlers(ctx, audit),
    ...auditHandlers(ctx, audit),
    ...searchHandlers(ctx, audit),
    ...patientRecordHandlers(ctx, audit),
    ...backupHandlers(ctx),
    ...sessionHandlers(ctx, audit),
    ...practiceNetworkHandlers(ctx),
    ...authHandlers(ctx, audit),
  };
}
