/** Stock by lot: the list with expiry status, adjustments, and first-expiry-first-out suggestions. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { stockRepository } from '../repositories/stock-repository';
import type { HandlersFor } from './handler-types';
import { realDate } from './real-date';

export function stockHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'stock:list' | 'stock:adjust' | 'stock:suggest'> {
  const stock = stockRepository(ctx.db, audit);
  // "Today" is the date of the service clock, so tests and reports control it.
  const today = (): string => ctx.today();

  return {
    'stock:list': ({ today: given, ...q }) =>
      stock.list({ ...q, today: given === undefined ? today() : realDate('today', 'Today', given) }),
    'stock:adjust': (input) => stock.adjust(input, ctx.now(), ctx.actor),
    'stock:suggest': ({ ndc, dateOfService }) =>
      stock.suggest(ndc, realDate('dateOfService', 'Date of service', dateOfService), today()),
  };
}
