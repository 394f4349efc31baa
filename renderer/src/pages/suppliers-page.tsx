/**
 * Suppliers: the distributors, wholesalers and specialty pharmacies invoices come from. Every
 * supplier with its account number, notes, how many invoices it has and the newest one's date;
 * search ignoring case and accents; add, edit, and merge a supplier entered twice into the one
 * kept. The list is short (a practice buys from a handful), so it is read whole and searched here.
 */
import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Supplier } from '../../../shared/domain/invoice';
import type { SupplierUsage } from '../../../shared/api/supplier-record-channels';
import { call } from '../api';
import { RecordFormModal } from '../components/record-form-modal';
import { MergeSuppliersForm } from '../suppliers/merge-suppliers-form';
import { SupplierForm } from '../suppliers/supplier-form';
import { dayText, likelySame, supplierMatches } from '../suppliers/supplier-words';

export function SuppliersPage() {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [merging, setMerging] = useState<Supplier | null>(null);

  const list = useQuery({ queryKey: ['suppliers', 'list'], queryFn: () => call('suppliers:list', {}) });
  // After RECORD_CHANGED: the supplier as stored now, in the form (keyed by its version) and the list.
  const reload = async (id: number) => {
    const fresh = (await list.refetch()).data?.find((s) => s.id === id);
    if (!fresh) throw new Error('This supplier was removed by someone else.');
    setEditing(fresh);
  };
  const usage = useQuery({ queryKey: ['suppliers', 'usage'], queryFn: () => call('suppliers:usage', {}) });
  const usageOf = useMemo(
    () => new Map<number, SupplierUsage>((usage.data ?? []).map((u) => [u.supplierId, u])),
    [usage.data],
  );

  const all = list.data ?? [];
  const rows = all.filter((s) => supplierMatches(s, search));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Suppliers</Title>
        <Button onClick={() => setEditing('new')}>Add supplier</Button>
      </Group>
      {list.isSuccess && all.length === 0 ? (
        <Text c="dimmed" data-testid="suppliers-empty" maw={720}>
          No suppliers yet. Add the distributors, wholesalers and specialty pharmacies the practice buys drugs from with
          “Add supplier”. A supplier can also be added while entering or importing an invoice.
        </Text>
      ) : (
        <>
          <TextInput
            placeholder="Search by name, account number or notes"
            aria-label="Search suppliers"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={420}
          />
          {list.isError && <Text c="red">{list.error.message}</Text>}
          {usage.isError && <Text c="red">{usage.error.message}</Text>}
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-label="Suppliers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>Account number</Table.Th>
                  <Table.Th>Notes</Table.Th>
                  <Table.Th ta="right">Invoices</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>Last invoice</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => {
                  const used = usageOf.get(s.id);
                  const similar = likelySame(s, all);
                  return (
                    <Table.Tr key={s.id} data-testid="supplier-row">
                      <Table.Td>
                        <Text fw={500}>{s.name}</Text>
                        {similar.length > 0 && (
                          <Text size="xs" c="orange.8" data-testid="supplier-similar">
                            Maybe the same supplier as {similar.map((o) => o.name).join(', ')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className="mono">{s.accountNumber || <Text c="dimmed">None</Text>}</Table.Td>
                      <Table.Td maw={320}>
                        {s.notes ? (
                          <Text lineClamp={2} title={s.notes}>
                            {s.notes}
                          </Text>
                        ) : (
                          <Text c="dimmed">None</Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{s.invoiceCount}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {used?.lastInvoiceDate ? dayText(used.lastInvoiceDate) : <Text c="dimmed">None yet</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="light"
                            aria-label={`Edit ${s.name}`}
                            onClick={() => setEditing(s)}
                          >
                            Edit
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            aria-label={`Merge ${s.name} into another supplier`}
                            disabled={all.length < 2}
                            onClick={() => setMerging(s)}
                          >
                            Merge…
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length === 0 && list.isSuccess && <Text c="dimmed">No supplier matches “{search.trim()}”.</Text>}
          <Text size="sm" c="dimmed" data-testid="suppliers-count">
            {rows.length === all.length
              ? `${all.length} ${all.length === 1 ? 'supplier' : 'suppliers'}`
              : `${rows.length} of ${all.length} suppliers`}
          </Text>
        </>
      )}

      <RecordFormModal
        record={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add supplier' : 'Edit supplier'}
      >
        {(supplier) => (
          <SupplierForm
            key={supplier === 'new' ? 'new' : supplier.version}
            supplier={supplier === 'new' ? null : supplier}
            onCancel={() => setEditing(null)}
            onReload={supplier === 'new' ? undefined : () => reload(supplier.id)}
            onSaved={(saved) => {
              notifications.show({
                color: 'teal',
                title: supplier === 'new' ? 'Supplier added' : 'Supplier saved',
                message: saved.name,
              });
              setEditing(null);
            }}
          />
        )}
      </RecordFormModal>

      <RecordFormModal record={merging} onClose={() => setMerging(null)} title="Merge duplicate suppliers" size="lg">
        {(duplicate) => <MergeSuppliersForm suppliers={all} duplicate={duplicate} onDone={() => setMerging(null)} />}
      </RecordFormModal>
    </Stack>
  );
}
