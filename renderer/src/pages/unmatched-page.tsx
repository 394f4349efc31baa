/** Remittance lines no administration is matched to yet, with why, and matching them by hand. */
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { ListFooter } from '../components/list-footer';
import { LIST_PAGE_SIZE, usePagedSearch } from '../components/paged-list';
import { ExportButtons } from '../components/export-buttons';
import { MatchLineModal, type LineToMatch } from '../remittances/match-line-modal';
import { DateFilters, PayerFilter, useWorklistFilter } from '../worklists/worklist-filters';

/** The page, or (embedded) the same list as a tab of Worklists without its own heading. */
export function UnmatchedPage(props: { embedded?: boolean }) {
  const paged = usePagedSearch();
  const state = useWorklistFilter(() => paged.setPage(1));
  const [matching, setMatching] = useState<LineToMatch | null>(null);
  const list = useQuery({
    queryKey: ['remittances', 'unmatched', paged.args, state.filter],
    queryFn: () => call('remittances:unmatched', { ...paged.args, ...state.filter }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  return (
    <Stack>
      {!props.embedded && (
        <>
          <Anchor component={Link} to="/remittances" size="sm">
            ← Remittances
          </Anchor>
          <Title order={2}>Unmatched remittance lines</Title>
        </>
      )}
      <Text c="dimmed" maw={760}>
        Payments the app could not tie to a claim line by itself: match each to its administration, and what it paid
        counts from then on.
      </Text>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-start">
          <TextInput label="Search" placeholder="Claim number, patient or code" w={260} {...paged.searchProps} />
          <PayerFilter state={state} />
          <DateFilters state={state} what="Service" />
        </Group>
        <ExportButtons
          label="unmatched lines"
          query={{ report: 'unmatched', ...state.filter, search: paged.args.search }}
        />
      </Group>
      {list.isSuccess && list.data.total === 0 ? (
        <Text c="dimmed" data-testid="unmatched-none">
          Every remittance line is matched.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped aria-label="Unmatched remittance lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Claim number</Table.Th>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Payer</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Date of service</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.lineId} data-testid="unmatched-row">
                  <Table.Td className="mono">{r.patientControlNumber || '—'}</Table.Td>
                  <Table.Td>{r.patient || '—'}</Table.Td>
                  <Table.Td>
                    {r.payerName}
                    <Text size="xs" c="dimmed">
                      {r.fileName ?? 'paper'} · {r.paymentDate ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td className="mono">{[r.code || '(claim)', ...r.modifiers].join(' ')}</Table.Td>
                  <Table.Td>{r.dateOfService ?? '—'}</Table.Td>
                  <Table.Td ta="right">{usdFromFixed(r.paid)}</Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm">{r.reason}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={`Match the line of claim ${r.patientControlNumber}`}
                      onClick={() =>
                        setMatching({
                          lineId: r.lineId,
                          description: `${[r.code, ...r.modifiers].join(' ')} on ${r.dateOfService ?? 'no date'}, claim ${r.patientControlNumber}, paid ${usdFromFixed(r.paid)}`,
                          hint: r.patient.split(',')[0] ?? r.patientControlNumber,
                        })
                      }
                    >
                      Match…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > LIST_PAGE_SIZE && (
        <ListFooter
          total={list.data.total}
          page={paged.page}
          pageSize={LIST_PAGE_SIZE}
          onPage={paged.setPage}
          noun={['line', 'lines']}
        />
      )}
      <MatchLineModal line={matching} onClose={() => setMatching(null)} />
    </Stack>
  );
}
