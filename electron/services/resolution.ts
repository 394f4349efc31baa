/**
 * Resolution service: loads what is on file for a payer, a drug and a date of service (the
 * contract version in force, AWP/WAC, the CMS limit, the payer's fee schedule rate) and runs the
 * shared engine on the scenario built from it. A batch (reports, benchmarks) passes a cache so
 * payers, drugs and contract versions are read once each, not once per administration.
 * The administration's fields were validated at the contract (resolveArgsSchema uses the
 * scenario's own validators) and everything else comes from validated records, so the built
 * scenario goes to the engine without a second zod pass.
 */
import { pickContract, type Contract } from '../../shared/domain/contract-terms';
import { estimate } from '../../shared/domain/estimate';
import { isNocCode } from '../../shared/domain/hcpcs';
import { buildScenario, termsWarnings, type Administration, type OnFile } from '../../shared/domain/resolution';
import type { Scenario } from '../../shared/domain/scenario';
import type { Drug } from '../../shared/domain/drug-catalog';
import type { Payer } from '../../shared/domain/payer';
import type { DrugPrice } from '../../shared/domain/drug-price';
import type { Resolution, Terms } from '../../shared/api/resolution-schemas';
import { AppError } from './app-error';
import { codeChecker } from './reference/code-checker';
import { bundledStarterSet } from './reference/starter-codes';
import type { Db } from './db/open';
import type { AuditLog } from './repositories/audit-log';
import { contractRepository } from './repositories/contract-repository';
import { drugRepository } from './repositories/drug-repository';
import { payerRepository } from './repositories/payer-repository';
import { invoiceRepository } from './repositories/invoice-repository';
import { priceRepository } from './repositories/price-repository';

export function resolver(db: Db, audit: AuditLog) {
  const payers = payerRepository(db, audit);
  const drugs = drugRepository(db, audit);
  const contracts = contractRepository(db, audit);
  const prices = priceRepository(db, audit);
  const invoices = invoiceRepository(db, audit);
  const codes = codeChecker(db, audit, bundledStarterSet());

  const cached = <K, V>(map: Map<K, V> | undefined, key: K, load: () => V): V => {
    const hit = map?.get(key);
    if (hit !== undefined) return hit;
    const value = load();
    map?.set(key, value);
    return value;
  };

  function onFileFor(payerId: number, ndc11: string, date: string, hcpcs: string, cache?: ResolveCache): OnFile {
    const payer = cached(cache?.payers, payerId, () => payers.get(payerId));
    const drug = cached(cache?.drugs, ndc11, () => drugs.findByNdc(ndc11));
    if (!drug) throw new AppError('DRUG_NOT_FOUND', 'This NDC is not in the drug catalog; add the drug first.');
    const versions = cached(cache?.contracts, payerId, () => contracts.forPayer(payerId));
    const contract = pickContract(versions, { ndc11, hcpcs, date });
    const history = cached(cache?.prices, ndc11, () => prices.allForNdc(ndc11));
    const asp = contract?.basis === 'ASP' || contract?.basis === 'ASP_DERIVED';
    return {
      payer,
      drug,
      contract,
      awp: inForceOn(history, 'AWP', date),
      wac: inForceOn(history, 'WAC', date),
      codeBillingUnit: codes.billingUnitOf(hcpcs, ndc11, drug.genericName),
      // Only the ASP bases read the CMS limit; the name match for NOC drugs is not free.
      paymentLimit: asp
        ? prices.paymentLimitAt({ hcpcs, genericName: drug.genericName, isNoc: isNocCode(hcpcs), date })
        : null,
      // A contract with its own rate does not read the payer's fee schedule (and does not show it).
      feeSchedule:
        contract?.basis === 'FEE_SCHEDULE' && !contract.feeScheduleRate
          ? prices.feeScheduleAt(payerId, ndc11, hcpcs, date)
          : null,
    };
  }

  const pricesOf = (onFile: OnFile): Resolution['prices'] => ({
    awp: onFile.awp,
    wac: onFile.wac,
    paymentLimit: onFile.paymentLimit,
    feeSchedule: onFile.feeSchedule,
  });

  /** What the code check says of this drug, date and code (issue 13): a specific code, an unknown code. */
  const codeWarnings = (drug: Drug, date: string, hcpcs: string, dose: Administration['dose'] | null, route?: string) =>
    codes.check({ ndc11: drug.ndc11, dateOfService: date, hcpcs, dose, drug, route }).warnings;

  return {
    codes,
    terms(payerId: number, ndc11: string, date: string, hcpcs: string): Terms {
      const onFile = onFileFor(payerId, ndc11, date, hcpcs);
      const { warnings, refusal } = termsWarnings(onFile, date, hcpcs);
      warnings.push(...codeWarnings(onFile.drug, date, hcpcs, null));
      return {
        payer: onFile.payer,
        contract: onFile.contract,
        prices: pricesOf(onFile),
        acquisition: invoices.latestCost(ndc11, date),
        warnings,
        refusal,
      };
    },

    resolve(payerId: number, ndc11: string, admin: Administration, cache?: ResolveCache): Resolution {
      const onFile = onFileFor(payerId, ndc11, admin.dateOfService, admin.hcpcs, cache);
      const { contract } = onFile;
      const built = buildScenario(onFile, admin);
      const warnings = [
        ...built.warnings,
        ...codeWarnings(onFile.drug, admin.dateOfService, admin.hcpcs, admin.dose, admin.route),
      ];
      const base = { payer: onFile.payer, contract, prices: pricesOf(onFile), warnings };
      if (!built.scenario) return { ...base, scenario: null, estimate: null, refusal: built.refusal };
      const outcome = estimate(built.scenario as Scenario);
      if (!outcome.ok) return { ...base, scenario: built.scenario, estimate: null, refusal: outcome.error };
      return { ...base, scenario: built.scenario, estimate: outcome, refusal: null };
    },
  };
}

export type ResolveCache = {
  payers: Map<number, Payer>;
  drugs: Map<string, Drug | null>;
  contracts: Map<number, Contract[]>;
  prices: Map<string, DrugPrice[]>;
};

export const newResolveCache = (): ResolveCache => ({
  payers: new Map(),
  drugs: new Map(),
  contracts: new Map(),
  prices: new Map(),
});

/** The latest price of a kind whose date is on or before the date of service (history oldest first). */
function inForceOn(history: readonly DrugPrice[], type: DrugPrice['priceType'], date: string): DrugPrice | null {
  let found: DrugPrice | null = null;
  for (const p of history) {
    if (p.effectiveFrom > date) break;
    if (p.priceType === type) found = p;
  }
  return found;
}
