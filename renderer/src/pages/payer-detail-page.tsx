/**
 * One payer: its contract terms as a timeline (add, edit, delete versions), its requirements
 * profile (edit, then "Confirm requirements" records today), its fee schedule (search, import),
 * and deleting the payer.
 */
import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Contract, ContractInput } from '../../../shared/domain/contract-terms';
import { PAYER_TYPE_LABELS, type Payer, type PayerInput } from '../../../shared/domain/payer';
import { call } from '../api';
import { ContractForm, contractInputFromForm, contractToForm, newContractForm } from '../payers/contract-form';
import { ContractTimeline } from '../payers/contract-timeline';
import { versionInWords } from '../payers/contract-words';
import { FeeScheduleTable } from '../payers/fee-schedule-table';
import { dateOnly, withoutPrefix } from '../payers/form-schema';
import { PayerForm, payerToForm } from '../payers/payer-form';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal';
import { BackToList, recordKind, useRecordQuery } from '../components/record-page';
import { RecordFormModal } from '../components/record-form-modal';
import { useSaveRecord } from '../components/use-save-record';

type Tab = 'contracts' | 'requirements' | 'fee-schedule';

const payerRecord = recordKind('payer', 'a', 'payers', (id) => call('payers:get', { id }));

export function PayerDetailPage() {
  const { data, fallback } = useRecordQuery(payerRecord);
  const [tab, setTab] = useState<Tab>('contracts');

  if (!data) return fallback;
  const { payer, contracts } = data;

  return (
    <Stack>
      <BackToList kind={payerRecord} size="sm" />
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{payer.name}</Title>
          <Badge variant="light">{PAYER_TYPE_LABELS[payer.payerType]}</Badge>
          {payer.payerCode && (
            <Text c="dimmed" className="mono">
              Payer ID {payer.payerCode}
            </Text>
          )}
        </Group>
        <DeletePayerButton payer={payer} versions={contracts.length} />
      </Group>
      {payer.profileConfirmedAt ? (
        <Text size="sm" data-testid="profile-confirmed">
          Requirements confirmed on {dateOnly(payer.profileConfirmedAt)}.
        </Text>
      ) : (
        <Alert color="yellow" title="Requirements never confirmed" data-testid="profile-unconfirmed">
          <Group justify="space-between">
            <Text size="sm">
              Check the invoice, units, NDC qualifiers, JW/JZ and narrative rules with the payer (provider manual or
              rep) before sending J3490 claims, then press “Confirm requirements”.
            </Text>
            {tab !== 'requirements' && (
              <Button size="compact-sm" variant="light" color="yellow" onClick={() => setTab('requirements')}>
                Review requirements
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'contracts')}>
        <Tabs.List>
          <Tabs.Tab value="contracts">Contract terms ({contracts.length})</Tabs.Tab>
          <Tabs.Tab value="requirements">Requirements profile</Tabs.Tab>
          <Tabs.Tab value="fee-schedule">Fee schedule</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contracts" pt="md">
          <ContractsSection payer={payer} contracts={contracts} />
        </Tabs.Panel>
        <Tabs.Panel value="requirements" pt="md">
          <RequirementsSection payer={payer} />
        </Tabs.Panel>
        <Tabs.Panel value="fee-schedule" pt="md">
          <FeeScheduleTable payerId={payer.id} payerName={payer.name} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function RequirementsSection({ payer }: { payer: Payer }) {
  const queryClient = useQueryClient();
  // A new key after each save or discard starts the form again from what is stored.
  const [generation, setGeneration] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['payers'] });

  const save = useMutation({
    mutationFn: ({ input }: { input: PayerInput; showError: (e: unknown) => void }) =>
      call('payers:update', { ...input, id: payer.id, version: payer.version }),
    onSuccess: (p) => {
      notifications.show({ color: 'teal', title: 'Requirements saved', message: p.name });
      void refresh();
    },
    onError: (err, { showError }) => showError(err),
  });
  const confirm = useMutation({
    mutationFn: () => call('payers:confirmProfile', { id: payer.id }),
    onSuccess: (p) => {
      notifications.show({
        color: 'teal',
        title: 'Requirements confirmed',
        message: `${p.name}: confirmed on ${dateOnly(p.profileConfirmedAt ?? '')}`,
      });
      void refresh();
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not confirmed', message: (err as Error).message }),
  });

  return (
    <PayerForm
      // Reload after RECORD_CHANGED reads the payer again: its new version starts the form afresh.
      key={`${payer.version}-${generation}`}
      onReload={() => queryClient.refetchQueries({ queryKey: ['payers'] })}
      initial={payerToForm(payer)}
      editing
      submitLabel="Save requirements"
      cancelLabel="Discard changes"
      busy={save.isPending}
      onCancel={() => setGeneration((g) => g + 1)}
      onSubmit={(input, showError) => save.mutate({ input, showError })}
      footer={({ dirty }) => (
        <>
          <Button
            variant="light"
            color="teal"
            disabled={dirty}
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
          >
            Confirm requirements
          </Button>
          <Text size="sm" c="dimmed">
            {dirty
              ? 'Save or discard your changes first.'
              : payer.profileConfirmedAt
                ? `Last confirmed on ${dateOnly(payer.profileConfirmedAt)}.`
                : 'Records that you checked these with the payer today.'}
          </Text>
        </>
      )}
    />
  );
}

function ContractsSection({ payer, contracts }: { payer: Payer; contracts: Contract[] }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contract | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['payers'] });
  // After RECORD_CHANGED: the contract version as stored now, in the form (keyed by its version).
  const reloadContract = async (id: number) => {
    const fresh = (await call('payers:get', { id: payer.id })).contracts.find((c) => c.id === id);
    if (!fresh) throw new Error('This contract version was deleted by someone else.');
    setEditing(fresh);
    void refresh();
  };

  const save = useSaveRecord({
    editing,
    create: (input: ContractInput) => call('contracts:create', input),
    update: (input: ContractInput, c) => call('contracts:update', { id: c.id, version: c.version, terms: input }),
    titles: ['Contract version added', 'Contract version saved'],
    message: versionInWords,
    onSaved: () => {
      setEditing(null);
      void refresh();
    },
    refusal: (err) => withoutPrefix(err, 'terms.'),
  });

  const restore = useMutation({
    mutationFn: (c: Contract) => call('contracts:create', contractInputFromForm(contractToForm(c), c.payerId)),
    onSuccess: (c) => {
      notifications.show({ color: 'teal', message: `The version from ${c.effectiveFrom} is back.` });
      void refresh();
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Could not undo', message: (err as Error).message }),
  });

  const remove = useMutation({
    mutationFn: (c: Contract) => call('contracts:delete', { id: c.id }),
    onSuccess: (c) => {
      setDeleting(null);
      void refresh();
      const nid = notifications.show({
        color: 'gray',
        title: 'Contract version deleted',
        autoClose: 10_000,
        message: (
          <Group justify="space-between">
            <Text size="sm">{versionInWords(c)}</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                notifications.hide(nid);
                restore.mutate(c);
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not deleted', message: (err as Error).message }),
  });

  return (
    <>
      <ContractTimeline
        contracts={contracts}
        onAdd={() => setEditing('new')}
        onEdit={setEditing}
        onDelete={setDeleting}
      />
      <RecordFormModal
        record={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add contract version' : 'Edit contract version'}
        size="xl"
      >
        {(version) => (
          <ContractForm
            key={version === 'new' ? 'new' : version.version}
            payerId={payer.id}
            initial={version === 'new' ? newContractForm(payer.payerType) : contractToForm(version)}
            others={contracts.filter((c) => version === 'new' || c.id !== version.id)}
            submitLabel={version === 'new' ? 'Add version' : 'Save changes'}
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            onReload={version === 'new' ? undefined : () => reloadContract(version.id)}
            onSubmit={(input, showError) => save.mutate({ input, showError })}
          />
        )}
      </RecordFormModal>
      <ConfirmDeleteModal
        opened={deleting !== null}
        title="Delete this contract version?"
        confirmLabel="Delete version"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        {deleting && (
          <>
            <Text>{versionInWords(deleting)}</Text>
            <Text size="sm" c="dimmed">
              Estimates for dates of service in its span will no longer use it. You can undo this right after.
            </Text>
          </>
        )}
      </ConfirmDeleteModal>
    </>
  );
}

function DeletePayerButton({ payer, versions }: { payer: Payer; versions: number }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => call('payers:delete', { id: payer.id }),
    onSuccess: (p) => {
      setOpen(false);
      notifications.show({ color: 'gray', title: 'Payer deleted', message: `${p.name} was removed.` });
      void navigate('/payers');
      queryClient.removeQueries({ queryKey: ['payers', payer.id] });
      void queryClient.invalidateQueries({ queryKey: ['payers', 'list'] });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not deleted', message: (err as Error).message }),
  });
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Delete payer
      </Button>
      <ConfirmDeleteModal
        opened={open}
        title="Delete this payer?"
        confirmLabel="Delete payer"
        busy={remove.isPending}
        onClose={() => setOpen(false)}
        onConfirm={() => remove.mutate()}
      >
        <Text>
          {payer.name} will be removed with its {versions} contract {versions === 1 ? 'version' : 'versions'}, its
          requirements profile and its fee schedule. This cannot be undone.
        </Text>
      </ConfirmDeleteModal>
    </>
  );
}
