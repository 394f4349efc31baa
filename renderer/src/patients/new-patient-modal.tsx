/**
 * "New patient" from inside another form (the administration's): the Patients list's own form in
 * a dialog; on save the new patient is handed back to be chosen. The form around the dialog keeps
 * what was typed in it: the dialog's submit never reaches it.
 */
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Patient, PatientInput } from '../../../shared/domain/patient';
import { call } from '../api';
import { useDiscardGuard } from '../components/discard-guard';
import type { FormValues } from '../components/use-record-form';
import { emptyPatient, PatientForm } from './patient-form';
import { patientName } from './patient-record';

export function NewPatientModal(props: {
  opened: boolean;
  /** What the person had typed in the search, as a start ("Rivera, Ana" → last and first name). */
  typed: string;
  onClose: () => void;
  onCreated: (patient: Patient) => void;
}) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: ({ input }: { input: PatientInput; showError: (e: unknown) => void }) => call('patients:create', input),
    onSuccess: (p) => {
      notifications.show({ color: 'teal', title: 'Patient added', message: `${patientName(p)} · ${p.accountNumber}` });
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      props.onCreated(p);
    },
    onError: (err, { showError }) => showError(err),
  });

  // Closing with typed data asks first ("Discard what you typed?").
  const guard = useDiscardGuard(props.onClose);
  return (
    <>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={props.opened}
        onClose={guard.requestClose}
        title="New patient"
        size="lg"
      >
        {props.opened &&
          guard.provide(
            // React passes a portal's events up to the components around it: without this the
            // administration form would take the patient form's submit for its own.
            <div onSubmit={(e) => e.stopPropagation()}>
              <PatientForm
                initial={startingValues(props.typed)}
                submitLabel="Add patient"
                busy={create.isPending}
                onCancel={props.onClose}
                onSubmit={(input, showError) => create.mutate({ input, showError })}
              />
            </div>,
          )}
      </Modal>
      {guard.question}
    </>
  );
}

/**
 * A name typed in the search starts the form: "Rivera, Ana" as last and first name, a single
 * word without digits as the last name. Anything else (an account number, a member ID) is left out.
 */
export function startingValues(typed: string): FormValues {
  const text = typed.trim();
  if (text === '' || /\d/.test(text)) return emptyPatient;
  const comma = text.indexOf(',');
  if (comma !== -1) {
    return { ...emptyPatient, lastName: text.slice(0, comma).trim(), firstName: text.slice(comma + 1).trim() };
  }
  return /\s/.test(text) ? emptyPatient : { ...emptyPatient, lastName: text };
}
