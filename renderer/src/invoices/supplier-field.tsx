/**
 * The supplier of an invoice: a searchable select over `suppliers:list`, and "Add supplier"
 * beside it (the Suppliers page's own form) so a new distributor does not mean leaving a
 * half-typed invoice.
 */
import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api';
import { RecordFormModal } from '../components/record-form-modal';
import { SupplierForm } from '../suppliers/supplier-form';

export function SupplierField(props: {
  value: string;
  error?: string;
  autoFocus?: boolean;
  onChange: (id: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const suppliers = useQuery({ queryKey: ['suppliers', 'list'], queryFn: () => call('suppliers:list', {}) });
  const rows = suppliers.data ?? [];

  return (
    <>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Select
          label="Supplier"
          required
          searchable
          autoFocus={props.autoFocus}
          openOnFocus={false}
          allowDeselect={false}
          style={{ flex: 1 }}
          placeholder={suppliers.isSuccess && rows.length === 0 ? 'No suppliers yet: use “Add supplier”' : 'Choose'}
          nothingFoundMessage="No supplier matches"
          data={rows.map((s) => ({ value: String(s.id), label: s.name }))}
          value={props.value || null}
          error={props.error ?? (suppliers.isError ? suppliers.error.message : undefined)}
          onChange={(v) => props.onChange(v ?? '')}
        />
        <Button variant="light" mt={25} onClick={() => setAdding(true)}>
          Add supplier
        </Button>
      </Group>
      <RecordFormModal record={adding} onClose={() => setAdding(false)} title="Add supplier">
        {() => (
          <SupplierForm
            supplier={null}
            onCancel={() => setAdding(false)}
            onSaved={(s) => {
              setAdding(false);
              props.onChange(String(s.id));
            }}
          />
        )}
      </RecordFormModal>
    </>
  );
}
