/**
 * From what a biller typed to what would be stored: the one computation behind create, update
 * and preview. Policy:
 * - Patient, payer and lot must exist (each refusal names its field); the lot's drug gives the
 *   NDC, its strength turns the dose and the waste into NDC quantities, and its container decides
 *   whether waste may be entered at all (never on a multi-dose vial).
 * - Quantities become integer micro-units, the stock's unit: exact when they have at most 6
 *   decimals, else rounded half-up to the millionth (a dose whose quantity repeats, 10 mg at
 *   3 mg/mL, is a real dose; the claim reports it to 3 decimals, the stock to 6). A lot left short
 *   by no more than those roundings gives what it has, so a lot used up exactly ends at 0.
 * - The lot must have arrived by the date of service (LOT_NOT_YET_RECEIVED), must not be expired
 *   by then and must hold given + wasted; on an update the administration's own earlier draw
 *   counts as still in the lot. The patient must have been born by the date of service.
 * - The estimate comes from the resolver with the lot's net cost per package as the acquisition
 *   cost. A biller's modifier override replaces the payer's policy and is run through the same
 *   engine (the resolver's administration has no override field).
 * Nothing here writes: callers run it inside the transaction that then writes the row.
 */
import type { AdministrationFields } from '../../../shared/domain/administration';
import { estimate as runEstimate } from '../../../shared/domain/estimate';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { Dec, parseCents, ZERO, type Dec as Decimal } from '../../../shared/domain/money';
import type { Payer } from '../../../shared/domain/payer';
import type { Scenario } from '../../../shared/domain/scenario';
import { drawnMicro, roundingAllowanceMicro, unitsFromMicro } from '../../../shared/domain/stock-quantity';
import { toNdcQuantity, type DoseUnit, type DrugUnits, type NdcUnit } from '../../../shared/domain/units';
import type { CodeCheck } from '../../../shared/domain/code-check';
import { AppError, fieldError } from '../app-error';
import type { Db } from '../db/open';
import type { AuditLog } from '../repositories/audit-log';
import { payerRepository } from '../repositories/payer-repository';
import { stockRepository } from '../repositories/stock-repository';
import { resolver } from '../resolution';
import {
  administrationLookups,
  lotNetCost,
  missingLabels,
  money,
  readinessOf,
  type AdministrationRow,
  type LotFacts,
  type ModifierOverride,
  type Snapshot,
} from '../repositories/administrations/administration-rows';

/** Stock an administration already took from a lot, in micro-units. */
export type Draw = { invoiceLineId: number; micro: number };

/** Everything the estimate is computed from. */
export type EstimateFacts = {
  payerId: number;
  ndc11: string;
  dateOfService: string;
  hcpcs: string;
  dose: { amount: string; unit: DoseUnit };
  wastedAmount: string;
  route: string;
  billedCharge: string;
  wastedBilledCharge: string;
  acquisitionPerPackage: string;
  modifierOverride: ModifierOverride | null;
};

const canonical = (amount: string): string => new Dec(amount).toFixed();
const isZero = (amount: string): boolean => new Dec(amount).isZero();
/** A quantity as a person reads it in a refusal: exact when short, else shortened. */
const shown = (q: Decimal): string => (q.decimalPlaces() > 8 ? `about ${q.toFixed(8)}` : q.toFixed());

