/** Stock by lot: the list with expiry status, adjustments, and first-expiry-first-out suggestions. */
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { fieldError } from '../app-error';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { stockRepository } from '../repositories/stock-repository';
import type { HandlersFor } from './handler-types';

/** The contract only checks the shape; a date like 2025-02-30 would silently become March 2. */
function realDate(field: string, label: string, value: string): string {
  const r = parseIsoDate(value, label);
  if (!r.ok) throw fieldError(field, r.error.code, r.error.message);
  return r.date;
}

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
