/**
 * Recording or changing an administration. The biller types on the left; on the right, once the
 * fields that shape the claim parse, the service's own preview (`administrations:preview`, ~300 ms
 * after the last keystroke) shows the claim lines with their N4 strings and JW/JZ, the expected
 * payment or why there is none, and the readiness checklist: what is still missing before the
 * claim can go out. Nothing is saved until "Save"; the service then draws the dose and the waste
 * from the lot in one transaction, or refuses (LOT_INSUFFICIENT, LOT_EXPIRED, WASTE_ON_MULTI_DOSE)
 * and the refusal sits next to its field.
 */
import {
  Alert,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Administration, AdministrationInput } from '../../../shared/domain/administration';
import { ROUTES, type Drug } from '../../../shared/domain/drug-catalog';
import { PRACTICE_NOC_CODES } from '../../../shared/domain/hcpcs';
import { DOSE_UNITS } from '../../../shared/domain/units';
import { call } from '../api';
import { DateField } from '../components/date-field';
import { FormActions } from '../components/form-actions';
import {
  changesOf,
  dateReader,
  doseReader,
  moneyReader,
  readAll,
  readRefusals,
  type FieldReaders,
} from '../components/typed-readers';
import { LiveCodeCheck } from '../code-check/live-code-check';
import { codeCheckArgs } from '../code-check/code-check-args';
import { DrugField, LotField, type StoredLot } from './drug-lot-fields';
import {
  errorsFromApi,
  SHOWN_FIELDS,
  validateAdministration,
  type AdministrationFormValues,
  type FieldErrors,
} from './form-values';
import { PatientField } from './patient-field';
import { ProviderFields } from './provider-fields';
import { TechniqueFields } from './technique-fields';
import { useAdministrationPreview } from './use-administration-preview';
import { OverrideFields } from './override-fields';
import { PreviewBody } from './preview-body';
import { errorWords } from '../components/error-words';
import { isRecordChanged, RecordChangedAlert } from '../components/record-changed';

const HCPCS_LABELS: Record<(typeof PRACTICE_NOC_CODES)[number], string> = {
  J3490: 'J3490 — unclassified drugs',
  J3590: 'J3590 — unclassified biologics',
  J9999: 'J9999 — NOC, antineoplastic drugs',
  J7999: 'J7999 — compounded drug, NOC',
  C9399: 'C9399 — unclassified drugs or biologicals (hospital outpatient)',
};

// What is typed the way people write it: "01/05/2026", "$1,200.00", "200 mg" (dose and unit).
const READERS: FieldReaders = {
  dateOfService: dateReader('dateOfService', 'Date of service'),
  doseAmount: doseReader({ amount: 'doseAmount', unit: 'doseUnit' }, 'Dose given'),
  billedCharge: moneyReader('billedCharge', { maxDecimals: 2, label: 'Billed charge' }),
  wastedBilledCharge: moneyReader('wastedBilledCharge', { maxDecimals: 2, label: 'Billed charge for the waste' }),
};

/** The error keys a form field's messages are kept under. */
const ERROR_KEYS: Partial<Record<keyof AdministrationFormValues, string>> = {
  doseAmount: 'dose.amount',
  doseUnit: 'dose.unit',
  overrideGiven: 'modifierOverride.given',
  overrideWasted: 'modifierOverride.wasted',
  overrideReason: 'modifierOverride.reason',
};

export type EditedAdministration = {
  id: number;
  stored: Administration;
  patientName: string;
  drugLabel: string;
  storedLot: StoredLot;
};

