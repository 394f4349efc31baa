/**
 * The quarterly summary (issue 13 item 6): what the newest crosswalk or HCPCS release changed
 * against the release on file before it — codes added and ended, and the catalog's drugs that
 * gained a specific code or lost their listing. The first release on file has nothing to compare
 * with: it lists its ended codes only.
 */
import type { QuarterSummary } from '../../../shared/api/reference-channels';
import type { ReferenceRepository } from '../repositories/reference-repository';
import { diffCrosswalk, diffHcpcs } from './release-changes';

export function quarterSummary(repo: ReferenceRepository, kind: 'crosswalk' | 'hcpcs'): QuarterSummary {
  const latest = repo.latest(kind);
  if (!latest) return { kind, release: null, previousRelease: null, added: [], terminated: [], ourDrugs: [] };
  const previous = repo.previous(latest);
  if (kind === 'hcpcs') {
    const d = diffHcpcs(repo.hcpcsRows(latest.id), previous ? repo.hcpcsRows(previous.id) : null);
    const ourCodes = new Map<string, { ndc11: string; drugName: string }>();
    const crosswalk = repo.latest('crosswalk');
    const catalog = new Map(repo.catalogDrugs().map((c) => [c.ndc11, c]));
    for (const p of crosswalk ? repo.crosswalkRows(crosswalk.id) : []) {
      const drug = catalog.get(p.ndc11);
      if (drug)
        ourCodes.set(p.hcpcs, {
          ndc11: p.ndc11,
          drugName: drug.brandName ? `${drug.genericName} (${drug.brandName})` : drug.genericName,
        });
    }
    const ourDrugs: QuarterSummary['ourDrugs'] = [];
    const noteOurs = (hcpcs: string, change: string): void => {
      const ours = ourCodes.get(hcpcs);
      if (ours) ourDrugs.push({ ...ours, hcpcs, change });
    };
    for (const a of d.added)
      noteOurs(a.hcpcs, `new code ${a.hcpcs}${a.effectiveFrom ? `, effective ${a.effectiveFrom}` : ''}`);
    for (const t of d.terminated)
      noteOurs(t.hcpcs, `code ${t.hcpcs} ended${t.terminatedOn ? ` ${t.terminatedOn}` : ''}`);
    return { kind, release: latest.release, previousRelease: previous?.release ?? null, ...d, ourDrugs };
  }
  const d = diffCrosswalk(
    repo.crosswalkRows(latest.id),
    previous ? repo.crosswalkRows(previous.id) : null,
    repo.catalogDrugs(),
  );
  return {
    kind,
    release: latest.release,
    previousRelease: previous?.release ?? null,
    added: [],
    terminated: [],
    ourDrugs: d.ourDrugs,
  };
}
