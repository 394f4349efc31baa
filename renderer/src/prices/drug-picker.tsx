/** Pick a catalog drug by typing part of its NDC or name; the catalog is searched as you type. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Drug } from '../../../shared/domain/drug-catalog';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';

export const drugLabel = (d: Drug): string =>
  `${d.genericName}${d.brandName ? ` (${d.brandName})` : ''} · ${formatNdc542(d.ndc11)}`;

export function DrugPicker(props: { value: Drug | null; onChange: (d: Drug | null) => void }) {
  const [search, setSearch] = useState('');
  // Once a drug is picked the box shows its label; that is not a new search.
  const typed = props.value && search === drugLabel(props.value) ? '' : search;
  const [debounced] = useDebouncedValue(typed, 150);
  const drugs = useQuery({
    queryKey: ['drugs', 'picker', debounced],
    queryFn: () => call('drugs:list', { search: debounced, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const rows = drugs.data?.rows ?? [];
  const all = props.value && !rows.some((d) => d.id === props.value?.id) ? [props.value, ...rows] : rows;
  const noDrugs = drugs.isSuccess && drugs.data.total === 0 && !debounced;

  return (
    <Select
      label="Drug"
      placeholder={noDrugs ? 'No drugs in the catalog yet: add them under Drug catalog' : 'Search by NDC or name'}
      searchable
      clearable
      maw={520}
      searchValue={search}
      onSearchChange={setSearch}
      // The service already filtered by NDC and names; filtering again by label would hide an
      // NDC typed without hyphens.
      filter={({ options }) => options}
      nothingFoundMessage={drugs.isFetching ? 'Searching…' : 'No drug matches'}
      data={all.map((d) => ({ value: String(d.id), label: drugLabel(d) }))}
      value={props.value ? String(props.value.id) : null}
      onChange={(id) => props.onChange(all.find((d) => String(d.id) === id) ?? null)}
    />
  );
}
