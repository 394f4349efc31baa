/**
 * What people type, read into what is stored: the one set of rules the forms (on leaving a field
 * and on saving) and the file imports (each cell) share, so "$1,200.00" in an invoice file and in
 * the invoice form mean the same thing.
 *
 * - Money: "$1,200.00", "1,200", "1200", " 1200.5 " and "-$25.00" (where a credit may be
 *   negative) become plain exact decimal text ("1200.00", "1200", "1200.5"); commas must group
 *   thousands ("1,20,0" is refused), and the decimals are held to the field's limit (cents where
 *   the amount is cents). Never through a float: the digits are moved as text and checked by
 *   `parseAmount`.
 * - Dates: ISO "2026-01-05", US "1/5/2026" or "01/05/2026" (as payers and distributors print
 *   them), and an export's ISO date with a midnight time, become "2026-01-05"; only real calendar
 *   days pass. A US date is always month first; a two-digit year is refused rather than guessed.
 * - "20 mg", "20mg", "20 mg/mL": an amount with its unit (and, for a strength, what it is per);
 *   "10 mL" a package size with its NDC unit.
 * - A state as "IL", "il" or "Illinois" becomes "IL".
 * - An NPI typed with spaces or dashes ("1234 567 893") is its 10 digits, then Luhn-checked.
 * Each reader returns the value or a refusal with a code and a sentence naming the field.
 */
import { MAX_AMOUNT_LENGTH, parseAmount, type AmountOptions } from './money';
import { parseIsoDate } from './iso-date';
import { checkNpi } from './npi';
import { clipQuoted } from './quoted-text';
import { failure, type Failure } from './result';
import { DOSE_UNITS, type DoseUnit, type NdcUnit } from './units';
import { US_STATE_NAMES } from './us-states';

// ---------------------------------------------------------------------------------------------
// Money

export type MoneyText = { ok: true; text: string } | Failure<'AMOUNT_INVALID'>;

