/**
 * Matching a remittance line by hand: find the administration (patient, claim number, date), pick
 * its claim line (the dose given or the discarded amount), confirm. The variance follows at once.
 */
import { Button, Group, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LineKind } from '../../../shared/domain/remittance';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { LINE_KIND_WORDS } from './variance-words';
import { invalidatePaymentViews } from './invalidate-payment-views';

export type LineToMatch = {
  lineId: number;
  description: string;
  /** What to search for first (the claim number or patient the payer sent). */
  hint: string;
};

export function MatchLineModal(props: { line: LineToMatch | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: number; kind: LineKind } | null>(null);
  const [opened, setOpened] = useState<number | null>(null);
  // A new line to match starts from the payer's own claim number or patient.
  if (props.line && opened !== props.line.lineId) {
    setOpened(props.line.lineId);
    setSearch(props.line.hint);
    setChosen(null);
  }
  const [debounced] = useDebouncedValue(search, 200);
  const found = useQuery({
    queryKey: ['administrations', 'list', 'match', debounced],
    queryFn: () => call('administrations:list', { search: debounced, limit: 20 }),
    enabled: props.line !== null,
  });
  const candidates = useQuery({
    queryKey: ['administrations', chosen?.id],
    queryFn: () => call('administrations:get', { id: chosen?.id as number }),
    enabled: chosen !== null,
  });
  const match = useMutation({
    mutationFn: () =>
      call('remittances:match', {
        lineId: props.line?.lineId as number,
        administrationId: chosen?.id as number,
        lineKind: chosen?.kind ?? 'given',
      }),
    onSuccess: (line) => {
      notifications.show({
        color: 'teal',
        title: 'Matched',
        message: `${props.line?.description ?? 'The line'} now pays ${line.match?.patientName ?? 'the administration'}’s claim.`,
      });
      invalidatePaymentViews(queryClient);
      props.onClose();
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not matched', message: err.message }),
  });
  const kinds = candidates.data?.estimate?.lines.map((l) => l.kind) ?? ['given'];

  return (
    <Modal opened={props.line !== null} onClose={props.onClose} title="Match a remittance line" size="xl">
      <Stack>
        <Text size="sm">{props.line?.description}</Text>
        <TextInput
          label="Find the administration"
          description="Patient name, account, claim number, lot or NDC"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
        />
        <Radio.Group
          value={chosen ? String(chosen.id) : null}
          onChange={(v) => setChosen({ id: Number(v), kind: 'given' })}
          label="Administration"
        >
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {(found.data?.rows ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td w={32}>
                    <Radio
                      value={String(a.id)}
                      aria-label={`${a.patientName}, ${a.dateOfService}, claim ${a.claimNumber || 'none'}`}
                    />
                  </Table.Td>
                  <Table.Td>{a.dateOfService}</Table.Td>
                  <Table.Td>{a.patientName}</Table.Td>
                  <Table.Td>{a.payerName}</Table.Td>
                  <Table.Td className="mono">{a.claimNumber || '—'}</Table.Td>
                  <Table.Td>{a.drugName}</Table.Td>
                  <Table.Td ta="right">{usdFromFixed(a.billedCharge)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Radio.Group>
        {found.isSuccess && found.data.rows.length === 0 && (
          <Text c="dimmed">No administration matches “{debounced}”.</Text>
        )}
        {chosen && kinds.length > 1 && (
          <Radio.Group
            label="Which claim line does it pay?"
            value={chosen.kind}
            onChange={(v) => setChosen({ id: chosen.id, kind: v as LineKind })}
          >
            <Group mt={4}>
              {kinds.map((k) => (
                <Radio key={k} value={k} label={LINE_KIND_WORDS[k]} />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button disabled={chosen === null} loading={match.isPending} onClick={() => match.mutate()}>
            Match
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
