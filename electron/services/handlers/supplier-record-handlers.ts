/** Handlers for the Suppliers page (issue 14): usage per supplier, and merging duplicates. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { supplierRepository } from '../repositories/supplier-repository';
import type { HandlersFor } from './handler-types';

export function supplierRecordHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'suppliers:usage' | 'suppliers:mergePlan' | 'suppliers:merge'> {
  const suppliers = supplierRepository(ctx.db, audit);
  return {
    'suppliers:usage': () => suppliers.usage(),
    'suppliers:mergePlan': ({ keepId, mergeId }) => suppliers.planMerge(keepId, mergeId),
    'suppliers:merge': ({ keepId, mergeId }) => suppliers.merge(keepId, mergeId, ctx.now(), ctx.actor),
  };
}
