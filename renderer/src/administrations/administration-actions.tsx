/**
 * What can be done to one administration: move its claim along the steps STATUS_STEPS allows
 * (Mark ready only once the checklist is complete; Mark billed asks for the claim number when
 * there is none), recompute its estimate from the terms now on file, edit it, delete it. Billed
 * and later administrations are frozen: no recompute, no edit. Only drafts can be deleted, after
 * asking; their stock goes back to the lot.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  administrationInputOf,
  STATUS_STEPS,
  type Administration,
  type AdministrationStatus,
} from '../../../shared/domain/administration';
import { usdFromFixed } from '../../../shared/domain/money';
import { FormActions } from '../components/form-actions';
import { call } from '../api';
import { STATUS_LABELS, STEP_LABELS } from './status-words';
import { errorWords } from '../components/error-words';
import { isRecordChanged } from '../components/record-changed';

const refusal = errorWords;

function useStored(a: Administration) {
  const queryClient = useQueryClient();
  return (next: Administration) => {
    queryClient.setQueryData(['administrations', a.id], next);
    void queryClient.invalidateQueries({ queryKey: ['administrations', 'list'] });
  };
}

export function AdministrationActions({ administration: a }: { administration: Administration }) {
  const stored = useStored(a);
  const queryClient = useQueryClient();
  const [billing, setBilling] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const step = useMutation({
    mutationFn: (status: AdministrationStatus) =>
      call('administrations:setStatus', { id: a.id, status, version: a.version }),
    onSuccess: (next) => {
      stored(next);
      notifications.show({
        color: 'teal',
        title: `Now ${STATUS_LABELS[next.status].toLowerCase()}`,
        message: `${next.drugName} for ${next.patientName} on ${next.dateOfService}`,
      });
    },
    onError: (err) => {
      notifications.show({ color: 'red', title: 'Status not changed', message: refusal(err) });
      // Someone else changed it since this page was read: show what is stored now.
      if (isRecordChanged(err)) void queryClient.invalidateQueries({ queryKey: ['administrations', a.id] });
    },
  });
  const recompute = useMutation({
    mutationFn: () => call('administrations:recompute', { id: a.id }),
    onSuccess: (next) => {
      stored(next);
      notifications.show({
        color: next.estimate ? 'teal' : 'yellow',
        title: 'Estimate recomputed',
        message: next.estimate
          ? `Payer pays ${usdFromFixed(next.estimate.totals.payerPays)}.`
          : (next.estimateRefusal?.message ?? 'No estimate.'),
      });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not recomputed', message: refusal(err) }),
  });

  const missing = a.readiness.items.filter((i) => !i.ok).length;
  const stepButton = (to: AdministrationStatus) => {
    if (to === 'billed') {
      return (
        <Button key={to} onClick={() => setBilling(true)}>
          {STEP_LABELS[to]}
        </Button>
      );
    }
    const blocked = to === 'ready' && !a.readiness.ready;
    const button = (
      <Button
        key={to}
        variant={to === 'draft' ? 'default' : 'filled'}
        color={to === 'denied' ? 'red' : undefined}
        disabled={blocked || step.isPending}
        loading={step.isPending && step.variables === to}
        onClick={() => step.mutate(to)}
      >
        {STEP_LABELS[to]}
      </Button>
    );
    return blocked ? (
      <Tooltip key={to} label={`${missing} missing: see the checklist`}>
        <span>{button}</span>
      </Tooltip>
    ) : (
      button
    );
  };

  return (
    <>
      <Group gap="xs" data-testid="administration-actions">
        {STATUS_STEPS[a.status].map(stepButton)}
        <Button
          variant="light"
          disabled={a.frozen}
          loading={recompute.isPending}
          onClick={() => recompute.mutate()}
          title={a.frozen ? 'The estimate of a billed claim is kept as it was' : undefined}
        >
          Recompute estimate
        </Button>
        {a.frozen ? (
          <Button variant="light" disabled title="A billed claim cannot be changed">
            Edit
          </Button>
        ) : (
          <Button variant="light" component={Link} to={`/administrations/${a.id}/edit`}>
            Edit
          </Button>
        )}
        {a.status === 'draft' && (
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            Delete
          </Button>
        )}
      </Group>

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={billing}
        onClose={() => setBilling(false)}
        title="Mark billed"
      >
        {billing && <MarkBilledForm administration={a} onDone={() => setBilling(false)} />}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={deleting}
        onClose={() => setDeleting(false)}
        title="Delete this administration?"
      >
        {deleting && <DeleteConfirm administration={a} onCancel={() => setDeleting(false)} />}
      </Modal>
    </>
  );
}

/** The claim number goes on first (when new or changed), then the status; the estimate freezes. */
function MarkBilledForm(props: { administration: Administration; onDone: () => void }) {
  const a = props.administration;
  const stored = useStored(a);
  const [claimNumber, setClaimNumber] = useState(a.claimNumber);
  const [error, setError] = useState<ReactNode>(null);
  const bill = useMutation({
    mutationFn: async (number: string) => {
      let version = a.version;
      if (number !== a.claimNumber) {
        const saved = await call('administrations:update', {
          id: a.id,
          version,
          administration: { ...administrationInputOf(a), claimNumber: number },
        });
        stored(saved);
        version = saved.version;
      }
      return call('administrations:setStatus', { id: a.id, status: 'billed', version });
    },
    onSuccess: (next) => {
      stored(next);
      notifications.show({ color: 'teal', title: 'Marked billed', message: `Claim ${next.claimNumber}` });
      props.onDone();
    },
    onError: (err) => setError(refusal(err)),
  });
  return (
    <form
      noValidate
      aria-label="Mark billed"
      onSubmit={(e) => {
        e.preventDefault();
        const number = claimNumber.trim();
        if (number === '') return setError('Enter the claim number the claim went out with.');
        if (number.length > 38) return setError('A claim number is at most 38 characters.');
        setError(null);
        bill.mutate(number);
      }}
    >
      <Stack>
        <Text size="sm">
          Once billed, the estimate is kept as it is now: what was expected when the claim went out. It is no longer
          recomputed and the administration can no longer be edited.
        </Text>
        <TextInput
          label="Claim number"
          required
          data-autofocus
          description="Claim / patient control number"
          value={claimNumber}
          error={error}
          onChange={(e) => {
            setClaimNumber(e.currentTarget.value);
            setError(null);
          }}
        />
        <FormActions submitLabel="Mark billed" busy={bill.isPending} onCancel={props.onDone} />
      </Stack>
    </form>
  );
}

