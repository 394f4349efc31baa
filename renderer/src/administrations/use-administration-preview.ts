/**
 * The preview behind the administration form: ~300 ms after the last change, once the fields that
 * shape the claim parse, `administrations:preview` says what the administration would be if saved
 * now. Its refusals that name a field (LOT_INSUFFICIENT on the dose, LOT_EXPIRED on the lot) are
 * shown next to that field, as are the schema's messages for fields already typed in.
 * When editing, the preview is told which administration it is, so its own earlier draw counts as
 * back in the lot, exactly as the save will count it.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Administration } from '../../../shared/domain/administration';
import { call } from '../api';
import {
  errorsFromApi,
  isBlank,
  previewPlan,
  validateAdministration,
  type AdministrationFormValues,
  type FieldErrors,
} from './form-values';

export function useAdministrationPreview(values: AdministrationFormValues, stored: Administration | undefined) {
  const [debounced] = useDebouncedValue(values, 300);
  const plan = useMemo(() => previewPlan(debounced), [debounced]);
  const editingId = stored?.id;
  const preview = useQuery({
    queryKey: ['administrations', 'preview', plan.input, editingId],
    queryFn: () =>
      call('administrations:preview', {
        ...(plan.input as NonNullable<typeof plan.input>),
        ...(editingId !== undefined ? { editingId } : {}),
      }),
    enabled: plan.input !== null,
    placeholderData: keepPreviousData,
  });

  const previewErrors = useMemo(
    () => (plan.input !== null && preview.isError ? (errorsFromApi(preview.error) ?? {}) : {}),
    [plan.input, preview.isError, preview.error],
  );

  const liveErrors = useMemo(() => {
    const r = validateAdministration(debounced);
    if (r.ok) return {};
    const out: FieldErrors = {};
    for (const [k, e] of Object.entries(r.errors)) if (!isBlank(debounced, k)) out[k] = e;
    return out;
  }, [debounced]);

  return { plan, preview, previewErrors, liveErrors };
}
