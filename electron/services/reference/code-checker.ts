/**
 * The code check for one NDC, date of service and HCPCS code (issue 13 items 3–4): gathers what
 * the reference data on file says — the newest crosswalk (NDC → specific code), the newest HCPCS
 * update (descriptor, effective and termination dates), the bundled starter set — and lets the
 * pure rules in shared/domain/code-check.ts decide. A few indexed reads per call, no cache to keep
 * in step with imports, so a check right after an import sees it.
 *
 * Where sources disagree the CMS files win: the HCPCS update's ACT_EFF_DT confirms or corrects the
 * starter set's unconfirmed dates (domain.md §11 asks exactly that), and a crosswalk pair with no
 * HCPCS row is dated from the first quarter on file that lists it.
 */
import {
  checkCode,
  type CodeCheck,
  type CodeStatus,
  type SpecificCodeCandidate,
} from '../../../shared/domain/code-check';
import type { Drug } from '../../../shared/domain/drug-catalog';
import { parseDosage } from '../../../shared/domain/drug-price';
import { isNocCode } from '../../../shared/domain/hcpcs';
import { Dec } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { Warning } from '../../../shared/domain/result';
import { nocFitWarnings } from '../../../shared/domain/noc-fit';
import type { DoseUnit } from '../../../shared/domain/units';
import type { Db } from '../db/open';
import type { AuditLog } from '../repositories/audit-log';
import { referenceRepository, type FdaPackage, type HcpcsHit } from '../repositories/reference-repository';
import { starterCandidates, starterCodeKnown, type StarterCodes } from './starter-codes';

export type CheckArgs = {
  ndc11: string;
  dateOfService: string;
  hcpcs: string;
  dose: { amount: string; unit: DoseUnit } | null;
  /** The catalog's drug, when the NDC is in it (its name, strength and units). */
  drug:
    | (Pick<Drug, 'genericName' | 'brandName' | 'strengthAmount' | 'strengthUnit' | 'ndcUnit'> & { route?: string })
    | null;
  /** The route given, when it differs from the drug's usual one. */
  route?: string | undefined;
  /** The NDC's FDA directory package when the caller has read it already (null: not listed). */
  fda?: FdaPackage | null;
};

const CACHE_LIMIT = 20_000;

