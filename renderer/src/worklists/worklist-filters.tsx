/**
 * The filters every worklist shares: payer and a date range (of service, or of the invoice for
 * stock). A date applies once it is whole (DateFilter); one that cannot be read is said next to
 * its field and left out of the query.
 */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api';
import { DateFilter } from '../components/date-filter';

export type WorklistFilter = { payerId?: number; from?: string; to?: string };

export function useWorklistFilter(onChange: () => void) {
  const [payerId, setPayerId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: WorklistFilter = {
    ...(payerId ? { payerId: Number(payerId) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      onChange();
    };
  return {
    filter,
    payerProps: { value: payerId, onChange: change(setPayerId) },
    fromProps: { value: from, onApply: change(setFrom) },
    toProps: { value: to, onApply: change(setTo) },
  };
}

export type WorklistFilterState = ReturnType<typeof useWorklistFilter>;

export function PayerFilter(props: { state: WorklistFilterState }) {
  const payers = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  return (
    <Select
      label="Payer"
      clearable
      placeholder="All payers"
      w={220}
      data={(payers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
      {...props.state.payerProps}
    />
  );
}

export function DateFilters(props: { state: WorklistFilterState; what: string }) {
  return (
    <>
      <DateFilter label={`${props.what} from`} w={170} {...props.state.fromProps} />
      <DateFilter label={`${props.what} to`} w={170} {...props.state.toProps} />
    </>
  );
}
