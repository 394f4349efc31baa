/**
 * The ordering and rendering providers. Each is picked from the practice's providers (the
 * Providers page, or "Add a provider…" at the end of the list), which fills in the name as the
 * attachment prints it ("Jane Roe, MD") and the NPI the claim carries; both can still be typed
 * for someone not on file. What is sent is what the form always sent: a name and an NPI per
 * role, so an administration keeps what it was billed with whatever happens to the provider.
 *
 * A new administration starts with the providers the newest recorded one named (the service
 * reads them from the administrations, so every desk agrees and nothing else has to be kept up
 * to date), unless something was typed in these fields first.
 */
import { Select, SimpleGrid, Stack, Text, TextInput, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMatch } from 'react-router';
import { npiAsTyped, providerPrintedName, type Provider } from '../../../shared/domain/provider';
import { call } from '../api';
import { AddProviderModal } from '../providers/add-provider-modal';
import type { AdministrationFormValues } from './form-values';

type Role = 'ordering' | 'rendering';
const ROLES: readonly Role[] = ['ordering', 'rendering'];
const FIELDS = {
  ordering: { name: 'orderingProviderName', npi: 'orderingNpi', label: 'Ordering provider' },
  rendering: { name: 'renderingProviderName', npi: 'renderingNpi', label: 'Rendering provider' },
} as const;

/** The list's last option: opens "Add a provider" instead of picking. */
const ADD = 'add-provider';

type SetField = <K extends keyof AdministrationFormValues>(field: K, value: AdministrationFormValues[K]) => void;

export function ProviderFields(props: {
  values: AdministrationFormValues;
  errorFor: (key: string) => string | undefined;
  set: SetField;
}) {
  const { values, errorFor, set } = props;
  const isNew = useMatch('/administrations/new') !== null;
  const providers = useQuery({ queryKey: ['providers', 'list', 'active'], queryFn: () => call('providers:list', {}) });
  const rows = providers.data?.rows ?? [];
  const [adding, setAdding] = useState<Role | null>(null);

  const pick = useCallback(
    (role: Role, p: Provider | null) => {
      set(FIELDS[role].name, p ? providerPrintedName(p) : '');
      set(FIELDS[role].npi, p ? p.npi : '');
    },
    [set],
  );

  // The defaults, once, from the list as it is now (not one cached before the last save).
  const defaulted = useRef(false);
  const untouched = ROLES.every((r) => values[FIELDS[r].name] === '' && values[FIELDS[r].npi] === '');
  const { data, isFetchedAfterMount } = providers;
  useEffect(() => {
    if (defaulted.current || !isNew || !isFetchedAfterMount || !data) return;
    defaulted.current = true;
    if (!untouched) return;
    for (const role of ROLES) {
      const p = data.rows.find((r) => r.id === data.lastUsed[role]);
      if (p) pick(role, p);
    }
  }, [isNew, isFetchedAfterMount, data, untouched, pick]);

  const text = (
    field: 'orderingProviderName' | 'orderingNpi' | 'renderingProviderName' | 'renderingNpi',
    label: string,
    npi: boolean,
  ) => (
    <TextInput
      label={label}
      maxLength={npi ? 10 : 80}
      inputMode={npi ? 'numeric' : undefined}
      classNames={npi ? { input: 'mono' } : undefined}
      value={values[field]}
      error={errorFor(field)}
      onChange={(e) => set(field, e.currentTarget.value)}
    />
  );

  return (
    <Stack gap="xs" data-testid="provider-fields">
      <Text size="sm" c="dimmed">
        Choose the providers from your list to fill in their names and NPIs, or type them in.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {ROLES.map((role) => (
          <Stack key={role} gap="xs">
            <ProviderPicker
              role={role}
              rows={rows}
              loaded={providers.isSuccess}
              npi={values[FIELDS[role].npi]}
              onPick={(p) => pick(role, p)}
              onAdd={() => setAdding(role)}
            />
            {text(FIELDS[role].name, FIELDS[role].label, false)}
            {text(FIELDS[role].npi, `${FIELDS[role].label} NPI`, true)}
          </Stack>
        ))}
      </SimpleGrid>
      <AddProviderModal
        opened={adding !== null}
        title={adding === 'rendering' ? 'Add the rendering provider' : 'Add the ordering provider'}
        onClose={() => setAdding(null)}
        onAdded={(p) => {
          if (adding) pick(adding, p);
          setAdding(null);
        }}
      />
    </Stack>
  );
}

function ProviderPicker(props: {
  role: Role;
  rows: readonly Provider[];
  loaded: boolean;
  /** The role's NPI as the form holds it: the provider with that NPI shows as picked. */
  npi: string;
  onPick: (p: Provider | null) => void;
  onAdd: () => void;
}) {
  const { rows } = props;
  const typed = npiAsTyped(props.npi);
  const match = typed === '' ? undefined : rows.find((p) => p.npi === typed);
  const byId = new Map(rows.map((p) => [String(p.id), p]));
  const data: ComboboxItem[] = [
    ...rows.map((p) => ({ value: String(p.id), label: providerPrintedName(p) })),
    { value: ADD, label: 'Add a provider…' },
  ];
  // By name or NPI; "Add a provider…" whatever was typed.
  const filter: OptionsFilter = ({ options, search }) => {
    const s = search.trim().toLowerCase();
    return (options as ComboboxItem[]).filter((o) => {
      if (o.value === ADD || s === '') return true;
      const p = byId.get(o.value);
      return o.label.toLowerCase().includes(s) || (p !== undefined && p.npi.includes(npiAsTyped(s)));
    });
  };
  const label = FIELDS[props.role].label;
  const placeholder = !props.loaded
    ? ''
    : rows.length === 0
      ? 'No providers on file yet'
      : typed !== '' && !match
        ? 'Not on file: typed below'
        : 'Choose a provider';

  return (
    <Select
      label={`${label} on file`}
      searchable
      clearable
      // Mantine keeps this button out of the tab order; from the keyboard, empty the fields below.
      clearButtonProps={{ title: `Clear the ${label.toLowerCase()}`, ...{ 'data-testid': `clear-${props.role}` } }}
      placeholder={placeholder}
      nothingFoundMessage="No provider matches"
      data={data}
      filter={filter}
      value={match ? String(match.id) : null}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        if (!p) {
          return (
            <Text size="sm" fw={600} c="teal.8">
              {option.label}
            </Text>
          );
        }
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed" className="mono">
              NPI {p.npi}
            </Text>
          </div>
        );
      }}
      onChange={(value) => {
        if (value === ADD) props.onAdd();
        else props.onPick(value === null ? null : (byId.get(value) ?? null));
      }}
    />
  );
}
