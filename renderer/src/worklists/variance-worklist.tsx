/**
 * The underpaid and denied worklists: claim lines whose payment fell short of (or never came
 * against) what the contract says, with the reasons in words, how the expected amount was
 * reached (the estimate's own steps for that line), and the appeal letter as a PDF.
 */
import { Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { describeReason } from '../../../shared/domain/adjustment-codes';
import { traceOfLine } from '../../../shared/domain/line-trace';
import { usdFromFixed } from '../../../shared/domain/money';
import type { LineVarianceView } from '../../../shared/domain/remittance';
import { call } from '../api';
import { administrationRecord } from '../administrations/administration-record';
import { downloadBase64 } from '../attachments/save-documents';
import { ExportButtons } from '../components/export-buttons';
import { recordQuery } from '../components/record-page';
import { LIST_PAGE_SIZE } from '../components/paged-list';
import { LINE_KIND_WORDS } from '../remittances/variance-words';
import { PatientClaimCell } from './patient-claim-cell';
import { WorklistFooter } from './worklist-footer';
import { DateFilters, PayerFilter, useWorklistFilter } from './worklist-filters';
import { localTime } from '../components/local-time';
import { expectedTotal } from '../../../shared/domain/expected-total';

export function VarianceWorklist(props: { status: 'underpaid' | 'denied' }) {
  const [page, setPage] = useState(1);
  const state = useWorklistFilter(() => setPage(1));
  const [open, setOpen] = useState<string | null>(null);
  const args = { status: props.status, ...state.filter, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE };
  const list = useQuery({
    queryKey: ['variance', 'list', args],
    queryFn: () => call('variance:list', args),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const denied = props.status === 'denied';
  return (
    <Stack>
      <Text c="dimmed" maw={820}>
        {denied
          ? 'Claim lines the payer paid nothing on, with its reason codes in words: correct and resubmit, or appeal.'
          : 'Claim lines the payer allowed below what its contract says, by more than the tolerance in Settings. Each shows how the expected amount is reached; the appeal letter puts it in writing for the payer.'}
      </Text>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-start">
          <PayerFilter state={state} />
          <DateFilters state={state} what="Service" />
        </Group>
        <ExportButtons
          label={denied ? 'denied lines' : 'underpaid lines'}
          query={{ report: 'variance', status: props.status, ...state.filter, search: '' }}
        />
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && list.data.total === 0 ? (
        <Text c="dimmed" data-testid={`worklist-${props.status}-empty`}>
          {denied ? 'No denied claim lines' : 'No underpaid claim lines'}
          {Object.keys(state.filter).length ? ' match these filters.' : '.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={denied ? 'Denied claim lines' : 'Underpaid claim lines'} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date of service</Table.Th>
                <Table.Th>Patient and claim</Table.Th>
                <Table.Th>Line</Table.Th>
                <Table.Th ta="right" title="The allowed amount the payer’s contract gives for this line">
                  Contract allows
                </Table.Th>
                <Table.Th ta="right" title="What the payer allowed on the remittance, and what it paid">
                  Payer allowed (paid)
                </Table.Th>
                <Table.Th ta="right" title={denied ? 'What the payer was expected to pay for this line' : undefined}>
                  {denied ? 'Expected from payer' : 'Short by'}
                </Table.Th>
                <Table.Th>Reasons</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const key = `${r.administrationId}-${r.lineKind}`;
                return (
                  <Fragment key={key}>
                    <Table.Tr data-testid="worklist-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.dateOfService}</Table.Td>
                      <PatientClaimCell {...r} />
                      <Table.Td>
                        {[r.hcpcs, ...r.modifiers].join(' ')}
                        <Text size="xs" c="dimmed">
                          {r.drugName} · {LINE_KIND_WORDS[r.lineKind]}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{usdFromFixed(r.expected.allowed)}</Table.Td>
                      <Table.Td ta="right">
                        {usdFromFixed(r.actual.allowed)}
                        <Text size="xs" c="dimmed">
                          paid {usdFromFixed(r.actual.paid)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {usdFromFixed(denied ? r.expected.paid : r.variance)}
                      </Table.Td>
                      <Table.Td maw={200}>
                        {r.reasons.length === 0 ? (
                          <Text size="xs" c="dimmed">
                            Only the contractual adjustment
                          </Text>
                        ) : (
                          r.reasons.map((reason) => (
                            <Text key={reason} size="xs">
                              {describeReason(reason)}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <AppealButton administrationId={r.administrationId} />
                          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === key ? null : key)}>
                            {open === key ? 'Hide' : 'How expected'}
                          </Button>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                    {open === key && (
                      <Table.Tr>
                        <Table.Td colSpan={8}>
                          <ExpectedSteps line={r} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WorklistFooter
        total={list.data?.total}
        page={page}
        onPage={setPage}
        noun={['claim line', 'claim lines']}
        testId={`worklist-${props.status}-count`}
      />
    </Stack>
  );
}

/** The estimate's own steps for one line: the contract terms and prices that give the expected amount. */
function ExpectedSteps(props: { line: LineVarianceView }) {
  const a = useQuery(recordQuery(administrationRecord, props.line.administrationId));
  if (!a.data) return <Text size="sm">Reading the estimate…</Text>;
  const steps = a.data.estimate ? traceOfLine(a.data.estimate.trace, props.line.lineKind) : [];
  return (
    <Stack gap={4} data-testid="expected-steps">
      <Text size="sm" fw={600}>
        How the expected amount was computed (estimate of{' '}
        {a.data.estimateAt ? localTime(a.data.estimateAt) : 'the billing'})
      </Text>
      <List size="sm" spacing={2}>
        {steps.map((s, i) => (
          <List.Item key={i}>{s}</List.Item>
        ))}
      </List>
      <Group gap="xs">
        <Badge variant="light" tt="none" data-testid="expected-total-badge">
          Expected {usdFromFixed(expectedTotal(props.line.expected.paid, props.line.expected.patient))}: payer{' '}
          {usdFromFixed(props.line.expected.paid)} + patient {usdFromFixed(props.line.expected.patient)}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          Paid {usdFromFixed(props.line.actual.paid)}
        </Badge>
        {props.line.actual.sequestration !== '0.00' && (
          <Badge variant="light" color="gray" tt="none">
            Sequestration {usdFromFixed(props.line.actual.sequestration)}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

function AppealButton(props: { administrationId: number }) {
  const letter = useMutation({
    mutationFn: () => call('worklists:appealLetter', { administrationId: props.administrationId }),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.contentBase64, 'application/pdf');
      notifications.show({ color: 'green', message: `${file.fileName} downloaded.` });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  return (
    <Button size="compact-xs" variant="light" loading={letter.isPending} onClick={() => letter.mutate()}>
      Appeal letter
    </Button>
  );
}
