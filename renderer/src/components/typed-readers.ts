/**
 * How a form reads what was typed in a field, when the person leaves it and again before saving:
 * each reader gives the fields to set (the typed text put in the form that is stored, or split
 * over several fields, as "20 mg" is), or says why the text cannot be read, in the words the
 * imports use for the same cell; an empty field is left to the form's schema ("… is required").
 * The rules themselves are the shared ones (shared/domain/typed-input.ts).
 */
import type { AmountOptions } from '../../../shared/domain/money';
import {
  npiAsTyped,
  readDateText,
  readDoseText,
  readMoneyText,
  readPackageSizeText,
  readStateText,
  readStrengthText,
} from '../../../shared/domain/typed-input';

export type FieldUpdates = Record<string, string>;
export type FieldRead = { ok: true; updates: FieldUpdates } | { ok: false; message: string } | null;
export type FieldReader = (raw: string) => FieldRead;
export type FieldReaders = Record<string, FieldReader>;

const refused = (r: { error: { message: string } }): FieldRead => ({ ok: false, message: r.error.message });

/** Money: "$1,200.00" → "1200.00". */
export const moneyReader =
  (field: string, options: AmountOptions & { label: string }): FieldReader =>
  (raw) => {
    if (raw.trim() === '') return null;
    const r = readMoneyText(raw, options);
    return r.ok ? { ok: true, updates: { [field]: r.text } } : refused(r);
  };

/** A date: "01/05/2026" → "2026-01-05". */
export const dateReader =
  (field: string, label: string): FieldReader =>
  (raw) => {
    if (raw.trim() === '') return null;
    const r = readDateText(raw, label);
    return r.ok ? { ok: true, updates: { [field]: r.date } } : refused(r);
  };

/** A state: "il", "Illinois" → "IL". */
export const stateReader =
  (field: string): FieldReader =>
  (raw) => {
    if (raw.trim() === '') return null;
    const r = readStateText(raw);
    return r.ok ? { ok: true, updates: { [field]: r.state } } : refused(r);
  };

/** An NPI: "1234 567 893" → "1234567893" (its check digit is the schema's to judge). */
export const npiReader =
  (field: string): FieldReader =>
  (raw) => ({ ok: true, updates: { [field]: npiAsTyped(raw) } });

/** A drug's strength: "20 mg/mL" → amount 20, unit mg, NDC unit ML; "20" → the amount alone. */
export const strengthReader =
  (fields: { amount: string; unit: string; ndcUnit: string }, label: string): FieldReader =>
  (raw) => {
    if (raw.trim() === '') return null;
    const r = readStrengthText(raw, label);
    if (!r.ok) return refused(r);
    return {
      ok: true,
      updates: {
        [fields.amount]: r.amount,
        ...(r.unit === null ? {} : { [fields.unit]: r.unit }),
        ...(r.per === null ? {} : { [fields.ndcUnit]: r.per }),
      },
    };
  };

/** A package size: "10 mL" → 10 and NDC unit ML; "10" → the size alone. */
export const packageSizeReader =
  (fields: { size: string; ndcUnit: string }, label: string): FieldReader =>
  (raw) => {
    if (raw.trim() === '') return null;
    const r = readPackageSizeText(raw, label);
    if (!r.ok) return refused(r);
    return { ok: true, updates: { [fields.size]: r.amount, ...(r.unit === null ? {} : { [fields.ndcUnit]: r.unit }) } };
  };

/** A dose: "200 mg" → amount 200 and unit mg; "200" → the amount alone. */
export const doseReader =
  (fields: { amount: string; unit: string }, label: string): FieldReader =>
  (raw) => {
    if (raw.trim() === '') return null;
    const r = readDoseText(raw, label);
    if (!r.ok) return refused(r);
    return { ok: true, updates: { [fields.amount]: r.amount, ...(r.unit === null ? {} : { [fields.unit]: r.unit }) } };
  };

/** The updates a read brings that change something, or null. */
export function changesOf(read: FieldRead, values: Record<string, unknown>): FieldUpdates | null {
  if (!read?.ok) return null;
  return Object.entries(read.updates).some(([k, v]) => values[k] !== v) ? read.updates : null;
}

/** Every reader applied to the values it has a field for: what is checked and saved. */
export function readAll<V extends Record<string, unknown>>(values: V, readers: FieldReaders): V {
  let out = values;
  for (const [field, read] of Object.entries(readers)) {
    const raw = values[field];
    if (typeof raw !== 'string') continue;
    const updates = changesOf(read(raw), out);
    if (updates) out = { ...out, ...updates };
  }
  return out;
}

/** Why each typed field that cannot be read was refused, by field: shown instead of the schema's words. */
export function readRefusals(values: Record<string, unknown>, readers: FieldReaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, read] of Object.entries(readers)) {
    const raw = values[field];
    const r = typeof raw === 'string' ? read(raw) : null;
    if (r && !r.ok) out[field] = r.message;
  }
  return out;
}
