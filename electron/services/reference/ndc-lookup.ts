/**
 * The FDA NDC directory as a look-up (issue 13 item 5): an NDC typed as 10 digits without hyphens
 * is resolved when exactly one package of the directory has those digits (else it stays
 * ambiguous, and the candidates are listed to choose from); a drug added by NDC is filled from its
 * package. (An NDC the directory lists as ended or excluded is a warning of the code check.)
 */
import type { FdaPackageView } from '../../../shared/api/reference-channels';
import { parseNdc } from '../../../shared/domain/ndc';
import { AppError } from '../app-error';
import type { FdaPackage, ReferenceRepository } from '../repositories/reference-repository';

const view = (p: FdaPackage): FdaPackageView => ({
  ndc11: p.ndc11,
  packageCode: p.packageCode,
  packageDescription: p.packageDescription,
  proprietaryName: p.proprietaryName,
  nonproprietaryName: p.nonproprietaryName,
  dosageForm: p.dosageForm,
  route: p.route,
  labelerName: p.labelerName,
  strength: p.strength,
  marketingCategory: p.marketingCategory,
  startMarketing: p.startMarketing,
  endMarketing: p.endMarketing,
  excluded: p.excluded,
});

export function ndcLookup(repo: ReferenceRepository) {
  /** The 11-digit NDC text names, resolving 10 bare digits through the directory; a coded refusal. */
  function resolveNdc(text: string): string {
    const parsed = parseNdc(text, (digits) => {
      const hits = repo.fdaByNdc10(digits);
      return hits.length === 1 ? (hits[0] as FdaPackage).ndc11 : null;
    });
    if (parsed.ok) return parsed.ndc11;
    if (parsed.error.code === 'NDC_AMBIGUOUS') {
      const digits = text.replace(/\D/g, '');
      const hits = repo.fdaByNdc10(digits);
      const listed =
        hits.length > 1
          ? ` The FDA directory has ${hits.length} packages with these digits: ${hits.map((h) => `${h.packageCode} (${h.proprietaryName || h.nonproprietaryName})`).join(', ')}.`
          : '';
      throw new AppError('NDC_AMBIGUOUS', `${parsed.error.message}${listed}`);
    }
    throw new AppError(parsed.error.code, parsed.error.message);
  }

  function lookup(text: string): { packages: FdaPackageView[]; directoryRelease: string | null } {
    const directoryRelease = repo.latest('fda-ndc')?.release ?? null;
    const digits = text.trim().replace(/^NDC[:#]?\s*/i, '');
    if (/^\d{10}$/.test(digits)) return { packages: repo.fdaByNdc10(digits).map(view), directoryRelease };
    const parsed = parseNdc(text);
    if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message);
    const hit = repo.fdaPackage(parsed.ndc11);
    return { packages: hit ? [view(hit)] : [], directoryRelease };
  }

  return { resolveNdc, lookup };
}
