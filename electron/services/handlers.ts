/**
 * The handler table: one function per contract channel, arguments already validated by the
 * dispatcher. Handlers hold the use cases; SQL stays in the repositories.
 */
import type { ArgsOut, Channel, Result } from '../../shared/api/contract';
import type { ServiceContext } from './context';
import { drugRepository } from './repositories/drug-repository';
import { practiceRepository } from './repositories/practice-repository';
import { auditLog } from './repositories/audit-log';
import { schemaVersion } from './db/open';
import { estimate } from '../../shared/domain/estimate';
import { AppError } from './app-error';

export type Handlers = { [C in Channel]: (args: ArgsOut<C>) => Result<C> | Promise<Result<C>> };

export function createHandlers(ctx: ServiceContext): Handlers {
  const audit = auditLog(ctx.db);
  const practice = practiceRepository(ctx.db, audit);
  const drugs = drugRepository(ctx.db, audit);

  return {
    'app:info': () => ({
      version: ctx.version,
      mode: ctx.mode,
      dataDir: ctx.dataDir,
      databaseFile: ctx.databaseFile,
      schemaVersion: schemaVersion(ctx.db),
    }),
    'practice:get': () => practice.get(),
    'practice:set': (fields) => practice.save(fields, ctx.now(), ctx.actor),
    'drugs:list': (query) => drugs.list(query),
    'drugs:get': ({ id, ndc }) => (id !== undefined ? drugs.get(id) : drugs.getByNdc(ndc ?? '')),
    'drugs:create': (fields) => drugs.create(fields, ctx.now(), ctx.actor),
    'drugs:update': ({ id, ...fields }) => drugs.update(id, fields, ctx.now(), ctx.actor),
    'drugs:delete': ({ id }) => drugs.delete(id, ctx.now(), ctx.actor),
    'estimate:scenario': (scenario) => {
      const outcome = estimate(scenario);
      if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
      return outcome;
    },
  };
}
