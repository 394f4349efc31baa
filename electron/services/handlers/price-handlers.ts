/** Drug prices by date and CMS payment limits. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { drugRepository } from '../repositories/drug-repository';
import { priceRepository } from '../repositories/price-repository';
import { writeIfUnchanged } from '../repositories/row-version';
import type { HandlersFor } from './handler-types';

export function priceHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'prices:history' | 'prices:create' | 'prices:update' | 'prices:delete' | 'paymentLimits:list'> {
  const prices = priceRepository(ctx.db, audit);
  const drugs = drugRepository(ctx.db, audit);
  return {
    'prices:history': ({ ndc }) => {
      const drug = drugs.findByNdc(ndc);
      return {
        ndc11: ndc,
        prices: prices.history(ndc),
        paymentLimits: drug ? prices.paymentLimitsForName(drug.genericName) : [],
      };
    },
    'prices:create': (fields) => prices.createPrice(fields, ctx.now(), ctx.actor),
    'prices:update': ({ id, version, ...fields }) =>
      writeIfUnchanged(ctx.db, 'drug_prices', id, version, () => prices.updatePrice(id, fields, ctx.now(), ctx.actor)),
    'prices:delete': ({ id }) => prices.deletePrice(id, ctx.now(), ctx.actor),
    'paymentLimits:list': (q) => prices.listPaymentLimits(q),
  };
}
