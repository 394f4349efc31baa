/**
 * Add or edit one contract version. The contract's own schema checks the form; the service then
 * checks what only it can see, above all that two versions of the same scope do not overlap
 * (CONTRACT_OVERLAP): that refusal is shown above the buttons, naming the other version.
 */
import { Alert, Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  contractInputSchema,
  SCOPE_KINDS,
  spansOverlap,
  type Contract,
  type ContractInput,
} from '../../../shared/domain/contract-terms';
import { BASES } from '../../../shared/domain/methodology';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { PayerType } from '../../../shared/domain/payer';
import { SEQUESTRATION_POLICIES } from '../../../shared/domain/sequestration';
import { DOSE_UNITS } from '../../../shared/domain/units';
import { ApiError } from '../api';
import { DateField } from '../components/date-field';
import { dateReader, moneyReader, type FieldReaders } from '../components/typed-readers';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { BASIS_LABELS, SCOPE_LABELS, SEQUESTRATION_LABELS, termsInWords, versionInWords } from './contract-words';
import { checked, flag, formSchema } from './form-schema';
import { FormActions } from '../components/form-actions';
import { FormRefusal } from '../components/record-changed';

export function newContractForm(payerType: PayerType): FormValues {
  const medicare = payerType === 'medicare-part-b';
  return {
    label: '',
    scopeKind: 'all',
    scopeValue: '',
    effectiveFrom: '',
    effectiveTo: '',
    basis: 'AWP',
    percent: '',
    addOn: '0',
    feeScheduleRate: '',
    feeSchedulePerAmount: '',
    feeSchedulePerUnit: 'mg',
    lesserOfBilled: 'true',
    coinsurancePercent: medicare ? '20' : '0',
    sequestration: medicare ? 'medicare' : 'none',
  };
}

export function contractToForm(c: Contract): FormValues {
  return {
    label: c.label,
    scopeKind: c.scopeKind,
    scopeValue: c.scopeKind === 'ndc' && c.scopeValue.length === 11 ? formatNdc542(c.scopeValue) : c.scopeValue,
    effectiveFrom: c.effectiveFrom,
    effectiveTo: c.effectiveTo ?? '',
    basis: c.basis,
    percent: c.percent,
    addOn: c.addOn,
    feeScheduleRate: c.feeScheduleRate,
    feeSchedulePerAmount: c.feeSchedulePerAmount,
    feeSchedulePerUnit: c.feeSchedulePerUnit,
    lesserOfBilled: flag(c.lesserOfBilled),
    coinsurancePercent: c.coinsurancePercent,
    sequestration: c.sequestration,
  };
}

export function contractInputFromForm(v: FormValues, payerId: number): ContractInput {
  const scopeKind = (v.scopeKind || undefined) as ContractInput['scopeKind'];
  return {
    payerId,
    label: v.label ?? '',
    scopeKind,
    scopeValue: scopeKind === 'all' ? '' : (v.scopeValue ?? ''),
    effectiveFrom: v.effectiveFrom ?? '',
    effectiveTo: v.effectiveTo ?? '',
    basis: (v.basis || undefined) as ContractInput['basis'],
    percent: v.percent ?? '',
    addOn: (v.addOn ?? '').trim() === '' ? '0' : (v.addOn ?? '0'),
    feeScheduleRate: v.basis === 'FEE_SCHEDULE' ? (v.feeScheduleRate ?? '') : '',
    feeSchedulePerAmount: v.basis === 'FEE_SCHEDULE' ? (v.feeSchedulePerAmount ?? '') : '',
    feeSchedulePerUnit: (v.feeSchedulePerUnit || 'mg') as ContractInput['feeSchedulePerUnit'],
    lesserOfBilled: checked(v.lesserOfBilled),
    coinsurancePercent: v.coinsurancePercent ?? '',
    sequestration: (v.sequestration || undefined) as ContractInput['sequestration'],
  };
}

const PERCENT_HELP: Partial<Record<string, string>> = {
  AWP: '95 for AWP − 5%, 100 for full AWP',
  WAC: '103 for WAC + 3%',
  ASP: '100 for the payment limit as CMS publishes it (it already includes the 6%)',
  ASP_DERIVED: '110 for ASP + 10%',
  INVOICE: '110 for invoice + 10%',
  FEE_SCHEDULE: '100 to pay the fee schedule rate as written',
  BILLED: '60 for 60% of billed charges',
};

// Dates and money as people write them ("01/01/2026", "$45.10").
const READERS: FieldReaders = {
  effectiveFrom: dateReader('effectiveFrom', 'Effective from'),
  effectiveTo: dateReader('effectiveTo', 'Effective to'),
  addOn: moneyReader('addOn', { maxDecimals: 2, label: 'Add-on' }),
  feeScheduleRate: moneyReader('feeScheduleRate', { maxDecimals: 6, label: 'Fee schedule rate' }),
};

