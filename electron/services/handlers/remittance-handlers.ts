/** Expected versus paid: paper postings, the variance of each claim line, and its settings. */
import { decodeBase64 } from '../base64-file';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { administrationRepository } from '../repositories/administration-repository';
import { remittanceRepository } from '../repositories/remittance-repository';
import { eraImport } from '../remittances/era-import';
import { paperPosting } from '../remittances/paper-posting';
import { varianceView } from '../remittances/remittance-views';
import type { HandlersFor, SharedServices } from './handler-types';
import { realDates } from './real-date';

export function remittanceHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
  { variance, records }: SharedServices,
): HandlersFor<
  | 'payments:post'
  | 'payments:correct'
  | 'payments:delete'
  | 'payments:ofAdministration'
  | 'variance:list'
  | 'settings:get'
  | 'settings:setVarianceTolerance'
  | 'remittances:preview'
  | 'remittances:import'
  | 'remittances:files'
  | 'remittances:file'
  | 'remittances:unmatched'
  | 'remittances:match'
  | 'remittances:unmatch'
> {
  const postings = paperPosting(ctx.db, audit, variance);
  const remittances = remittanceRepository(ctx.db);
  const administrations = administrationRepository(ctx.db);
  const era = eraImport(ctx, audit);
  const bytesOf = (fileName: string, contentBase64: string): Buffer => decodeBase64(contentBase64, fileName);

  return {
    'payments:post': (fields) => postings.post(fields, ctx.now(), ctx.actor),
    'payments:correct': ({ remittanceId, posting }) => postings.correct(remittanceId, posting, ctx.now(), ctx.actor),
    'payments:delete': ({ remittanceId }) => postings.remove(remittanceId, ctx.now(), ctx.actor),
    'payments:ofAdministration': ({ administrationId }) => {
      const a = administrations.get(administrationId);
      const ids = [
        ...new Set(remittances.linesOfAdministration(a.id).map((l) => remittances.claim(l.claimId)?.remittanceId)),
      ];
      return {
        lines: variance.ofAdministration(a.id).map((r) =>
          varianceView({
            ...r,
            payerName: a.payerName,
            patientName: a.patientName,
            genericName: a.drugName,
            brandName: '',
            claimNumber: a.claimNumber,
          }),
        ),
        // Each payment with only the claims that pay this administration (an 835 carries many).
        remittances: ids
          .filter((id): id is number => id !== undefined)
          .map((id) => postings.view(id))
          .map((r) => ({
            ...r,
            claims: r.claims.filter((c) => c.lines.some((l) => l.match?.administrationId === a.id)),
          })),
      };
    },
    'variance:list': (q) => {
      const { rows, total } = variance.list(realDates(q));
      return { rows: rows.map(varianceView), total };
    },
    'settings:get': () => ({ varianceTolerance: variance.toleranceText() }),
    'settings:setVarianceTolerance': ({ value }) => ({
      varianceTolerance: variance.setTolerance(value, ctx.now(), ctx.actor),
    }),
    'remittances:preview': ({ fileName, contentBase64 }) => era.preview(fileName, bytesOf(fileName, contentBase64)),
    'remittances:import': ({ fileName, contentBase64 }) =>
      era.import(fileName, bytesOf(fileName, contentBase64), ctx.now(), ctx.actor),
    'remittances:files': ({ limit, offset }) => records.files(limit, offset),
    'remittances:file': ({ id }) => records.file(id),
    'remittances:unmatched': (q) => records.unmatched(realDates(q)),
    'remittances:match': ({ lineId, administrationId, lineKind }) =>
      records.match(lineId, administrationId, lineKind, ctx.now(), ctx.actor),
    'remittances:unmatch': ({ lineId }) => records.unmatch(lineId, ctx.now(), ctx.actor),
  };
}
