import type { Db } from '../../db/open';
/**
 * How an administration is stored and read back. One flat row (the administration joined to its
 * patient, payer, lot, invoice and drug) is the only input of `toAdministration`, whether it
 * comes from the database or from a draft that is not saved (preview), so both read the same.
 * Policy:
 * - Quantities drawn from the lot are integer NDC micro-units; the billed charges integer cents;
 *   both become exact strings only on the way out.
 * - The estimate snapshot is one JSON text: the engine's result or its refusal, the resolution's
 *   warnings, the contract version and the prices used. It is what was expected when it was
 *   computed and is never recomputed once the claim is billed.
 * - The readiness checklist is always computed from the live row (payer confirmation, invoice
 *   scan); `ready`/`missing_json` only cache it for the list's filter.
 */
import {
  FROZEN_STATUSES,
  type Administration,
  type AdministrationStatus,
  type ReadinessItem,
} from '../../../../shared/domain/administration';
import type { Resolution } from '../../../../shared/api/resolution-schemas';
import type { Technique, TechniqueFacts } from '../../../../shared/domain/administration-technique';
import { netCostPerPackage } from '../../../../shared/domain/invoice';
import { asCents, decimalFromCents, moneyString } from '../../../../shared/domain/money';
import { readinessChecklist, type NocInstruction } from '../../../../shared/domain/readiness';
import type { EstimateResult } from '../../../../shared/domain/scenario';
import { unitsFromMicro } from '../../../../shared/domain/stock-quantity';
import type { DoseUnit } from '../../../../shared/domain/units';

export type Notice = { code: string; message: string };

/** What the estimate was computed from and what it gave, stored as `estimate_json`. */
export type Snapshot = {
  estimate: EstimateResult | null;
  refusal: Notice | null;
  warnings: Notice[];
  contractId: number | null;
  prices: Resolution['prices'] & { acquisitionPerPackage: string | null };
};

export type ModifierOverride = { given: string[]; wasted: string[]; reason: string };