export function ContractForm(props: {
  payerId: number;
  initial: FormValues;
  /** The payer's versions, to name the one a refused version overlaps. */
  others: Contract[];
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: ContractInput, showError: (err: unknown) => void) => void;
  onCancel: () => void;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const [schema] = useState(() =>
    formSchema(
      (v) => contractInputFromForm(v, props.payerId),
      contractInputSchema,
      (v) =>
        v.basis === 'FEE_SCHEDULE' &&
        (v.feeScheduleRate ?? '').trim() !== '' &&
        (v.feeSchedulePerAmount ?? '').trim() === ''
          ? [{ path: ['feeSchedulePerAmount'], message: 'Say how much drug the rate is for (e.g. 10 mg).' }]
          : [],
    ),
  );
  const form = useRecordForm(schema, props.initial, READERS);
  const [overlap, setOverlap] = useState<{ message: string; others: Contract[] } | null>(null);
  const v = form.values;

  const set = (name: string, value: string) => {
    form.setField(name, value);
    setOverlap(null);
  };
  const text = (name: string) => ({
    value: v[name] ?? '',
    error: form.errors[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
    ...(READERS[name] ? { onBlur: () => form.readField(name) } : {}),
  });
  const date = (name: string) => ({
    value: v[name] ?? '',
    error: form.errors[name],
    onChange: (t: string) => set(name, t),
  });
  const select = (name: string, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={data}
      value={v[name] || null}
      error={form.errors[name]}
      onChange={(x) => set(name, x ?? '')}
    />
  );

  const showError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'CONTRACT_OVERLAP') {
      const parsed = schema.safeParse(v);
      const mine = parsed.success ? parsed.data : null;
      const clashes = mine
        ? props.others.filter(
            (o) => o.scopeKind === mine.scopeKind && o.scopeValue === mine.scopeValue && spansOverlap(o, mine),
          )
        : [];
      setOverlap({ message: err.message, others: clashes });
      // The full sentence is in the alert below; next to the dates a short pointer is enough.
      const fields = err.fields.length > 0 ? err.fields : [{ field: 'effectiveFrom', code: err.code, message: '' }];
      form.showError(
        new ApiError(
          err.code,
          err.message,
          fields.map((f) => ({ ...f, message: 'Overlaps another version of the same scope (see below).' })),
        ),
      );
      return;
    }
    form.showError(err);
  };

  const preview = schema.safeParse(v);
  const basis = v.basis ?? '';
  return (
    <form
      noValidate
      aria-label="Contract version"
      onSubmit={(e) => {
        e.preventDefault();
        setOverlap(null);
        const values = form.readValues();
        if (form.validate(values)) props.onSubmit(contractInputFromForm(values, props.payerId), showError);
      }}
    >
      <Stack>
        {!overlap && <FormRefusal form={form} onReload={props.onReload} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {select(
            'scopeKind',
            'Applies to',
            SCOPE_KINDS.map((k) => ({ value: k, label: SCOPE_LABELS[k] })),
          )}
          {v.scopeKind === 'ndc' && (
            <TextInput label="NDC" required placeholder="e.g. 00002-7597-01" data-autofocus {...text('scopeValue')} />
          )}
          {v.scopeKind === 'hcpcs' && (
            <TextInput label="HCPCS code" required placeholder="e.g. J9999" data-autofocus {...text('scopeValue')} />
          )}
          <TextInput label="Label" placeholder="e.g. 2025 amendment" {...text('label')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Effective from" required {...date('effectiveFrom')} />
          <DateField
            label="Effective to"
            description="The last day it applies; leave empty while it is in force"
            {...date('effectiveTo')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {select(
            'basis',
            'Basis',
            BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] })),
          )}
          <TextInput
            label="Percent of the basis"
            required
            placeholder="e.g. 95"
            description={PERCENT_HELP[basis]}
            rightSection="%"
            {...text('percent')}
          />
          <TextInput
            label="Add-on per line ($)"
            description="A flat amount added to the given line, usually 0"
            {...text('addOn')}
          />
        </SimpleGrid>
        {basis === 'FEE_SCHEDULE' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Fee schedule rate ($)"
              placeholder="e.g. $45.10"
              description="Leave empty to use the payer’s imported fee schedule"
              {...text('feeScheduleRate')}
            />
            <TextInput label="Per amount" placeholder="e.g. 10" {...text('feeSchedulePerAmount')} />
            {select(
              'feeSchedulePerUnit',
              'Per unit',
              DOSE_UNITS.map((u) => ({ value: u, label: u })),
            )}
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Coinsurance"
            required
            rightSection="%"
            placeholder="e.g. 20"
            {...text('coinsurancePercent')}
          />
          {select(
            'sequestration',
            'Sequestration',
            SEQUESTRATION_POLICIES.map((s) => ({ value: s, label: SEQUESTRATION_LABELS[s] })),
          )}
          <Checkbox
            mt={28}
            label="Pays the lesser of this and the billed charge"
            checked={checked(v.lesserOfBilled)}
            onChange={(e) => set('lesserOfBilled', flag(e.currentTarget.checked))}
          />
        </SimpleGrid>
        {preview.success && (
          <Text size="sm" data-testid="contract-form-summary">
            Pays <b>{termsInWords(preview.data)}</b>
            {preview.data.lesserOfBilled ? ', or the billed charge when lower' : ''}.
          </Text>
        )}
        {overlap && (
          <Alert color="red" title="This version overlaps another one" data-testid="contract-overlap" role="alert">
            <Stack gap={4}>
              <Text size="sm">{overlap.message}</Text>
              {overlap.others.map((o) => (
                <Text size="sm" key={o.id}>
                  Overlaps: <b>{versionInWords(o)}</b>
                </Text>
              ))}
              <Text size="sm">
                Versions for the same drugs may not share a day. End the other version first (edit its “Effective to”),
                or change these dates. Nothing was saved.
              </Text>
            </Stack>
          </Alert>
        )}
        <FormActions submitLabel={props.submitLabel} busy={props.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
