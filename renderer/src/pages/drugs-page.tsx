/** The drug catalog: search, sort, add, edit, delete (confirmed, with undo). */
import { Button, Group, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DRUG_SORT_KEYS, type Drug } from '../../../shared/domain/drug-catalog';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { DrugForm, drugToForm, emptyDrug, type DrugSaveMode } from '../components/drug-form';
import type { FormValues } from '../components/use-record-form';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal';
import { PagedList, usePagedSearch } from '../components/paged-list';
import { RecordFormModal } from '../components/record-form-modal';
import { RowActions } from '../components/row-actions';
import { useSaveRecord } from '../components/use-save-record';

type SortKey = (typeof DRUG_SORT_KEYS)[number];

export function DrugsPage() {
  const queryClient = useQueryClient();
  const paged = usePagedSearch();
  const [sortBy, setSortBy] = useState<SortKey>('genericName');
  const [sortDir, setSortDir] = useState<'asc' | 'desc'>('asc');
  const [editing, setEditing] = useState<Drug | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Drug | null>(null);

  const list = useQuery({
    queryKey: ['drugs', 'list', paged.debounced, sortBy, sortDir, paged.page],
    queryFn: () => call('drugs:list', { ...paged.args, sortBy, sortDir }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['drugs'] });

  const usage = useQuery({
    queryKey: ['drugs', 'usage', editing === 'new' || editing === null ? null : editing.id],
    queryFn: () => call('drugs:usage', { id: (editing as Drug).id }),
    enabled: editing !== null && editing !== 'new',
  });
  const save = useSaveRecord({
    editing,
    create: ({ values }: { values: FormValues; mode: DrugSaveMode }) => call('drugs:create', values as never),
    update: async ({ values, mode }: { values: FormValues; mode: DrugSaveMode }, drug) => {
      if (mode === 'save') return call('drugs:update', { ...values, id: drug.id, version: drug.version } as never);
      const openAdministrations = usage.data?.openAdministrations ?? 0;
      const { drug: corrected, recomputed } = await call('drugs:correct', {
        ...values,
        id: drug.id,
        openAdministrations,
      } as never);
      notifications.show({
        color: 'teal',
        title: 'Drug corrected',
        message: `${recomputed} open administration${recomputed === 1 ? '' : 's'} recomputed with the corrected figures.`,
      });
      return corrected;
    },
    titles: ['Drug added', 'Drug saved'],
    message: (drug) => `${drug.genericName} · ${formatNdc542(drug.ndc11)}`,
    onSaved: () => {
      setEditing(null);
      void refresh();
    },
  });

  const restore = useMutation({
    mutationFn: (drug: Drug) => call('drugs:create', { ...drugToForm(drug) } as never),
    onSuccess: (drug) => {
      notifications.show({ color: 'teal', message: `${drug.genericName} is back in the catalog.` });
      void refresh();
    },
    onError: (err) =>
      notifications.show({ color: 'red', title: 'Could not undo', message: String((err as Error).message) }),
  });

  const remove = useMutation({
    mutationFn: (drug: Drug) => call('drugs:delete', { id: drug.id }),
    onSuccess: (drug) => {
      setDeleting(null);
      void refresh();
      const id = notifications.show({
        color: 'gray',
        title: 'Drug deleted',
        autoClose: 10_000,
        message: (
          <Group justify="space-between">
            <Text size="sm">{drug.genericName} was removed.</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                restore.mutate(drug);
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
    // The refusal (what uses the drug) is shown in the dialog that asked.
  });

  const sortHeader = (key: SortKey, label: string) => (
    <Table.Th aria-sort={sortBy === key ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        className="sortable-header"
        style={{ font: 'inherit' }}
        onClick={() => {
          if (sortBy === key) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
          else {
            setSortBy(key);
            setSortDir('asc');
          }
          paged.setPage(1);
        }}
      >
        {label} {sortBy === key ? (sortDir === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  const rows = list.data?.rows ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Drug catalog</Title>
        <Button onClick={() => setEditing('new')}>Add drug</Button>
      </Group>
      <TextInput
        placeholder="Search by NDC, generic or brand name"
        aria-label="Search drugs"
        {...paged.searchProps}
        maw={420}
      />
      <PagedList
        paged={paged}
        list={list}
        noMatch="No drug matches"
        noun={['drug', 'drugs']}
        countTestId="drugs-count"
        empty={
          <Text c="dimmed" data-testid="drugs-empty">
            No drugs yet. Add the drugs you bill as J3490 with “Add drug”: you will need the NDC from the package, the
            strength and the package size.
          </Text>
        }
      >
        {/* A small laptop scrolls the table, not the page (the row's actions stay on screen). */}
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover fz="sm" aria-label="Drugs">
            <Table.Thead>
              <Table.Tr>
                {sortHeader('ndc11', 'NDC')}
                {sortHeader('genericName', 'Generic name')}
                {sortHeader('brandName', 'Brand name')}
                <Table.Th>Strength</Table.Th>
                <Table.Th>Package</Table.Th>
                <Table.Th>Container</Table.Th>
                <Table.Th>Route</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id} data-testid="drug-row">
                  <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                    {formatNdc542(d.ndc11)}
                  </Table.Td>
                  <Table.Td>{d.genericName}</Table.Td>
                  <Table.Td>{d.brandName}</Table.Td>
                  <Table.Td>
                    {d.strengthAmount} {d.strengthUnit}/{d.ndcUnit}
                  </Table.Td>
                  <Table.Td>
                    {d.packageSize} {d.ndcUnit}
                  </Table.Td>
                  <Table.Td>{d.container}</Table.Td>
                  <Table.Td>{d.route}</Table.Td>
                  <Table.Td>
                    <RowActions name={d.genericName} onEdit={() => setEditing(d)} onDelete={() => setDeleting(d)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PagedList>

      <RecordFormModal
        record={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add drug' : 'Edit drug'}
        size="lg"
      >
        {(drug) => (
          <DrugForm
            key={drug === 'new' ? 'new' : drug.version}
            initial={drug === 'new' ? emptyDrug : drugToForm(drug)}
            submitLabel={drug === 'new' ? 'Add drug' : 'Save changes'}
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            usage={drug === 'new' ? undefined : usage.data}
            fdaLookup={drug === 'new'}
            onReload={
              drug === 'new'
                ? undefined
                : async () => {
                    setEditing(await call('drugs:get', { id: drug.id }));
                    void refresh();
                  }
            }
            onSubmit={(values, showError, mode) => save.mutate({ input: { values, mode }, showError })}
          />
        )}
      </RecordFormModal>

      <ConfirmDeleteModal
        opened={deleting !== null}
        title="Delete this drug?"
        confirmLabel="Delete"
        busy={remove.isPending}
        error={remove.error}
        errorTestId="drug-delete-refused"
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        {deleting && (
          <Text>
            {deleting.genericName} ({formatNdc542(deleting.ndc11)}) will be removed from the catalog. You can undo this
            right after.
          </Text>
        )}
      </ConfirmDeleteModal>
    </Stack>
  );
}