export function codeChecker(db: Db, audit: AuditLog, starter: StarterCodes) {
  const repo = referenceRepository(db, audit);
  // What an NDC's candidates and a code's status are changes only with an import; a batch of
  // estimates asks the same few NDCs thousands of times, so both are kept until the next import.
  let generation = '';
  const candidateCache = new Map<string, SpecificCodeCandidate[]>();
  const statusCache = new Map<string, CodeStatus>();
  function fresh(): void {
    const now = repo.generation();
    if (now !== generation || candidateCache.size + statusCache.size > CACHE_LIMIT) {
      generation = now;
      directoryRelease = null;
      candidateCache.clear();
      statusCache.clear();
    }
  }
  let directoryRelease: string | null = null;
  /** An NDC the FDA directory lists as no longer marketed, or excluded: a warning on the drug (item 5). */
  function directoryWarnings(p: FdaPackage | null): Warning[] {
    if (!p || (p.endMarketing === null && !p.excluded)) return [];
    directoryRelease ??= repo.latest('fda-ndc')?.release ?? '';
    const out: Warning[] = [];
    if (p.endMarketing !== null) {
      out.push({
        code: 'NDC_MARKETING_ENDED',
        message: `The FDA NDC directory (${directoryRelease}) lists ${formatNdc542(p.ndc11)} as marketed until ${p.endMarketing}; check the package and the NDC on the claim.`,
      });
    }
    if (p.excluded) {
      out.push({
        code: 'NDC_EXCLUDED',
        message: `The FDA NDC directory (${directoryRelease}) lists ${formatNdc542(p.ndc11)} as excluded (not a current listing); payers may reject it.`,
      });
    }
    return out;
  }
  function cachedStatus(hcpcs: string): CodeStatus {
    let s = statusCache.get(hcpcs);
    if (!s) statusCache.set(hcpcs, (s = codeStatus(hcpcs)));
    return s;
  }
  function cachedCandidates(ndc11: string, genericName: string): SpecificCodeCandidate[] {
    const key = `${ndc11} ${genericName}`;
    let c = candidateCache.get(key);
    if (!c) candidateCache.set(key, (c = candidates(ndc11, genericName)));
    return c;
  }

  /** The code as the newest HCPCS update describes it, else the starter set or crosswalk. */
  function codeStatus(hcpcs: string): CodeStatus {
    const hcpcsImport = repo.latest('hcpcs');
    if (hcpcsImport) {
      const hit = repo.hcpcsIn(hcpcs, hcpcsImport.id);
      const source = `the HCPCS update ${hcpcsImport.release}`;
      if (!hit) return { state: 'unknown', source };
      return {
        state: 'known',
        descriptor: hit.longDescription || hit.shortDescription,
        effectiveFrom: firstDayOf(hit),
        terminatedOn: hit.terminatedOn,
        source,
      };
    }
    const crosswalk = repo.latest('crosswalk');
    const known = starterCodeKnown(starter, hcpcs) ?? (crosswalk && repo.inCrosswalk(hcpcs, crosswalk.id) ? '' : null);
    if (known === null) return { state: 'unverified' };
    return {
      state: 'known',
      descriptor: known,
      effectiveFrom: null,
      terminatedOn: null,
      source: 'the reference data on file',
    };
  }

  function candidates(ndc11: string, genericName: string): SpecificCodeCandidate[] {
    const hcpcsImport = repo.latest('hcpcs');
    const described = new Map<string, HcpcsHit | null>();
    const hcpcsRow = (code: string): HcpcsHit | null => {
      if (!hcpcsImport) return null;
      if (!described.has(code)) described.set(code, repo.hcpcsIn(code, hcpcsImport.id));
      return described.get(code) ?? null;
    };
    const out: SpecificCodeCandidate[] = [];
    const crosswalk = repo.latest('crosswalk');
    for (const hit of crosswalk ? repo.crosswalkFor(ndc11, crosswalk.id) : []) {
      if (isNocCode(hit.hcpcs)) continue;
      const row = hcpcsRow(hit.hcpcs);
      const unit = parseDosage(hit.hcpcsDosage) ?? unitFromDescriptor(row?.longDescription ?? '');
      const dated = firstDayOf(row);
      out.push({
        hcpcs: hit.hcpcs,
        descriptor: row?.longDescription || hit.shortDescription,
        effectiveFrom: dated ?? hit.firstListedFrom,
        effectiveFromConfirmed: true,
        terminatedOn: row?.terminatedOn ?? null,
        billingUnit: unit,
        billingUnitText: hit.hcpcsDosage,
        setting: hit.hcpcs.startsWith('C') ? 'hospital-outpatient' : 'any',
        source:
          dated !== null
            ? `CMS NDC-HCPCS crosswalk ${hit.release}; effective date from the HCPCS update ${row?.release ?? ''}`
            : `CMS NDC-HCPCS crosswalk ${hit.release}; listed since ${hit.firstListedRelease}`,
      });
    }
    for (const c of starterCandidates(starter, ndc11, genericName)) {
      if (out.some((o) => o.hcpcs === c.hcpcs)) continue;
      const row = hcpcsRow(c.hcpcs);
      const dated = firstDayOf(row);
      out.push(
        dated !== null
          ? {
              ...c,
              descriptor: row?.longDescription || c.descriptor,
              effectiveFrom: dated,
              effectiveFromConfirmed: true,
              terminatedOn: row?.terminatedOn ?? null,
              source: `${c.source}; effective date from the HCPCS update ${row?.release ?? ''}`,
            }
          : c,
      );
    }
    return out;
  }

  function check(args: CheckArgs): CodeCheck {
    fresh();
    const drug = args.drug;
    const name = drug ? (drug.brandName ? `${drug.genericName} (${drug.brandName})` : drug.genericName) : 'This NDC';
    const result = checkCode({
      hcpcs: args.hcpcs,
      dateOfService: args.dateOfService,
      drugLabel: name,
      dose: args.dose,
      drugUnits: drug
        ? { ndcUnit: drug.ndcUnit, strength: { amount: new Dec(drug.strengthAmount), unit: drug.strengthUnit } }
        : null,
      code: cachedStatus(args.hcpcs),
      candidates: cachedCandidates(args.ndc11, drug?.genericName ?? ''),
      setting: 'office',
    });
    const fda = args.fda !== undefined ? args.fda : repo.fdaPackage(args.ndc11);
    const listed = directoryWarnings(fda);
    if (!isNocCode(args.hcpcs))
      return listed.length ? { ...result, warnings: [...result.warnings, ...listed] } : result;
    // Whether the NOC code fits the drug: its route, and (from the FDA directory) its classes.
    const route = args.route || drug?.route || fda?.route || '';
    const fit = nocFitWarnings(
      {
        hcpcs: args.hcpcs,
        route,
        genericName: drug?.genericName ?? fda?.nonproprietaryName ?? '',
        pharmClasses: fda ? fda.pharmClasses : null,
        marketingCategory: fda ? fda.marketingCategory : null,
        placeOfService: 'office',
      },
      starter.nocCodes,
    );
    return { ...result, warnings: [...result.warnings, ...fit, ...listed] };
  }

  /** The billing unit of a specific code for this drug, when the reference data gives it. */
  function billingUnitOf(hcpcs: string, ndc11: string, genericName: string): { amount: string; unit: DoseUnit } | null {
    if (isNocCode(hcpcs)) return null;
    fresh();
    return cachedCandidates(ndc11, genericName).find((c) => c.hcpcs === hcpcs)?.billingUnit ?? null;
  }

  return { check, candidates, codeStatus, billingUnitOf };
}

export type CodeChecker = ReturnType<typeof codeChecker>;

/** "Injection, patisiran, 0.1 mg" → 0.1 mg: HCPCS drug descriptors end with the billing unit. */
function unitFromDescriptor(descriptor: string): { amount: string; unit: DoseUnit } | null {
  const tail = descriptor.slice(descriptor.lastIndexOf(',') + 1);
  return parseDosage(tail);
}

/**
 * The first date of service a HCPCS code may be billed: its ADD_DT. ACT_EFF_DT is the date of the
 * code's latest action (a descriptor change, a termination), so it is only the start when the
 * file gives no ADD_DT.
 */
function firstDayOf(row: Pick<HcpcsHit, 'addedOn' | 'effectiveFrom'> | null): string | null {
  return row ? (row.addedOn ?? row.effectiveFrom) : null;
}
