/**
 * Reading one cell as a typed value, through the shared domain rules (parseAmount, parseIsoDate,
 * parseNdc, parseDosage). Each reader returns the value as it will be stored, or a refusal with a
 * code and a sentence. Amounts are exact text: "$1,234.50" is read as 1234.50 (the dollar sign
 * and thousands commas are how spreadsheets print money), never through a float, and stored with
 * the digits the file gave ("10.60" stays "10.60"). A cell beginning with = + - @ is data:
 * "-5" is a negative price and refused, "=HYPERLINK(…)" as a name is stored verbatim.
 */
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { parseAmount } from '../../../shared/domain/money';
import { parseNdc } from '../../../shared/domain/ndc';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { DOSE_UNITS, type DoseUnit } from '../../../shared/domain/units';
import { AMOUNT_LIMITS, quickAmount, quickNdc11 } from './quick-cells';

export type Refusal = { ok: false; code: string; message: string };
export type Read<T> = { ok: true; value: T } | Refusal;

const refuse = (code: string, message: string): Refusal => ({ ok: false, code, message });

export const requiredMissing = (label: string): Refusal => refuse('REQUIRED', `${label} is empty; this row needs one.`);

const MONEY_PRINTED = /^(-?)\s*\$\s*(.*)$/;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function readAmount(raw: string, label: string, options: { allowZero: boolean }): Read<string> {
  if (raw === '') return requiredMissing(label);
  const plain = quickAmount(raw, options.allowZero);
  if (plain !== null) return { ok: true, value: plain };
  let text = raw;
  if (text.includes('$')) {
    const printed = MONEY_PRINTED.exec(text);
    if (printed) text = `${printed[1] ?? ''}${(printed[2] ?? '').trim()}`;
  }
  if (text.includes(',') && THOUSANDS.test(text)) text = text.replace(/,/g, '');
  const r = parseAmount(text, { ...AMOUNT_LIMITS, allowZero: options.allowZero, label });
  return r.ok ? { ok: true, value: text } : refuse(r.error.code, r.error.message);
}

/** A positive quantity such as the 10 of "per 10 mg": canonical text ("10", "0.5"). */
export function readQuantity(raw: string, label: string): Read<string> {
  if (raw === '') return requiredMissing(label);
  const r = parseAmount(raw, { maxDecimals: 6, maxIntegerDigits: 9, allowZero: false, label });
  return r.ok ? { ok: true, value: r.value.toFixed() } : refuse(r.error.code, r.error.message);
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z)?)?$/;

/** ISO dates, ISO with a midnight time (some exports), and US M/D/YYYY as payers print them. */
export function readDate(raw: string, label: string): Read<string> {
  if (raw === '') return requiredMissing(label);
  let text = raw;
  const us = US_DATE.exec(raw);
  if (us) text = `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`;
  else {
    const iso = ISO_WITH_TIME.exec(raw);
    if (iso) text = iso[1] ?? raw;
  }
  const r = parseIsoDate(text, label);
  if (r.ok) return { ok: true, value: r.date };
  return refuse(
    r.error.code,
    us || ISO_WITH_TIME.test(raw)
      ? `${label} "${clipQuoted(raw)}" is not a real calendar date.`
      : `${label} "${clipQuoted(raw)}" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.`,
  );
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

// A Map, not an object literal: a cell reading "constructor" must not find Object's own.
const UNIT_WORDS = new Map<string, DoseUnit>([
  ['mg', 'mg'],
  ['mcg', 'mcg'],
  ['ug', 'mcg'],
  ['g', 'g'],
  ['gm', 'g'],
  ['ml', 'mL'],
  ['cc', 'mL'],
  ['unit', 'units'],
  ['units', 'units'],
  ['u', 'units'],
  ['iu', 'units'],
]);

export function readDoseUnit(raw: string, label: string): Read<DoseUnit> {
  if (raw === '') return requiredMissing(label);
  const unit = UNIT_WORDS.get(raw.toLowerCase().replace(/[^a-z]/g, ''));
  return unit
    ? { ok: true, value: unit }
    : refuse('UNIT_INVALID', `${label} "${clipQuoted(raw)}" is not a dose unit; use one of ${DOSE_UNITS.join(', ')}.`);
}
