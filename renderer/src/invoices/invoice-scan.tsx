/**
 * The supplier's scanned invoice: attach a PDF, PNG or JPEG (sent as base64; the service keeps
 * it under its SHA-256), view it in the page, download it (components/blob-view.tsx shows the bytes
 * of `invoices:scan` through a Blob URL).
 */
import { Alert, Button, Group, Input, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import type { Invoice } from '../../../shared/domain/invoice';
import { call } from '../api';
import { BlobView } from '../components/blob-view';
import { readAsBase64 } from '../imports/read-file';
import { FormActions } from '../components/form-actions';
import { RecordFormModal } from '../components/record-form-modal';
import { errorWords } from '../components/error-words';

const MAX_SCAN_BYTES = 25 * 1024 * 1024;
const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
const ACCEPTED_NAME = /\.(pdf|png|jpe?g)$/i;

export function InvoiceScan({ invoice }: { invoice: Invoice }) {
  const [attaching, setAttaching] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Scanned invoice</Text>
        <Button variant={invoice.scan ? 'default' : 'light'} onClick={() => setAttaching(true)}>
          {invoice.scan ? 'Replace scan' : 'Attach scan'}
        </Button>
      </Group>
      {invoice.scan ? (
        <ScanViewer invoiceId={invoice.id} scan={invoice.scan} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="scan-missing">
          No scan attached. Payers that want the invoice with a J3490 claim need it: attach the supplier’s PDF or a
          photo of the paper invoice.
        </Text>
      )}
      <RecordFormModal
        record={attaching}
        onClose={() => setAttaching(false)}
        title={invoice.scan ? 'Replace the scan' : 'Attach scan'}
      >
        {() => (
          <AttachScanForm invoice={invoice} onCancel={() => setAttaching(false)} onDone={() => setAttaching(false)} />
        )}
      </RecordFormModal>
    </Stack>
  );
}

function AttachScanForm(props: { invoice: Invoice; onCancel: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const attach = useMutation({
    mutationFn: async (f: File) =>
      call('invoices:attachScan', {
        invoiceId: props.invoice.id,
        fileName: f.name,
        contentBase64: await readAsBase64(f),
      }),
    onSuccess: (inv) => {
      notifications.show({ color: 'teal', title: 'Scan attached', message: inv.scan?.fileName ?? '' });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      props.onDone();
    },
    onError: (err) => setError(errorWords(err)),
  });

  return (
    <form
      noValidate
      aria-label="Attach scan"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return setError('Choose the scanned invoice: a PDF, PNG or JPEG file.');
        if (!ACCEPTED_NAME.test(file.name)) return setError(`${file.name} is not a PDF, PNG or JPEG file.`);
        if (file.size > MAX_SCAN_BYTES) return setError(`${file.name} is larger than 25 MB.`);
        attach.mutate(file);
      }}
    >
      <Stack>
        <Input.Wrapper
          id={inputId}
          label="Scan file"
          required
          description="PDF, PNG or JPEG, up to 25 MB"
          error={error}
        >
          <input
            id={inputId}
            type="file"
            accept={ACCEPT}
            data-autofocus
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setError(null);
            }}
          />
        </Input.Wrapper>
        {props.invoice.scan && (
          <Text size="sm" c="dimmed">
            The current scan, {props.invoice.scan.fileName}, will no longer be linked to this invoice.
          </Text>
        )}
        <FormActions submitLabel="Attach" busy={attach.isPending} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}

function ScanViewer(props: { invoiceId: number; scan: NonNullable<Invoice['scan']> }) {
  const scan = useQuery({
    queryKey: ['invoices', props.invoiceId, 'scan', props.scan.sha256],
    queryFn: () => call('invoices:scan', { invoiceId: props.invoiceId }),
    staleTime: Infinity,
  });
  if (scan.isError) return <Alert color="red">{scan.error.message}</Alert>;
  if (!scan.data) return <Loader size="sm" aria-label="Loading the scan" />;
  return <BlobView {...scan.data} label="Scan" testId="scan-viewer" />;
}
