/**
 * Reading one cell as a typed value, through the shared domain rules (typed-input.ts, the same
 * readers the forms use, parseAmount, parseNdc, parseDosage). Each reader returns the value as it will be stored, or a refusal with a
 * code and a sentence. Amounts are exact text: "$1,234.50" is read as 1234.50 (the dollar sign
 * and thousands commas are how spreadsheets print money), never through a float, and stored with
 * the digits the file gave ("10.60" stays "10.60"). A cell beginning with = + - @ is data:
 * "-5" is a negative price and refused, "=HYPERLINK(…)" as a name is stored verbatim.
 */
import { parseAmount } from '../../../shared/domain/money';
import { parseNdc } from '../../../shared/domain/ndc';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { doseUnitOf, readDateText, readMoneyText } from '../../../shared/domain/typed-input';
import { DOSE_UNITS, type DoseUnit } from '../../../shared/domain/units';
import { AMOUNT_LIMITS, quickAmount, quickNdc11 } from './quick-cells';

export type Refusal = { ok: false; code: string; message: string };
export type Read<T> = { ok: true; value: T } | Refusal;

const refuse = (code: string, message: string): Refusal => ({ ok: false, code, message });

export const requiredMissing = (label: string): Refusal => refuse('REQUIRED', `${label} is empty; this row needs one.`);

export function readAmount(raw: string, label: string, options: { allowZero: boolean }): Read<string> {
  if (raw === '') return requiredMissing(label);
  const plain = quickAmount(raw, options.allowZero);
  if (plain !== null) return { ok: true, value: plain };
  const r = readMoneyText(raw, { ...AMOUNT_LIMITS, allowZero: options.allowZero, label });
  return r.ok ? { ok: true, value: r.text } : refuse(r.error.code, r.error.message);
}

/** A positive quantity such as the 10 of "per 10 mg": canonical text ("10", "0.5"). */
export function readQuantity(raw: string, label: string): Read<string> {
  if (raw === '') return requiredMissing(label);
  const r = parseAmount(raw, { maxDecimals: 6, maxIntegerDigits: 9, allowZero: false, label });
  return r.ok ? { ok: true, value: r.value.toFixed() } : refuse(r.error.code, r.error.message);
}

/** ISO dates, ISO with a midnight time (some exports), and US M/D/YYYY as payers print them. */
export function readDate(raw: string, label: string): Read<string> {
  if (raw === '') return requiredMissing(label);
  const r = readDateText(raw, label);
  return r.ok ? { ok: true, value: r.date } : refuse(r.error.code, r.error.message);
}

export function readNdc(raw: string): Read<string> {
  if (raw === '') return requiredMissing('NDC');
  const quick = quickNdc11(raw);
  if (quick !== null) return { ok: true, value: quick };
  const r = parseNdc(raw);
  return r.ok ? { ok: true, value: r.ndc11 } : refuse(r.error.code, r.error.message);
}

const HCPCS_LIKE = /^([A-Z]\d{4}|\d{4}[A-Z0-9])$/;

/** A HCPCS Level II code (J3490) or a CPT code (90371, 0001A), upper-cased. */
export function readHcpcs(raw: string, label: string): Read<string> {
  if (raw === '') return requiredMissing(label);
  const code = raw.toUpperCase();
  return HCPCS_LIKE.test(code)
    ? { ok: true, value: code }
    : refuse(
        'HCPCS_INVALID',
        `"${clipQuoted(raw)}" is not a HCPCS code; a drug code is a letter and 4 digits, such as J3490.`,
      );
}

/** A fee schedule's code: a HCPCS code, else an NDC in any printed form. */
export function readBillingCode(raw: string): Read<{ kind: 'hcpcs' | 'ndc'; code: string }> {
  if (raw === '') return requiredMissing('Code');
  const upper = raw.toUpperCase();
  if (HCPCS_LIKE.test(upper)) return { ok: true, value: { kind: 'hcpcs', code: upper } };
  if (/^(NDC[:#]?\s*)?[\d-]+$/i.test(raw)) {
    const ndc = readNdc(raw);
    return ndc.ok ? { ok: true, value: { kind: 'ndc', code: ndc.value } } : ndc;
  }
  return refuse(
    'CODE_INVALID',
    `"${clipQuoted(raw)}" is neither a HCPCS code (such as J3490) nor an NDC (such as 0002-7597-01).`,
  );
}

export function readDoseUnit(raw: string, label: string): Read<DoseUnit> {
  if (raw === '') return requiredMissing(label);
  const unit = doseUnitOf(raw);
  return unit
    ? { ok: true, value: unit }
    : refuse('UNIT_INVALID', `${label} "${clipQuoted(raw)}" is not a dose unit; use one of ${DOSE_UNITS.join(', ')}.`);
}
