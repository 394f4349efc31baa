/**
 * The import wizard, for fee schedules, prices, the CMS ASP and NOC pricing files and distributor
 * invoices.
 *
 * 1. Choose the file (CMS files also ask for the quarter they price; invoices for their supplier,
 *    which can be added here when it is new: "Add a supplier").
 * 2. Preview: the service reads the file and writes nothing; the person checks the column for
 *    each field (changing one reads the file again), the counts, sample rows and refused rows.
 * 3. Import: every valid row in one transaction, or nothing. When rows were refused the person
 *    must first tick that they are to be left out.
 * Closing at any point before step 3 writes nothing.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  Progress,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ImportKind, ImportPreview, ImportPreviewArgs, ImportReport } from '../../../shared/api/import-schemas';
import { ApiError, call } from '../api';
import { FormActions } from '../components/form-actions';
import { RecordFormModal } from '../components/record-form-modal';
import { SupplierForm } from '../suppliers/supplier-form';
import { PreviewView } from './import-preview';
import { MAX_IMPORT_FILE_BYTES, normalizeQuarter, quarterFromFileName, readAsBase64 } from './read-file';
import { SupportCode } from '../components/error-words';

const KIND_HELP: Record<ImportKind, string> = {
  'fee-schedule':
    'The payer’s fee schedule as CSV or XLSX: a code (HCPCS or NDC), the rate, the amount and unit it is for, and the date it takes effect.',
  prices:
    'AWP or WAC per package as CSV or XLSX: the NDC, the price type, the price per package and its effective date.',
  'cms-asp':
    'The CMS ASP pricing file for one quarter: the quarterly .zip from cms.gov, or the CSV or XLSX inside it. Payment limits already include the 6%.',
  'cms-noc':
    'The CMS NOC pricing file for one quarter: the quarterly .zip from cms.gov, or the CSV or XLSX inside it. Rows are keyed by drug name.',
  invoices:
    'The distributor’s invoice export as CSV or XLSX, one row per line: invoice number and date, NDC, lot, expiry, packages, cost per package and extended cost. Rows are grouped into invoices by number.',
};

const isCms = (kind: ImportKind) => kind === 'cms-asp' || kind === 'cms-noc';

export function ImportWizard(props: {
  opened: boolean;
  kind: ImportKind;
  payerId?: number;
  /** Invoices: the supplier chosen in advance (the person can still change it). */
  supplierId?: number;
  title: string;
  onClose: () => void;
  onImported?: (report: ImportReport) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={() => {
        if (!busy) props.onClose();
      }}
      closeOnEscape={!busy}
      closeOnClickOutside={false}
      title={props.title}
      size="90%"
    >
      {props.opened && <WizardBody {...props} onBusy={setBusy} />}
    </Modal>
  );
}

type Step = 'file' | 'preview' | 'done';

