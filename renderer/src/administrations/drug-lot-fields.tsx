/**
 * Drug, then lot. The drug is searched in the catalog as you type; the lot select then offers the
 * lots of that NDC usable on the date of service (`stock:suggest`: unexpired on the date, with
 * stock, soonest expiry first) with what each has on hand, and the first one is chosen for you
 * (first expiry, first out). Editing keeps the administration's own lot on offer even when it no
 * longer shows as usable (its stock is this administration's draw).
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Drug } from '../../../shared/domain/drug-catalog';
import { isIsoDate } from '../../../shared/domain/iso-date';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { Lot } from '../../../shared/domain/stock';
import { call } from '../api';
import { drugLabel } from '../prices/drug-picker';

export function DrugField(props: {
  ndc11: string;
  /** How the stored drug reads until it is loaded (editing). */
  initialLabel?: string;
  error?: string;
  onChange: (drug: Drug) => void;
}) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Drug | null>(null);
  // The chosen drug as the rows label it, so the box's text is never taken for a search.
  const chosen = useQuery({
    queryKey: ['drugs', 'byNdc', props.ndc11],
    queryFn: () => call('drugs:get', { ndc: props.ndc11 }),
    enabled: props.ndc11 !== '',
    staleTime: 30_000,
  });
  const current = picked && picked.ndc11 === props.ndc11 ? picked : chosen.data;
  const selectedLabel = current ? drugLabel(current) : props.initialLabel;
  const typed = search === selectedLabel ? '' : search;
  const [debounced] = useDebouncedValue(typed, 150);
  const drugs = useQuery({
    queryKey: ['drugs', 'picker', debounced],
    queryFn: () => call('drugs:list', { search: debounced, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const rows = drugs.data?.rows ?? [];
  const options = rows.map((d) => ({ value: d.ndc11, label: drugLabel(d) }));
  if (props.ndc11 && selectedLabel && !options.some((o) => o.value === props.ndc11)) {
    options.unshift({ value: props.ndc11, label: selectedLabel });
  }
  const none = drugs.isSuccess && drugs.data.total === 0 && !debounced;

  return (
    <Select
      label="Drug"
      required
      searchable
      placeholder={none ? 'No drugs in the catalog yet: add them under Drug catalog' : 'Search by NDC or name'}
      searchValue={search}
      onSearchChange={setSearch}
      // The service already filtered by NDC and names; filtering again by label would hide an
      // NDC typed without hyphens.
      filter={({ options: o }) => o}
      nothingFoundMessage={drugs.isFetching ? 'Searching…' : 'No drug matches'}
      data={options}
      value={props.ndc11 || null}
      allowDeselect={false}
      error={props.error ?? (drugs.isError ? drugs.error.message : undefined)}
      onChange={(ndc11) => {
        const d = rows.find((r) => r.ndc11 === ndc11);
        if (!d) return;
        setPicked(d);
        props.onChange(d);
      }}
    />
  );
}

export const lotLabel = (l: Pick<Lot, 'lotNumber' | 'expiryDate' | 'onHand' | 'ndcUnit'>): string =>
  `${l.lotNumber} · expires ${l.expiryDate} · ${l.onHand} ${l.ndcUnit} on hand`;

export type StoredLot = { invoiceLineId: number; ndc11: string; lotNumber: string; expiryDate: string };

export function LotField(props: {
  ndc11: string;
  dateOfService: string;
  value: string;
  /** The administration's own lot, when editing. */
  storedLot?: StoredLot;
  error?: string;
  onChange: (invoiceLineId: string, lot: Lot | null) => void;
}) {
  const { ndc11, dateOfService, value, storedLot, onChange } = props;
  const args = useMemo(
    () => (ndc11 && isIsoDate(dateOfService) ? { ndc: ndc11, dateOfService } : null),
    [ndc11, dateOfService],
  );
  const lots = useQuery({
    queryKey: ['stock', 'suggest', args],
    queryFn: () => call('stock:suggest', args as NonNullable<typeof args>),
    enabled: args !== null,
  });
  const rows = useMemo(() => (args && lots.data ? lots.data : []), [args, lots.data]);
  const options = rows.map((l) => ({ value: String(l.invoiceLineId), label: lotLabel(l) }));
  if (storedLot && storedLot.ndc11 === ndc11 && !options.some((o) => o.value === String(storedLot.invoiceLineId))) {
    options.push({
      value: String(storedLot.invoiceLineId),
      label: `${storedLot.lotNumber} · expires ${storedLot.expiryDate} · this administration’s lot`,
    });
  }

  // First expiry, first out: once the lots for this drug and date are known, a choice that is not
  // among them gives way to the first one (or to nothing when there is none).
  const loaded = args !== null && lots.isSuccess;
  const firstId = options[0]?.value ?? '';
  const valueOffered = options.some((o) => o.value === value);
  useEffect(() => {
    if (!loaded || valueOffered) return;
    if (value !== firstId) onChange(firstId, rows.find((l) => String(l.invoiceLineId) === firstId) ?? null);
  }, [loaded, valueOffered, value, firstId, rows, onChange]);

  const placeholder = !ndc11
    ? 'Choose the drug first'
    : !args
      ? 'Enter the date of service first'
      : lots.isFetching
        ? 'Looking for lots…'
        : options.length === 0
          ? `No lot of ${formatNdc542(ndc11)} usable on ${dateOfService}`
          : 'Choose the lot';
  const noLots = loaded && options.length === 0;

  return (
    <Select
      label="Lot"
      required
      placeholder={placeholder}
      description={
        noLots
          ? 'No unexpired lot with stock on that date: record the invoice under Invoices first.'
          : 'Oldest expiry first, with what is on hand'
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      disabled={!args}
      data={options}
      value={valueOffered ? value : null}
      allowDeselect={false}
      error={props.error ?? (lots.isError ? lots.error.message : undefined)}
      onChange={(id) => onChange(id ?? '', rows.find((l) => String(l.invoiceLineId) === id) ?? null)}
      data-testid="lot-select"
    />
  );
}
