/**
 * Form state for a record validated by a contract schema. The same zod schema the service uses
 * checks the form before sending (instant messages next to each field); the service's own
 * refusals (e.g. DRUG_NDC_TAKEN) come back with a field name and land next to that field too.
 */
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api';

export type FormValues = Record<string, string>;

export function useRecordForm<S extends z.ZodType>(schema: S, initial: FormValues) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setField = useCallback((name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!(name in e)) return e;
      const { [name]: _removed, ...rest } = e;
      return rest;
    });
  }, []);

  /** Validate locally; returns the parsed output or null (and shows the messages). */
  const validate = useCallback((): z.output<S> | null => {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    const next: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      if (!(key in next)) next[key] = issue.message;
    }
    setErrors(next);
    return null;
  }, [schema, values]);

  /** Put a service refusal next to its field(s), or above the form when it names none. */
  const showError = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.fields.length > 0) {
      const next: Record<string, string> = {};
      for (const f of err.fields) if (!(f.field in next)) next[f.field] = f.message;
      setErrors(next);
      setFormError(null);
    } else if (err instanceof ApiError) {
      setFormError(`${err.message} (${err.code})`);
    } else {
      setFormError(String(err));
    }
  }, []);

  const inputProps = (name: string) => ({
    value: values[name] ?? '',
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => setField(name, e.currentTarget.value),
  });

  return { values, setValues, setField, errors, formError, setFormError, validate, showError, inputProps };
}
