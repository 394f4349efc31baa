/**
 * Acquisition invoices, newest first: search (invoice number, supplier, NDC or lot), paging, and
 * at a glance which have a scan and which do not reconcile with their printed total.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { ImportWizard } from '../imports/import-wizard';
import { PagedList, usePagedSearch } from '../components/paged-list';

export function InvoicesPage() {
  const navigate = useNavigate();
  const paged = usePagedSearch();
  const [importing, setImporting] = useState(false);
  const list = useQuery({
    queryKey: ['invoices', 'list', paged.debounced, paged.page],
    queryFn: () => call('invoices:list', paged.args),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Invoices</Title>
        <Group>
          <Button variant="default" onClick={() => setImporting(true)}>
            Import invoices
          </Button>
          <Button component={Link} to="/invoices/new">
            New invoice
          </Button>
        </Group>
      </Group>
      <ImportWizard opened={importing} kind="invoices" title="Import invoices" onClose={() => setImporting(false)} />
      <TextInput
        placeholder="Search by invoice number, supplier, NDC or lot"
        aria-label="Search invoices"
        {...paged.searchProps}
        maw={420}
      />
      {list.isError && <Text c="red">{list.error.message}</Text>}
      <PagedList
        paged={paged}
        list={list}
        noMatch="No invoice matches"
        noun={['invoice', 'invoices']}
        countTestId="invoices-count"
        empty={
          <Text c="dimmed" data-testid="invoices-empty" maw={720}>
            No invoices yet. Enter each distributor invoice with “New invoice”: the NDC, lot number, expiry, packages
            and cost of every line. The lots then show under Stock, and their cost documents J3490 claims.
          </Text>
        }
      >
        <Table striped highlightOnHover aria-label="Invoices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Supplier</Table.Th>
              <Table.Th>Invoice number</Table.Th>
              <Table.Th ta="right">Lines</Table.Th>
              <Table.Th ta="right">Lines net</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th>Scan</Table.Th>
              <Table.Th>Reconciliation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((inv) => (
              <Table.Tr
                key={inv.id}
                data-testid="invoice-row"
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/invoices/${inv.id}`)}
              >
                <Table.Td>{inv.invoiceDate}</Table.Td>
                <Table.Td>{inv.supplierName}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/invoices/${inv.id}`} onClick={(e) => e.stopPropagation()}>
                    {inv.invoiceNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{inv.lineCount}</Table.Td>
                <Table.Td ta="right">{usdFromFixed(inv.linesNet)}</Table.Td>
                <Table.Td ta="right">{inv.total === null ? '—' : usdFromFixed(inv.total)}</Table.Td>
                <Table.Td>{inv.hasScan ? 'Yes' : <Text c="dimmed">No</Text>}</Table.Td>
                <Table.Td>
                  {inv.matches === false ? (
                    <Badge color="red" variant="filled">
                      Doesn’t reconcile
                    </Badge>
                  ) : inv.matches === null ? (
                    <Text size="sm" c="dimmed">
                      No total
                    </Text>
                  ) : (
                    <Text size="sm" c="teal">
                      Reconciles
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PagedList>
    </Stack>
  );
}
