/**
 * What one release of reference data changes against another (issue 13 item 6's quarterly
 * summary, and the import preview's "what this file changes"): HCPCS codes added and ended, NDCs
 * newly given a specific code, and which drugs of the practice's catalog that touches. The diff
 * is over the rows themselves, so it needs no action code to be right (CMS's ACTION_CD is shown,
 * never trusted alone).
 */
import type { QuarterSummary } from '../../../shared/api/reference-channels';
import { isNocCode } from '../../../shared/domain/hcpcs';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { ReferenceRepository } from '../repositories/reference-repository';
import type { CrosswalkRow, FdaPackageRow, HcpcsRow } from './reference-rows';

type Pair = Pick<CrosswalkRow, 'ndc11' | 'hcpcs' | 'shortDescription' | 'drugName' | 'hcpcsDosage'>;
type CatalogDrug = { ndc11: string; genericName: string; brandName: string };

const drugName = (d: CatalogDrug): string => (d.brandName ? `${d.genericName} (${d.brandName})` : d.genericName);

export function diffHcpcs(
  newer: readonly HcpcsRow[],
  older: readonly HcpcsRow[] | null,
): Pick<QuarterSummary, 'added' | 'terminated'> {
  const before = new Map((older ?? []).map((r) => [r.hcpcs, r]));
  const added: QuarterSummary['added'] = [];
  const terminated: QuarterSummary['terminated'] = [];
  for (const r of newer) {
    const was = before.get(r.hcpcs);
    const descriptor = r.longDescription || r.shortDescription;
    if (older !== null && !was) added.push({ hcpcs: r.hcpcs, descriptor, effectiveFrom: r.addedOn ?? r.effectiveFrom });
    if (r.terminatedOn !== null && (older === null || !was || was.terminatedOn === null)) {
      terminated.push({ hcpcs: r.hcpcs, descriptor, terminatedOn: r.terminatedOn });
    }
  }
  return { added, terminated };
}

/** Catalog drugs newly mapped to a specific code, or whose mapping went away. */
export function diffCrosswalk(
  newer: readonly Pair[],
  older: readonly Pair[] | null,
  catalog: readonly CatalogDrug[],
): { added: number; removed: number; ourDrugs: QuarterSummary['ourDrugs'] } {
  const key = (p: Pair): string => `${p.ndc11} ${p.hcpcs}`;
  const before = new Set((older ?? []).map(key));
  const after = new Set(newer.map(key));
  const ours = new Map(catalog.map((d) => [d.ndc11, d]));
  const ourDrugs: QuarterSummary['ourDrugs'] = [];
  let added = 0;
  for (const p of newer) {
    if (before.has(key(p))) continue;
    added++;
    const drug = ours.get(p.ndc11);
    if (drug && !isNocCode(p.hcpcs)) {
      ourDrugs.push({
        ndc11: p.ndc11,
        drugName: drugName(drug),
        hcpcs: p.hcpcs,
        change: `now has its own code ${p.hcpcs} (${p.shortDescription || p.hcpcsDosage})`,
      });
    }
  }
  let removed = 0;
  for (const p of older ?? []) {
    if (after.has(key(p))) continue;
    removed++;
    const drug = ours.get(p.ndc11);
    if (drug)
      ourDrugs.push({
        ndc11: p.ndc11,
        drugName: drugName(drug),
        hcpcs: p.hcpcs,
        change: `no longer listed under ${p.hcpcs}`,
      });
  }
  return { added, removed, ourDrugs };
}

/** The preview's sentences: what the staged release changes against the newest on file. */
export function releaseChanges(
  repo: ReferenceRepository,
  staged:
    | { kind: 'crosswalk'; rows: CrosswalkRow[] }
    | { kind: 'hcpcs'; rows: HcpcsRow[] }
    | { kind: 'fda-ndc'; rows: FdaPackageRow[] },
): string[] {
  const latest = repo.latest(staged.kind);
  const catalog = repo.catalogDrugs();
  if (staged.kind === 'crosswalk') {
    const d = diffCrosswalk(staged.rows, latest ? repo.crosswalkRows(latest.id) : null, catalog);
    const out = latest
      ? [`${d.added} NDC-code pairs are new and ${d.removed} are gone against the ${latest.release} crosswalk.`]
      : ['This is the first crosswalk on file.'];
    for (const o of d.ourDrugs) out.push(`${o.drugName}, NDC ${formatNdc542(o.ndc11)}: ${o.change}.`);
    return out;
  }
  if (staged.kind === 'hcpcs') {
    if (!latest) return ['This is the first HCPCS update on file.'];
    const d = diffHcpcs(staged.rows, repo.hcpcsRows(latest.id));
    return [
      `${d.added.length} codes are new and ${d.terminated.length} have ended against the ${latest.release} update.`,
    ];
  }
  const out = [
    latest
      ? `Replaces the FDA directory of ${latest.release} (${latest.rowsTaken} packages).`
      : 'This is the first FDA directory on file.',
  ];
  const listed = new Map(staged.rows.map((r) => [r.ndc11, r]));
  for (const d of catalog) {
    const p = listed.get(d.ndc11);
    if (!p) out.push(`${drugName(d)}, NDC ${formatNdc542(d.ndc11)}: not in this directory.`);
    else if (p.excluded) out.push(`${drugName(d)}, NDC ${formatNdc542(d.ndc11)}: listed as excluded.`);
    else if (p.endMarketing !== null)
      out.push(`${drugName(d)}, NDC ${formatNdc542(d.ndc11)}: marketing ended ${p.endMarketing}.`);
  }
  return out;
}