// After the sign and the dollar sign (in either order, spaces allowed), the digits; the prefix is
// scanned by hand, so no pattern has two ways to match the spaces around them.
const DIGITS = /^\d[\d,]*(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Money as typed or printed → plain exact decimal text, held to `options` (see the module comment). */
export function readMoneyText(raw: string, options: AmountOptions = {}): MoneyText {
  const { label } = options;
  const say = (sentence: string): Failure<'AMOUNT_INVALID'> =>
    failure('AMOUNT_INVALID', label ? `${label}: ${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1));
  const trimmed = typeof raw === 'string' ? raw.trim() : raw;
  // Empty, too long to be an amount, or not text at all: parseAmount says so in its own words.
  if (typeof trimmed !== 'string' || trimmed === '' || trimmed.length > MAX_AMOUNT_LENGTH * 2) {
    const r = parseAmount(trimmed, options);
    return r.ok ? { ok: true, text: trimmed } : r;
  }
  let start = 0;
  let minus = 0;
  let dollar = 0;
  for (; start < trimmed.length; start++) {
    const c = trimmed.charAt(start);
    if (c === '-') minus++;
    else if (c === '$') dollar++;
    else if (c !== ' ' && c !== '\t' && c !== '\u00a0') break;
  }
  let digits = trimmed.slice(start);
  const quoted = clipQuoted(trimmed);
  if (minus > 1 || dollar > 1 || !DIGITS.test(digits)) {
    return say(`"${quoted}" is not an amount; write it as 1200, 1,200.00 or $1,200.00.`);
  }
  if (digits.includes(',')) {
    if (!GROUPED.test(digits)) return say(`"${quoted}": commas go between groups of three digits, as in 1,200.00.`);
    digits = digits.replace(/,/g, '');
  }
  // The digits as given ("10.60" stays "10.60"), once parseAmount has accepted exactly this text.
  const plain = `${minus === 1 ? '-' : ''}${digits}`;
  const r = parseAmount(plain, options);
  return r.ok ? { ok: true, text: plain } : r;
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DateText = { ok: true; date: string } | Failure<'DATE_INVALID'>;

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A date as typed or printed → ISO YYYY-MM-DD (see the module comment). */
export function readDateText(raw: string, label: string): DateText {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const quoted = clipQuoted(text);
  if (text === '') return failure('DATE_INVALID', `${label}: enter a date such as 01/31/2026 or 2026-01-31.`);
  const us = US_DATE.exec(text);
  const iso = us ? null : ISO_WITH_TIME.exec(text);
  if (!us && !iso) {
    return failure('DATE_INVALID', `${label} "${quoted}" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.`);
  }
  const candidate = us
    ? `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`
    : (iso?.[1] ?? '');
  const r = parseIsoDate(candidate, label);
  return r.ok ? r : failure('DATE_INVALID', `${label} "${quoted}" is not a real calendar date.`);
}

// ---------------------------------------------------------------------------------------------
// Amounts of drug with their units

// A Map, not an object literal: a cell reading "constructor" must not find Object's own.
const DOSE_UNIT_WORDS = new Map<string, DoseUnit>([
  ['mg', 'mg'],
  ['milligram', 'mg'],
  ['milligrams', 'mg'],
  ['mcg', 'mcg'],
  ['ug', 'mcg'],
  ['microgram', 'mcg'],
  ['micrograms', 'mcg'],
  ['g', 'g'],
  ['gm', 'g'],
  ['gram', 'g'],
  ['grams', 'g'],
  ['ml', 'mL'],
  ['cc', 'mL'],
  ['milliliter', 'mL'],
  ['milliliters', 'mL'],
  ['unit', 'units'],
  ['units', 'units'],
  ['u', 'units'],
  ['iu', 'units'],
]);

// What a package is counted in: the NDC unit codes themselves, and the words for them.
const NDC_UNIT_WORDS = new Map<string, NdcUnit>([
  ['ml', 'ML'],
  ['cc', 'ML'],
  ['milliliter', 'ML'],
  ['milliliters', 'ML'],
  ['gr', 'GR'],
  ['g', 'GR'],
  ['gm', 'GR'],
  ['gram', 'GR'],
  ['grams', 'GR'],
  ['me', 'ME'],
  ['mg', 'ME'],
  ['milligram', 'ME'],
  ['milligrams', 'ME'],
  ['f2', 'F2'],
  ['iu', 'F2'],
  ['unit', 'F2'],
  ['units', 'F2'],
  ['un', 'UN'],
  ['each', 'UN'],
  ['ea', 'UN'],
]);

/** "mg", "MG", "mL", "units" → the dose unit, or null. */
export const doseUnitOf = (word: string): DoseUnit | null =>
  DOSE_UNIT_WORDS.get(word.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;

/** "mL", "ML", "each", "g" → the NDC unit a package is counted in, or null. */
export const ndcUnitOf = (word: string): NdcUnit | null =>
  NDC_UNIT_WORDS.get(word.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;

export type QuantityText<U> = { ok: true; amount: string; unit: U | null } | Failure<'AMOUNT_INVALID' | 'UNIT_INVALID'>;

// Digits with at most one point, then an optional word; bounded by the length check below.
const AMOUNT_AND_WORD = /^(\d+(?:\.\d+)?)\s*([A-Za-z][A-Za-z0-9. ]*)?$/;
const MAX_QUANTITY_TEXT = 60;

/** An amount and an optional unit word: "20 mg", "20mg", "20" (unit null). */
function readAmountAndWord<U>(
  raw: string,
  label: string,
  unitOf: (word: string) => U | null,
  unitNames: string,
): QuantityText<U> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const quoted = clipQuoted(text);
  if (text === '') return failure('AMOUNT_INVALID', `${label} is required.`);
  const m = text.length <= MAX_QUANTITY_TEXT ? AMOUNT_AND_WORD.exec(text) : null;
  if (!m) {
    return failure('AMOUNT_INVALID', `${label} "${quoted}" is not an amount; write it as 20 or 20 mg.`);
  }
  const amount = parseAmount(m[1] ?? '', { maxDecimals: 6, maxIntegerDigits: 9, allowZero: false, label });
  if (!amount.ok) return amount;
  const word = (m[2] ?? '').trim();
  if (word === '') return { ok: true, amount: amount.value.toFixed(), unit: null };
  const unit = unitOf(word);
  if (unit === null) {
    return failure('UNIT_INVALID', `${label} "${quoted}": "${clipQuoted(word)}" is not a unit; use ${unitNames}.`);
  }
  return { ok: true, amount: amount.value.toFixed(), unit };
}

/** A dose or strength as typed: "20 mg" → 20 mg; "20" → 20 with no unit. */
export const readDoseText = (raw: string, label: string): QuantityText<DoseUnit> =>
  readAmountAndWord(raw, label, doseUnitOf, DOSE_UNITS.join(', '));

/** A package size as typed: "10 mL" → 10 ML; "10" → 10 with no unit. */
export const readPackageSizeText = (raw: string, label = 'Package size'): QuantityText<NdcUnit> =>
  readAmountAndWord(raw, label, ndcUnitOf, 'mL, g, mg, units or each');

export type StrengthText =
  { ok: true; amount: string; unit: DoseUnit | null; per: NdcUnit | null } | Failure<'AMOUNT_INVALID' | 'UNIT_INVALID'>;

/** A strength as typed: "20 mg", "20 mg/mL" or "20 mg per mL" (per: the NDC unit, ML). */
export function readStrengthText(raw: string, label = 'Strength'): StrengthText {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const split = /^(.*?)\s*(?:\/|\bper\b)\s*(?:1\s*)?([A-Za-z][A-Za-z0-9]*)$/i.exec(
    text.length <= MAX_QUANTITY_TEXT ? text : '',
  );
  const dose = readDoseText(split ? (split[1] ?? '') : text, label);
  if (!dose.ok) return dose;
  if (!split) return { ...dose, per: null };
  const per = ndcUnitOf(split[2] ?? '');
  if (per === null) {
    return failure(
      'UNIT_INVALID',
      `${label} "${clipQuoted(text)}": "per ${clipQuoted(split[2] ?? '')}" is not an NDC unit; use mL, g, mg, units or each.`,
    );
  }
  return { ...dose, per };
}

// ---------------------------------------------------------------------------------------------
// States

const STATE_BY_NAME = new Map<string, string>(
  Object.entries(US_STATE_NAMES).map(([code, name]) => [lettersOf(name), code]),
);

function lettersOf(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

export type StateText = { ok: true; state: string } | Failure<'STATE_INVALID'>;

/** "IL", "il", "Illinois", "illinois " → "IL". */
export function readStateText(raw: string): StateText {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const code = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && Object.hasOwn(US_STATE_NAMES, code)) return { ok: true, state: code };
  const byName = text.length <= 40 ? STATE_BY_NAME.get(lettersOf(text)) : undefined;
  if (byName !== undefined) return { ok: true, state: byName };
  return failure(
    'STATE_INVALID',
    text === ''
      ? 'Choose a US state or territory.'
      : `"${clipQuoted(text)}" is not a US state or territory; type its two letters, such as IL, or its name.`,
  );
}

/** "IL — Illinois": how a state is offered in a list. */
export const stateLabel = (code: string): string => `${code} — ${US_STATE_NAMES[code] ?? code}`;

// ---------------------------------------------------------------------------------------------
// NPI

/** An NPI as typed, without the spaces and dashes people group its digits with. */
export const npiAsTyped = (typed: string): string => typed.replace(/[\s\u00a0-]/g, '');

/** "1234 567 893" → "1234567893", Luhn-checked (npi.ts). */
export const readNpiText = (raw: string) => checkNpi(npiAsTyped(typeof raw === 'string' ? raw : ''));
