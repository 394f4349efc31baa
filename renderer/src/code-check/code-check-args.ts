/**
 * The code check's arguments (`reference:check`) from what a form holds: none until the NDC, the
 * date of service and the code parse (asking earlier only earns refusals); the dose only when it
 * parses, since without it the check still names the code, just not the units.
 */
import { isIsoDate } from '../../../shared/domain/iso-date';
import { DOSE_UNITS, type DoseUnit } from '../../../shared/domain/units';

export type CodeCheckArgs = {
  ndc: string;
  date: string;
  hcpcs: string;
  dose?: { amount: string; unit: DoseUnit };
};

/** The check's arguments from what is typed, or null while the NDC, date or code is not complete. */
export function codeCheckArgs(typed: {
  ndc: string | null;
  date: string;
  hcpcs: string;
  doseAmount: string;
  doseUnit: string;
}): CodeCheckArgs | null {
  const date = typed.date.trim();
  const hcpcs = typed.hcpcs.trim().toUpperCase();
  if (!typed.ndc || !isIsoDate(date) || !/^[A-Z]\d{4}$/.test(hcpcs)) return null;
  const amount = typed.doseAmount.trim();
  const unit = DOSE_UNITS.find((u) => u === typed.doseUnit);
  return {
    ndc: typed.ndc,
    date,
    hcpcs,
    ...(unit && /^\d+(\.\d+)?$/.test(amount) ? { dose: { amount, unit } } : {}),
  };
}