/** The administration joined to everything it shows and everything its checklist reads. */
export type AdministrationRow = {
  id: number;
  dateOfService: string;
  patientId: number;
  patientName: string;
  payerId: number;
  payerName: string;
  requiresInvoice: number;
  profileConfirmedAt: string | null;
  invoiceLineId: number;
  invoiceId: number;
  ndc11: string;
  genericName: string;
  brandName: string;
  lotNumber: string;
  expiryDate: string;
  packageQuantity: string;
  extendedCents: number;
  discountCents: number;
  hasScan: number;
  hcpcs: string;
  doseAmount: string;
  doseUnit: DoseUnit;
  wastedAmount: string;
  givenMicro: number;
  wastedMicro: number;
  ndcUnit: string;
  route: string;
  technique: Technique | '';
  infusionStart: string;
  infusionStop: string;
  infusionMinutes: string;
  site: string;
  orderingNpi: string;
  orderingProviderName: string;
  renderingNpi: string;
  renderingProviderName: string;
  /** ICD-10 codes joined by commas (a code never holds one). */
  diagnoses: string;
  medicalNecessity: string;
  physicianNotes: string;
  billedCents: number;
  wastedBilledCents: number | null;
  claimNumber: string;
  status: AdministrationStatus;
  modifierOverrideJson: string | null;
  estimateJson: string | null;
  estimateAt: string | null;
  contractId: number | null;
  /** 1 when prices, contracts or payer terms changed after the estimate was computed. */
  estimateStale: number;
  ready: number;
  missingJson: string;
  /** {"note","at","by"}: the payer told the biller to bill the NOC code (see readiness.ts). */
  nocInstructionJson: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** The lot (invoice line), its invoice and its drug: what an administration takes from them. */
export type LotFacts = Pick<
  AdministrationRow,
  | 'invoiceLineId'
  | 'invoiceId'
  | 'lotNumber'
  | 'expiryDate'
  | 'packageQuantity'
  | 'extendedCents'
  | 'discountCents'
  | 'hasScan'
  | 'genericName'
  | 'brandName'
  | 'ndcUnit'
> & {
  ndc11: string;
  strengthAmount: string;
  strengthUnit: DoseUnit;
  container: 'single-dose' | 'multi-dose';
};

export const LOT_FACTS_SQL = `SELECT l.id AS invoiceLineId, l.invoice_id AS invoiceId, l.ndc11, l.lot_number AS lotNumber,
    l.expiry_date AS expiryDate, l.package_quantity AS packageQuantity, l.extended_cents AS extendedCents,
    l.discount_cents AS discountCents, i.scan_sha256 IS NOT NULL AS hasScan, d.generic_name AS genericName,
    d.brand_name AS brandName, d.ndc_unit AS ndcUnit, d.strength_amount AS strengthAmount,
    d.strength_unit AS strengthUnit, d.container
  FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN drugs d ON d.ndc11 = l.ndc11
  WHERE l.id = ?`;

/** The joins every read of an administration uses (alias `a`); the drug is the lot's. */
export const ADMINISTRATION_JOINS = `JOIN patients p ON p.id = a.patient_id
  JOIN payers y ON y.id = a.payer_id
  JOIN invoice_lines l ON l.id = a.invoice_line_id
  JOIN invoices i ON i.id = l.invoice_id
  JOIN drugs d ON d.ndc11 = l.ndc11`;

export const PATIENT_NAME_SQL = `p.last_name || ', ' || p.first_name`;

export const ROW_SQL = `SELECT a.id, a.date_of_service AS dateOfService, a.patient_id AS patientId,
    ${PATIENT_NAME_SQL} AS patientName, a.payer_id AS payerId, y.name AS payerName,
    y.requires_invoice AS requiresInvoice, y.profile_confirmed_at AS profileConfirmedAt,
    a.invoice_line_id AS invoiceLineId, l.invoice_id AS invoiceId, a.ndc11, d.generic_name AS genericName,
    d.brand_name AS brandName, l.lot_number AS lotNumber, l.expiry_date AS expiryDate,
    l.package_quantity AS packageQuantity, l.extended_cents AS extendedCents, l.discount_cents AS discountCents,
    i.scan_sha256 IS NOT NULL AS hasScan, a.hcpcs, a.dose_amount AS doseAmount, a.dose_unit AS doseUnit,
    a.wasted_amount AS wastedAmount, a.given_micro AS givenMicro, a.wasted_micro AS wastedMicro,
    d.ndc_unit AS ndcUnit, a.route, a.technique, a.infusion_start AS infusionStart,
    a.infusion_stop AS infusionStop, a.infusion_minutes AS infusionMinutes, a.site, a.ordering_npi AS orderingNpi,
    a.ordering_provider_name AS orderingProviderName, a.rendering_npi AS renderingNpi,
    a.rendering_provider_name AS renderingProviderName,
    a.diagnoses, a.medical_necessity AS medicalNecessity, a.physician_notes AS physicianNotes,
    a.billed_cents AS billedCents, a.wasted_billed_cents AS wastedBilledCents, a.claim_number AS claimNumber,
    a.status, a.modifier_override_json AS modifierOverrideJson, a.estimate_json AS estimateJson,
    a.estimate_at AS estimateAt, a.contract_id AS contractId, a.estimate_stale AS estimateStale, a.ready,
    a.missing_json AS missingJson, a.noc_instruction_json AS nocInstructionJson,
    a.created_at AS createdAt, a.updated_at AS updatedAt, a.row_version AS version
  FROM administrations a ${ADMINISTRATION_JOINS}
  WHERE a.id = ?`;

export const money = (cents: number): string => moneyString(decimalFromCents(asCents(cents)));

export const drugNameOf = (r: { genericName: string; brandName: string }): string =>
  r.brandName ? `${r.genericName} (${r.brandName})` : r.genericName;

export const isFrozen = (status: AdministrationStatus): boolean => FROZEN_STATUSES.includes(status);

export const EMPTY_SNAPSHOT: Snapshot = {
  estimate: null,
  refusal: null,
  warnings: [],
  contractId: null,
  prices: { awp: null, wac: null, paymentLimit: null, feeSchedule: null, acquisitionPerPackage: null },
};

export const parseSnapshot = (json: string | null): Snapshot =>
  json === null ? EMPTY_SNAPSHOT : (JSON.parse(json) as Snapshot);

export const lotNetCost = (r: Pick<LotFacts, 'extendedCents' | 'discountCents' | 'packageQuantity'>): string =>
  netCostPerPackage(money(r.extendedCents), money(r.discountCents), r.packageQuantity);

/** The checklist from the row as it is now; the estimate is the stored one (frozen or not). */
export function readinessOf(row: AdministrationRow, snapshot: Snapshot): Administration['readiness'] {
  return readinessChecklist({
    genericName: row.genericName,
    brandName: row.brandName,
    ndc11: row.ndc11,
    dose: { amount: row.doseAmount, unit: row.doseUnit },
    route: row.route,
    technique: techniqueOf(row),
    frozen: isFrozen(row.status),
    diagnoses: splitDiagnoses(row.diagnoses),
    medicalNecessity: row.medicalNecessity,
    physicianNotes: row.physicianNotes,
    lotNumber: row.lotNumber,
    netCostPerPackage: lotNetCost(row),
    orderingNpi: row.orderingNpi,
    renderingNpi: row.renderingNpi,
    payer: {
      name: row.payerName,
      requiresInvoice: row.requiresInvoice === 1,
      profileConfirmedAt: row.profileConfirmedAt,
    },
    invoiceHasScan: row.hasScan === 1,
    estimate: snapshot.estimate,
    estimateRefusal: snapshot.refusal,
    codeWarnings: snapshot.warnings,
    nocInstruction: nocInstructionOf(row),
  });
}

export const nocInstructionOf = (row: Pick<AdministrationRow, 'nocInstructionJson'>): NocInstruction | null =>
  row.nocInstructionJson === null ? null : (JSON.parse(row.nocInstructionJson) as NocInstruction);

export const techniqueOf = (row: AdministrationRow): TechniqueFacts => ({
  technique: row.technique,
  infusionStart: row.infusionStart,
  infusionStop: row.infusionStop,
  infusionMinutes: row.infusionMinutes,
});

/** The labels of the items that are not ok: what `missing_json` caches. */
export const missingLabels = (items: readonly ReadinessItem[]): string[] =>
  items.filter((i) => !i.ok).map((i) => i.label);

export const splitDiagnoses = (stored: string): string[] => (stored === '' ? [] : stored.split(','));

export function toAdministration(row: AdministrationRow): Administration {
  const snapshot = parseSnapshot(row.estimateJson);
  return {
    id: row.id,
    dateOfService: row.dateOfService,
    patientId: row.patientId,
    patientName: row.patientName,
    payerId: row.payerId,
    payerName: row.payerName,
    invoiceLineId: row.invoiceLineId,
    invoiceId: row.invoiceId,
    ndc11: row.ndc11,
    drugName: drugNameOf(row),
    lotNumber: row.lotNumber,
    expiryDate: row.expiryDate,
    hcpcs: row.hcpcs,
    dose: { amount: row.doseAmount, unit: row.doseUnit },
    wastedAmount: row.wastedAmount,
    givenQuantity: unitsFromMicro(row.givenMicro),
    wastedQuantity: unitsFromMicro(row.wastedMicro),
    ndcUnit: row.ndcUnit,
    route: row.route,
    ...techniqueOf(row),
    site: row.site,
    orderingNpi: row.orderingNpi,
    orderingProviderName: row.orderingProviderName,
    renderingNpi: row.renderingNpi,
    renderingProviderName: row.renderingProviderName,
    diagnoses: splitDiagnoses(row.diagnoses),
    medicalNecessity: row.medicalNecessity,
    physicianNotes: row.physicianNotes,
    billedCharge: money(row.billedCents),
    wastedBilledCharge: row.wastedBilledCents === null ? '' : money(row.wastedBilledCents),
    claimNumber: row.claimNumber,
    status: row.status,
    modifierOverride:
      row.modifierOverrideJson === null ? null : (JSON.parse(row.modifierOverrideJson) as ModifierOverride),
    estimate: snapshot.estimate,
    estimateRefusal: snapshot.refusal,
    estimateWarnings: snapshot.warnings,
    estimateAt: row.estimateAt,
    estimateStale: row.estimateStale === 1 && !isFrozen(row.status),
    contractId: row.contractId,
    frozen: isFrozen(row.status),
    nocInstruction: nocInstructionOf(row),
    readiness: readinessOf(row, snapshot),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The stored facts for the audit log: the checklist is computed, not stored, so it is left out. */
export function auditSnapshot(a: Administration): Omit<Administration, 'readiness'> & { missing: string[] } {
  const { readiness, ...rest } = a;
  return { ...rest, missing: missingLabels(readiness.items) };
}

/**
 * The reads a draft needs before it can price anything: the lot's facts, the patient's name and
 * date of birth, and how many administrations already drew from a lot.
 */
export function administrationLookups(db: Db) {
  const lotById = db.prepare(LOT_FACTS_SQL);
  const patientById = db.prepare(
    `SELECT last_name || ', ' || first_name AS name, date_of_birth AS dateOfBirth FROM patients WHERE id = ?`,
  );
  const drawsOfLot = db.prepare('SELECT count(*) AS n FROM administrations WHERE invoice_line_id = ?').pluck();
  return {
    lotFacts: (invoiceLineId: number): LotFacts | undefined => lotById.get(invoiceLineId) as LotFacts | undefined,
    patient: (patientId: number): { name: string; dateOfBirth: string } | undefined =>
      patientById.get(patientId) as { name: string; dateOfBirth: string } | undefined,
    drawsFromLot: (invoiceLineId: number): number => drawsOfLot.get(invoiceLineId) as number,
  };
}
