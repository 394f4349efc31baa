/**
 * From what is on file to a scenario: the contract version, prices and payer profile in force on
 * a date of service become the engine's input. Pure, so the rules (which price feeds which basis,
 * how the payer's unit and modifier policies apply) are tested without a database. Anything
 * missing is named in a warning a biller can act on ("no AWP for 50242-0040-62 on 2025-03-02").
 */
import type { Contract } from './contract-terms';
import type { Drug } from './drug-catalog';
import type { DrugPrice, PaymentLimit } from './drug-price';
import { formatNdc542 } from './ndc';
import type { Payer } from './payer';
import type { ScenarioInput } from './scenario';
import type { Warning } from './result';

type Quantity = { amount: string; unit: 'mg' | 'mcg' | 'g' | 'mL' | 'units' };

export type OnFile = {
  payer: Payer;
  drug: Drug;
  contract: Contract | null;
  awp: DrugPrice | null;
  wac: DrugPrice | null;
  paymentLimit: PaymentLimit | null;
  feeSchedule: { rate: string; perAmount: string; perUnit: Quantity['unit']; effectiveFrom: string } | null;
  /** A specific code's own billing unit (J0222: 0.1 mg) from the reference data; it sets the units. */
  codeBillingUnit?: Quantity | null;
};

export type Administration = {
  dateOfService: string;
  hcpcs: string;
  dose: Quantity;
  wasted?: Quantity | undefined;
  route?: string | undefined;
  billedCharge: string;
  wastedBilledCharge?: string | undefined;
  acquisitionPerPackage?: string | undefined;
  deductibleRemaining?: string | undefined;
};

export type Built = { scenario: ScenarioInput | null; warnings: Warning[]; refusal: Warning | null };

/**
 * What is missing or unconfirmed in the terms on file for a payer, drug and date, before any
 * dose is known: no contract, no price for the contract's basis, an unconfirmed profile.
 */
export function termsWarnings(
  onFile: OnFile,
  on: string,
  hcpcs: string,
): { warnings: Warning[]; refusal: Warning | null } {
  const { payer, drug, contract } = onFile;
  const ndc = formatNdc542(drug.ndc11);
  if (!contract) {
    const refusal = {
      code: 'NO_CONTRACT',
      message: `No contract for ${payer.name} on ${on}: add a contract version that covers this date (Payers → ${payer.name}).`,
    };
    return { warnings: [refusal], refusal };
  }
  const warnings: Warning[] = [];
  if (!payer.profileConfirmedAt) {
    warnings.push({
      code: 'PROFILE_NOT_CONFIRMED',
      message: `${payer.name}'s J3490 requirements have never been confirmed; check them with the payer before billing.`,
    });
  }
  const limit = onFile.paymentLimit;
  const limitUsable = !!limit && !!limit.dosageAmount && !!limit.dosageUnit;
  if (limit && !limitUsable) {
    warnings.push({
      code: 'PAYMENT_LIMIT_DOSAGE_UNREADABLE',
      message: `The CMS payment limit for ${limit.hcpcs || limit.drugName} (${limit.quarter}) is per "${limit.dosageText}", which cannot price a dose.`,
    });
  }
  const noLimit = `No CMS payment limit for ${hcpcs} / ${drug.genericName} in force on ${on}`;
  const needs: Partial<Record<Contract['basis'], [boolean, string]>> = {
    AWP: [!!onFile.awp, `No AWP for ${ndc} on ${on}`],
    WAC: [!!onFile.wac, `No WAC for ${ndc} on ${on}`],
    ASP: [limitUsable, noLimit],
    ASP_DERIVED: [limitUsable, noLimit],
    FEE_SCHEDULE: [
      !!contract.feeScheduleRate || !!onFile.feeSchedule,
      `No fee schedule rate from ${payer.name} for ${ndc} or ${hcpcs} on ${on}`,
    ],
  };
  const need = needs[contract.basis];
  if (need && !need[0])
    warnings.push({
      code: 'NO_PRICE',
      message: `${need[1]}; add it under ${contract.basis === 'FEE_SCHEDULE' ? 'Payers' : 'Prices'}.`,
    });
  return { warnings, refusal: null };
}

