/** The practice's providers: listed with the form's defaults, added, changed, made inactive. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { providerRepository } from '../repositories/provider-repository';
import { writeIfUnchanged } from '../repositories/row-version';
import type { HandlersFor } from './handler-types';

export function providerHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'providers:list' | 'providers:create' | 'providers:update' | 'providers:deactivate'> {
  const providers = providerRepository(ctx.db, audit);
  return {
    'providers:list': (q) => providers.list(q),
    'providers:create': (fields) => providers.create(fields, ctx.now(), ctx.actor),
    'providers:update': ({ id, version, ...fields }) =>
      writeIfUnchanged(ctx.db, 'providers', id, version, () => providers.update(id, fields, ctx.now(), ctx.actor)),
    'providers:deactivate': ({ id }) => providers.deactivate(id, ctx.now(), ctx.actor),
  };
}
