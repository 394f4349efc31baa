/**
 * The supplier of an invoice: a searchable select over `suppliers:list`, and "Add supplier"
 * beside it so a new distributor does not mean leaving a half-typed invoice.
 */
import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { supplierInputSchema, type Supplier } from '../../../shared/domain/invoice';
import { call } from '../api';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { FormActions } from '../components/form-actions';
import { RecordFormModal } from '../components/record-form-modal';

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

const emptySupplier: FormValues = { name: '', accountNumber: '', notes: '' };

function SupplierForm(props: { onCancel: () => void; onSaved: (s: Supplier) => void }) {
  const queryClient = useQueryClient();
  const form = useRecordForm(supplierInputSchema, emptySupplier);
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      call('suppliers:create', { name: values.name ?? '', accountNumber: values.accountNumber, notes: values.notes }),
    onSuccess: async (s) => {
      await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
      props.onSaved(s);
    },
    onError: form.showError,
  });
  return (
    <form
      noValidate
      aria-label="Supplier"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) create.mutate(form.values);
      }}
    >
      <Stack>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <TextInput
          label="Supplier name"
          required
          data-autofocus
          placeholder="e.g. McKesson Specialty"
          {...form.inputProps('name')}
        />
        <TextInput
          label="Account number"
          description="The practice’s account with them"
          {...form.inputProps('accountNumber')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.inputProps('notes')} />
        <FormActions submitLabel="Add supplier" busy={create.isPending} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
