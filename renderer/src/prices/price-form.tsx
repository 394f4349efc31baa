/** Enter an AWP or WAC per package for one NDC from a date, or correct one already entered. */
import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  drugPriceInputSchema,
  PRICE_TYPES,
  type DrugPrice,
  type DrugPriceInput,
} from '../../../shared/domain/drug-price';
import { DateField } from '../components/date-field';
import { dateReader, moneyReader, type FieldReaders } from '../components/typed-readers';
import { useRecordForm } from '../components/use-record-form';

const READERS: FieldReaders = {
  pricePerPackage: moneyReader('pricePerPackage', { maxDecimals: 6, allowZero: false, label: 'Price per package' }),
  effectiveFrom: dateReader('effectiveFrom', 'Effective from'),
};
import { FormActions } from '../components/form-actions';
import { FormRefusal } from '../components/record-changed';

export function PriceForm(props: {
  ndc: string;
  packageText: string;
  /** The entry being corrected; a new one when absent. */
  price?: DrugPrice;
  busy: boolean;
  onSubmit: (input: DrugPriceInput, showError: (err: unknown) => void) => void;
  onCancel: () => void;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const form = useRecordForm(
    drugPriceInputSchema,
    {
      ndc: props.ndc,
      priceType: props.price?.priceType ?? 'AWP',
      pricePerPackage: props.price?.pricePerPackage ?? '',
      effectiveFrom: props.price?.effectiveFrom ?? '',
    },
    READERS,
  );
  return (
    <form
      noValidate
      aria-label="Price"
      onSubmit={(e) => {
        e.preventDefault();
        const values = form.readValues();
        if (form.validate(values)) props.onSubmit(values as DrugPriceInput, form.showError);
      }}
    >
      <Stack>
        <FormRefusal form={form} onReload={props.onReload} />
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
            placeholder="e.g. $480.00"
            description={`For the whole package (${props.packageText})`}
            {...form.inputProps('pricePerPackage')}
          />
          <DateField
            label="Effective from"
            required
            description="In force until the next price of this type"
            {...form.textProps('effectiveFrom')}
          />
        </SimpleGrid>
        <FormActions
          submitLabel={props.price ? 'Save price' : 'Add price'}
          busy={props.busy}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}
