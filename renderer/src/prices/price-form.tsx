/** Enter an AWP or WAC per package for one NDC from a date. */
import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { drugPriceInputSchema, PRICE_TYPES, type DrugPriceInput } from '../../../shared/domain/drug-price';
import { useRecordForm } from '../components/use-record-form';
import { FormActions } from '../components/form-actions';

export function PriceForm(props: {
  ndc: string;
  packageText: string;
  busy: boolean;
  onSubmit: (input: DrugPriceInput, showError: (err: unknown) => void) => void;
  onCancel: () => void;
}) {
  const form = useRecordForm(drugPriceInputSchema, {
    ndc: props.ndc,
    priceType: 'AWP',
    pricePerPackage: '',
    effectiveFrom: '',
  });
  return (
    <form
      noValidate
      aria-label="Price"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) props.onSubmit(form.values as DrugPriceInput, form.showError);
      }}
    >
      <Stack>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        {form.errors.ndc && <Alert color="red">{form.errors.ndc}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Price type"
            required
            allowDeselect={false}
            data={PRICE_TYPES.map((t) => ({ value: t, label: t }))}
            value={form.values.priceType || null}
            error={form.errors.priceType}
            onChange={(v) => form.setField('priceType', v ?? '')}
          />
          <TextInput
            label="Price per package ($)"
            required
            data-autofocus
            placeholder="480.00"
            description={`For the whole package (${props.packageText})`}
            {...form.inputProps('pricePerPackage')}
          />
          <TextInput
            label="Effective from"
            required
            placeholder="YYYY-MM-DD"
            description="In force until the next price of this type"
            {...form.inputProps('effectiveFrom')}
          />
        </SimpleGrid>
        <FormActions submitLabel="Add price" busy={props.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
