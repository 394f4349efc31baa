/**
 * `#/administrations/new` and `#/administrations/:id/edit`: the administration form as a page,
 * with the preview beside it. Leaving with unsaved typing asks first, whether by Cancel, Escape,
 * the sidebar or the browser's back. A billed administration is not editable: its claim went out
 * with the estimate it has.
 */
import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { todayIso } from '../payers/form-schema';
import { AdministrationForm, type EditedAdministration } from './administration-form';
import { administrationToForm, emptyAdministration, type AdministrationFormValues } from './form-values';
import { STATUS_LABELS } from './status-words';

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
  const [dirty, setDirty] = useState(false);
  // Set just before leaving on purpose (after a save), so the guard lets that one navigation by.
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

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
          leaving.current = true;
          void navigate(`/administrations/${a.id}`);
        }}
      />
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
      >
        <Stack>
          <Text>What you typed on this administration has not been saved and will be lost.</Text>
          <Group justify="flex-end">
            <Button variant="default" data-autofocus onClick={() => blocker.reset?.()}>
              Keep editing
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
