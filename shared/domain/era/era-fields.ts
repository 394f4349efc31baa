/**
 * Amounts and dates read from a segment's elements, with a warning for each value the reader had
 * to assume: an empty required amount is 0.00 (said), text that is not an amount is 0.00 (said),
 * more than 2 decimals are rounded half-up (said), a date that is not a calendar day is left
 * empty (said). An amount written plainly ("1087.92", "100") is taken without a second look.
 */
import { type EraWarningCode } from './era-types';
import { type EraWarnings } from './era-warnings';
import { placeOf, type Where } from './era-where';
import { clipQuoted } from '../quoted-text';
import * as tokenizer from './x12-tokenizer';
import { type X12Segment } from './x12-tokenizer';
import * as values from './x12-values';

// Helpers called for every segment, read once: see era-reader.ts (tsx's import getters).
const { element } = tokenizer;
const { plainAmountText, readX12Amount, readX12Date } = values;

/** "CLP03 (charge)": how an element is named in a warning. */
export type Field = { name: string; label: string };
/**
 * A field, or a function naming it from the segment, called only when there is something to say
 * (naming each CAS triplet up front would cost more than reading it).
 */
export type FieldOf = Field | ((seg: X12Segment, n: number) => Field);
const nameOf = (field: FieldOf, seg: X12Segment, n: number): Field =>
  typeof field === 'function' ? field(seg, n) : field;
/** "CAS06": element `n` of the segment, named as the standard names it. */
export const elementName = (seg: X12Segment, n: number): string => `${seg.id}${String(n).padStart(2, '0')}`;

export const ZERO_AMOUNT = '0.00';

/** A required amount: "0.00" when it is missing or not a number, with a warning saying so. */
export function requiredAmount(
  seg: X12Segment,
  n: number,
  field: FieldOf,
  where: Where,
  warnings: EraWarnings,
  missingCode: EraWarningCode = 'AMOUNT_MISSING',
): string {
  return amount(seg, n, field, where, warnings, missingCode) ?? ZERO_AMOUNT;
}

/** An optional amount: null when the element is empty. */
export function optionalAmount(seg: X12Segment, n: number, field: FieldOf, where: Where, warnings: EraWarnings) {
  return amount(seg, n, field, where, warnings, null);
}

function amount(
  seg: X12Segment,
  n: number,
  fieldOf: FieldOf,
  where: Where,
  warnings: EraWarnings,
  missingCode: EraWarningCode | null,
): string | null {
  const raw = element(seg, n);
  const plain = plainAmountText(raw); // "1087.92" as is, "100" → "100.00": nothing to check or to say
  if (plain !== null) return plain;
  const read = readX12Amount(raw);
  const field = nameOf(fieldOf, seg, n);
  if (read.ok) {
    if (read.rounded) {
      warnings.add(
        'AMOUNT_ROUNDED',
        seg.index,
        `${placeOf(where)}: ${field.name} (${field.label}) "${clipQuoted(raw)}" has more than 2 decimals; it is read as ${read.text}.`,
      );
    }
    return read.text;
  }
  if (read.problem === 'missing') {
    if (missingCode === null) return null;
    warnings.add(
      missingCode,
      seg.index,
      `${placeOf(where)}: ${field.name} (${field.label}) is empty; it is read as 0.00.`,
    );
    return ZERO_AMOUNT;
  }
  warnings.add(
    'AMOUNT_INVALID',
    seg.index,
    `${placeOf(where)}: ${field.name} (${field.label}) "${clipQuoted(raw)}" is not an amount; it is read as 0.00.`,
  );
  return missingCode === null ? null : ZERO_AMOUNT;
}

/** A DTM date, with DATE_INVALID when DTM02 is not a CCYYMMDD calendar date. */
export function dateOf(
  seg: X12Segment,
  n: number,
  fieldOf: FieldOf,
  where: Where,
  warnings: EraWarnings,
): string | null {
  const raw = element(seg, n);
  if (raw === '') return null;
  const date = readX12Date(raw);
  if (date === null) {
    const field = nameOf(fieldOf, seg, n);
    warnings.add(
      'DATE_INVALID',
      seg.index,
      `${placeOf(where)}: ${field.name} (${field.label}) "${clipQuoted(raw)}" is not a date written CCYYMMDD; it is left empty.`,
    );
  }
  return date;
}

/** DTM02 of a DTM segment (its qualifier is DTM01). */
export const dtmDate = (seg: X12Segment, where: Where, warnings: EraWarnings): string | null =>
  dateOf(seg, 2, dtmField, where, warnings);
const dtmField = (seg: X12Segment): Field => ({ name: 'DTM02', label: `date ${element(seg, 1)}` });
