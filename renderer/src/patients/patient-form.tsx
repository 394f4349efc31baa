/**
 * Add or edit a patient: the minimum a claim needs (name, date of birth, account/MRN, payer and
 * member ID). Checked with the contract's schema as typed; the service's refusals (an account
 * number already in use) land next to their field.
 */
import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { patientInputSchema, type Patient, type PatientInput } from '../../../shared/domain/patient';
import { call } from '../api';
import { DateField } from '../components/date-field';
import { dateReader, type FieldReaders } from '../components/typed-readers';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { formSchema } from '../payers/form-schema';
import { FormActions } from '../components/form-actions';
import { FormRefusal } from '../components/record-changed';

export const emptyPatient: FormValues = {
  lastName: '',
  firstName: '',
  dateOfBirth: '',
  accountNumber: '',
  payerId: '',
  memberId: '',
};

export const patientToForm = (p: Patient): FormValues => ({
  lastName: p.lastName,
  firstName: p.firstName,
  dateOfBirth: p.dateOfBirth,
  accountNumber: p.accountNumber,
  payerId: p.payerId === null ? '' : String(p.payerId),
  memberId: p.memberId,
});

export const patientInput = (v: FormValues): PatientInput => ({
  lastName: v.lastName ?? '',
  firstName: v.firstName ?? '',
  dateOfBirth: v.dateOfBirth ?? '',
  accountNumber: v.accountNumber ?? '',
  payerId: v.payerId ? Number(v.payerId) : null,
  memberId: v.memberId ?? '',
});

const patientFormSchema = formSchema(patientInput, patientInputSchema);

const READERS: FieldReaders = { dateOfBirth: dateReader('dateOfBirth', 'Date of birth') };

export function PatientForm(props: {
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: PatientInput, showError: (err: unknown) => void) => void;
  onCancel: () => void;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const form = useRecordForm(patientFormSchema, props.initial, READERS);
  const payers = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  const payerRows = payers.data ?? [];

  return (
    <form
      noValidate
      aria-label="Patient"
      onSubmit={(e) => {
        e.preventDefault();
        const values = form.readValues();
        if (form.validate(values)) props.onSubmit(patientInput(values), form.showError);
      }}
    >
      <Stack>
        <FormRefusal form={form} onReload={props.onReload} />
        <SimpleGrid cols={2}>
          <TextInput label="Last name" required data-autofocus {...form.inputProps('lastName')} />
          <TextInput label="First name" required {...form.inputProps('firstName')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <DateField label="Date of birth" required {...form.textProps('dateOfBirth')} />
          <TextInput
            label="Account / MRN"
            required
            description="The practice’s account or medical record number"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.inputProps('accountNumber')}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Select
            label="Payer"
            clearable
            searchable
            placeholder={payers.isSuccess && payerRows.length === 0 ? 'No payers yet (add them under Payers)' : 'None'}
            nothingFoundMessage="No payer matches"
            data={payerRows.map((p) => ({ value: String(p.id), label: p.name }))}
            value={form.values.payerId || null}
            error={form.errors.payerId}
            onChange={(v) => form.setField('payerId', v ?? '')}
          />
          <TextInput label="Member ID" {...form.inputProps('memberId')} />
        </SimpleGrid>
        <FormActions submitLabel={props.submitLabel} busy={props.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