function WizardBody(props: {
  kind: ImportKind;
  payerId?: number;
  supplierId?: number;
  onClose: () => void;
  onImported?: (report: ImportReport) => void;
  onBusy: (busy: boolean) => void;
}) {
  const { kind, payerId } = props;
  const queryClient = useQueryClient();
  const fileInputId = useId();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [quarter, setQuarter] = useState('');
  const [quarterError, setQuarterError] = useState<string | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  // The last preview stays on screen while a new mapping is read, so nothing jumps around.
  const [data, setData] = useState<ImportPreview | null>(null);
  const [supplierId, setSupplierId] = useState<number | undefined>(props.supplierId);
  const [supplierError, setSupplierError] = useState<string | null>(null);
  const [addingSupplier, setAddingSupplier] = useState(false);
  // While the supplier dialog is open over the wizard, Escape closes only that dialog.
  const showAddSupplier = (open: boolean) => {
    setAddingSupplier(open);
    props.onBusy(open);
  };
  const isInvoices = kind === 'invoices';
  const suppliers = useQuery({
    queryKey: ['suppliers', 'list'],
    queryFn: () => call('suppliers:list', {}),
    enabled: isInvoices,
  });

  const remembered = useQuery({
    queryKey: ['imports', 'mapping', kind, payerId ?? null, supplierId ?? null],
    queryFn: () => call('imports:mapping', { kind, payerId, supplierId }),
  });

  const preview = useMutation({
    mutationFn: (args: ImportPreviewArgs) => call('imports:preview', args),
    onSuccess: (p) => {
      setData(p);
      setAccepted(false);
    },
    onError: (err) => {
      // The service could not tell the quarter: ask for it where it is typed.
      if (err instanceof ApiError && err.code === 'QUARTER_REQUIRED') {
        setStep('file');
        setQuarterError(err.message);
      }
    },
  });
  const commit = useMutation({
    mutationFn: (p: ImportPreview) => call('imports:commit', { stagedId: p.stagedId, acceptRefused: accepted }),
    onMutate: () => props.onBusy(true),
    onSettled: () => props.onBusy(false),
    onSuccess: (r) => {
      setReport(r);
      setStep('done');
      for (const key of ['feeSchedule', 'prices', 'paymentLimits', 'payers', 'imports', 'invoices', 'stock']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
      props.onImported?.(r);
    },
  });
  const reading = useMutation({ mutationFn: readAsBase64 });

  const baseArgs = (contentBase64: string): ImportPreviewArgs => ({
    kind,
    fileName: file?.name ?? '',
    contentBase64,
    ...(payerId !== undefined ? { payerId } : {}),
    ...(isInvoices && supplierId !== undefined ? { supplierId } : {}),
    ...(isCms(kind) && quarter.trim() !== '' ? { quarter: normalizeQuarter(quarter) } : {}),
  });

  const startPreview = async () => {
    if (isInvoices && supplierId === undefined) return setSupplierError('Choose the supplier that sent the invoices.');
    if (!file) return setFileError('Choose the file to import.');
    if (file.size > MAX_IMPORT_FILE_BYTES) return setFileError('The file is larger than 48 MB.');
    if (isCms(kind) && quarter.trim() !== '' && !/^\d{4}Q[1-4]$/.test(normalizeQuarter(quarter))) {
      return setQuarterError('Write the quarter like 2025Q3.');
    }
    setStep('preview');
    preview.reset();
    try {
      const base64 = await reading.mutateAsync(file);
      setContent(base64);
      preview.mutate(baseArgs(base64));
    } catch {
      // `reading.error` is shown on the preview step.
    }
  };

  const remap = (p: ImportPreview, field: string, column: string | null) => {
    if (content === null) return;
    const mapping: Record<string, string> = {};
    for (const [f, c] of Object.entries(p.mapping)) if (c) mapping[f] = c;
    // An empty column says "none" (omitting the field would bring the guessed column back).
    mapping[field] = column ?? '';
    preview.mutate({ ...baseArgs(content), mapping });
  };

  const pending = reading.isPending || preview.isPending;
  const stepIndex = step === 'file' ? 0 : step === 'preview' ? 1 : 3;

  return (
    <Stack>
      <Stepper active={stepIndex} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Choose the file" />
        <Stepper.Step label="Check columns and rows" />
        <Stepper.Step label="Import" />
      </Stepper>

      {step === 'file' && (
        <form
          noValidate
          aria-label="Choose the file"
          onSubmit={(e) => {
            e.preventDefault();
            void startPreview();
          }}
        >
          <Stack>
            <Text size="sm">{KIND_HELP[kind]}</Text>
            {isInvoices && (
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <Select
                  label="Supplier"
                  required
                  maw={420}
                  style={{ flex: 1 }}
                  placeholder="Choose the supplier"
                  nothingFoundMessage="No supplier matches: use “Add a supplier”"
                  data={(suppliers.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
                  value={supplierId === undefined ? null : String(supplierId)}
                  error={supplierError ?? (suppliers.isError ? suppliers.error.message : null)}
                  onChange={(v) => {
                    setSupplierId(v === null ? undefined : Number(v));
                    setSupplierError(null);
                  }}
                  searchable
                />
                <Button variant="light" mt={25} onClick={() => showAddSupplier(true)}>
                  Add a supplier
                </Button>
              </Group>
            )}
            <Input.Wrapper id={fileInputId} label="File" required description="CSV, XLSX or ZIP" error={fileError}>
              <input
                id={fileInputId}
                type="file"
                accept=".csv,.xlsx,.zip"
                data-autofocus
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0] ?? null;
                  setFile(f);
                  setFileError(null);
                  if (f && isCms(kind)) {
                    const guessed = quarterFromFileName(f.name);
                    if (guessed) {
                      setQuarter(guessed);
                      setQuarterError(null);
                    }
                  }
                }}
              />
            </Input.Wrapper>
            {isCms(kind) && (
              <TextInput
                label="Quarter"
                maw={420}
                placeholder="e.g. 2025Q3"
                description="The calendar quarter this file prices. Filled in when the file name says it; left empty, it is read from the file’s title rows."
                value={quarter}
                error={quarterError}
                onChange={(e) => {
                  setQuarter(e.currentTarget.value);
                  setQuarterError(null);
                }}
              />
            )}
            <Text size="sm" c="dimmed">
              Nothing is saved until you press “Import” on the last step.
            </Text>
            <FormActions submitLabel="Preview" busy={false} onCancel={props.onClose} />
          </Stack>
        </form>
      )}

      <RecordFormModal record={addingSupplier} onClose={() => showAddSupplier(false)} title="Add a supplier">
        {() => (
          <SupplierForm
            supplier={null}
            onCancel={() => showAddSupplier(false)}
            onSaved={(s) => {
              showAddSupplier(false);
              setSupplierId(s.id);
              setSupplierError(null);
            }}
          />
        )}
      </RecordFormModal>

      {step === 'preview' && (
        <Stack>
          {pending && (
            <Stack gap={4} data-testid="import-progress">
              <Text size="sm">
                Reading {file?.name}
                {data ? ' again with the new columns' : ''}…
              </Text>
              <Progress value={100} animated aria-label="Reading the file" />
            </Stack>
          )}
          {reading.isError && <Alert color="red">{reading.error.message}</Alert>}
          {preview.isError && (
            <Alert color="red" title="The file could not be read" data-testid="import-preview-error">
              {preview.error.message}
              {preview.error instanceof ApiError && <SupportCode code={preview.error.code} />}
            </Alert>
          )}
          {data && <PreviewView preview={data} remembered={!!remembered.data} busy={pending} onRemap={remap} />}
          {data && !pending && (
            <Stack gap="xs">
              {data.refusedRows > 0 && data.mappingComplete && (
                <Checkbox
                  label={`Leave out the ${data.refusedRows} refused ${data.refusedRows === 1 ? 'row' : 'rows'}`}
                  description="They are not imported; fix them in the file and import it again to add them."
                  checked={accepted}
                  onChange={(e) => setAccepted(e.currentTarget.checked)}
                />
              )}
              {!data.mappingComplete && (
                <Text size="sm" c="red" data-testid="import-mapping-incomplete">
                  {data.errors.find((e) => e.code === 'MAPPING_INCOMPLETE')?.message ??
                    'Choose a column for every required field (marked *) before importing.'}
                </Text>
              )}
              {data.mappingComplete && data.validRows === 0 && (
                <Text size="sm" c="red">
                  No row can be imported: check the columns and the refused rows.
                </Text>
              )}
              {commit.isError && (
                <Alert color="red" title="Nothing was imported">
                  {commit.error.message}
                </Alert>
              )}
            </Stack>
          )}
          <Group justify="space-between">
            <Button
              variant="default"
              disabled={pending || commit.isPending}
              onClick={() => {
                setStep('file');
                setData(null);
                preview.reset();
                reading.reset();
              }}
            >
              Back
            </Button>
            <Group>
              <Button variant="default" onClick={props.onClose} disabled={commit.isPending}>
                Cancel
              </Button>
              <Button
                loading={commit.isPending}
                disabled={
                  !data ||
                  pending ||
                  !data.mappingComplete ||
                  data.validRows === 0 ||
                  (data.refusedRows > 0 && !accepted)
                }
                onClick={() => data && commit.mutate(data)}
              >
                Import {data ? data.validRows : ''} {data?.validRows === 1 ? 'row' : 'rows'}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}

      {step === 'done' && report && (
        <Stack>
          <Alert color="teal" title="Import finished" data-testid="import-summary">
            {report.taken} {report.taken === 1 ? 'row' : 'rows'} imported from {report.fileName}
            {report.refused > 0
              ? `; ${report.refused} refused ${report.refused === 1 ? 'row was' : 'rows were'} left out`
              : ''}
            .
          </Alert>
          <Group justify="flex-end">
            <Button onClick={props.onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
