/**
 * A payer and its requirements profile: the same form adds a payer and edits one. Every field of
 * `payerInputSchema`; messages sit next to their inputs, from the local check or the service.
 */
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { NDC_UNIT_LABELS } from '../../../shared/domain/drug-catalog';
import {
  JW_JZ_POLICIES,
  JW_JZ_POLICY_LABELS,
  NARRATIVE_LOCATION_LABELS,
  NARRATIVE_LOCATIONS,
  NOC_UNITS_MODES,
  PAYER_TYPE_LABELS,
  PAYER_TYPES,
  payerInputSchema,
  type Payer,
  type PayerInput,
} from '../../../shared/domain/payer';
import { DOSE_UNITS, NDC_UNITS } from '../../../shared/domain/units';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { checked, flag, formSchema } from './form-schema';
import { FormRefusal } from '../components/record-changed';

const NOC_UNITS_MODE_LABELS: Record<(typeof NOC_UNITS_MODES)[number], string> = {
  'one-per-line': '1 unit per NOC line (the dose goes in the narrative)',
  'per-quantity': 'Units per stated amount of drug (e.g. 1 unit = 1 mg)',
};

export const emptyPayer: FormValues = {
  name: '',
  payerType: '',
  payerCode: '',
  requiresInvoice: 'false',
  nocUnitsMode: 'one-per-line',
  nocUnitsPerAmount: '',
  nocUnitsPerUnit: 'mg',
  ndcUnits: NDC_UNITS.join(','),
  jwJzPolicy: 'cms',
  narrativeLocation: 'sv101-7',
  timelyFilingDays: '',
  notes: '',
  contacts: '',
};

export function payerToForm(p: Payer): FormValues {
  return {
    name: p.name,
    payerType: p.payerType,
    payerCode: p.payerCode,
    requiresInvoice: flag(p.requiresInvoice),
    nocUnitsMode: p.nocUnitsMode,
    nocUnitsPerAmount: p.nocUnitsPerAmount,
    nocUnitsPerUnit: p.nocUnitsPerUnit,
    ndcUnits: p.ndcUnits.join(','),
    jwJzPolicy: p.jwJzPolicy,
    narrativeLocation: p.narrativeLocation,
    timelyFilingDays: p.timelyFilingDays === null ? '' : String(p.timelyFilingDays),
    notes: p.notes,
    contacts: p.contacts,
  };
}

const days = (v: FormValues) => (v.timelyFilingDays ?? '').trim();

/** The contract's input from the form's text. */
export function payerInputFromForm(v: FormValues): PayerInput {
  return {
    name: v.name ?? '',
    payerType: (v.payerType || undefined) as PayerInput['payerType'],
    payerCode: v.payerCode ?? '',
    requiresInvoice: checked(v.requiresInvoice),
    nocUnitsMode: v.nocUnitsMode as PayerInput['nocUnitsMode'],
    nocUnitsPerAmount: v.nocUnitsPerAmount ?? '',
    nocUnitsPerUnit: v.nocUnitsPerUnit as PayerInput['nocUnitsPerUnit'],
    ndcUnits: (v.ndcUnits ?? '').split(',').filter(Boolean) as PayerInput['ndcUnits'],
    jwJzPolicy: v.jwJzPolicy as PayerInput['jwJzPolicy'],
    narrativeLocation: v.narrativeLocation as PayerInput['narrativeLocation'],
    timelyFilingDays: /^\d+$/.test(days(v)) ? Number(days(v)) : null,
    notes: v.notes ?? '',
    contacts: v.contacts ?? '',
  };
}

const payerFormSchema = formSchema(payerInputFromForm, payerInputSchema, (v) =>
  days(v) !== '' && !/^\d+$/.test(days(v))
    ? [{ path: ['timelyFilingDays'], message: 'Timely filing is a whole number of days, such as 365.' }]
    : [],
);

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

