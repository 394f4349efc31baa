/**
 * `#/invoices/new` and `#/invoices/:id/edit`: the invoice editor as a page (a long invoice needs
 * the room). Leaving with unsaved typing asks first, whether by Cancel, Escape, the sidebar or
 * the browser's back.
 */
import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call } from '../api';
import { InvoiceEditor } from './invoice-editor';
import { emptyInvoice, invoiceToForm, type InvoiceFormValues } from './invoice-form-values';
import { UnsavedChangesModal, useUnsavedChangesGuard } from '../components/unsaved-changes-guard';

export function NewInvoicePage() {
  const [initial] = useState(emptyInvoice);
  return <EditorFrame title="New invoice" backTo="/invoices" backLabel="← All invoices" initial={initial} />;
}

export function EditInvoicePage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const invoice = useQuery({
    queryKey: ['invoices', id],
    queryFn: () => call('invoices:get', { id }),
    enabled: valid,
    // The form starts from what is stored when the page opens; a refetch must not reset it.
    staleTime: Infinity,
  });
  if (!valid || invoice.isError) {
    return (
      <Stack maw={640}>
        <Anchor component={Link} to="/invoices">
          ← All invoices
        </Anchor>
        <Alert color="red" title="Invoice not found">
          {invoice.error?.message ?? 'This address does not name an invoice.'}
        </Alert>
      </Stack>
    );
  }
  if (!invoice.data) return <Loader aria-label="Loading the invoice" />;
  const inv = invoice.data;
  return (
    <EditorFrame
      key={inv.updatedAt}
      title={`Edit invoice ${inv.invoiceNumber}`}
      backTo={`/invoices/${inv.id}`}
      backLabel={`← ${inv.supplierName} ${inv.invoiceNumber}`}
      initial={invoiceToForm(inv)}
      invoiceId={inv.id}
      inUse={inv.inUse}
    />
  );
}

function EditorFrame(props: {
  title: string;
  backTo: string;
  backLabel: string;
  initial: InvoiceFormValues;
  invoiceId?: number;
  inUse?: boolean;
}) {
  const navigate = useNavigate();
  const { blocker, onDirtyChange, leaveOnPurpose } = useUnsavedChangesGuard();

  return (
    <Stack>
      <Anchor component={Link} to={props.backTo} size="sm">
        {props.backLabel}
      </Anchor>
      <Title order={2}>{props.title}</Title>
      {props.inUse && (
        <Alert color="orange" title="Its lots are already in use">
          Administrations draw on this invoice’s lots, so the service will refuse changes. Record a stock adjustment
          instead.
        </Alert>
      )}
      <InvoiceEditor
        initial={props.initial}
        invoiceId={props.invoiceId}
        onDirtyChange={onDirtyChange}
        onCancel={() => void navigate(props.backTo)}
        onSaved={(inv) => {
          leaveOnPurpose();
          void navigate(`/invoices/${inv.id}`);
        }}
      />
      <UnsavedChangesModal blocker={blocker} what="this invoice" />
    </Stack>
  );
}
