/**
 * The filters every worklist shares: payer and a date range (of service, or of the invoice for
 * stock), with a date that is not a real day said next to its field and left out of the query.
 */
import { Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { isIsoDate } from '../../../shared/domain/iso-date';
import { call } from '../api';

export type WorklistFilter = { payerId?: number; from?: string; to?: string };

export function useWorklistFilter(onChange: () => void) {
  const [payerId, setPayerId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromValid = from.trim() === '' || isIsoDate(from.trim());
  const toValid = to.trim() === '' || isIsoDate(to.trim());
  const filter: WorklistFilter = {
    ...(payerId ? { payerId: Number(payerId) } : {}),
    ...(from.trim() && fromValid ? { from: from.trim() } : {}),
    ...(to.trim() && toValid ? { to: to.trim() } : {}),
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
    fromProps: {
      value: from,
      error: fromValid ? undefined : 'Not a real date (YYYY-MM-DD)',
      onChange: (e: ChangeEvent<HTMLInputElement>) => change(setFrom)(e.currentTarget.value),
    },
    toProps: {
      value: to,
      error: toValid ? undefined : 'Not a real date (YYYY-MM-DD)',
      onChange: (e: ChangeEvent<HTMLInputElement>) => change(setTo)(e.currentTarget.value),
    },
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
      <TextInput label={`${props.what} from`} placeholder="YYYY-MM-DD" w={170} {...props.state.fromProps} />
      <TextInput label={`${props.what} to`} placeholder="YYYY-MM-DD" w={170} {...props.state.toProps} />
    </>
  );
}
