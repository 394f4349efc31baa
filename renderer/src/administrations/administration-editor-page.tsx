/**
 * `#/administrations/new` and `#/administrations/:id/edit`: the administration form as a page,
 * with the preview beside it. Leaving with unsaved typing asks first, whether by Cancel, Escape,
 * the sidebar or the browser's back. A billed administration is not editable: its claim went out
 * with the estimate it has.
 */
import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { todayIso } from '../payers/form-schema';
import { AdministrationForm, type EditedAdministration } from './administration-form';
import { administrationToForm, emptyAdministration, type AdministrationFormValues } from './form-values';
import { STATUS_LABELS } from './status-words';
import { UnsavedChangesModal, useUnsavedChangesGuard } from '../components/unsaved-changes-guard';

export function NewAdministrationPage() {
  const [initial] = useState(() => emptyAdministration(todayIso()));
  return (
    <EditorFrame
      title="Record administration"
      backTo="/administrations"
      backLabel="← All administrations"
      initial={initial}
    />
  );
}

export function EditAdministrationPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const adm = useQuery({
    queryKey: ['administrations', id],
    queryFn: () => call('administrations:get', { id }),
    enabled: valid,
    // The form starts from what is stored when the page opens; a refetch must not reset it.
    staleTime: Infinity,
  });
  if (!valid || adm.isError) {
    return (
      <Stack maw={640}>
        <Anchor component={Link} to="/administrations">
          ← All administrations
        </Anchor>
        <Alert color="red" title="Administration not found">
          {adm.error?.message ?? 'This address does not name an administration.'}
        </Alert>
      </Stack>
    );
  }
  if (!adm.data) return <Loader aria-label="Loading the administration" />;
  const a = adm.data;
  const back = `/administrations/${a.id}`;
  if (a.frozen) {
    return (
      <Stack maw={640}>
        <Anchor component={Link} to={back}>
          ← Back to the administration
        </Anchor>
        <Alert color="orange" title="This administration can no longer be changed">
          It is {STATUS_LABELS[a.status].toLowerCase()}: the claim went out with the estimate it has.
        </Alert>
      </Stack>
    );
  }
  const editing: EditedAdministration = {
    id: a.id,
    stored: a,
    patientName: a.patientName,
    drugLabel: `${a.drugName} · ${formatNdc542(a.ndc11)}`,
    storedLot: { invoiceLineId: a.invoiceLineId, ndc11: a.ndc11, lotNumber: a.lotNumber, expiryDate: a.expiryDate },
  };
  return (
    <EditorFrame
      key={a.updatedAt}
      title={`Edit administration: ${a.drugName} for ${a.patientName}`}
      backTo={back}
      backLabel="← Back to the administration"
      initial={administrationToForm(a)}
      editing={editing}
    />
  );
}

function EditorFrame(props: {
  title: string;
  backTo: string;
  backLabel: string;
  initial: AdministrationFormValues;
  editing?: EditedAdministration;
}) {
  const navigate = useNavigate();
  const { blocker, onDirtyChange, leaveOnPurpose } = useUnsavedChangesGuard();

  return (
    <Stack>
      <Anchor component={Link} to={props.backTo} size="sm">
        {props.backLabel}
      </Anchor>
      <Title order={2}>{props.title}</Title>
      <AdministrationForm
        initial={props.initial}
        editing={props.editing}
        onDirtyChange={onDirtyChange}
        onCancel={() => void navigate(props.backTo)}
        onSaved={(a) => {
          leaveOnPurpose();
          void navigate(`/administrations/${a.id}`);
        }}
      />
      <UnsavedChangesModal blocker={blocker} what="this administration" />
    </Stack>
  );
}
