/** Patients: search by name, account/MRN or member ID; add, edit, delete (confirmed). */
import { Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Patient, PatientInput } from '../../../shared/domain/patient';
import { call } from '../api';
import { emptyPatient, PatientForm, patientToForm } from '../patients/patient-form';
import { ListFooter } from '../components/list-footer';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal';

const PAGE_SIZE = 50;
const fullName = (p: Patient): string => `${p.lastName}, ${p.firstName}`;

export function PatientsPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Patient | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Patient | null>(null);

  const list = useQuery({
    queryKey: ['patients', 'list', debounced, page],
    queryFn: () => call('patients:list', { search: debounced, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['patients'] });

  const save = useMutation({
    mutationFn: ({ input }: { input: PatientInput; showError: (e: unknown) => void }) =>
      editing && editing !== 'new'
        ? call('patients:update', { ...input, id: editing.id })
        : call('patients:create', input),
    onSuccess: (p) => {
      notifications.show({
        color: 'teal',
        title: editing === 'new' ? 'Patient added' : 'Patient saved',
        message: `${fullName(p)} · ${p.accountNumber}`,
      });
      setEditing(null);
      void refresh();
    },
    onError: (err, { showError }) => showError(err),
  });

  const remove = useMutation({
    mutationFn: (p: Patient) => call('patients:delete', { id: p.id }),
    onSuccess: (p) => {
      setDeleting(null);
      notifications.show({ color: 'gray', title: 'Patient deleted', message: `${fullName(p)} was removed.` });
      void refresh();
    },
  });
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Patients</Title>
        <Button onClick={() => setEditing('new')}>Add patient</Button>
      </Group>
      <TextInput
        placeholder="Search by name, account/MRN or member ID"
        aria-label="Search patients"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && total === 0 && !debounced ? (
        <Text c="dimmed" data-testid="patients-empty" maw={720}>
          No patients yet. Add the patients you give J3490 drugs to with “Add patient”: name, date of birth, the
          practice’s account or MRN, and their payer and member ID for the claim.
        </Text>
      ) : (
        <>
          <Table striped highlightOnHover aria-label="Patients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Date of birth</Table.Th>
                <Table.Th>Account / MRN</Table.Th>
                <Table.Th>Payer</Table.Th>
                <Table.Th>Member ID</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id} data-testid="patient-row">
                  <Table.Td>{fullName(p)}</Table.Td>
                  <Table.Td>{p.dateOfBirth}</Table.Td>
                  <Table.Td className="mono">{p.accountNumber}</Table.Td>
                  <Table.Td>{p.payerName ?? <Text c="dimmed">None</Text>}</Table.Td>
                  <Table.Td className="mono">{p.memberId}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setEditing(p)}
                        aria-label={`Edit ${fullName(p)}`}
                      >
                        Edit
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(p)}
                        aria-label={`Delete ${fullName(p)}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length === 0 && list.isSuccess && <Text c="dimmed">No patient matches “{debounced}”.</Text>}
          <ListFooter
            total={total}
            noun={['patient', 'patients']}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            testId="patients-count"
          />
        </>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add patient' : 'Edit patient'}
        size="lg"
      >
        {editing !== null && (
          <PatientForm
            initial={editing === 'new' ? emptyPatient : patientToForm(editing)}
            submitLabel={editing === 'new' ? 'Add patient' : 'Save changes'}
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            onSubmit={(input, showError) => save.mutate({ input, showError })}
          />
        )}
      </Modal>

      <ConfirmDeleteModal
        opened={deleting !== null}
        title="Delete this patient?"
        confirmLabel="Delete patient"
        keepLabel="Keep"
        busy={remove.isPending}
        error={remove.error}
        errorTestId="patient-delete-refused"
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        {deleting && (
          <Text>
            {fullName(deleting)} (born {deleting.dateOfBirth}, account {deleting.accountNumber}) will be removed. This
            cannot be undone.
          </Text>
        )}
      </ConfirmDeleteModal>
    </Stack>
  );
}
