/**
 * A patient's record as the desk reads it: the patient, every administration they had (newest
 * first), their claims (administrations sharing a claim number and payer) with what was billed,
 * expected and paid, and how many documents were made for them.
 * "Expected" is one thing everywhere: the expected total reimbursement, payer plus patient; the
 * two parts ride beside it.
 */
import { z } from 'zod';
import { ADMINISTRATION_STATUSES, administrationSummarySchema, type AdministrationStatus } from './administration';
import { idSchema } from './field-rules';
import { Dec, moneyString, ZERO } from './money';
import { patientSchema } from './patient';

const money = z.string();

/** One administration of the patient: the list's summary, with the expected total's two parts. */
export const patientAdministrationSchema = administrationSummarySchema.omit({ patientName: true }).extend({
  payerId: idSchema,
  /** The payer's and the patient's parts of `expected`; null when there is no estimate. */
  expectedPayer: money.nullable(),
  expectedPatient: money.nullable(),
  /** What the payer paid for it, as posted; null before any payment was posted. */
  paid: money.nullable(),
});
export type PatientAdministration = z.output<typeof patientAdministrationSchema>;

/** The administrations of one patient billed to one payer under one claim number. */
export const patientClaimSchema = z.object({
  claimNumber: z.string(),
  payerId: idSchema,
  payerName: z.string(),
  firstDateOfService: z.string(),
  lastDateOfService: z.string(),
  administrationIds: z.array(idSchema),
  /** Each status its administrations are in, in the order a claim moves through them. */
  statuses: z.array(z.enum(ADMINISTRATION_STATUSES)),
  billed: money,
  /** Payer plus patient; null while an administration of the claim has no estimate. */
  expected: money.nullable(),
  expectedPayer: money.nullable(),
  expectedPatient: money.nullable(),
  /** What the payer paid, as posted from ERAs and paper EOBs; null before any payment was posted. */
  paid: money.nullable(),
});
export type PatientClaim = z.output<typeof patientClaimSchema>;

export const patientRecordSchema = z.object({
  patient: patientSchema,
  administrations: z.array(patientAdministrationSchema),
  claims: z.array(patientClaimSchema),
  /** Administrations that have no claim number yet (not part of any claim). */
  withoutClaimNumber: z.number().int(),
  documentCount: z.number().int(),
});
export type PatientRecord = z.output<typeof patientRecordSchema>;

/**
 * The patient's claims from their administrations: those sharing a claim number and a payer are
 * one claim (as its attachment and its remittance see it). Administrations without a claim
 * number are no claim yet. Newest claim first (by its last date of service).
 */
export function claimsOf(administrations: readonly PatientAdministration[]): PatientClaim[] {
  const groups = new Map<string, PatientAdministration[]>();
  for (const a of administrations) {
    if (a.claimNumber === '') continue;
    const key = JSON.stringify([a.claimNumber, a.payerId]);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const claims = [...groups.values()].map((group): PatientClaim => {
    const [first] = group as [PatientAdministration, ...PatientAdministration[]];
    const dates = group.map((a) => a.dateOfService).sort();
    const present = new Set<AdministrationStatus>(group.map((a) => a.status));
    const paid = group.filter((a) => a.paid !== null).map((a) => a.paid as string);
    return {
      claimNumber: first.claimNumber,
      payerId: first.payerId,
      payerName: first.payerName,
      firstDateOfService: dates[0] ?? first.dateOfService,
      lastDateOfService: dates[dates.length - 1] ?? first.dateOfService,
      administrationIds: group.map((a) => a.id).sort((x, y) => x - y),
      statuses: ADMINISTRATION_STATUSES.filter((s) => present.has(s)),
      billed: sum(group.map((a) => a.billedCharge)),
      expected: sumAll(group.map((a) => a.expected)),
      expectedPayer: sumAll(group.map((a) => a.expectedPayer)),
      expectedPatient: sumAll(group.map((a) => a.expectedPatient)),
      paid: paid.length === 0 ? null : sum(paid),
    };
  });
  return claims.sort(
    (x, y) =>
      y.lastDateOfService.localeCompare(x.lastDateOfService) ||
      x.claimNumber.localeCompare(y.claimNumber) ||
      x.payerId - y.payerId,
  );
}

const sum = (amounts: readonly string[]): string =>
  moneyString(amounts.reduce((total, a) => total.plus(new Dec(a)), ZERO));

/** The sum, or null when one of the amounts is not known (a partial total would read as the whole). */
const sumAll = (amounts: readonly (string | null)[]): string | null =>
  amounts.some((a) => a === null) ? null : sum(amounts as string[]);
