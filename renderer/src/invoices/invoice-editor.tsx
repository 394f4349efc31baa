/**
 * Entering or changing an acquisition invoice: header, the lines grid, and the reconciliation
 * computed live under it. The contract's schema checks everything before it is sent, so most
 * mistakes show at once next to their cell; what only the service can know (a duplicate invoice
 * number, an NDC not in the catalog, lots already used) comes back and lands in the same place.
 * The service writes the invoice and all its lines in one transaction or not at all.
 *
 * An unknown NDC offers "Add this drug": the catalog's own drug form, pre-filled with that NDC.
 * When the save was refused only for unknown NDCs, it is tried again once they are all added.
 */
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Invoice } from '../../../shared/domain/invoice';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { DrugForm, emptyDrug } from '../components/drug-form';
import type { FormValues } from '../components/use-record-form';
import {
  emptyLine,
  errorsFromApi,
  errorsWithLineAt,
  errorsWithoutLine,
  invoiceInput,
  linePath,
  validateInvoice,
  type FieldErrors,
  type HeaderField,
  type InvoiceFormValues,
  type LineField,
  type LineValues,
} from './invoice-form-values';
import { cellId, InvoiceLinesGrid } from './invoice-lines-grid';
import { LiveReconciliationView } from './reconciliation-view';
import { SupplierField } from './supplier-field';
import { ndc11Of } from './use-line-drug';
import { RecordFormModal } from '../components/record-form-modal';
import { DateField } from '../components/date-field';
import { isRecordChanged, RecordChangedAlert } from '../components/record-changed';
import {
  changesOf,
  dateReader,
  moneyReader,
  readAll,
  readRefusals,
  type FieldReaders,
} from '../components/typed-readers';
import { errorWords } from '../components/error-words';

type Removed = { line: LineValues; index: number };

// Money and dates as people write them ("$1,200.00", "01/05/2026"), read into what is stored,
// to the decimals each amount takes (a cost per package may have 4).
const HEADER_READERS: FieldReaders = {
  invoiceDate: dateReader('invoiceDate', 'Invoice date'),
  receivedDate: dateReader('receivedDate', 'Received date'),
  total: moneyReader('total', { maxDecimals: 2, label: 'Invoice total' }),
  adjustment: moneyReader('adjustment', { maxDecimals: 2, allowNegative: true, label: 'Freight, fees or credits' }),
};
const LINE_READERS: FieldReaders = {
  expiryDate: dateReader('expiryDate', 'Expiry date'),
  costPerPackage: moneyReader('costPerPackage', { maxDecimals: 4, label: 'Cost per package' }),
  extendedCost: moneyReader('extendedCost', { maxDecimals: 2, label: 'Extended cost' }),
  discount: moneyReader('discount', { maxDecimals: 2, label: 'Discount or credit' }),
};

/** The invoice with every typed field read: what is checked and saved. */
function readInvoice(v: InvoiceFormValues): InvoiceFormValues {
  const header = readAll(v, HEADER_READERS);
  const lines = v.lines.map((l) => readAll(l, LINE_READERS));
  return header === v && lines.every((l, i) => l === v.lines[i]) ? v : { ...header, lines };
}

/** Why each typed field that cannot be read was refused, by error path ("lines.0.costPerPackage"). */
function invoiceRefusals(v: InvoiceFormValues): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, message] of Object.entries(readRefusals(v, HEADER_READERS)))
    out[k] = { message, code: 'INVALID_INPUT' };
  v.lines.forEach((l, i) => {
    for (const [k, message] of Object.entries(readRefusals(l, LINE_READERS))) {
      out[linePath(i, k as LineField)] = { message, code: 'INVALID_INPUT' };
    }
  });
  return out;
}

