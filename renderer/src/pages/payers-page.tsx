/** Payers: the list, "Add payer" by hand, and "Add from template" (Medicare Part B). */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ArgsIn } from '../../../shared/api/contract';
import { PAYER_TYPE_LABELS, type PayerInput } from '../../../shared/domain/payer';
import { call } from '../api';
import { inForce } from '../../../shared/domain/contract-terms';
import { termsInWords } from '../payers/contract-words';
import { dateOnly, todayIso } from '../payers/form-schema';
import { emptyPayer, PayerForm } from '../payers/payer-form';
import { TemplateForm } from '../payers/template-form';
import { RecordFormModal } from '../components/record-form-modal';

export function PayersPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [adding, setAdding] = useState<'form' | 'template' | null>(null);
  const list = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['payers'] });

  const create = useMutation({
    mutationFn: ({ input }: { input: PayerInput; showError: (e: unknown) => void }) => call('payers:create', input),
    onSuccess: (payer) => {
      notifications.show({ color: 'teal', title: 'Payer added', message: payer.name });
      setAdding(null);
      void refresh();
    },
    onError: (err, { showError }) => showError(err),
  });

  const fromTemplate = useMutation({
    mutationFn: ({ args }: { args: ArgsIn<'payers:createFromTemplate'>; showError: (e: unknown) => void }) =>
      call('payers:createFromTemplate', args),
    onSuccess: ({ payer, contract }) => {
      notifications.show({
        color: 'teal',
        title: 'Payer added',
        message: `${payer.name}: ${contract.label || 'first contract version'} from ${contract.effectiveFrom}`,
      });
      setAdding(null);
      void refresh();
    },
    onError: (err, { showError }) => showError(err),
  });

  const rows = list.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Payers</Title>
        <Group>
          <Button variant="light" onClick={() => setAdding('template')}>
            Add from template
          </Button>
          <Button onClick={() => setAdding('form')}>Add payer</Button>
        </Group>
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && rows.length === 0 ? (
        <Text c="dimmed" data-testid="payers-empty" maw={720}>
          No payers yet. Start with “Add from template” for Medicare Part B (95% of AWP, 20% coinsurance,
          sequestration), or “Add payer” for a commercial plan, Medicare Advantage or Medicaid, then enter its contract
          terms on the payer’s page.
        </Text>
      ) : (
        <Table striped highlightOnHover aria-label="Payers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Payer ID</Table.Th>
              <Table.Th>Requires invoice</Table.Th>
              <Table.Th>Contract versions</Table.Th>
              <Table.Th>All drugs today</Table.Th>
              <Table.Th>Requirements confirmed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr
                key={p.id}
                data-testid="payer-row"
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/payers/${p.id}`)}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/payers/${p.id}`} onClick={(e) => e.stopPropagation()}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{PAYER_TYPE_LABELS[p.payerType]}</Table.Td>
                <Table.Td className="mono">{p.payerCode}</Table.Td>
                <Table.Td>{p.requiresInvoice ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>{p.contractCount}</Table.Td>
                <Table.Td>{p.contractCount > 0 ? <CurrentTerms payerId={p.id} /> : '—'}</Table.Td>
                <Table.Td>
                  {p.profileConfirmedAt ? (
                    dateOnly(p.profileConfirmedAt)
                  ) : (
                    <Badge color="orange" variant="light">
                      Never
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <RecordFormModal record={adding === 'form'} onClose={() => setAdding(null)} title="Add payer" size="xl">
        {() => (
          <PayerForm
            initial={emptyPayer}
            submitLabel="Add payer"
            busy={create.isPending}
            onCancel={() => setAdding(null)}
            onSubmit={(input, showError) => create.mutate({ input, showError })}
          />
        )}
      </RecordFormModal>

      <RecordFormModal
        record={adding === 'template'}
        onClose={() => setAdding(null)}
        title="Add payer from template"
        size="lg"
      >
        {() => (
          <TemplateForm
            busy={fromTemplate.isPending}
            onCancel={() => setAdding(null)}
            onSubmit={(args, showError) => fromTemplate.mutate({ args, showError })}
          />
        )}
      </RecordFormModal>
    </Stack>
  );
}

/** The all-drugs version in force today, in words; the same query the payer's page uses. */
function CurrentTerms({ payerId }: { payerId: number }) {
  const detail = useQuery({ queryKey: ['payers', payerId], queryFn: () => call('payers:get', { id: payerId }) });
  const today = todayIso();
  const current = detail.data?.contracts.find((c) => c.scopeKind === 'all' && inForce(c, today));
  if (!detail.data) return null;
  if (!current) return <Text c="orange">None in force</Text>;
  return (
    <Text size="sm">
      {termsInWords(current)} since <span style={{ whiteSpace: 'nowrap' }}>{current.effectiveFrom}</span>
    </Text>
  );
}
