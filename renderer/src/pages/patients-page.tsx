/**
 * Patients: search by name, account/MRN or member ID; add, edit, delete (confirmed); a row opens
 * the patient's record (administrations, claims, documents).
 */
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Patient, PatientInput } from '../../../shared/domain/patient';
import { call } from '../api';
import { emptyPatient, PatientForm, patientToForm } from '../patients/patient-form';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal';
import { PagedList, usePagedSearch } from '../components/paged-list';
import { RecordFormModal } from '../components/record-form-modal';
import { RowActions } from '../components/row-actions';
import { useSaveRecord } from '../components/use-save-record';

const fullName = (p: Patient): string => `${p.lastName}, ${p.firstName}`;

export function PatientsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const paged = usePagedSearch();
  const [editing, setEditing] = useState<Patient | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Patient | null>(null);

  const list = useQuery({
    queryKey: ['patients', 'list', paged.debounced, paged.page],
    queryFn: () => call('patients:list', paged.args),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['patients'] });
  // After RECORD_CHANGED: the patient as stored now, in the form (keyed by its version) and the list.
  const reload = async (p: Patient) => {
    setEditing(await call('patients:get', { id: p.id }));
    void refresh();
  };

  const save = useSaveRecord({
    editing,
    create: (input: PatientInput) => call('patients:create', input),
    update: (input: PatientInput, p) => call('patients:update', { ...input, id: p.id, version: p.version }),
    titles: ['Patient added', 'Patient saved'],
    message: (p) => `${fullName(p)} · ${p.accountNumber}`,
    onSaved: () => {
      setEditing(null);
      void refresh();
    },
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

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Patients</Title>
        <Button onClick={() => setEditing('new')}>Add patient</Button>
      </Group>
      <TextInput
        placeholder="Search by name, account/MRN or member ID"
        aria-label="Search patients"
        {...paged.searchProps}
        maw={420}
      />
      {list.isError && <Text c="red">{list.error.message}</Text>}
      <PagedList
        paged={paged}
        list={list}
        noMatch="No patient matches"
        noun={['patient', 'patients']}
        countTestId="patients-count"
        empty={
          <Text c="dimmed" data-testid="patients-empty" maw={720}>
            No patients yet. Add the patients you give J3490 drugs to with “Add patient”: name, date of birth, the
            practice’s account or MRN, and their payer and member ID for the claim.
          </Text>
        }
      >
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
              <Table.Tr
                key={p.id}
                data-testid="patient-row"
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/patients/${p.id}`)}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${p.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                    {fullName(p)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.dateOfBirth}</Table.Td>
                <Table.Td className="mono">{p.accountNumber}</Table.Td>
                <Table.Td>{p.payerName ?? <Text c="dimmed">None</Text>}</Table.Td>
                <Table.Td className="mono">{p.memberId}</Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <RowActions name={fullName(p)} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PagedList>

      <RecordFormModal
        record={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add patient' : 'Edit patient'}
        size="lg"
      >
        {(patient) => (
          <PatientForm
            key={patient === 'new' ? 'new' : patient.version}
            initial={patient === 'new' ? emptyPatient : patientToForm(patient)}
            submitLabel={patient === 'new' ? 'Add patient' : 'Save changes'}
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            onReload={patient === 'new' ? undefined : () => reload(patient)}
            onSubmit={(input, showError) => save.mutate({ input, showError })}
          />
        )}
      </RecordFormModal>

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