export function PayerForm(props: {
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: PayerInput, showError: (err: unknown) => void) => void;
  onCancel?: () => void;
  cancelLabel?: string;
  /** Rendered at the start of the button row; told whether the form differs from `initial`. */
  footer?: (state: { dirty: boolean }) => ReactNode;
  /** Editing a saved payer: Cancel discards the changes, and both buttons wait for a change. */
  editing?: boolean;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const form = useRecordForm(payerFormSchema, props.initial);
  const dirty = useMemo(
    () =>
      Object.keys({ ...props.initial, ...form.values }).some(
        (k) => (props.initial[k] ?? '') !== (form.values[k] ?? ''),
      ),
    [props.initial, form.values],
  );
  const set = form.setField;
  const text = (name: string) => ({
    value: form.values[name] ?? '',
    error: form.errors[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
  });
  const select = (name: string, label: string, data: { value: string; label: string }[], required = true) => (
    <Select
      label={label}
      required={required}
      allowDeselect={false}
      data={data}
      value={form.values[name] || null}
      error={form.errors[name]}
      onChange={(v) => set(name, v ?? '')}
    />
  );
  const perQuantity = form.values.nocUnitsMode === 'per-quantity';

  return (
    <form
      noValidate
      aria-label="Payer"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) props.onSubmit(payerInputFromForm(form.values), form.showError);
      }}
    >
      <Stack>
        <FormRefusal form={form} onReload={props.onReload} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" required data-autofocus placeholder="e.g. Aetna Commercial" {...text('name')} />
          {select('payerType', 'Payer type', options(PAYER_TYPES, PAYER_TYPE_LABELS))}
          <TextInput
            label="Payer ID"
            description="The electronic payer ID on claims"
            placeholder="e.g. 60054"
            {...text('payerCode')}
          />
        </SimpleGrid>
        <Checkbox
          label="Requires the acquisition invoice with every NOC claim"
          checked={checked(form.values.requiresInvoice)}
          onChange={(e) => set('requiresInvoice', flag(e.currentTarget.checked))}
        />
        <SimpleGrid cols={{ base: 1, sm: perQuantity ? 3 : 1 }}>
          {select('nocUnitsMode', 'How NOC units are counted', options(NOC_UNITS_MODES, NOC_UNITS_MODE_LABELS))}
          {perQuantity && (
            <>
              <TextInput label="One unit is" required placeholder="e.g. 1" {...text('nocUnitsPerAmount')} />
              {select(
                'nocUnitsPerUnit',
                'Unit of drug',
                DOSE_UNITS.map((u) => ({ value: u, label: u })),
              )}
            </>
          )}
        </SimpleGrid>
        <Checkbox.Group
          label="NDC unit qualifiers the payer accepts"
          required
          value={(form.values.ndcUnits ?? '').split(',').filter(Boolean)}
          onChange={(v) => set('ndcUnits', NDC_UNITS.filter((u) => v.includes(u)).join(','))}
          error={form.errors.ndcUnits}
        >
          <Group mt={6} gap="md">
            {NDC_UNITS.map((u) => (
              <Checkbox key={u} value={u} label={NDC_UNIT_LABELS[u]} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {select('jwJzPolicy', 'JW / JZ modifiers', options(JW_JZ_POLICIES, JW_JZ_POLICY_LABELS))}
          {select(
            'narrativeLocation',
            'Where the NOC narrative goes',
            options(NARRATIVE_LOCATIONS, NARRATIVE_LOCATION_LABELS),
          )}
        </SimpleGrid>
        <TextInput
          label="Timely filing (days)"
          description="Days from the date of service to file the claim; leave empty if unknown"
          placeholder="e.g. 365"
          maw={260}
          {...text('timelyFilingDays')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label="Notes" autosize minRows={2} {...text('notes')} />
          <Textarea
            label="Contacts"
            autosize
            minRows={2}
            placeholder="e.g. provider rep, phone, portal"
            {...text('contacts')}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Group>{props.footer?.({ dirty })}</Group>
          <Group>
            {props.onCancel && (
              <Button
                variant="default"
                onClick={() => {
                  if (props.editing) form.setValues(props.initial);
                  props.onCancel?.();
                }}
                disabled={props.editing && !dirty}
              >
                {props.cancelLabel ?? 'Cancel'}
              </Button>
            )}
            <Button type="submit" loading={props.busy} disabled={props.editing && !dirty}>
              {props.submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
