/**
 * Form state for a record validated by a contract schema. The same zod schema the service uses
 * checks the form before sending (instant messages next to each field); the service's own
 * refusals (e.g. DRUG_NDC_TAKEN) come back with a field name and land next to that field too.
 *
 * Typed text is read when the person leaves a field and again before saving (`readers`:
 * "$1,200.00" → "1200.00", "20 mg" → 20 and mg; typed-readers.ts). A message goes as soon as
 * its field is fixed: changing a field clears its own message, and the schema's messages are
 * checked again on every change, so one that no longer applies (a rule across two fields, a
 * value filled in by another field) goes too. The service's messages stay until their field
 * changes. A dialog around the form is told whether anything was typed (discard-guard.tsx).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api';
import { useReportDirty } from './discard-guard';
import { isRecordChanged } from './record-changed';
import { changesOf, readAll, readRefusals, type FieldReaders } from './typed-readers';

export type FormValues = Record<string, string>;

const NO_READERS: FieldReaders = {};

const without = (errors: Record<string, string>, names: readonly string[]): Record<string, string> => {
  if (!names.some((n) => n in errors)) return errors;
  const rest = { ...errors };
  for (const n of names) delete rest[n];
  return rest;
};

export function useRecordForm<S extends z.ZodType>(schema: S, initial: FormValues, readers = NO_READERS) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The last refusal was RECORD_CHANGED: the form offers Reload (record-changed.tsx).
  const [recordChanged, setRecordChanged] = useState(false);
  // Messages the schema gave (rechecked on every change), as opposed to the service's.
  const schemaMessages = useRef(new Set<string>());

  const [initialJson] = useState(() => JSON.stringify(initial));
  useReportDirty(JSON.stringify(values) !== initialJson);

  const setFields = useCallback((updates: FormValues) => {
    setValues((v) => ({ ...v, ...updates }));
    setErrors((e) => without(e, Object.keys(updates)));
  }, []);
  const setField = useCallback((name: string, value: string) => setFields({ [name]: value }), [setFields]);

  useEffect(() => {
    if (schemaMessages.current.size === 0) return;
    const parsed = schema.safeParse(readAll(values, readers));
    const failing = new Set(parsed.success ? [] : parsed.error.issues.map((i) => i.path.map(String).join('.')));
    const fixed = [...schemaMessages.current].filter((k) => !failing.has(k));
    if (fixed.length === 0) return;
    for (const k of fixed) schemaMessages.current.delete(k);
    setErrors((e) => without(e, fixed));
  }, [schema, values, readers]);

  /** The values with every typed field read (what is saved); the form shows them too. */
  const readValues = useCallback((): FormValues => {
    const read = readAll(values, readers);
    if (read !== values) setValues(read);
    return read;
  }, [values, readers]);

  /** Validate locally (the values read first); returns the parsed output or null (and shows the messages). */
  const validate = useCallback(
    (from?: FormValues): z.output<S> | null => {
      const read = from ?? readValues();
      const parsed = schema.safeParse(read);
      if (parsed.success) {
        schemaMessages.current.clear();
        setErrors({});
        return parsed.data;
      }
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        if (!(key in next)) next[key] = issue.message;
      }
      // Text that could not be read is named in the typed-input words ("commas go between…").
      Object.assign(next, readRefusals(read, readers));
      schemaMessages.current = new Set(Object.keys(next));
      setErrors(next);
      return null;
    },
    [schema, readValues, readers],
  );

  /** Put a service refusal next to its field(s), or above the form when it names none. */
  const showError = useCallback((err: unknown) => {
    const changed = isRecordChanged(err);
    setRecordChanged(changed);
    if (changed) {
      // A sentence for the biller; Reload is offered beside it, so no code is needed.
      setFormError((err as ApiError).message);
    } else if (err instanceof ApiError && err.fields.length > 0) {
      const next: Record<string, string> = {};
      for (const f of err.fields) if (!(f.field in next)) next[f.field] = f.message;
      schemaMessages.current.clear();
      setErrors(next);
      setFormError(null);
    } else if (err instanceof ApiError) {
      setFormError(`${err.message} (${err.code})`);
    } else {
      setFormError(String(err));
    }
  }, []);

  /** Read one field's typed text when the person leaves it. */
  const readField = useCallback(
    (name: string) => {
      const read = readers[name];
      const updates = read ? changesOf(read(values[name] ?? ''), values) : null;
      if (updates) setFields(updates);
    },
    [readers, values, setFields],
  );

  const inputProps = (name: string) => ({
    value: values[name] ?? '',
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => setField(name, e.currentTarget.value),
    ...(readers[name] ? { onBlur: () => readField(name) } : {}),
  });

  /** For a DateField (or any field whose onChange gives the text itself). */
  const textProps = (name: string) => ({
    value: values[name] ?? '',
    error: errors[name],
    onChange: (text: string) => setField(name, text),
  });

  return {
    values,
    setValues,
    setField,
    setFields,
    errors,
    formError,
    setFormError,
    recordChanged,
    validate,
    readValues,
    readField,
    showError,
    inputProps,
    textProps,
  };
}
