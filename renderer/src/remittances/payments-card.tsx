/**
 * Expected versus paid on an administration's page: each claim line's status, what was expected
 * and what the payer allowed and paid, the reasons; the payments that reached it (835s and paper
 * EOBs); posting, correcting or deleting a paper EOB (deleting asks first).
 */
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Administration } from '../../../shared/domain/administration';
import { describeReason } from '../../../shared/domain/adjustment-codes';
import type { RemittanceView } from '../../../shared/domain/remittance';
import { Dec, moneyString, usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { PaperPostingModal, type PostingTarget } from './paper-posting-modal';
import { RemittanceCard } from './remittance-card';
import { LINE_KIND_WORDS, VARIANCE_COLORS, varianceLabel } from './variance-words';
import { invalidatePaymentViews } from './invalidate-payment-views';
import { ExpectedAmount } from '../patients/money-parts';

export function PaymentsCard({ administration: a }: { administration: Administration }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<PostingTarget | null>(null);
  const [deleting, setDeleting] = useState<RemittanceView | null>(null);
  const payments = useQuery({
    queryKey: ['payments', a.id],
    queryFn: () => call('payments:ofAdministration', { administrationId: a.id }),
  });
  const remove = useMutation({
    mutationFn: (r: RemittanceView) => call('payments:delete', { remittanceId: r.id }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: 'The paper EOB was deleted; the line’s variance was worked out again.',
      });
      setDeleting(null);
      invalidatePaymentViews(queryClient);
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not deleted', message: err.message }),
  });
  const lines = payments.data?.lines ?? [];
  const remittances = payments.data?.remittances ?? [];
  const canPost = (a.estimate?.lines.length ?? 0) > 0;

  return (
    <Paper withBorder p="md" data-testid="payments-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Expected and paid</Title>
          <Button
            size="xs"
            variant="light"
            disabled={!canPost}
            onClick={() => setTarget({ administration: a, editing: null })}
          >
            Post a paper EOB
          </Button>
        </Group>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {a.frozen
              ? 'No payment has reached this claim yet.'
              : 'Once the claim is billed, what each line was expected to pay and what it paid show here.'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing={6} aria-label="Expected and paid per claim line">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th
                    ta="right"
                    title="The expected total reimbursement: what the payer pays plus the patient’s share"
                  >
                    Expected
                  </Table.Th>
                  <Table.Th ta="right" title="The allowed amount the contract gives, and what the payer allowed">
                    Allowed
                  </Table.Th>
                  <Table.Th ta="right" title="What the payer paid, and what it was expected to pay">
                    Payer paid
                  </Table.Th>
                  <Table.Th ta="right" title="What the remittance says the patient owes, and what was expected">
                    Patient owes
                  </Table.Th>
                  <Table.Th ta="right">Sequestration</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l) => (
                  <Table.Tr key={l.lineKind} data-testid="variance-line" data-status={l.status}>
                    <Table.Td>
                      {LINE_KIND_WORDS[l.lineKind]}
                      <Text size="xs" c="dimmed" className="mono">
                        {[l.hcpcs, ...l.modifiers].join(' ')}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={130} style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={VARIANCE_COLORS[l.status]} variant="light" data-testid="variance-status">
                        {varianceLabel(l.status)}
                      </Badge>
                      {(l.status === 'underpaid' || l.status === 'overpaid') && (
                        <Text size="xs">by {usdFromFixed(l.variance.replace('-', ''))}</Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <ExpectedAmount
                        expected={moneyString(new Dec(l.expected.paid).plus(new Dec(l.expected.patient)))}
                        payer={l.expected.paid}
                        patient={l.expected.patient}
                        missing=""
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      {l.postedLines === 0 ? '—' : usdFromFixed(l.actual.allowed)}
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        contract {usdFromFixed(l.expected.allowed)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {l.postedLines === 0 ? '—' : usdFromFixed(l.actual.paid)}
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        expected {usdFromFixed(l.expected.paid)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {l.postedLines === 0 ? '—' : usdFromFixed(l.actual.patient)}
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        expected {usdFromFixed(l.expected.patient)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{usdFromFixed(l.actual.sequestration)}</Table.Td>
                    <Table.Td maw={280}>
                      {l.reasons.map((r) => (
                        <Text key={r} size="xs">
                          {describeReason(r)}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {remittances.map((r) => (
          <Stack key={r.id} gap={4}>
            <RemittanceCard remittance={r} />
            {r.source === 'paper' && (
              <Group gap="xs">
                <Button size="compact-sm" variant="light" onClick={() => setTarget({ administration: a, editing: r })}>
                  Correct
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(r)}>
                  Delete
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
      <PaperPostingModal target={target} onClose={() => setTarget(null)} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this paper EOB?">
        <Stack>
          <Text size="sm">
            The payment of {deleting ? usdFromFixed(deleting.payment.amount) : ''} posted on{' '}
            {deleting?.payment.date ?? ''} is removed and the line counts as not paid by it. The deletion is kept in the
            audit log.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
