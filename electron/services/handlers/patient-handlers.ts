/** Patients: the minimum a claim needs, searchable by name, account/MRN and member ID. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { patientRepository } from '../repositories/patient-repository';
import { writeIfUnchanged } from '../repositories/row-version';
import type { HandlersFor } from './handler-types';

export function patientHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'patients:list' | 'patients:get' | 'patients:create' | 'patients:update' | 'patients:delete'> {
  const patients = patientRepository(ctx.db, audit);
  return {
    'patients:list': (q) => patients.list(q),
    'patients:get': ({ id }) => patients.get(id),
    'patients:create': (fields) => patients.create(fields, ctx.now(), ctx.actor),
    'patients:update': ({ id, version, ...fields }) =>
      writeIfUnchanged(ctx.db, 'patients', id, version, () => patients.update(id, fields, ctx.now(), ctx.actor)),
    'patients:delete': ({ id }) => patients.delete(id, ctx.now(), ctx.actor),
  };
}
