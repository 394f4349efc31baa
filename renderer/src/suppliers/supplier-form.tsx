/**
 * Adding or changing a supplier: name, the practice's account number with them, and notes.
 * Used by the Suppliers page and by the invoice import wizard ("Add a supplier"), so a supplier
 * made from either is the same record. A name already taken comes back next to the name field.
 */
import { Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supplierInputSchema, type Supplier } from '../../../shared/domain/invoice';
import { call } from '../api';
import { FormActions } from '../components/form-actions';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { FormRefusal } from '../components/record-changed';

const toForm = (s: Supplier | null): FormValues => ({
  name: s?.name ?? '',
  accountNumber: s?.accountNumber ?? '',
  notes: s?.notes ?? '',
});

export function SupplierForm(props: {
  /** The supplier to change, or null to add one. */
  supplier: Supplier | null;
  onCancel: () => void;
  /** After the save, once the supplier lists have been read again. */
  onSaved: (saved: Supplier) => void;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const { supplier } = props;
  const queryClient = useQueryClient();
  const form = useRecordForm(supplierInputSchema, toForm(supplier));
  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const input = { name: values.name ?? '', accountNumber: values.accountNumber, notes: values.notes };
      return supplier
        ? call('suppliers:update', { ...input, id: supplier.id, version: supplier.version })
        : call('suppliers:create', input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['suppliers'] });
      props.onSaved(saved);
    },
    onError: form.showError,
  });

  return (
    <form
      noValidate
      aria-label="Supplier"
      onSubmit={(e) => {
        e.preventDefault();
        // This form may sit in a dialog opened from another form (the import wizard's first step):
        // React passes submit events up through portals, and that form must not submit too.
        e.stopPropagation();
        if (form.validate()) save.mutate(form.values);
      }}
    >
      <Stack>
        <FormRefusal form={form} onReload={props.onReload} />
        <TextInput
          label="Supplier name"
          required
          data-autofocus
          description="As it is printed on their invoices"
          {...form.inputProps('name')}
        />
        <TextInput
          label="Account number"
          description="The practice’s account with them"
          {...form.inputProps('accountNumber')}
        />
        <Textarea
          label="Notes"
          description="Who to call, ordering days, anything the next person should know"
          autosize
          minRows={2}
          {...form.inputProps('notes')}
        />
        <FormActions
          submitLabel={supplier ? 'Save changes' : 'Add supplier'}
          busy={save.isPending}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}
