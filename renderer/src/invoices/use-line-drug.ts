/**
 * The catalog drug an invoice line's NDC names, looked up as soon as the typed NDC is a valid
 * one. "Unknown" means the NDC is well formed but not in the catalog: the line offers "Add this
 * drug" rather than letting the save be refused.
 */
import { useQuery } from '@tanstack/react-query';
import type { Drug } from '../../../shared/domain/drug-catalog';
import { parseNdc } from '../../../shared/domain/ndc';
import { ApiError, call } from '../api';

export type LineDrug =
  | { state: 'none' }
  | { state: 'loading'; ndc11: string }
  | { state: 'found'; ndc11: string; drug: Drug }
  | { state: 'unknown'; ndc11: string }
  | { state: 'failed'; ndc11: string; message: string };

/** The 11-digit NDC of what was typed, or null while it is not a valid NDC. */
export function ndc11Of(typed: string): string | null {
  const r = parseNdc(typed);
  return r.ok ? r.ndc11 : null;
}

export function useLineDrug(typedNdc: string): LineDrug {
  const ndc11 = ndc11Of(typedNdc);
  const lookup = useQuery({
    queryKey: ['drugs', 'byNdc', ndc11],
    queryFn: () => call('drugs:get', { ndc: ndc11 ?? '' }),
    enabled: ndc11 !== null,
    staleTime: 30_000,
  });
  if (ndc11 === null) return { state: 'none' };
  if (lookup.data) return { state: 'found', ndc11, drug: lookup.data };
  if (lookup.error instanceof ApiError && lookup.error.code === 'DRUG_NOT_FOUND') return { state: 'unknown', ndc11 };
  if (lookup.error) return { state: 'failed', ndc11, message: lookup.error.message };
  return { state: 'loading', ndc11 };
}
