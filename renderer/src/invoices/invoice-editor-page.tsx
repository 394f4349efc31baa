/**
 * `#/invoices/new` and `#/invoices/:id/edit`: the invoice editor as a page (a long invoice needs
 * the room). Leaving with unsaved typing asks first, whether by Cancel, Escape, the sidebar or
 * the browser's back.
 */
import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { InvoiceEditor } from './invoice-editor';
import { emptyInvoice, invoiceToForm, type InvoiceFormValues } from './invoice-form-values';
import { recordQuery, useRecordQuery } from '../components/record-page';
import { invoiceRecord } from './invoice-record';
import { EditorPage } from '../components/editor-page';

export function NewInvoicePage() {
  const [initial] = useState(emptyInvoice);
  return <EditorFrame title="New invoice" backTo="/invoices" backLabel="← All invoices" initial={initial} />;
}

export function EditInvoicePage() {
  // The form starts from what is stored when the page opens; a refetch must not reset it.
  const { data: inv, fallback } = useRecordQuery(invoiceRecord, { staleTime: Infinity });
  const queryClient = useQueryClient();
  if (!inv) return fallback;
  return (
    <EditorFrame
      // Reload after RECORD_CHANGED reads the invoice again: its new version starts the editor afresh.
      key={inv.version}
      version={inv.version}
      onReload={() =>
        queryClient.refetchQueries({ queryKey: recordQuery(invoiceRecord, inv.id).queryKey, exact: true })
      }
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
  version?: number;
  onReload?: () => Promise<unknown>;
  inUse?: boolean;
}) {
  return (
    <EditorPage
      {...props}
      list="invoices"
      what="this invoice"
      notice={
        props.inUse && (
          <Alert color="orange" title="Some of its lots were already used" data-testid="invoice-used-notice">
            You can still correct costs, discounts, lot numbers, expiry dates and the invoice’s number, dates and notes.
            A used lot keeps its NDC, stays on the invoice and cannot hold less than what already left it. Billed
            administrations keep the cost they were estimated with; open ones are marked for a fresh estimate.
          </Alert>
        )
      }
    >
      {(page) => (
        <InvoiceEditor
          initial={props.initial}
          invoiceId={props.invoiceId}
          version={props.version}
          onReload={props.onReload}
          {...page}
        />
      )}
    </EditorPage>
  );
}
