/**
 * The bundled starter set as the code check reads it: the specific codes it names for a drug
 * (by package NDC, product NDC or generic name) as candidates, and whether it knows a code at all
 * (so a code it names is not "unverified" before any HCPCS update is imported).
 */
import type { SpecificCodeCandidate } from '../../../shared/domain/code-check';
import { specificCodesFor, type StarterSet } from '../../../shared/domain/reference-codes';
import { loadStarterSet } from './starter-set';

export type StarterCodes = StarterSet;

export function starterCandidates(starter: StarterCodes, ndc11: string, genericName: string): SpecificCodeCandidate[] {
  return specificCodesFor(starter.specificCodes, { ndc11, genericName }).map((row) => ({
    hcpcs: row.hcpcs,
    descriptor: row.descriptor,
    effectiveFrom: row.effectiveFrom,
    effectiveFromConfirmed: row.effectiveFromConfirmed,
    terminatedOn: null,
    billingUnit: row.billingUnit,
    billingUnitText: row.billingUnit ? `${row.billingUnit.amount} ${row.billingUnit.unit}` : '',
    setting: row.setting,
    source: `J3490 Desk starter set: ${row.source}`,
  }));
}

/** The descriptor the starter set gives a code, or null when it does not name it. */
export function starterCodeKnown(starter: StarterCodes, hcpcs: string): string | null {
  const noc = starter.nocCodes.find((r) => r.hcpcs === hcpcs);
  if (noc) return noc.descriptor;
  return starter.specificCodes.find((r) => r.hcpcs === hcpcs)?.descriptor ?? null;
}

let bundled: StarterCodes | null = null;

/** The starter set shipped in resources/reference, read once per process (it never changes). */
export function bundledStarterSet(): StarterCodes {
  bundled ??= loadStarterSet();
  return bundled;
}
