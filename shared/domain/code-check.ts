/**
 * The billing guide's first error-prevention step: before billing J3490 (or another NOC code),
 * verify that no specific HCPCS code covers the drug on the date of service (domain.md §1, §5).
 * Pure: the service gathers what the reference data says about the NDC (crosswalk, HCPCS update,
 * bundled starter set) and this decides.
 *
 * - A NOC code for an NDC that a specific code covers on the date of service: SPECIFIC_CODE_EXISTS,
 *   naming the code, its descriptor, effective date, billing unit and the units of this dose (K1).
 *   Before the code's effective date the NOC code is right (K2): nothing is said.
 * - A specific code whose effective date is not on file cannot decide anything: a note says so.
 * - A code that is not NOC: HCPCS_UNKNOWN when the imported HCPCS set does not have it,
 *   HCPCS_NOT_YET_EFFECTIVE / HCPCS_TERMINATED when the date of service is outside its dates,
 *   HCPCS_UNVERIFIED when no HCPCS update has been imported (nothing to check it against).
 */
import type { Decimal } from 'decimal.js';
import { isNocCode } from './hcpcs';
import { Dec } from './money';
import type { Warning } from './result';
import { ceilDivide, convertDoseUnit, drugAmountIn, type DoseUnit, type DrugUnits } from './units';

export type CodeSetting = 'office' | 'hospital-outpatient';

/** A specific code that the reference data says covers an NDC (or its product, or its name). */
export type SpecificCodeCandidate = {
  hcpcs: string;
  descriptor: string;
  /** First date of service the code may be billed; null when no source on file says. */
  effectiveFrom: string | null;
  /** False when the date comes from an unconfirmed source (the starter set's [U] rows). */
  effectiveFromConfirmed: boolean;
  /** Last date of service the code may be billed (HCPCS TERM_DT), null when in force. */
  terminatedOn: string | null;
  billingUnit: { amount: string; unit: DoseUnit } | null;
  /** As the source writes it ("0.1 MG"), for the message when it cannot be read as a quantity. */
  billingUnitText: string;
  /** Where the code is billed; hospital-outpatient C-codes do not apply to an office claim. */
  setting: CodeSetting | 'any';
  /** Where this fact comes from, e.g. "CMS NDC-HCPCS crosswalk 2025Q3". */
  source: string;
};

/** What the loaded HCPCS code set says of the code billed. */
export type CodeStatus =
  | { state: 'known'; descriptor: string; effectiveFrom: string | null; terminatedOn: string | null; source: string }
  | { state: 'unknown'; source: string }
  | { state: 'unverified' };

export type CodeCheckInput = {
  hcpcs: string;
  dateOfService: string;
  /** "vutrisiran (Amvuttra), NDC 71336-1003-01": how the drug is named in the messages. */
  drugLabel: string;
  dose: { amount: string; unit: DoseUnit } | null;
  /** The drug's strength and NDC unit, to count units across families (a dose in mL, a unit in mg). */
  drugUnits: DrugUnits | null;
  code: CodeStatus;
  candidates: readonly SpecificCodeCandidate[];
  setting: CodeSetting;
};

export type SpecificCodeFinding = {
  hcpcs: string;
  descriptor: string;
  effectiveFrom: string;
  effectiveFromConfirmed: boolean;
  billingUnit: string;
  /** Units of this code the dose takes (rounded up to whole units), when the dose is known. */
  unitsForDose: string | null;
  source: string;
};

export type CodeCheck = {
  /** The specific code in force on the date of service, when the code billed is NOC. */
  specificCode: SpecificCodeFinding | null;
  /** A specific code that takes effect after the date of service (the NOC code is still right). */
  upcoming: SpecificCodeFinding | null;
  warnings: Warning[];
};

export function checkCode(input: CodeCheckInput): CodeCheck {
  if (isNocCode(input.hcpcs)) return checkNoc(input);
  return { specificCode: null, upcoming: null, warnings: codeStatusWarnings(input) };
}