function DeleteConfirm(props: { administration: Administration; onCancel: () => void }) {
  const a = props.administration;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => call('administrations:delete', { id: a.id }),
    onSuccess: (gone) => {
      notifications.show({
        color: 'gray',
        title: 'Administration deleted',
        message: `${gone.drugName} for ${gone.patientName} on ${gone.dateOfService}; its stock went back to lot ${gone.lotNumber}.`,
      });
      void navigate('/administrations');
      queryClient.removeQueries({ queryKey: ['administrations', a.id] });
      void queryClient.invalidateQueries({ queryKey: ['administrations'] });
      void queryClient.invalidateQueries({ queryKey: ['stock'] });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
    },
  });
  return (
    <Stack>
      <Text>
        {a.drugName} for {a.patientName} on {a.dateOfService} will be removed, and the {a.givenQuantity}
        {a.wastedQuantity !== '0' ? ` + ${a.wastedQuantity}` : ''} {a.ndcUnit} it drew go back to lot {a.lotNumber}.
        This cannot be undone.
      </Text>
      {remove.error && (
        <Alert color="red" title="Not deleted" data-testid="administration-delete-refused">
          {refusal(remove.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" data-autofocus onClick={props.onCancel}>
          Keep it
        </Button>
        <Button color="red" loading={remove.isPending} disabled={!!remove.error} onClick={() => remove.mutate()}>
          Delete administration
        </Button>
      </Group>
    </Stack>
  );
}
