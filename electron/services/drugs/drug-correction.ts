/**
 * Correcting a drug that was entered wrong (its NDC unit, strength, package size or container)
 * after invoices and administrations used it. Policy, one transaction:
 * - The NDC stays: a different NDC is a different product, a new catalog entry.
 * - Refused while any administration of the drug is billed (DRUG_CORRECTION_BILLED): those claims
 *   went out with the drug as it was, and their records must keep saying what was sent.
 * - The person confirms how many open administrations will be recomputed; if that number moved
 *   in the meantime the correction is refused (DRUG_CORRECTION_STALE) and they look again.
 * - Lots of the NDC count packages × the corrected size again; every open administration is
 *   recomputed as if saved again (its dose re-measured in NDC units, its lot draw checked, its
 *   estimate and checklist redone, each audited). A lot left holding less than was taken, or an
 *   administration its lot can no longer supply, refuses the whole correction.
 */
import { administrationInputOf, administrationInputSchema } from '../../../shared/domain/administration';
import { changedBillingFacts, type Drug, type DrugFields } from '../../../shared/domain/drug-catalog';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { unitsFromMicro } from '../../../shared/domain/stock-quantity';
import { administrationService } from '../administrations/administration-service';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import { administrationRepository } from '../repositories/administration-repository';
import type { AuditLog } from '../repositories/audit-log';
import { drugRepository } from '../repositories/drug-repository';
import type { VarianceService } from '../remittances/variance-service';
import { stockRepository } from '../repositories/stock-repository';

export function drugCorrection(db: Db, audit: AuditLog, variance: VarianceService) {
  const drugs = drugRepository(db, audit);
  const stock = stockRepository(db, audit);
  const administrations = administrationService(db, audit, variance);
  const administrationRows = administrationRepository(db);

  return db.transaction(
    (
      id: number,
      fields: DrugFields,
      openAdministrations: number,
      at: string,
      actor: string,
    ): { drug: Drug; recomputed: number } => {
      const before = drugs.get(id);
      if (fields.ndc !== before.ndc11) {
        throw fieldError(
          'ndc',
          'DRUG_CORRECTION_NDC',
          `A correction keeps the NDC (${formatNdc542(before.ndc11)}): a different NDC is a different product, so add it as a new catalog entry.`,
        );
      }
      const used = drugs.usage(before.ndc11);
      if (used.billedAdministrations > 0) {
        throw new AppError(
          'DRUG_CORRECTION_BILLED',
          `${before.genericName} has ${used.billedAdministrations} billed administration${used.billedAdministrations === 1 ? '' : 's'}: those claims went out with the drug as it is, so it cannot be corrected. Add the corrected product as a new catalog entry and use it from now on.`,
        );
      }
      if (openAdministrations !== used.openAdministrations) {
        throw new AppError(
          'DRUG_CORRECTION_STALE',
          `${before.genericName} now has ${used.openAdministrations} open administration${used.openAdministrations === 1 ? '' : 's'}, not ${openAdministrations}; look at the correction again before confirming it.`,
        );
      }
      const changed = changedBillingFacts(before, fields);
      const drug = drugs.correct(id, fields, at, actor);
      if (changed.includes('package size')) {
        const short = stock.recountLots(drug.ndc11, drug.packageSize)[0];
        if (short) {
          throw fieldError(
            'packageSize',
            'DRUG_CORRECTION_STOCK',
            `With packages of ${drug.packageSize} ${drug.ndcUnit}, lot ${short.lotNumber} would hold ${unitsFromMicro(short.onHandMicro)} ${drug.ndcUnit}: less than was already taken from it. Check the package size, or correct the stock adjustments first.`,
          );
        }
      }
      const ids = administrationRows.openIdsOfNdc(drug.ndc11);
      for (const adminId of ids) {
        const fieldsNow = administrationInputSchema.parse(administrationInputOf(administrations.get(adminId)));
        try {
          administrations.update(adminId, fieldsNow, at, actor);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          throw new AppError(
            err.code,
            `Administration ${adminId} cannot be recomputed with the corrected drug: ${err.message} Nothing was changed.`,
          );
        }
      }
      return { drug, recomputed: ids.length };
    },
  );
}
