/**
 * `#/administrations/new` and `#/administrations/:id/edit`: the administration form as a page,
 * with the preview beside it. Leaving with unsaved typing asks first, whether by Cancel, Escape,
 * the sidebar or the browser's back. A billed administration is not editable: its claim went out
 * with the estimate it has.
 */
import { Alert, Anchor, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { todayIso } from '../payers/form-schema';
import { AdministrationForm, type EditedAdministration } from './administration-form';
import { administrationToForm, emptyAdministration, type AdministrationFormValues } from './form-values';
import { STATUS_LABELS } from './status-words';
import { recordQuery, useRecordQuery } from '../components/record-page';
import { administrationRecord } from './administration-record';
import { EditorPage } from '../components/editor-page';

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
  // The form starts from what is stored when the page opens; a refetch must not reset it.
  const { data: a, fallback } = useRecordQuery(administrationRecord, { staleTime: Infinity });
  const queryClient = useQueryClient();
  if (!a) return fallback;
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
      // Reload after RECORD_CHANGED reads the administration again: its new version starts the form afresh.
      key={a.version}
      onReload={() =>
        queryClient.refetchQueries({ queryKey: recordQuery(administrationRecord, a.id).queryKey, exact: true })
      }
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
  onReload?: () => Promise<unknown>;
}) {
  return (
    <EditorPage {...props} list="administrations" what="this administration">
      {(page) => (
        <AdministrationForm initial={props.initial} editing={props.editing} onReload={props.onReload} {...page} />
      )}
    </EditorPage>
  );
}
