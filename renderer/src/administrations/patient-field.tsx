/**
 * The patient of an administration: a searchable select over `patients:list` (name, account/MRN
 * or member ID), searched by the service as you type. Picking one hands its payer to the form.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Patient } from '../../../shared/domain/patient';
import { call } from '../api';

export const patientLabel = (p: Pick<Patient, 'lastName' | 'firstName' | 'accountNumber'>): string =>
  `${p.lastName}, ${p.firstName} · ${p.accountNumber}`;

export function PatientField(props: {
  value: string;
  /** How the stored patient reads until it is loaded (editing). */
  initialLabel?: string;
  error?: string;
  onChange: (patient: Patient) => void;
}) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Patient | null>(null);
  // The chosen patient as the rows label it, so the box's text is never taken for a search.
  const id = Number(props.value);
  const chosen = useQuery({
    queryKey: ['patients', id],
    queryFn: () => call('patients:get', { id }),
    enabled: Number.isInteger(id) && id > 0 && !(picked && picked.id === id),
    staleTime: 30_000,
  });
  const current = picked && picked.id === id ? picked : chosen.data;
  const selectedLabel = current ? patientLabel(current) : props.initialLabel;
  // Once a patient is picked the box shows its label; that is not a new search.
  const typed = search === selectedLabel ? '' : search;
  const [debounced] = useDebouncedValue(typed, 150);
  const patients = useQuery({
    queryKey: ['patients', 'picker', debounced],
    queryFn: () => call('patients:list', { search: debounced, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const rows = patients.data?.rows ?? [];
  const options = rows.map((p) => ({ value: String(p.id), label: patientLabel(p) }));
  if (props.value && selectedLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: selectedLabel });
  }
  const none = patients.isSuccess && patients.data.total === 0 && !debounced;

  return (
    <Select
      label="Patient"
      required
      searchable
      placeholder={none ? 'No patients yet: add them under Patients' : 'Search by name, account/MRN or member ID'}
      searchValue={search}
      onSearchChange={setSearch}
      // The service already searched names, account numbers and member IDs.
      filter={({ options: o }) => o}
      nothingFoundMessage={patients.isFetching ? 'Searching…' : 'No patient matches'}
      data={options}
      value={props.value || null}
      allowDeselect={false}
      error={props.error ?? (patients.isError ? patients.error.message : undefined)}
      onChange={(id) => {
        // The stored patient (editing) is not in the rows until searched for: nothing changes.
        const p = rows.find((r) => String(r.id) === id);
        if (!p) return;
        setPicked(p);
        props.onChange(p);
      }}
    />
  );
}
