/** Practice settings, the drug catalog, app info and the scenario estimate. */
import { estimate } from '../../../shared/domain/estimate';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { schemaVersion } from '../db/open';
import type { AuditLog } from '../repositories/audit-log';
import { drugCorrection } from '../drugs/drug-correction';
import { drugRepository } from '../repositories/drug-repository';
import { practiceRepository } from '../repositories/practice-repository';
import { writeIfUnchanged } from '../repositories/row-version';
import type { HandlersFor, SharedServices } from './handler-types';

export function catalogHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
  { variance }: SharedServices,
): HandlersFor<
  | 'app:info'
  | 'practice:get'
  | 'practice:set'
  | 'drugs:list'
  | 'drugs:get'
  | 'drugs:create'
  | 'drugs:update'
  | 'drugs:delete'
  | 'drugs:usage'
  | 'drugs:correct'
  | 'estimate:scenario'
> {
  const practice = practiceRepository(ctx.db, audit);
  const drugs = drugRepository(ctx.db, audit);
  const correctDrug = drugCorrection(ctx.db, audit, variance);
  return {
    'app:info': () => ({
      version: ctx.version,
      mode: ctx.mode,
      dataDir: ctx.dataDir,
      databaseFile: ctx.databaseFile,
      schemaVersion: schemaVersion(ctx.db),
    }),
    'practice:get': () => practice.get(),
    // The first save has no version (nothing was loaded); 0 is none a row has, so a save without
    // one is refused once the settings exist.
    'practice:set': ({ version, ...fields }) =>
      writeIfUnchanged(ctx.db, 'practice_settings', 1, version ?? 0, () => practice.save(fields, ctx.now(), ctx.actor)),
    'drugs:list': (query) => drugs.list(query),
    'drugs:get': ({ id, ndc }) => (id !== undefined ? drugs.get(id) : drugs.getByNdc(ndc ?? '')),
    'drugs:create': (fields) => drugs.create(fields, ctx.now(), ctx.actor),
    'drugs:update': ({ id, version, ...fields }) =>
      writeIfUnchanged(ctx.db, 'drugs', id, version, () => drugs.update(id, fields, ctx.now(), ctx.actor)),
    'drugs:delete': ({ id }) => drugs.delete(id, ctx.now(), ctx.actor),
    'drugs:usage': ({ id }) => drugs.usage(drugs.get(id).ndc11),
    'drugs:correct': ({ id, openAdministrations, ...fields }) =>
      correctDrug(id, fields, openAdministrations, ctx.now(), ctx.actor),
    'estimate:scenario': (scenario) => {
      const outcome = estimate(scenario);
      if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
      return outcome;
    },
  };
}
