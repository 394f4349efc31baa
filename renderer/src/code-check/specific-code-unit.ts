/**
 * A specific code's billing unit ("1 mg", "0.1 MG", "50 UNITS") in the dose's unit, for the Quick
 * estimate's "Billing unit" field, which is typed in the dose's unit. Null when the two units are
 * not of one family (a code per mL for a dose in mg): the field is then left for the biller.
 */
import { parseDosage } from '../../../shared/domain/drug-price';
import { Dec } from '../../../shared/domain/money';
import { convertDoseUnit, DOSE_UNITS } from '../../../shared/domain/units';

export function billingUnitInDoseUnit(billingUnit: string, doseUnit: string): string | null {
  const unit = parseDosage(billingUnit);
  const to = DOSE_UNITS.find((u) => u === doseUnit);
  if (!unit || !to) return null;
  const converted = convertDoseUnit(new Dec(unit.amount), unit.unit, to);
  return converted === null ? null : converted.toFixed();
}