export function InvoiceEditor(props: {
  initial: InvoiceFormValues;
  /** Set when changing a stored invoice, with the version it was loaded at. */
  invoiceId?: number;
  version?: number;
  /** Read the stored invoice again into the editor after a RECORD_CHANGED refusal. */
  onReload?: () => Promise<unknown>;
  onSaved: (invoice: Invoice) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const focusAfterRender = useRef<string | null>(null);
  const [values, setValues] = useState<InvoiceFormValues>(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ title: string; message: ReactNode; changed?: boolean } | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [addingDrugFor, setAddingDrugFor] = useState<number | null>(null);
  // The last save was refused only because some NDCs are not in the catalog: retry once they are.
  const [retryWhenKnown, setRetryWhenKnown] = useState(false);

  const [initialJson] = useState(() => JSON.stringify(props.initial));
  const dirty = JSON.stringify(values) !== initialJson;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // Move focus once the DOM has the element: a new line's NDC, or the first field in error.
  useEffect(() => {
    const target = focusAfterRender.current;
    if (target === null) return;
    focusAfterRender.current = null;
    const el =
      target === 'first-error'
        ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
        : document.getElementById(target);
    el?.focus();
  });

  const save = useMutation({
    mutationFn: (v: InvoiceFormValues) =>
      props.invoiceId === undefined
        ? call('invoices:create', invoiceInput(v))
        : call('invoices:update', { id: props.invoiceId, version: props.version ?? 0, invoice: invoiceInput(v) }),
    onSuccess: (invoice) => {
      const warned = invoice.warnings.length;
      notifications.show({
        color: warned > 0 ? 'yellow' : 'teal',
        title: props.invoiceId === undefined ? 'Invoice saved' : 'Invoice changes saved',
        message: `${invoice.supplierName} ${invoice.invoiceNumber}: ${invoice.lines.length} ${
          invoice.lines.length === 1 ? 'line' : 'lines'
        }${warned > 0 ? `, ${warned} ${warned === 1 ? 'warning' : 'warnings'} to check` : ''}.`,
      });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['stock'] });
      void queryClient.invalidateQueries({ queryKey: ['suppliers'] });
      props.onSaved(invoice);
    },
    onError: (err) => {
      const fieldErrors = errorsFromApi(err);
      if (fieldErrors) {
        setErrors(fieldErrors);
        // A refusal for something the form has no cell for is still shown, above the form.
        const elsewhere = Object.entries(fieldErrors).filter(([path]) => !isShownPath(path));
        setFormError(
          elsewhere.length > 0
            ? { title: 'Nothing was saved', message: elsewhere.map(([, e]) => e.message).join(' ') }
            : Object.keys(fieldErrors).length > 1
              ? { title: 'Nothing was saved', message: 'Fix the fields marked in red and save again.' }
              : null,
        );
        setRetryWhenKnown(Object.values(fieldErrors).every((e) => e.code === 'NDC_UNKNOWN'));
        focusAfterRender.current = 'first-error';
      } else {
        setFormError({
          title: 'Nothing was saved',
          message: isRecordChanged(err) ? (err as Error).message : errorWords(err),
          changed: isRecordChanged(err),
        });
        setRetryWhenKnown(false);
      }
    },
  });

  const submit = (typed: InvoiceFormValues) => {
    const v = readInvoice(typed);
    if (v !== typed) setValues(v);
    const local = { ...validateInvoice(v), ...invoiceRefusals(v) };
    setErrors(local);
    setRetryWhenKnown(false);
    if (Object.keys(local).length > 0) {
      setFormError(null);
      focusAfterRender.current = 'first-error';
      return;
    }
    setFormError(null);
    save.mutate(v);
  };

  const setHeader = (field: HeaderField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => without(e, field));
  };
  const setLine = (index: number, field: LineField, value: string) => {
    setValues((v) => ({ ...v, lines: v.lines.map((l, i) => (i === index ? { ...l, [field]: value } : l)) }));
    setErrors((e) => without(e, linePath(index, field)));
  };
  /** Read a typed header field or cell when the person leaves it. */
  const leaveHeader = (field: HeaderField) => {
    const reader = HEADER_READERS[field];
    const read = reader ? changesOf(reader(values[field]), values) : null;
    if (read) setHeader(field, read[field] ?? values[field]);
  };
  const leaveLine = (index: number, field: LineField) => {
    const line = values.lines[index];
    const reader = LINE_READERS[field];
    const read = line && reader ? changesOf(reader(line[field]), line) : null;
    if (line && read) setLine(index, field, read[field] ?? line[field]);
  };
  const addLine = () => {
    const line = emptyLine();
    setValues((v) => ({ ...v, lines: [...v.lines, line] }));
    setRemoved(null);
    focusAfterRender.current = cellId(line, 'ndc');
  };
  const removeLine = (index: number) => {
    const line = values.lines[index];
    if (!line || values.lines.length === 1) return;
    setValues((v) => ({ ...v, lines: v.lines.filter((_, i) => i !== index) }));
    setErrors((e) => errorsWithoutLine(e, index));
    setRemoved({ line, index });
  };
  const undoRemove = () => {
    if (!removed) return;
    setValues((v) => ({
      ...v,
      lines: [...v.lines.slice(0, removed.index), removed.line, ...v.lines.slice(removed.index)],
    }));
    setErrors((e) => errorsWithLineAt(e, removed.index));
    focusAfterRender.current = cellId(removed.line, 'ndc');
    setRemoved(null);
  };

  const drugAdded = (ndc11: string) => {
    // Every line with this NDC is now known: its NDC_UNKNOWN refusal no longer applies.
    const next: FieldErrors = {};
    for (const [path, e] of Object.entries(errors)) {
      const m = /^lines\.(\d+)\.ndc$/.exec(path);
      const line = m ? values.lines[Number(m[1])] : undefined;
      if (e.code === 'NDC_UNKNOWN' && line && ndc11Of(line.ndc) === ndc11) continue;
      next[path] = e;
    }
    setErrors(next);
    setAddingDrugFor(null);
    if (retryWhenKnown && !Object.values(next).some((e) => e.code === 'NDC_UNKNOWN')) submit(values);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Escape leaves the editor (asking first when something was typed), unless it was meant for
    // an open dropdown, or came from a dialog rendered elsewhere in the page.
    if (e.key !== 'Escape' || !(e.target instanceof Node) || !e.currentTarget.contains(e.target)) return;
    if (e.target instanceof HTMLElement && e.target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    props.onCancel();
  };

  const headerText = (field: HeaderField, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={values[field]}
      error={errors[field]?.message}
      onChange={(e) => setHeader(field, e.currentTarget.value)}
      onBlur={() => leaveHeader(field)}
      {...extra}
    />
  );
  const addingLine = addingDrugFor === null ? undefined : values.lines[addingDrugFor];

  return (
    <>
      <form
        ref={formRef}
        noValidate
        aria-label="Invoice"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit(values);
        }}
      >
        <Stack>
          {formError?.changed && props.onReload ? (
            <RecordChangedAlert message={formError.message} onReload={props.onReload} />
          ) : (
            formError && (
              <Alert color="red" title={formError.title} data-testid="invoice-form-error">
                {formError.message}
              </Alert>
            )
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <SupplierField
              autoFocus
              value={values.supplierId}
              error={errors.supplierId?.message}
              onChange={(id) => setHeader('supplierId', id)}
            />
            {headerText('invoiceNumber', 'Invoice number', { required: true })}
            <SimpleGrid cols={2}>
              <DateField
                label="Invoice date"
                required
                value={values.invoiceDate}
                error={errors.invoiceDate?.message}
                onChange={(t) => setHeader('invoiceDate', t)}
              />
              <DateField
                label="Received date"
                value={values.receivedDate}
                error={errors.receivedDate?.message}
                onChange={(t) => setHeader('receivedDate', t)}
              />
            </SimpleGrid>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {headerText('total', 'Invoice total', {
              placeholder: 'e.g. $1,840.00',
              description: 'As printed, to check the lines against',
            })}
            {headerText('adjustment', 'Freight, fees or credits', {
              placeholder: 'None',
              description: 'Outside the lines; a credit is negative, e.g. -25.00',
            })}
            <Textarea
              label="Notes"
              autosize
              minRows={1}
              maxRows={4}
              value={values.notes}
              error={errors.notes?.message}
              onChange={(e) => setHeader('notes', e.currentTarget.value)}
            />
          </SimpleGrid>

          <Title order={4}>Lines</Title>
          {errors.lines && <Text c="red">{errors.lines.message}</Text>}
          <InvoiceLinesGrid
            lines={values.lines}
            errors={errors}
            onChange={setLine}
            onLeave={leaveLine}
            onAdd={addLine}
            onRemove={removeLine}
            onAddDrug={setAddingDrugFor}
          />
          {removed && (
            <Group gap="xs" data-testid="line-removed">
              <Text size="sm">
                Line {removed.index + 1} ({removed.line.ndc || 'empty'}) removed.
              </Text>
              <Button size="compact-sm" variant="light" onClick={undoRemove}>
                Undo
              </Button>
            </Group>
          )}

          <LiveReconciliationView values={values} />

          <Group justify="flex-end">
            <Text size="sm" c="dimmed">
              {retryWhenKnown
                ? 'Add the drugs marked above; the invoice is saved again once they are all in the catalog.'
                : ''}
            </Text>
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {props.invoiceId === undefined ? 'Save invoice' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>

      <RecordFormModal record={addingLine} onClose={() => setAddingDrugFor(null)} title="Add drug" size="lg">
        {(line) => <AddDrugForm typedNdc={line.ndc} onCancel={() => setAddingDrugFor(null)} onAdded={drugAdded} />}
      </RecordFormModal>
    </>
  );
}

function AddDrugForm(props: { typedNdc: string; onCancel: () => void; onAdded: (ndc11: string) => void }) {
  const queryClient = useQueryClient();
  const ndc11 = ndc11Of(props.typedNdc);
  const create = useMutation({
    mutationFn: ({ values }: { values: FormValues; showError: (e: unknown) => void }) =>
      call('drugs:create', values as never),
    onSuccess: async (drug) => {
      notifications.show({
        color: 'teal',
        title: 'Drug added to the catalog',
        message: `${drug.genericName} · ${formatNdc542(drug.ndc11)}`,
      });
      await queryClient.invalidateQueries({ queryKey: ['drugs'] });
      props.onAdded(drug.ndc11);
    },
    onError: (err, { showError }) => showError(err),
  });
  return (
    <DrugForm
      initial={{ ...emptyDrug, ndc: ndc11 ? formatNdc542(ndc11) : props.typedNdc.trim() }}
      submitLabel="Add drug"
      busy={create.isPending}
      onCancel={props.onCancel}
      onSubmit={(values, showError) => create.mutate({ values, showError })}
    />
  );
}

const HEADER_FIELDS: readonly string[] = [
  'supplierId',
  'invoiceNumber',
  'invoiceDate',
  'receivedDate',
  'total',
  'adjustment',
  'notes',
  'lines',
];
const isShownPath = (path: string): boolean =>
  HEADER_FIELDS.includes(path) ||
  /^lines\.\d+\.(ndc|lotNumber|expiryDate|packageQuantity|costPerPackage|extendedCost|discount)$/.test(path);

function without(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const { [path]: _removed, ...rest } = errors;
  return rest;
}
