/**
 * One 835 segment → one typed piece (a claim, a line, adjustments, a name…), with a warning for
 * each value the reader had to assume. Which loop a piece belongs to is era-loops.ts's business.
 */
import * as adjustmentCodes from '../adjustment-codes';
import * as claimStatus from './era-claim-status';
import {
  type EraAdjustment,
  type EraAmount,
  type EraClaim,
  type EraLine,
  type EraName,
  type EraProviderAdjustment,
  type EraReference,
} from './era-types';
import { type EraWarnings } from './era-warnings';
import * as fields from './era-fields';
import { type Field } from './era-fields';
import * as lists from './era-lists';
import { claimLabel, placeOf, type Place, type Where } from './era-where';
import { clipQuoted } from '../quoted-text';
import * as tokenizer from './x12-tokenizer';
import { type X12Segment } from './x12-tokenizer';
import * as values from './x12-values';

// Helpers called for every segment, read once: see era-reader.ts (tsx's import getters).
const { ADJUSTMENT_GROUPS } = adjustmentCodes;
const { claimStatusMeaning } = claimStatus;
const { dateOf, elementName, optionalAmount, requiredAmount, ZERO_AMOUNT } = fields;
const { append, NONE } = lists;
const { components, element } = tokenizer;
const { codeOrNull, intern, readX12Quantity, textOrNull } = values;

export const readReference = (seg: X12Segment): EraReference => ({
  qualifier: intern(element(seg, 1)),
  value: element(seg, 2),
  segment: seg.index,
});

const amtField = (seg: X12Segment): Field => ({ name: 'AMT02', label: `amount ${element(seg, 1)}` });
const casField = (seg: X12Segment, n: number): Field => ({
  name: elementName(seg, n),
  label: `amount of ${element(seg, 1)}-${element(seg, n - 1)}`,
});
const plbField = (seg: X12Segment, n: number): Field => ({
  name: elementName(seg, n),
  label: `amount of ${components(seg, n - 1)[0] ?? ''}`,
});

/** AMT02 of an AMT*B6, the line's allowed amount. */
export const allowedAmount = (seg: X12Segment, where: Where, warnings: EraWarnings): string =>
  requiredAmount(seg, 2, amtField, where, warnings);

export function readAmountSegment(seg: X12Segment, where: Where, warnings: EraWarnings): EraAmount {
  const qualifier = intern(element(seg, 1));
  return { qualifier, amount: requiredAmount(seg, 2, amtField, where, warnings), segment: seg.index };
}

export function readName(seg: X12Segment): EraName {
  return {
    last: textOrNull(seg.elements[3]),
    first: textOrNull(seg.elements[4]),
    middle: textOrNull(seg.elements[5]),
    id: textOrNull(seg.elements[9]),
    idQualifier: codeOrNull(seg.elements[8]),
    segment: seg.index,
  };
}

/**
 * CAS: the group, then up to six (reason, amount, quantity) triplets, each one adjustment,
 * appended to `list`.
 */
export function readCas(
  seg: X12Segment,
  where: Where,
  warnings: EraWarnings,
  list: readonly EraAdjustment[],
): readonly EraAdjustment[] {
  const group = intern(element(seg, 1));
  if (!ADJUSTMENT_GROUPS.has(group)) {
    warnings.add(
      'CAS_GROUP_UNKNOWN',
      seg.index,
      `${placeOf(where)}: adjustment group "${clipQuoted(group)}" is not CO, PR, OA or PI; its amounts are still counted in the balance.`,
    );
  }
  let out = list;
  const last = seg.elements.length - 1;
  for (let r = 2; r <= last; r += 3) {
    const reason = intern(element(seg, r));
    const amountRaw = element(seg, r + 1);
    if (reason === '' && amountRaw === '') continue;
    const quantity = readX12Quantity(element(seg, r + 2));
    out = append(out, {
      group,
      reason,
      amount: requiredAmount(seg, r + 1, casField, where, warnings),
      quantity: quantity.ok ? quantity.text : null,
      segment: seg.index,
    });
  }
  return out;
}

/** CLP: the claim's own fields; its loops are filled by the reader. */
export function readClp(seg: X12Segment, warnings: EraWarnings, headerNumber: string | null): EraClaim {
  const patientControlNumber = textOrNull(seg.elements[1]);
  if (patientControlNumber === null) {
    warnings.add(
      'CLAIM_ID_MISSING',
      seg.index,
      'A claim has no patient control number (CLP01), so it cannot be matched to a claim you sent.',
    );
  }
  const status = intern(element(seg, 2));
  const statusMeaning = claimStatusMeaning(status);
  if (statusMeaning === null) {
    warnings.add(
      'CLAIM_STATUS_UNKNOWN',
      seg.index,
      `${claimLabel(patientControlNumber, seg.index)}: status "${clipQuoted(status)}" (CLP02) is not a claim status code of the 835; check the claim with the payer.`,
    );
  }
  const claim: EraClaim = {
    patientControlNumber,
    status,
    charge: ZERO_AMOUNT,
    paid: ZERO_AMOUNT,
    patientResponsibility: null,
    payerClaimNumber: textOrNull(seg.elements[7]),
    patient: null,
    balanced: true,
    adjustments: NONE,
    lines: NONE,
    segment: seg.index,
    statusMeaning,
    filingIndicator: codeOrNull(seg.elements[6]),
    facilityType: codeOrNull(seg.elements[8]),
    frequency: codeOrNull(seg.elements[9]),
    headerNumber,
    insured: null,
    correctedPatient: null,
    rendering: null,
    renderingNpi: null,
    serviceStart: null,
    serviceEnd: null,
    received: null,
    coverageExpiration: null,
    remarks: NONE,
    references: NONE,
    amounts: NONE,
    balance: null,
  };
  const where: Place = { claim, lineIndex: -1, lineCode: null };
  claim.charge = requiredAmount(seg, 3, CLP03, where, warnings);
  claim.paid = requiredAmount(seg, 4, CLP04, where, warnings);
  claim.patientResponsibility = optionalAmount(seg, 5, CLP05, where, warnings);
  return claim;
}

