/**
 * Add or change a provider: name, NPI and credentials, checked with the contract's schema as
 * typed (an NPI with spaces or dashes is fine; its check digit is not negotiable). The service's
 * refusal of an NPI already on file lands next to the NPI. Used on the Providers page and from
 * the administration form's "Add a provider", whose own form this one sits inside (through the
 * dialog's portal): its submit must not reach the administration's.
 */
import { Autocomplete, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  COMMON_CREDENTIALS,
  PROVIDER_CREDENTIALS_MAX,
  PROVIDER_NAME_MAX,
  providerInputSchema,
  providerPrintedName,
  type Provider,
  type ProviderInput,
} from '../../../shared/domain/provider';
import { FormActions } from '../components/form-actions';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { formSchema } from '../payers/form-schema';
import { FormRefusal } from '../components/record-changed';

export const emptyProvider: FormValues = { name: '', npi: '', credentials: '' };

export const providerToForm = (p: Provider): FormValues => ({ name: p.name, npi: p.npi, credentials: p.credentials });

const providerInput = (v: FormValues): ProviderInput => ({
  name: v.name ?? '',
  npi: v.npi ?? '',
  credentials: v.credentials ?? '',
});

const providerFormSchema = formSchema(providerInput, providerInputSchema);

export function ProviderForm(props: {
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: ProviderInput, showError: (err: unknown) => void) => void;
  onCancel: () => void;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const form = useRecordForm(providerFormSchema, props.initial);
  const name = (form.values.name ?? '').trim();
  const credentials = (form.values.credentials ?? '').trim();

  return (
    <form
      noValidate
      aria-label="Provider"
      onSubmit={(e) => {
        e.preventDefault();
        // React passes a submit up through the dialog's portal to an enclosing form.
        e.stopPropagation();
        if (form.validate()) props.onSubmit(providerInput(form.values), form.showError);
      }}
    >
      <Stack>
        <FormRefusal form={form} onReload={props.onReload} />
        <TextInput
          label="Name"
          required
          data-autofocus
          description="First and last name, without the credentials"
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          maxLength={PROVIDER_NAME_MAX}
          {...form.inputProps('name')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="NPI"
            required
            description="10 digits; spaces and dashes are fine"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="numeric"
            maxLength={20}
            classNames={{ input: 'mono' }}
            {...form.inputProps('npi')}
          />
          <Autocomplete
            label="Credentials"
            description="Such as MD, DO, NP or PA"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={[...COMMON_CREDENTIALS]}
            maxLength={PROVIDER_CREDENTIALS_MAX}
            value={form.values.credentials ?? ''}
            error={form.errors.credentials}
            onChange={(v) => form.setField('credentials', v)}
          />
        </SimpleGrid>
        {name !== '' && (
          <Text size="sm" c="dimmed" data-testid="provider-printed-name">
            Claims and attachments will read “{providerPrintedName({ name, credentials })}”.
          </Text>
        )}
        <FormActions submitLabel={props.submitLabel} busy={props.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