export function AdministrationForm(props: {
  initial: AdministrationFormValues;
  /** Set when changing a stored administration. */
  editing?: EditedAdministration;
  /** Read the stored administration again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
  onSaved: (a: Administration) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);
  const [values, setValues] = useState<AdministrationFormValues>(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ title: string; message: ReactNode; changed?: boolean } | null>(null);

  const [initialJson] = useState(() => JSON.stringify(props.initial));
  const dirty = JSON.stringify(values) !== initialJson;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // The form's own messages from the last save are checked again on every change: one whose field
  // was fixed goes at once, however it was fixed (typed, or filled in by choosing the drug).
  const localErrors = useRef(new Set<string>());
  useEffect(() => {
    if (localErrors.current.size === 0) return;
    const r = validateAdministration(readAll(values, READERS));
    const fixed = [...localErrors.current].filter((k) => r.ok || !(k in r.errors));
    if (fixed.length === 0) return;
    for (const k of fixed) localErrors.current.delete(k);
    setErrors((e) => fixed.reduce(without, e));
  }, [values]);

  /** Read a typed field when the person leaves it ("01/05/2026" → 2026-01-05). */
  const readField = (field: keyof AdministrationFormValues & string) => {
    const reader = READERS[field];
    const read = reader ? changesOf(reader(values[field] as string), values) : null;
    if (!read) return;
    setValues((v) => ({ ...v, ...read }));
    setErrors((e) =>
      Object.keys(read).reduce((acc, k) => without(acc, ERROR_KEYS[k as keyof AdministrationFormValues] ?? k), e),
    );
  };

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const set = useCallback(
    <K extends keyof AdministrationFormValues>(
      field: K,
      value: AdministrationFormValues[K],
      errorKey: string = field,
    ) => {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((e) => without(e, errorKey));
    },
    [],
  );

  // The chosen drug's catalog entry: container (waste or not), strength unit, route.
  const drug = useQuery({
    queryKey: ['drugs', 'byNdc', values.ndc11],
    queryFn: () => call('drugs:get', { ndc: values.ndc11 }),
    enabled: values.ndc11 !== '',
    staleTime: 30_000,
  });
  const multiDose = drug.data?.container === 'multi-dose';

  const chooseDrug = (d: Drug) => {
    setValues((v) => ({
      ...v,
      ndc11: d.ndc11,
      // A new drug: its own lots, and the dose in its strength's unit unless one was chosen.
      invoiceLineId: d.ndc11 === v.ndc11 ? v.invoiceLineId : '',
      doseUnit: v.doseUnit || d.strengthUnit,
      route: v.route || d.route,
    }));
    setErrors((e) => without(without(e, 'invoiceLineId'), 'dose.unit'));
  };
  const chooseLot = useCallback((id: string) => set('invoiceLineId', id), [set]);

  const { plan, preview, previewErrors, liveErrors } = useAdministrationPreview(values, props.editing?.stored);
  // Messages from the last save, then from the preview, then as typed (for fields not empty).
  const errorFor = (key: string): string | undefined => (errors[key] ?? previewErrors[key] ?? liveErrors[key])?.message;

  // ---- Save.
  const save = useMutation({
    mutationFn: (input: AdministrationInput) =>
      props.editing === undefined
        ? call('administrations:create', input)
        : call('administrations:update', {
            id: props.editing.id,
            version: props.editing.stored.version,
            administration: input,
          }),
    onSuccess: (a) => {
      notifications.show({
        color: 'teal',
        title: props.editing === undefined ? 'Administration recorded' : 'Administration saved',
        message: `${a.drugName} for ${a.patientName} on ${a.dateOfService}: ${
          a.readiness.ready
            ? 'checklist complete'
            : `checklist: ${a.readiness.items.filter((i) => !i.ok).length} missing`
        }.`,
      });
      void queryClient.invalidateQueries({ queryKey: ['administrations'] });
      void queryClient.invalidateQueries({ queryKey: ['stock'] });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      props.onSaved(a);
    },
    onError: (err) => {
      const fieldErrors = errorsFromApi(err);
      if (fieldErrors) {
        localErrors.current.clear();
        setErrors(fieldErrors);
        const elsewhere = Object.entries(fieldErrors).filter(([k]) => !SHOWN_FIELDS.includes(k));
        setFormError(
          elsewhere.length > 0
            ? { title: 'Nothing was saved', message: elsewhere.map(([, e]) => e.message).join(' ') }
            : { title: 'Nothing was saved', message: 'Fix the fields marked in red and save again.' },
        );
        focusFirstError.current = true;
      } else {
        setFormError({
          title: 'Nothing was saved',
          message: isRecordChanged(err) ? (err as Error).message : errorWords(err),
          changed: isRecordChanged(err),
        });
      }
    },
  });

  const submit = () => {
    const read = readAll(values, READERS);
    if (read !== values) setValues(read);
    const r = validateAdministration(read);
    if (!r.ok) {
      // Text that could not be read is named in the typed-input words ("commas go between…").
      const errors = { ...r.errors };
      for (const [k, message] of Object.entries(readRefusals(read, READERS))) {
        const key = ERROR_KEYS[k as keyof AdministrationFormValues] ?? k;
        errors[key] = { message, code: errors[key]?.code ?? 'INVALID_INPUT' };
      }
      localErrors.current = new Set(Object.keys(errors));
      setErrors(errors);
      setFormError(null);
      focusFirstError.current = true;
      return;
    }
    localErrors.current.clear();
    setErrors({});
    setFormError(null);
    save.mutate(r.input);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Escape leaves the form (asking first when something was typed), unless it was meant for an
    // open dropdown or came from a dialog rendered elsewhere in the page.
    if (e.key !== 'Escape' || !(e.target instanceof Node) || !e.currentTarget.contains(e.target)) return;
    if (e.target instanceof HTMLElement && e.target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    props.onCancel();
  };

  const text = (
    field: keyof AdministrationFormValues & string,
    label: string,
    extra: Record<string, unknown> = {},
    errorKey: string = field,
  ) => (
    <TextInput
      label={label}
      value={values[field] as string}
      error={errorFor(errorKey)}
      onChange={(e) => set(field, e.currentTarget.value as never, errorKey)}
      onBlur={READERS[field] ? () => readField(field) : undefined}
      {...extra}
    />
  );

  const payers = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  const payerRows = payers.data ?? [];
  const unit = values.doseUnit || drug.data?.strengthUnit || '';
  // A specific code for this drug on this date (issue 13): "Use J0225" puts it in the HCPCS field.
  const codeArgs = codeCheckArgs({
    ndc: values.ndc11 || null,
    date: values.dateOfService,
    hcpcs: values.hcpcs || 'J3490',
    doseAmount: values.doseAmount,
    doseUnit: unit,
  });
  const hcpcsChoices = PRACTICE_NOC_CODES.map((c): { value: string; label: string } => ({
    value: c,
    label: HCPCS_LABELS[c],
  }));
  if (values.hcpcs && !hcpcsChoices.some((c) => c.value === values.hcpcs)) {
    hcpcsChoices.push({ value: values.hcpcs, label: `${values.hcpcs} — the drug’s specific code` });
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <form
          ref={formRef}
          noValidate
          aria-label="Administration"
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            {formError?.changed && props.onReload ? (
              <RecordChangedAlert message={formError.message} onReload={props.onReload} />
            ) : (
              formError && (
                <Alert color="red" title={formError.title} data-testid="administration-form-error">
                  {formError.message}
                </Alert>
              )
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <DateField
                label="Date of service"
                required
                value={values.dateOfService}
                error={errorFor('dateOfService')}
                onChange={(t) => set('dateOfService', t)}
              />
              <PatientField
                value={values.patientId}
                initialLabel={props.editing?.patientName}
                error={errorFor('patientId')}
                onChange={(p) => {
                  setValues((v) => ({
                    ...v,
                    patientId: String(p.id),
                    // The patient's payer, unless they have none on file.
                    payerId: p.payerId === null ? v.payerId : String(p.payerId),
                  }));
                  setErrors((e) => without(without(e, 'patientId'), p.payerId === null ? '' : 'payerId'));
                }}
              />
            </SimpleGrid>

            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Select
                label="Payer"
                required
                searchable
                allowDeselect={false}
                description="The patient’s payer unless you change it"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                placeholder={payers.isSuccess && payerRows.length === 0 ? 'No payers yet (add them under Payers)' : ''}
                nothingFoundMessage="No payer matches"
                data={payerRows.map((p) => ({ value: String(p.id), label: p.name }))}
                value={values.payerId || null}
                error={errorFor('payerId')}
                onChange={(v) => set('payerId', v ?? '')}
              />
              <Select
                label="HCPCS"
                required
                allowDeselect={false}
                data={hcpcsChoices}
                value={values.hcpcs || null}
                error={errorFor('hcpcs')}
                onChange={(v) => set('hcpcs', v ?? 'J3490')}
              />
            </SimpleGrid>
            <LiveCodeCheck args={codeArgs} onUse={(code) => set('hcpcs', code.hcpcs)} />

            <DrugField
              ndc11={values.ndc11}
              initialLabel={props.editing?.drugLabel}
              error={values.ndc11 === '' ? errorFor('invoiceLineId') : undefined}
              onChange={chooseDrug}
            />
            <LotField
              ndc11={values.ndc11}
              dateOfService={values.dateOfService.trim()}
              value={values.invoiceLineId}
              storedLot={props.editing?.storedLot}
              error={values.ndc11 === '' ? undefined : errorFor('invoiceLineId')}
              onChange={chooseLot}
            />

            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {text('doseAmount', 'Dose given', { required: true, placeholder: 'e.g. 200 mg' }, 'dose.amount')}
              <Select
                label="Dose unit"
                required
                allowDeselect={false}
                data={[...DOSE_UNITS]}
                value={values.doseUnit || null}
                error={errorFor('dose.unit')}
                onChange={(v) => set('doseUnit', v ?? '', 'dose.unit')}
              />
            </SimpleGrid>

            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {text(
                'wastedAmount',
                'Amount wasted',
                {
                  placeholder: 'None',
                  disabled: multiDose && values.wastedAmount === '',
                  rightSection: unit ? (
                    <Text size="xs" c="dimmed">
                      {unit}
                    </Text>
                  ) : undefined,
                  description: multiDose
                    ? 'Multi-dose vial: nothing is billed as waste (no JW or JZ).'
                    : 'Discarded from a single-dose container, in the dose’s unit. Single-dose only.',
                  inputWrapperOrder: ['label', 'input', 'description', 'error'],
                },
                'wastedAmount',
              )}
              <Select
                label="Route"
                required
                allowDeselect={false}
                data={[...ROUTES]}
                value={values.route || null}
                error={errorFor('route')}
                onChange={(v) => set('route', v ?? '')}
              />
            </SimpleGrid>

            <TechniqueFields
              values={values}
              errorFor={errorFor}
              set={set}
              beside={text('site', 'Site', { placeholder: 'e.g. left deltoid' })}
            />

            <ProviderFields values={values} errorFor={errorFor} set={set} />

            <TagsInput
              label="ICD-10 diagnoses"
              description="Type a code and press Enter, e.g. C50.911 (up to 12)"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              maxTags={12}
              value={values.diagnoses}
              error={errorFor('diagnoses')}
              onChange={(codes) =>
                set(
                  'diagnoses',
                  codes.map((c) => c.trim().toUpperCase()),
                )
              }
            />
            <Textarea
              label="Medical necessity"
              description="The clinical rationale for this drug and dose"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autosize
              minRows={2}
              maxRows={8}
              value={values.medicalNecessity}
              error={errorFor('medicalNecessity')}
              onChange={(e) => set('medicalNecessity', e.currentTarget.value)}
            />
            <Textarea
              label="Physician notes"
              autosize
              minRows={2}
              maxRows={10}
              value={values.physicianNotes}
              error={errorFor('physicianNotes')}
              onChange={(e) => set('physicianNotes', e.currentTarget.value)}
            />

            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {text('billedCharge', 'Billed charge', { required: true, placeholder: 'e.g. $1,200.00' })}
              {text('wastedBilledCharge', 'Billed charge for the waste', {
                placeholder: 'Prorated',
                description: 'JW line; empty: the billed charge prorated by quantity',
                inputWrapperOrder: ['label', 'input', 'description', 'error'],
              })}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {text('claimNumber', 'Claim number', { description: 'Claim / patient control number, once known' })}
            </SimpleGrid>

            <OverrideFields values={values} errorFor={errorFor} set={set} />

            <FormActions
              submitLabel={props.editing === undefined ? 'Save administration' : 'Save changes'}
              busy={save.isPending}
              onCancel={props.onCancel}
            />
          </Stack>
        </form>
      </Grid.Col>

      <Grid.Col span={{ base: 12, lg: 7 }}>
        {/* Beside the form and scrolled on its own, so the lines stay in view while typing lower down. */}
        <Paper
          withBorder
          p="sm"
          style={{ position: 'sticky', top: 64, maxHeight: 'calc(100vh - 80px)', overflowY: 'auto' }}
          aria-label="Preview"
          component="section"
        >
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={4}>Claim lines and expected payment</Title>
              {preview.isFetching && <Loader size="xs" aria-label="Updating the preview" />}
            </Group>
            <PreviewBody
              hasInput={plan.input !== null}
              leftOut={plan.leftOut}
              preview={preview.data}
              error={preview.isError ? preview.error : null}
              fieldErrorsShown={Object.keys(previewErrors).length > 0}
            />
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function without(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  const { [key]: _removed, ...rest } = errors;
  return rest;
}