export function administrationDrafts(db: Db, audit: AuditLog) {
  const stock = stockRepository(db, audit);
  const payers = payerRepository(db, audit);
  const resolution = resolver(db, audit);
  const lookups = administrationLookups(db);

  const lotFacts = (invoiceLineId: number): LotFacts => {
    const lot = lookups.lotFacts(invoiceLineId);
    if (!lot) {
      throw fieldError(
        'invoiceLineId',
        'LOT_NOT_FOUND',
        `There is no lot with id ${invoiceLineId}; its invoice may have been deleted. Choose the lot again.`,
      );
    }
    return lot;
  };

  const payerOf = (payerId: number): Payer => {
    try {
      return payers.get(payerId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'PAYER_NOT_FOUND') throw fieldError('payerId', err.code, err.message);
      throw err;
    }
  };

  const patientOf = (patientId: number, dateOfService: string): string => {
    const patient = lookups.patient(patientId);
    if (patient === undefined) {
      throw fieldError(
        'patientId',
        'PATIENT_NOT_FOUND',
        `There is no patient with id ${patientId}; it may have been deleted. Choose the patient again.`,
      );
    }
    if (patient.dateOfBirth > dateOfService) {
      throw fieldError(
        'dateOfService',
        'DATE_OF_SERVICE_BEFORE_BIRTH',
        `The date of service ${dateOfService} is before ${patient.name}'s date of birth (${patient.dateOfBirth}); check both dates.`,
      );
    }
    return patient.name;
  };

  /** Dose and waste as NDC micro-units drawn from the lot, or a refusal naming the field. */
  function measure(f: AdministrationFields, lot: LotFacts): { givenMicro: number; wastedMicro: number } {
    const units: DrugUnits = {
      ndcUnit: lot.ndcUnit as NdcUnit,
      strength: { amount: new Dec(lot.strengthAmount), unit: lot.strengthUnit },
    };
    const given = toNdcQuantity({ amount: new Dec(f.dose.amount), unit: f.dose.unit }, units);
    if (!given.ok) throw fieldError('dose.unit', given.error.code, given.error.message);
    let wasted = ZERO;
    if (!isZero(f.wastedAmount)) {
      if (lot.container === 'multi-dose') {
        throw fieldError(
          'wastedAmount',
          'WASTE_ON_MULTI_DOSE',
          `${drugLabel(lot)} comes in a multi-dose container: what is left stays in the vial for later doses, so no waste is recorded or billed. Set the amount wasted to 0.`,
        );
      }
      // Same unit as the dose, so it converts whenever the dose did.
      const w = toNdcQuantity({ amount: new Dec(f.wastedAmount), unit: f.dose.unit }, units);
      if (!w.ok) throw fieldError('wastedAmount', w.error.code, w.error.message);
      wasted = w.value;
    }
    const givenMicro = drawnMicro(given.value)?.micro ?? null;
    if (givenMicro === null || givenMicro <= 0) throw unwritable('dose.amount', 'dose given', given.value, lot);
    const wastedMicro = drawnMicro(wasted)?.micro ?? null;
    if (wastedMicro === null || (wastedMicro === 0 && !wasted.isZero())) {
      throw unwritable('wastedAmount', 'amount wasted', wasted, lot);
    }
    return { givenMicro, wastedMicro };
  }

  /**
   * The lot must hold what this administration takes on its date of service. `previous` is the
   * administration's own earlier draw (on update): it goes back to its lot before the check.
   * Returns how many micro-units the lot is short within the draws' rounding (0 almost always):
   * the draw is that much smaller, so the lot ends at exactly 0.
   */
  function assertStock(lot: LotFacts, dateOfService: string, neededMicro: number, previous: Draw | null): number {
    const credit = previous && previous.invoiceLineId === lot.invoiceLineId ? previous.micro : 0;
    try {
      stock.assertUsable(lot.invoiceLineId, dateOfService, neededMicro - credit);
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'LOT_EXPIRED' || err.code === 'LOT_NOT_YET_RECEIVED') {
        throw fieldError('invoiceLineId', err.code, err.message);
      }
      if (err.code !== 'LOT_INSUFFICIENT') throw err;
      const available = stock.stockOf(lot.invoiceLineId).onHandMicro + credit;
      const shortfall = neededMicro - available;
      if (shortfall <= roundingAllowanceMicro(lookups.drawsFromLot(lot.invoiceLineId))) return shortfall;
      throw fieldError(
        'dose.amount',
        'LOT_INSUFFICIENT',
        `Lot ${lot.lotNumber} has ${unitsFromMicro(available)} ${lot.ndcUnit} on hand` +
          `${credit > 0 ? ' counting what this administration already took' : ''}; ` +
          `this administration needs ${unitsFromMicro(neededMicro)} ${lot.ndcUnit} (given and wasted). ` +
          'Choose another lot or record the rest from a second lot.',
      );
    }
  }

  /** The estimate snapshot for these facts, as of the terms and prices on file now. */
  function snapshotOf(f: EstimateFacts): Snapshot {
    const hasWaste = !isZero(f.wastedAmount);
    const res = resolution.resolve(f.payerId, f.ndc11, {
      dateOfService: f.dateOfService,
      hcpcs: f.hcpcs,
      dose: f.dose,
      ...(hasWaste ? { wasted: { amount: f.wastedAmount, unit: f.dose.unit } } : {}),
      route: f.route,
      billedCharge: f.billedCharge,
      ...(f.wastedBilledCharge !== '' ? { wastedBilledCharge: f.wastedBilledCharge } : {}),
      acquisitionPerPackage: f.acquisitionPerPackage,
    });
    let estimate = res.estimate;
    let refusal = res.refusal ? { code: res.refusal.code, message: res.refusal.message } : null;
    if (f.modifierOverride && res.scenario) {
      const { given, wasted, reason } = f.modifierOverride;
      // Waste modifiers only mean something when there is waste (as the payer policy does it).
      const scenario = {
        ...res.scenario,
        modifierOverride: { given, ...(hasWaste ? { wasted } : {}), reason },
      } as unknown as Scenario;
      const outcome = runEstimate(scenario);
      estimate = outcome.ok ? outcome : null;
      refusal = outcome.ok ? null : { code: outcome.error.code, message: outcome.error.message };
    }
    return {
      estimate,
      refusal,
      warnings: res.warnings,
      contractId: res.contract?.id ?? null,
      prices: { ...res.prices, acquisitionPerPackage: f.acquisitionPerPackage },
    };
  }

  /**
   * The row an administration would have (id 0 until written), with its draw checked against the
   * lot, its estimate snapshot and its readiness. Throws a coded refusal; writes nothing.
   */
  function draft(
    f: AdministrationFields,
    previous: Draw | null,
    at: string,
    nocInstructionJson: string | null = null,
  ): AdministrationRow {
    const patientName = patientOf(f.patientId, f.dateOfService);
    const payer = payerOf(f.payerId);
    const lot = lotFacts(f.invoiceLineId);
    const measured = measure(f, lot);
    const short = assertStock(lot, f.dateOfService, measured.givenMicro + measured.wastedMicro, previous);
    // A shortfall within rounding comes off the waste first: what was given is what the claim bills.
    const wastedMicro = Math.max(0, measured.wastedMicro - short);
    const givenMicro = measured.givenMicro - (short - (measured.wastedMicro - wastedMicro));
    const billedCents = centsOf(f.billedCharge, 'billedCharge', 'Billed charge');
    const wastedBilledCents =
      f.wastedBilledCharge === ''
        ? null
        : centsOf(f.wastedBilledCharge, 'wastedBilledCharge', 'Billed charge for the waste');
    const snapshot = snapshotOf({
      payerId: payer.id,
      ndc11: lot.ndc11,
      dateOfService: f.dateOfService,
      hcpcs: f.hcpcs,
      dose: { amount: canonical(f.dose.amount), unit: f.dose.unit },
      wastedAmount: canonical(f.wastedAmount),
      route: f.route,
      billedCharge: money(billedCents),
      wastedBilledCharge: wastedBilledCents === null ? '' : money(wastedBilledCents),
      acquisitionPerPackage: lotNetCost(lot),
      modifierOverride: f.modifierOverride,
    });
    // A code the imported HCPCS set does not have is an error on an administration (a claim
    // with it is rejected), where the Quick estimate only warns.
    const unknownCode = snapshot.warnings.find((w) => w.code === 'HCPCS_UNKNOWN');
    if (unknownCode) throw fieldError('hcpcs', 'HCPCS_UNKNOWN', unknownCode.message);
    const row: AdministrationRow = {
      id: 0,
      dateOfService: f.dateOfService,
      patientId: f.patientId,
      patientName,
      payerId: payer.id,
      payerName: payer.name,
      requiresInvoice: payer.requiresInvoice ? 1 : 0,
      profileConfirmedAt: payer.profileConfirmedAt,
      invoiceLineId: lot.invoiceLineId,
      invoiceId: lot.invoiceId,
      ndc11: lot.ndc11,
      genericName: lot.genericName,
      brandName: lot.brandName,
      lotNumber: lot.lotNumber,
      expiryDate: lot.expiryDate,
      packageQuantity: lot.packageQuantity,
      extendedCents: lot.extendedCents,
      discountCents: lot.discountCents,
      hasScan: lot.hasScan,
      hcpcs: f.hcpcs,
      doseAmount: canonical(f.dose.amount),
      doseUnit: f.dose.unit,
      wastedAmount: canonical(f.wastedAmount),
      givenMicro,
      wastedMicro,
      ndcUnit: lot.ndcUnit,
      route: f.route,
      technique: f.technique,
      infusionStart: f.infusionStart,
      infusionStop: f.infusionStop,
      infusionMinutes: f.infusionMinutes,
      site: f.site,
      orderingNpi: f.orderingNpi,
      orderingProviderName: f.orderingProviderName,
      renderingNpi: f.renderingNpi,
      renderingProviderName: f.renderingProviderName,
      diagnoses: f.diagnoses.join(','),
      medicalNecessity: f.medicalNecessity,
      physicianNotes: f.physicianNotes,
      billedCents,
      wastedBilledCents,
      claimNumber: f.claimNumber,
      status: 'draft',
      modifierOverrideJson: f.modifierOverride ? JSON.stringify(f.modifierOverride) : null,
      estimateJson: JSON.stringify(snapshot),
      estimateAt: at,
      contractId: snapshot.contractId,
      estimateStale: 0,
      ready: 0,
      missingJson: '[]',
      nocInstructionJson,
      createdAt: at,
      updatedAt: at,
      // Not stored yet: the version a new row starts at (migration 16).
      version: 1,
    };
    return withReadiness(row, snapshot);
  }

  /** A stored row's estimate computed again from the terms and prices on file now. */
  function recomputed(row: AdministrationRow, at: string): AdministrationRow {
    const lot = lotFacts(row.invoiceLineId);
    const snapshot = snapshotOf({
      payerId: row.payerId,
      ndc11: lot.ndc11,
      dateOfService: row.dateOfService,
      hcpcs: row.hcpcs,
      dose: { amount: row.doseAmount, unit: row.doseUnit },
      wastedAmount: row.wastedAmount,
      route: row.route,
      billedCharge: money(row.billedCents),
      wastedBilledCharge: row.wastedBilledCents === null ? '' : money(row.wastedBilledCents),
      acquisitionPerPackage: lotNetCost(lot),
      modifierOverride:
        row.modifierOverrideJson === null ? null : (JSON.parse(row.modifierOverrideJson) as ModifierOverride),
    });
    return withReadiness(
      {
        ...row,
        estimateJson: JSON.stringify(snapshot),
        estimateAt: at,
        contractId: snapshot.contractId,
        estimateStale: 0,
      },
      snapshot,
    );
  }

  /** What the code check says of a stored administration now (its specific code, if any). */
  function codeCheckOf(row: AdministrationRow): CodeCheck {
    const lot = lotFacts(row.invoiceLineId);
    return resolution.codes.check({
      ndc11: lot.ndc11,
      dateOfService: row.dateOfService,
      hcpcs: row.hcpcs,
      dose: { amount: row.doseAmount, unit: row.doseUnit },
      drug: { ...lot, ndcUnit: lot.ndcUnit as NdcUnit, route: row.route },
      route: row.route,
    });
  }

  return { draft, recomputed, codeCheckOf };
}
export type AdministrationDrafts = ReturnType<typeof administrationDrafts>;

/** The row with its readiness cache filled from the checklist. */
export function withReadiness(row: AdministrationRow, snapshot: Snapshot): AdministrationRow {
  const readiness = readinessOf(row, snapshot);
  return { ...row, ready: readiness.ready ? 1 : 0, missingJson: JSON.stringify(missingLabels(readiness.items)) };
}

const drugLabel = (lot: LotFacts): string => `${lot.genericName} (NDC ${formatNdc542(lot.ndc11)})`;

function unwritable(field: string, what: string, quantity: Decimal, lot: LotFacts): AppError {
  return fieldError(
    field,
    'QUANTITY_UNWRITABLE',
    `The ${what} is ${shown(quantity)} ${lot.ndcUnit} of ${drugLabel(lot)}, which the lot cannot count ` +
      '(stock is counted to the millionth of an NDC unit); check the amount and its unit.',
  );
}

function centsOf(amount: string, field: string, label: string): number {
  const r = parseCents(amount, { label });
  if (!r.ok) throw fieldError(field, r.error.code, r.error.message);
  return r.cents;
}
