/** What a payer should pay for a drug on a date, from the terms and prices on file. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { resolver } from '../resolution';
import type { HandlersFor } from './handler-types';

export function resolutionHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'resolve:estimate' | 'resolve:terms'> {
  const r = resolver(ctx.db, audit);
  return {
    'resolve:estimate': ({ payerId, ndc, ...admin }) => r.resolve(payerId, ndc, admin),
    'resolve:terms': ({ payerId, ndc, dateOfService, hcpcs }) => r.terms(payerId, ndc, dateOfService, hcpcs),
  };
}
