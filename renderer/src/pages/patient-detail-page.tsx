/**
 * One patient's record: their details (edited as on the Patients list), every administration
 * they had, their claims with what was billed, expected and paid, and the documents made for
 * them. Deleting is confirmed, and refused while administrations name the patient.
 */
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PatientInput } from '../../../shared/domain/patient';
import type { PatientRecord } from '../../../shared/domain/patient-record';
import { call } from '../api';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal';
import { localTime } from '../components/local-time';
import { BackToList, useRecordQuery } from '../components/record-page';
import { RecordFormModal } from '../components/record-form-modal';
import { useSaveRecord } from '../components/use-save-record';
import { PatientAdministrations } from '../patients/patient-administrations';
import { PatientClaims } from '../patients/patient-claims';
import { PatientDocuments } from '../patients/patient-documents';
import { PatientForm, patientToForm } from '../patients/patient-form';
import { patientName, patientRecord } from '../patients/patient-record';

export function PatientDetailPage() {
  const { data, fallback } = useRecordQuery(patientRecord);
  if (!data) return fallback;
  return <PatientRecordView record={data} />;
}

function PatientRecordView({ record }: { record: PatientRecord }) {
  const { patient, administrations, claims } = record;
  const name = patientName(patient);
  return (
    <Stack>
      <BackToList kind={patientRecord} size="sm" />
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{name}</Title>
        <PatientActions record={record} />
      </Group>

      <Paper withBorder p="md" data-testid="patient-details">
        <Stack gap="sm">
          <Title order={4}>Details</Title>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            <Field label="Date of birth">{patient.dateOfBirth}</Field>
            <Field label="Account / MRN" mono>
              {patient.accountNumber}
            </Field>
            <Field label="Payer">
              {patient.payerId !== null && patient.payerName !== null ? (
                <Anchor component={Link} to={`/payers/${patient.payerId}`} size="sm">
                  {patient.payerName}
                </Anchor>
              ) : (
                'None on file'
              )}
            </Field>
            <Field label="Member ID" mono>
              {patient.memberId}
            </Field>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Added {localTime(patient.createdAt)}
            {patient.updatedAt !== patient.createdAt ? ` · changed ${localTime(patient.updatedAt)}` : ''}
          </Text>
        </Stack>
      </Paper>

      <Section title="Administrations" count={administrations.length} testId="patient-administrations">
        {administrations.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="patient-administrations-empty">
            No administrations for {patient.firstName} {patient.lastName} yet. Record each dose given with{' '}
            <Anchor component={Link} to="/administrations/new" size="sm">
              Record administration
            </Anchor>
            .
          </Text>
        ) : (
          <PatientAdministrations rows={administrations} />
        )}
      </Section>

      <Section title="Claims" count={claims.length} testId="patient-claims">
        {claims.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="patient-claims-empty">
            No claims yet. Administrations billed under the same claim number to the same payer are one claim; an
            administration gets its claim number when it is marked billed.
          </Text>
        ) : (
          <PatientClaims rows={claims} administrations={administrations} />
        )}
        {claims.length > 0 && record.withoutClaimNumber > 0 && (
          <Text size="xs" c="dimmed" data-testid="patient-unbilled-note">
            {record.withoutClaimNumber === 1
              ? '1 administration has no claim number yet and is not on a claim.'
              : `${record.withoutClaimNumber} administrations have no claim number yet and are not on a claim.`}
          </Text>
        )}
      </Section>

      <Section title="Documents" count={record.documentCount} testId="patient-documents">
        <PatientDocuments patientId={patient.id} />
      </Section>
    </Stack>
  );
}

function Section(props: { title: string; count: number; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={props.testId}>
      <Stack gap="sm">
        <Title order={4}>
          {props.title}{' '}
          <Text span c="dimmed" fw={400} inherit>
            ({props.count})
          </Text>
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}

function Field(props: { label: string; children: ReactNode; mono?: boolean }) {
  const empty = props.children === '' || props.children === null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" className={props.mono && !empty ? 'mono' : undefined}>
        {empty ? (
          <Text span c="dimmed" size="sm">
            None on file
          </Text>
        ) : (
          props.children
        )}
      </Text>
    </div>
  );
}

/** "Edit details" (the Patients list's form) and "Delete patient" (confirmed; offered only while they have no administrations). */
function PatientActions({ record }: { record: PatientRecord }) {
  const { patient } = record;
  const name = patientName(patient);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<typeof patient | null>(null);
  const [deleting, setDeleting] = useState(false);

  const save = useSaveRecord({
    editing,
    create: (input: PatientInput) => call('patients:create', input),
    update: (input: PatientInput, p) => call('patients:update', { ...input, id: p.id, version: p.version }),
    titles: ['Patient added', 'Patient saved'],
    message: (p) => `${patientName(p)} · ${p.accountNumber}`,
    onSaved: () => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      // Lists and pages that show the patient's name.
      void queryClient.invalidateQueries({ queryKey: ['administrations'] });
    },
  });

  const remove = useMutation({
    mutationFn: () => call('patients:delete', { id: patient.id }),
    onSuccess: (p) => {
      notifications.show({ color: 'gray', title: 'Patient deleted', message: `${patientName(p)} was removed.` });
      queryClient.removeQueries({ queryKey: ['patients', p.id] });
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void navigate('/patients');
    },
  });
  const closeDelete = () => {
    setDeleting(false);
    remove.reset();
  };

  return (
    <Group gap="xs">
      <Button variant="light" onClick={() => setEditing(patient)}>
        Edit details
      </Button>
      {/* Their claims must keep their patient: a patient with administrations is never deleted. */}
      {record.administrations.length === 0 && (
        <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
          Delete patient
        </Button>
      )}

      <RecordFormModal record={editing} onClose={() => setEditing(null)} title="Edit patient" size="lg">
        {(p) => (
          <PatientForm
            key={p.version}
            initial={patientToForm(p)}
            submitLabel="Save changes"
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            onReload={async () => {
              setEditing(await call('patients:get', { id: p.id }));
              void queryClient.invalidateQueries({ queryKey: ['patients'] });
            }}
            onSubmit={(input, showError) => save.mutate({ input, showError })}
          />
        )}
      </RecordFormModal>

      <ConfirmDeleteModal
        opened={deleting}
        title="Delete this patient?"
        confirmLabel="Delete patient"
        keepLabel="Keep"
        busy={remove.isPending}
        error={remove.error}
        errorTestId="patient-delete-refused"
        onClose={closeDelete}
        onConfirm={() => remove.mutate()}
      >
        <Text>
          {name} (born {patient.dateOfBirth}, account {patient.accountNumber}) will be removed. This cannot be undone.
        </Text>
      </ConfirmDeleteModal>
    </Group>
  );
}
