/** Add or edit one catalog drug. Validation messages sit next to their fields. */
import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  CONTAINERS,
  NDC_UNIT_LABELS,
  NDC_UNITS,
  ROUTES,
  STRENGTH_UNITS,
  drugInputSchema,
  type Drug,
} from '../../../shared/domain/drug-catalog';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { useRecordForm, type FormValues } from './use-record-form';
import { FormActions } from './form-actions';

export const emptyDrug: FormValues = {
  ndc: '',
  genericName: '',
  brandName: '',
  strengthAmount: '',
  strengthUnit: 'mg',
  packageSize: '',
  ndcUnit: 'ML',
  container: 'single-dose',
  route: 'IV',
};

/** The NDC as printed on the package when it is known (so saving keeps it), else the 5-4-2 form. */
export function drugToForm(d: Drug): FormValues {
  return {
    ndc: d.ndcPrinted || formatNdc542(d.ndc11),
    genericName: d.genericName,
    brandName: d.brandName,
    strengthAmount: d.strengthAmount,
    strengthUnit: d.strengthUnit,
    packageSize: d.packageSize,
    ndcUnit: d.ndcUnit,
    container: d.container,
    route: d.route,
  };
}

export function DrugForm(props: {
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: FormValues, showError: (err: unknown) => void) => void;
  onCancel: () => void;
}) {
  const form = useRecordForm(drugInputSchema, props.initial);
  const ndcUnit = form.values.ndcUnit ?? 'ML';
  const select = (name: string, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={data}
      value={form.values[name] || null}
      error={form.errors[name]}
      onChange={(v) => form.setField(name, v ?? '')}
    />
  );
  const plain = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

  return (
    <form
      noValidate
      aria-label="Drug"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) props.onSubmit(form.values, form.showError);
      }}
    >
      <Stack>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <TextInput
          label="NDC"
          required
          data-autofocus
          placeholder="0002-7597-01 or 00002759701"
          description="As printed on the package, with hyphens: the attachment shows that form beside the 11 digits. The 11-digit form is accepted too."
          {...form.inputProps('ndc')}
        />
        <SimpleGrid cols={2}>
          <TextInput label="Generic name" required {...form.inputProps('genericName')} />
          <TextInput label="Brand name" {...form.inputProps('brandName')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {select(
            'ndcUnit',
            'NDC unit',
            NDC_UNITS.map((u) => ({ value: u, label: NDC_UNIT_LABELS[u] })),
          )}
          <TextInput
            label={`Strength per ${ndcUnit}`}
            required
            placeholder="20"
            {...form.inputProps('strengthAmount')}
          />
          {select('strengthUnit', 'Strength unit', plain(STRENGTH_UNITS))}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput
            label={`Package size (${ndcUnit})`}
            required
            placeholder="10"
            {...form.inputProps('packageSize')}
          />
          {select('container', 'Container', plain(CONTAINERS))}
          {select('route', 'Route', plain(ROUTES))}
        </SimpleGrid>
        <FormActions submitLabel={props.submitLabel} busy={props.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
