/**
 * The patient of an administration: a searchable select over `patients:list` (name, account/MRN
 * or member ID), searched by the service as you type. Picking one hands its payer to the form.
 * "New patient" beside it adds a patient in a dialog without leaving the form, and chooses them.
 */
import { Button, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Patient } from '../../../shared/domain/patient';
import { call } from '../api';
import { NewPatientModal } from '../patients/new-patient-modal';

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
  const [adding, setAdding] = useState(false);
  // The last text searched for, which starts the new patient's form: leaving the box (to press
  // "New patient") empties the search itself.
  const [lastTyped, setLastTyped] = useState('');
  // The chosen patient as the rows label it, so the box's text is never taken for a search.
  const id = Number(props.value);
  const chosen = useQuery({
    // Not ['patients', id]: that is the patient's record page (patients:record).
    queryKey: ['patients', 'get', id],
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

  const choose = (p: Patient) => {
    setPicked(p);
    setLastTyped('');
    props.onChange(p);
  };

  return (
    // "New patient" sits on the label's line, so the box keeps the column's whole width for the name.
    <div style={{ position: 'relative' }}>
      <Select
        label="Patient"
        required
        searchable
        placeholder={none ? 'No patients yet: add one with “New patient”' : 'Search by name, account/MRN or member ID'}
        searchValue={search}
        onSearchChange={(text) => {
          setSearch(text);
          if (text !== '' && text !== selectedLabel) setLastTyped(text);
        }}
        // The service already searched names, account numbers and member IDs.
        filter={({ options: o }) => o}
        nothingFoundMessage={patients.isFetching ? 'Searching…' : 'No patient matches: add them with “New patient”'}
        data={options}
        value={props.value || null}
        allowDeselect={false}
        error={props.error ?? (patients.isError ? patients.error.message : undefined)}
        onChange={(id) => {
          // The stored patient (editing) is not in the rows until searched for: nothing changes.
          const p = rows.find((r) => String(r.id) === id);
          if (p) choose(p);
        }}
      />
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label="New patient"
        onClick={() => setAdding(true)}
        style={{ position: 'absolute', top: 0, right: 0 }}
      >
        + New patient
      </Button>
      <NewPatientModal
        opened={adding}
        typed={lastTyped}
        onClose={() => setAdding(false)}
        onCreated={(p) => {
          setAdding(false);
          setSearch(patientLabel(p));
          choose(p);
        }}
      />
    </div>
  );
}
