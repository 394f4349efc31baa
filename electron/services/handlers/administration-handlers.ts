/** Administrations: record, change, preview, move along the claim steps, list and delete. */
import type { ServiceContext } from '../context';
import { administrationService } from '../administrations/administration-service';
import type { AuditLog } from '../repositories/audit-log';
import { writeIfUnchanged } from '../repositories/row-version';
import { payerRepository } from '../repositories/payer-repository';
import type { HandlersFor, SharedServices } from './handler-types';
import { realDates } from './real-date';

export function administrationHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
  { variance }: SharedServices,
): HandlersFor<
  | 'administrations:list'
  | 'administrations:get'
  | 'administrations:create'
  | 'administrations:update'
  | 'administrations:delete'
  | 'administrations:setStatus'
  | 'administrations:recompute'
  | 'administrations:recomputeStale'
  | 'administrations:preview'
  | 'administrations:recordNocInstruction'
  | 'administrations:useSpecificCode'
> {
  const administrations = administrationService(ctx.db, audit, variance);
  const payers = payerRepository(ctx.db, audit);

  return {
    'administrations:list': (q) => {
      realDates(q);
      // A payer that does not exist is a stale filter, said as such rather than an empty list.
      if (q.payerId !== undefined) payers.get(q.payerId);
      return administrations.list(q);
    },
    'administrations:get': ({ id }) => administrations.get(id),
    'administrations:create': (fields) => administrations.create(fields, ctx.now(), ctx.actor),
    'administrations:update': ({ id, version, administration }) =>
      writeIfUnchanged(ctx.db, 'administrations', id, version, () =>
        administrations.update(id, administration, ctx.now(), ctx.actor),
      ),
    'administrations:delete': ({ id }) => administrations.delete(id, ctx.now(), ctx.actor),
    'administrations:setStatus': ({ id, status, version }) =>
      writeIfUnchanged(ctx.db, 'administrations', id, version, () =>
        administrations.setStatus(id, status, ctx.now(), ctx.actor),
      ),
    'administrations:recompute': ({ id }) => administrations.recompute(id, ctx.now(), ctx.actor),
    'administrations:recomputeStale': () => administrations.recomputeStale(ctx.now(), ctx.actor),
    'administrations:preview': ({ editingId, ...fields }) => administrations.preview(fields, ctx.now(), editingId),
    'administrations:recordNocInstruction': ({ id, note }) =>
      administrations.recordNocInstruction(id, note, ctx.now(), ctx.actor),
    'administrations:useSpecificCode': ({ id }) => administrations.useSpecificCode(id, ctx.now(), ctx.actor),
  };
}