const CLP03 = { name: 'CLP03', label: 'charge' };
const CLP04 = { name: 'CLP04', label: 'paid' };
const CLP05 = { name: 'CLP05', label: 'patient responsibility' };
const SVC02 = { name: 'SVC02', label: 'line charge' };
const SVC03 = { name: 'SVC03', label: 'line paid' };

/** The procedure composite: qualifier, code, up to four modifiers, description. */
type Procedure = {
  qualifier: string | null;
  code: string | null;
  modifiers: readonly string[];
  description: string | null;
};

function readProcedure(seg: X12Segment, n: number): Procedure {
  const parts = components(seg, n);
  if (parts.length === 1) {
    // No component separator: a bare code ("J3490") rather than "HC:J3490".
    return { qualifier: null, code: codeOrNull(parts[0]), modifiers: NONE, description: null };
  }
  let modifiers: readonly string[] = NONE;
  for (let i = 2; i <= 5 && i < parts.length; i++) {
    const m = codeOrNull(parts[i]);
    if (m !== null) modifiers = append(modifiers, m);
  }
  return {
    qualifier: codeOrNull(parts[0]),
    code: codeOrNull(parts[1]),
    modifiers,
    description: textOrNull(parts[6]),
  };
}

/** SVC: one service line (its DTM, CAS, REF, AMT and LQ are filled by the reader). */
export function readSvc(seg: X12Segment, claim: EraClaim, warnings: EraWarnings): EraLine {
  const procedure = readProcedure(seg, 1);
  const where: Place = { claim, lineIndex: claim.lines.length, lineCode: procedure.code };
  if (procedure.code === null) {
    warnings.add('SVC_CODE_MISSING', seg.index, `${placeOf(where)}: the line has no procedure code (SVC01 is empty).`);
  }
  const submitted = element(seg, 6) === '' ? null : readProcedure(seg, 6);
  const units = readX12Quantity(element(seg, 5));
  if (!units.ok) {
    const said =
      units.problem === 'missing'
        ? 'the payer did not say how many units it paid (SVC05), which means 1'
        : `the units paid (SVC05) "${clipQuoted(element(seg, 5))}" are not a number`;
    warnings.add(
      units.problem === 'missing' ? 'SVC_UNITS_DEFAULTED' : 'UNITS_INVALID',
      seg.index,
      `${placeOf(where)}: ${said}; units are read as 1.`,
    );
  }
  const submittedUnits = readX12Quantity(element(seg, 7));
  return {
    code: procedure.code,
    modifiers: procedure.modifiers,
    submittedCode: submitted?.code ?? null,
    charge: requiredAmount(seg, 2, SVC02, where, warnings, 'SVC_AMOUNT_MISSING'),
    paid: requiredAmount(seg, 3, SVC03, where, warnings, 'SVC_AMOUNT_MISSING'),
    allowed: null,
    units: units.ok ? units.text : '1',
    dateOfService: null,
    lineControlNumber: null,
    balanced: true,
    remarks: NONE,
    adjustments: NONE,
    segment: seg.index,
    qualifier: procedure.qualifier,
    description: procedure.description,
    submittedQualifier: submitted?.qualifier ?? null,
    submittedModifiers: submitted?.modifiers ?? NONE,
    submittedUnits: submittedUnits.ok ? submittedUnits.text : null,
    revenueCode: codeOrNull(seg.elements[4]),
    serviceStart: null,
    serviceEnd: null,
    otherRemarks: NONE,
    references: NONE,
    amounts: NONE,
    balance: null,
  };
}

/** PLB: provider id, fiscal period date, then up to six (reason:reference, amount) pairs. */
export function readPlb(seg: X12Segment, warnings: EraWarnings): EraProviderAdjustment[] {
  const where = 'Provider adjustment (PLB)';
  const providerId = textOrNull(seg.elements[1]);
  const fiscalPeriodDate = dateOf(seg, 2, { name: 'PLB02', label: 'fiscal period date' }, where, warnings);
  const out: EraProviderAdjustment[] = [];
  for (let r = 3; r < seg.elements.length; r += 2) {
    if (element(seg, r) === '' && element(seg, r + 1) === '') continue;
    const [reason = '', reference] = components(seg, r);
    out.push({
      reason,
      reference: textOrNull(reference),
      amount: requiredAmount(seg, r + 1, plbField, where, warnings),
      providerId,
      fiscalPeriodDate,
      segment: seg.index,
    });
  }
  return out;
}