export function buildScenario(onFile: OnFile, admin: Administration): Built {
  const { payer, drug, contract } = onFile;
  const on = admin.dateOfService;
  const terms = termsWarnings(onFile, on, admin.hcpcs);
  if (!contract || terms.refusal) return { scenario: null, warnings: terms.warnings, refusal: terms.refusal };
  const warnings = [...terms.warnings];
  if (contract.basis === 'INVOICE' && !admin.acquisitionPerPackage) {
    warnings.push({
      code: 'NO_PRICE',
      message: `No invoice cost for ${formatNdc542(drug.ndc11)}; link the administration to its invoice line.`,
    });
  }

  const prices: NonNullable<ScenarioInput['prices']> = {};
  if (onFile.awp) prices.awpPerPackage = onFile.awp.pricePerPackage;
  if (onFile.wac) prices.wacPerPackage = onFile.wac.pricePerPackage;
  if (admin.acquisitionPerPackage) prices.acquisitionPerPackage = admin.acquisitionPerPackage;
  const limit = onFile.paymentLimit;
  if (limit && limit.dosageAmount && limit.dosageUnit) {
    prices.paymentLimit = { amount: limit.paymentLimit, per: { amount: limit.dosageAmount, unit: limit.dosageUnit } };
  }

  let feeSchedule: { rate: string; per: Quantity } | undefined;
  if (contract.basis === 'FEE_SCHEDULE') {
    if (contract.feeScheduleRate) {
      feeSchedule = {
        rate: contract.feeScheduleRate,
        per: { amount: contract.feeSchedulePerAmount, unit: contract.feeSchedulePerUnit },
      };
    } else if (onFile.feeSchedule) {
      feeSchedule = {
        rate: onFile.feeSchedule.rate,
        per: { amount: onFile.feeSchedule.perAmount, unit: onFile.feeSchedule.perUnit },
      };
    }
  }

  const scenario: ScenarioInput = {
    dateOfService: on,
    hcpcs: admin.hcpcs,
    drug: {
      ndc: drug.ndc11,
      name: drug.genericName,
      ...(drug.brandName ? { brandName: drug.brandName } : {}),
      ndcUnit: drug.ndcUnit,
      packageSize: drug.packageSize,
      strength: { amount: drug.strengthAmount, unit: drug.strengthUnit },
      container: drug.container,
    },
    dose: admin.dose,
    ...(admin.wasted && admin.wasted.amount !== '' ? { wasted: admin.wasted } : {}),
    route: admin.route || drug.route,
    ...(onFile.codeBillingUnit
      ? { billingUnit: onFile.codeBillingUnit }
      : payer.nocUnitsMode === 'per-quantity' && payer.nocUnitsPerAmount
        ? { billingUnit: { amount: payer.nocUnitsPerAmount, unit: payer.nocUnitsPerUnit } }
        : {}),
    prices,
    billedCharge: admin.billedCharge,
    ...(admin.wastedBilledCharge ? { wastedBilledCharge: admin.wastedBilledCharge } : {}),
    contract: {
      basis: contract.basis,
      percent: contract.percent,
      ...(contract.addOn !== '0' ? { addOn: contract.addOn } : {}),
      ...(feeSchedule ? { feeSchedule } : {}),
      lesserOfBilled: contract.lesserOfBilled,
      coinsurancePercent: contract.coinsurancePercent,
      ...(admin.deductibleRemaining ? { deductibleRemaining: admin.deductibleRemaining } : {}),
      sequestration: contract.sequestration,
    },
    payerProfile: { name: payer.name, ndcUnits: payer.ndcUnits },
    ...modifierPolicy(payer, admin),
  };
  return { scenario, warnings, refusal: null };
}

/** A payer that does not use JZ (or JW) gets an override, with the policy as the reason. */
function modifierPolicy(payer: Payer, admin: Administration): Pick<ScenarioInput, 'modifierOverride'> {
  if (payer.jwJzPolicy === 'cms') return {};
  const wasted = admin.wasted && admin.wasted.amount !== '' && !/^0+(\.0+)?$/.test(admin.wasted.amount);
  return {
    modifierOverride: {
      given: [],
      ...(payer.jwJzPolicy === 'none' && wasted ? { wasted: [] } : {}),
      reason: `${payer.name}'s requirements: ${payer.jwJzPolicy === 'none' ? 'no JW or JZ' : 'JW only, no JZ'}.`,
    },
  };
}
