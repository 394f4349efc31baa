/** Handlers for a patient's record (issue 14): the patient with their administrations, claims and documents. */
import { claimsOf } from '../../../shared/domain/patient-record';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { documentRepository } from '../repositories/document-repository';
import { patientRecordRepository } from '../repositories/patient-record-repository';
import { patientRepository } from '../repositories/patient-repository';
import type { HandlersFor } from './handler-types';

export function patientRecordHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<'patients:record' | 'patients:documents'> {
  const patients = patientRepository(ctx.db, audit);
  const records = patientRecordRepository(ctx.db);
  const documents = documentRepository(ctx.db, audit);
  // One read transaction per call: the patient, their rows and counts are of the same moment.
  const record = ctx.db.transaction((id: number) => {
    const patient = patients.get(id);
    const administrations = records.administrations(id);
    return {
      patient,
      administrations,
      claims: claimsOf(administrations),
      withoutClaimNumber: administrations.filter((a) => a.claimNumber === '').length,
      documentCount: records.documentCount(id),
    };
  });
  const documentPage = ctx.db.transaction((patientId: number, limit: number, offset: number) => {
    patients.get(patientId);
    return {
      rows: records.documentIds(patientId, limit, offset).map((id) => documents.get(id)),
      total: records.documentCount(patientId),
    };
  });
  return {
    'patients:record': ({ id }) => record(id),
    'patients:documents': ({ patientId, limit, offset }) => documentPage(patientId, limit, offset),
  };
}
