/** Payers, their requirements profile, contract versions, and fee schedule entries. */
import { contractInputSchema } from '../../../shared/domain/contract-terms';
import { payerInputSchema } from '../../../shared/domain/payer';
import { PAYER_TEMPLATES } from '../../../shared/domain/payer-templates';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { writeIfUnchanged } from '../repositories/row-version';
import { administrationRepository } from '../repositories/administration-repository';
import { contractRepository } from '../repositories/contract-repository';
import { payerRepository } from '../repositories/payer-repository';
import { priceRepository } from '../repositories/price-repository';
import type { HandlersFor } from './handler-types';

export function payerHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<
  | 'payers:list'
  | 'payers:get'
  | 'payers:templates'
  | 'payers:createFromTemplate'
  | 'payers:create'
  | 'payers:update'
  | 'payers:confirmProfile'
  | 'payers:delete'
  | 'contracts:create'
  | 'contracts:update'
  | 'contracts:delete'
  | 'feeSchedule:list'
> {
  const payers = payerRepository(ctx.db, audit);
  const contracts = contractRepository(ctx.db, audit);
  const prices = priceRepository(ctx.db, audit);
  const administrations = administrationRepository(ctx.db);

  // Payer and first contract version are written together or not at all.
  const createFromTemplate = ctx.db.transaction(
    (args: {
      template: string;
      name?: string | undefined;
      alternative?: string | undefined;
      effectiveFrom?: string | undefined;
    }) => {
      const template = PAYER_TEMPLATES.find((t) => t.key === args.template);
      if (!template) throw new AppError('TEMPLATE_UNKNOWN', `There is no payer template named "${args.template}".`);
      const alternative = template.alternatives.find(
        (a) => a.key === (args.alternative ?? template.alternatives[0]?.key),
      );
      if (!alternative)
        throw new AppError(
          'TEMPLATE_ALTERNATIVE_UNKNOWN',
          `The ${template.label} template has no option "${args.alternative}".`,
        );
      const at = ctx.now();
      const payer = payers.insert(
        payerInputSchema.parse({ ...template.payer, name: args.name || template.payer.name }),
        at,
        ctx.actor,
      );
      const terms = contractInputSchema.parse({
        ...template.contract,
        payerId: payer.id,
        label: alternative.label,
        basis: alternative.basis,
        percent: alternative.percent,
        effectiveFrom: args.effectiveFrom ?? template.contract.effectiveFrom,
      });
      return { payer, contract: contracts.insert(terms, at, ctx.actor) };
    },
  );

  return {
    'payers:list': () => payers.list(),
    'payers:get': ({ id, name }) => {
      const payer = id !== undefined ? payers.get(id) : payers.findByName(name ?? '');
      if (!payer) throw new AppError('PAYER_NOT_FOUND', `There is no payer named "${name}".`);
      return { payer, contracts: contracts.forPayer(payer.id) };
    },
    'payers:templates': () => PAYER_TEMPLATES.map(({ key, label, alternatives }) => ({ key, label, alternatives })),
    'payers:createFromTemplate': (args) => createFromTemplate(args),
    'payers:create': (fields) => ctx.db.transaction(() => payers.insert(fields, ctx.now(), ctx.actor))(),
    'payers:update': ({ id, version, ...fields }) => {
      const payer = writeIfUnchanged(ctx.db, 'payers', id, version, () =>
        payers.update(id, fields, ctx.now(), ctx.actor),
      );
      administrations.refreshReadiness({ payerId: id });
      return payer;
    },
    'payers:confirmProfile': ({ id }) => {
      const payer = payers.confirmProfile(id, ctx.now(), ctx.actor);
      administrations.refreshReadiness({ payerId: id });
      return payer;
    },
    'payers:delete': ({ id }) => payers.delete(id, ctx.now(), ctx.actor),
    'contracts:create': (terms) => {
      payers.get(terms.payerId);
      return contracts.create(terms, ctx.now(), ctx.actor);
    },
    'contracts:update': ({ id, version, terms }) =>
      writeIfUnchanged(ctx.db, 'contracts', id, version, () => contracts.update(id, terms, ctx.now(), ctx.actor)),
    'contracts:delete': ({ id }) => contracts.delete(id, ctx.now(), ctx.actor),
    'feeSchedule:list': (q) => {
      payers.get(q.payerId);
      return prices.listFeeSchedule(q);
    },
  };
}
