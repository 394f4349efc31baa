/**
 * Add or edit one catalog drug. Validation messages sit next to their fields. A drug that invoice
 * lines or administrations use has its billing facts (NDC, unit, strength, package size,
 * container) locked, with the one way to fix a mistake: "Correct the drug…", which unlocks all but
 * the NDC and saves through drugs:correct, recomputing its open administrations (refused when any
 * is billed). A new drug's NDC is looked up in the FDA directory when the person leaves the field
 * (or asks), and the form can be filled from the package found (drugs/fda-directory-panel.tsx).
 */
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  CONTAINERS,
  NDC_UNIT_LABELS,
  NDC_UNITS,
  ROUTES,
  STRENGTH_UNITS,
  drugInputSchema,
  type Drug,
  type DrugUsage,
} from '../../../shared/domain/drug-catalog';
import { drugFieldsFromFda } from '../../../shared/domain/fda-fill';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { FdaDirectoryPanel } from '../drugs/fda-directory-panel';
import { useFdaLookup } from '../drugs/use-fda-lookup';
import { packageSizeReader, strengthReader, type FieldReaders } from './typed-readers';
import { useRecordForm, type FormValues } from './use-record-form';
import { FormActions } from './form-actions';
import { FormRefusal } from './record-changed';

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

export type DrugSaveMode = 'save' | 'correct';

// "20 mg" (or "20 mg/mL") in the strength and "10 mL" in the package size fill their unit too.
const READERS: FieldReaders = {
  strengthAmount: strengthReader({ amount: 'strengthAmount', unit: 'strengthUnit', ndcUnit: 'ndcUnit' }, 'Strength'),
  packageSize: packageSizeReader({ size: 'packageSize', ndcUnit: 'ndcUnit' }, 'Package size'),
};

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

export function DrugForm(props: {
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  /** What uses the drug being edited (undefined for a new drug, or while it loads). */
  usage?: DrugUsage | undefined;
  /** Look the NDC up in the FDA directory and offer to fill the form from it (a new drug). */
  fdaLookup?: boolean;
  onSubmit: (values: FormValues, showError: (err: unknown) => void, mode: DrugSaveMode) => void;
  onCancel: () => void;
  /** Editing a stored record: read it again into the form after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
}) {
  const form = useRecordForm(drugInputSchema, props.initial, READERS);
  const [mode, setMode] = useState<DrugSaveMode>('save');
  const usage = props.usage;
  const administrations = usage ? usage.openAdministrations + usage.billedAdministrations : 0;
  const inUse = usage !== undefined && (usage.invoiceLines > 0 || administrations > 0);
  const locked = inUse && mode === 'save';
  // A fill from the FDA directory may leave the unit for the person to choose.
  const ndcUnit = form.values.ndcUnit || 'NDC unit';
  const fda = useFdaLookup();
  const [filled, setFilled] = useState<{ ndc: string; notes: string[] } | null>(null);
  const typedNdc = (form.values.ndc ?? '').trim();
  const shownLookup = props.fdaLookup && fda.lookup?.query === typedNdc ? fda.lookup : null;
  const select = (name: string, label: string, data: { value: string; label: string }[], lockable = true) => (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={data}
      disabled={lockable && locked}
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
        const values = form.readValues();
        if (form.validate(values)) props.onSubmit(values, form.showError, mode);
      }}
    >
      <Stack>
        <FormRefusal form={form} onReload={props.onReload} />
        {inUse && usage && (
          <Alert color={mode === 'correct' ? 'orange' : 'blue'} variant="light" data-testid="drug-in-use">
            <Stack gap="xs">
              <Text size="sm">
                Used by{' '}
                {[
                  usage.invoiceLines > 0 ? plural(usage.invoiceLines, 'invoice line') : null,
                  administrations > 0
                    ? `${plural(administrations, 'administration')}${
                        usage.billedAdministrations > 0 ? ` (${usage.billedAdministrations} billed)` : ''
                      }`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' and ')}
                .{' '}
                {mode === 'save'
                  ? 'Its NDC, unit, strength, package size and container are what those were counted and billed with, so they are locked. A different product is a new catalog entry.'
                  : `Correcting it recounts its lots and recomputes ${plural(usage.openAdministrations, 'open administration')} (dose in NDC units, stock drawn, estimate). The NDC stays.`}
              </Text>
              {mode === 'save' &&
                (usage.billedAdministrations > 0 ? (
                  <Text size="xs" c="dimmed">
                    It cannot be corrected: billed claims went out with it as it is.
                  </Text>
                ) : (
                  <Button size="xs" variant="light" w="fit-content" onClick={() => setMode('correct')}>
                    Correct the drug…
                  </Button>
                ))}
            </Stack>
          </Alert>
        )}
        <TextInput
          label="NDC"
          required
          data-autofocus
          disabled={inUse}
          placeholder="e.g. 0002-7597-01"
          description="As printed on the package, with hyphens: the attachment shows that form beside the 11 digits. The 11-digit form is accepted too."
          {...form.inputProps('ndc')}
          onBlur={props.fdaLookup ? () => fda.lookUp(typedNdc) : undefined}
          inputContainer={
            props.fdaLookup
              ? (input) => (
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <div style={{ flex: 1 }}>{input}</div>
                    <Button
                      variant="default"
                      // Keeps the field focused, so leaving it does not look the NDC up a second time.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => fda.lookUp(typedNdc, true)}
                    >
                      Look up in the FDA directory
                    </Button>
                  </Group>
                )
              : undefined
          }
        />
        {shownLookup && (
          <FdaDirectoryPanel
            lookup={shownLookup}
            typed={typedNdc}
            filledNotes={filled?.ndc === typedNdc ? filled.notes : null}
            onUse={(pkg, release) => {
              form.setField('ndc', pkg.packageCode);
              fda.pin(pkg, release);
            }}
            onFill={(pkg, release) => {
              const { fields, notes } = drugFieldsFromFda(pkg);
              for (const [name, value] of Object.entries(fields)) form.setField(name, value);
              fda.pin(pkg, release);
              setFilled({ ndc: pkg.packageCode, notes });
            }}
          />
        )}
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
            disabled={locked}
            placeholder="e.g. 20 mg"
            {...form.inputProps('strengthAmount')}
          />
          {select('strengthUnit', 'Strength unit', plain(STRENGTH_UNITS))}
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput
            label={`Package size (${ndcUnit})`}
            required
            disabled={locked}
            placeholder="e.g. 10 mL"
            {...form.inputProps('packageSize')}
          />
          {select('container', 'Container', plain(CONTAINERS))}
          {select('route', 'Usual route', plain(ROUTES), false)}
        </SimpleGrid>
        <FormActions
          submitLabel={
            mode === 'correct' && usage
              ? `Correct and recompute ${plural(usage.openAdministrations, 'open administration')}`
              : props.submitLabel
          }
          busy={props.busy}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}
