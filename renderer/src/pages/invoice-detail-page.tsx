/**
 * One invoice: header, its lines (lots) with units and on-hand stock, the reconciliation and the
 * service's warnings, the supplier's scan, and Edit / Delete. Delete asks first; an invoice whose
 * lots administrations already use is refused by the service (INVOICE_IN_USE) and the refusal is
 * shown in the dialog as the service words it. Such an invoice can still be corrected (Edit).
 */
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Invoice } from '../../../shared/domain/invoice';
import { usdFromFixed } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { ApiError, call } from '../api';
import { InvoiceScan } from '../invoices/invoice-scan';
import { usdRate } from '../invoices/money-text';
import { ReconciliationView, WarningsView } from '../invoices/reconciliation-view';
import { BackToList, useRecordQuery } from '../components/record-page';
import { invoiceRecord } from '../invoices/invoice-record';
import { localTime } from '../components/local-time';

export function InvoiceDetailPage() {
  const { data: inv, fallback } = useRecordQuery(invoiceRecord);
  if (!inv) return fallback;

  return (
    <Stack>
      <BackToList kind={invoiceRecord} size="sm" />
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>
            {inv.supplierName} · {inv.invoiceNumber}
          </Title>
          <Text c="dimmed" size="sm">
            Invoice date {inv.invoiceDate}
            {inv.receivedDate ? ` · received ${inv.receivedDate}` : ''} · {inv.lines.length}{' '}
            {inv.lines.length === 1 ? 'line' : 'lines'}
          </Text>
        </Stack>
        <Group>
          <Button component={Link} to={`/invoices/${inv.id}/edit`} variant="light">
            Edit
          </Button>
          <DeleteInvoiceButton invoice={inv} />
        </Group>
      </Group>
      {inv.inUse && (
        <Text size="sm" c="orange" data-testid="invoice-in-use">
          Administrations draw on this invoice’s lots: it cannot be deleted, but its costs, lot numbers, expiry dates
          and notes can still be corrected.
        </Text>
      )}
      {inv.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {inv.notes}
        </Text>
      )}

      <Table.ScrollContainer minWidth={980}>
        <Table striped aria-label="Invoice lines" data-testid="invoice-detail-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Drug</Table.Th>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Expiry</Table.Th>
              <Table.Th ta="right">Packages</Table.Th>
              <Table.Th ta="right">Units</Table.Th>
              <Table.Th ta="right">Cost / package</Table.Th>
              <Table.Th ta="right">Extended</Table.Th>
              <Table.Th ta="right">Discount</Table.Th>
              <Table.Th ta="right">Net cost / package</Table.Th>
              <Table.Th ta="right">On hand</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inv.lines.map((l) => (
              <Table.Tr key={l.id} data-testid="invoice-detail-line">
                <Table.Td>{l.lineNumber}</Table.Td>
                <Table.Td>
                  <Text size="sm">{l.drugName}</Text>
                  <Text size="xs" c="dimmed" className="mono">
                    {formatNdc542(l.ndc11)}
                  </Text>
                </Table.Td>
                <Table.Td className="mono">{l.lotNumber}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.expiryDate}</Table.Td>
                <Table.Td ta="right">{l.packageQuantity}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {l.units} {l.ndcUnit}
                </Table.Td>
                <Table.Td ta="right">{usdRate(l.costPerPackage)}</Table.Td>
                <Table.Td ta="right">{usdFromFixed(l.extendedCost)}</Table.Td>
                <Table.Td ta="right">{usdFromFixed(l.discount)}</Table.Td>
                <Table.Td ta="right">{usdRate(l.netCostPerPackage)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {l.onHand} {l.ndcUnit}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Stack gap="xs">
          <ReconciliationView reconciliation={inv.reconciliation} testId="invoice-reconciliation" />
          <WarningsView warnings={inv.warnings} title="Warnings" />
        </Stack>
        <InvoiceScan invoice={inv} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Entered {localTime(inv.createdAt)}
        {inv.updatedAt !== inv.createdAt ? ` · changed ${localTime(inv.updatedAt)}` : ''}
      </Text>
    </Stack>
  );
}

function DeleteInvoiceButton({ invoice }: { invoice: Invoice }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => call('invoices:delete', { id: invoice.id }),
    onSuccess: (inv) => {
      setOpen(false);
      notifications.show({
        color: 'gray',
        title: 'Invoice deleted',
        message: `${inv.supplierName} ${inv.invoiceNumber} and its ${inv.lines.length} ${
          inv.lines.length === 1 ? 'lot were' : 'lots were'
        } removed.`,
      });
      void navigate('/invoices');
      queryClient.removeQueries({ queryKey: ['invoices', invoice.id] });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
      void queryClient.invalidateQueries({ queryKey: ['stock'] });
    },
  });
  const refusal = remove.error;
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        title="Delete this invoice?"
      >
        <Stack>
          <Text>
            {invoice.supplierName} {invoice.invoiceNumber} of {invoice.invoiceDate} will be removed with its{' '}
            {invoice.lines.length} {invoice.lines.length === 1 ? 'lot' : 'lots'}
            {invoice.scan ? ' and the link to its scan' : ''}. This cannot be undone.
          </Text>
          {refusal && (
            <Alert
              color="red"
              title={
                refusal instanceof ApiError && refusal.code === 'INVOICE_IN_USE'
                  ? 'This invoice is in use'
                  : 'Not deleted'
              }
              data-testid="invoice-delete-refused"
            >
              {refusal.message}
              {refusal instanceof ApiError ? ` (${refusal.code})` : ''}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              data-autofocus
              onClick={() => {
                setOpen(false);
                remove.reset();
              }}
            >
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} disabled={!!refusal} onClick={() => remove.mutate()}>
              Delete invoice
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