function checkNoc(input: CodeCheckInput): CodeCheck {
  const { dateOfService: dos } = input;
  // C9399 is the hospital outpatient NOC code: its specific codes are the C-codes; others the office's.
  const setting: CodeSetting = input.hcpcs === 'C9399' ? 'hospital-outpatient' : input.setting;
  const applicable = input.candidates.filter((c) => c.setting === 'any' || c.setting === setting);
  const dated = applicable.filter((c) => c.effectiveFrom !== null);
  const inForce = dated
    .filter((c) => (c.effectiveFrom as string) <= dos && (c.terminatedOn === null || dos <= c.terminatedOn))
    .sort(byEffective);
  const later = dated.filter((c) => (c.effectiveFrom as string) > dos).sort(byEffective);
  const warnings: Warning[] = [];

  const found = inForce[inForce.length - 1];
  const specificCode = found ? finding(found, input) : null;
  if (specificCode) {
    const units =
      specificCode.unitsForDose === null
        ? ''
        : ` This dose is ${specificCode.unitsForDose} ${specificCode.unitsForDose === '1' ? 'unit' : 'units'} of ${specificCode.hcpcs}.`;
    const unconfirmed = specificCode.effectiveFromConfirmed
      ? ''
      : ' (that date is not confirmed by a CMS file on record; import the HCPCS quarterly update to confirm it)';
    warnings.push({
      code: 'SPECIFIC_CODE_EXISTS',
      message:
        `${input.drugLabel} has its own code: ${specificCode.hcpcs} "${specificCode.descriptor}", ` +
        `effective ${specificCode.effectiveFrom}${unconfirmed}, billed per ${specificCode.billingUnit}.${units} ` +
        `A ${input.hcpcs} claim for it on ${dos} is likely to be denied: bill ${specificCode.hcpcs}, or record that the payer told you to bill ${input.hcpcs}. ` +
        `Source: ${specificCode.source}.`,
    });
  }
  const next = later[0];
  const upcoming = next ? finding(next, input) : null;

  if (!specificCode) {
    for (const c of applicable.filter((x) => x.effectiveFrom === null)) {
      warnings.push({
        code: 'SPECIFIC_CODE_DATE_UNKNOWN',
        message:
          `${c.hcpcs} "${c.descriptor}" may cover ${input.drugLabel}, but no file on record says from which date of service; ` +
          `import the HCPCS quarterly update or check with the payer before billing ${input.hcpcs}. Source: ${c.source}.`,
      });
    }
  }
  return { specificCode, upcoming, warnings };
}

const byEffective = (a: SpecificCodeCandidate, b: SpecificCodeCandidate): number =>
  (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '');

function finding(c: SpecificCodeCandidate, input: CodeCheckInput): SpecificCodeFinding {
  return specificCodeFinding(c, input.dose, input.drugUnits);
}

/**
 * A candidate as a finding: its billing unit in words and, when a dose is given, how many units
 * that dose is (null without a dose, or when it cannot be counted).
 */
export function specificCodeFinding(
  c: SpecificCodeCandidate,
  dose: CodeCheckInput['dose'],
  drugUnits: DrugUnits | null,
): SpecificCodeFinding {
  return {
    hcpcs: c.hcpcs,
    descriptor: c.descriptor,
    effectiveFrom: c.effectiveFrom ?? '',
    effectiveFromConfirmed: c.effectiveFromConfirmed,
    billingUnit: c.billingUnit
      ? `${c.billingUnit.amount} ${c.billingUnit.unit}`
      : c.billingUnitText || 'unit not on file',
    unitsForDose: c.billingUnit ? unitsFor(dose, c.billingUnit, drugUnits) : null,
    source: c.source,
  };
}

/** Whole billing units for a dose: dose ÷ unit, rounded up (a partial unit is billed as one). */
export function unitsFor(
  dose: { amount: string; unit: DoseUnit } | null,
  unit: { amount: string; unit: DoseUnit },
  drug: DrugUnits | null,
): string | null {
  if (!dose || dose.amount === '') return null;
  let amount: Decimal;
  let per: Decimal;
  try {
    amount = new Dec(dose.amount);
    per = new Dec(unit.amount);
  } catch {
    return null;
  }
  if (per.isZero() || amount.isZero()) return null;
  // Within a family (mg ↔ mcg) no drug facts are needed; across (mL → mg) the strength is.
  const direct = convertDoseUnit(amount, dose.unit, unit.unit);
  const converted =
    direct !== null
      ? { ok: true as const, value: direct }
      : drug
        ? drugAmountIn({ amount, unit: dose.unit }, unit.unit, drug)
        : null;
  if (converted === null) return null;
  return converted.ok ? ceilDivide(converted.value, per).toFixed() : null;
}

function codeStatusWarnings(input: CodeCheckInput): Warning[] {
  const { code, hcpcs, dateOfService: dos } = input;
  if (code.state === 'unverified') {
    return [
      {
        code: 'HCPCS_UNVERIFIED',
        message: `${hcpcs} could not be checked: no HCPCS quarterly update has been imported (Reference data). Check the code before billing.`,
      },
    ];
  }
  if (code.state === 'unknown') {
    return [
      {
        code: 'HCPCS_UNKNOWN',
        message: `${hcpcs} is not a code in ${code.source} and is not a NOC code; check the code (a drug code is a letter and 4 digits, such as J0225).`,
      },
    ];
  }
  if (code.effectiveFrom !== null && dos < code.effectiveFrom) {
    return [
      {
        code: 'HCPCS_NOT_YET_EFFECTIVE',
        message: `${hcpcs} "${code.descriptor}" takes effect on ${code.effectiveFrom}, after the date of service ${dos}; bill the code in force on ${dos} (often J3490 with the drug's NDC). Source: ${code.source}.`,
      },
    ];
  }
  if (code.terminatedOn !== null && dos > code.terminatedOn) {
    return [
      {
        code: 'HCPCS_TERMINATED',
        message: `${hcpcs} "${code.descriptor}" ended on ${code.terminatedOn}, before the date of service ${dos}; find the code that replaced it. Source: ${code.source}.`,
      },
    ];
  }
  return [];
}
