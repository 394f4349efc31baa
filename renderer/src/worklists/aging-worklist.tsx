/**
 * Unpaid claim lines by age since billing (0–30, 31–60, 61–90, over 90 days), oldest first, with
 * the last day the payer's timely filing limit allows, so a claim the payer never received can
 * still be sent again in time.
 */
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { ExportButtons } from '../components/export-buttons';
import { LIST_PAGE_SIZE } from '../components/paged-list';
import { PatientClaimCell } from './patient-claim-cell';
import { WorklistFooter } from './worklist-footer';
import { DateFilters, PayerFilter, useWorklistFilter } from './worklist-filters';

/** The fewest days since billing of each bucket, to list only that bucket and older. */
const BUCKET_MIN_AGE = [0, 31, 61, 91] as const;

function FilingDay(props: { ends: string | null; daysLeft: number | null }) {
  if (props.ends === null || props.daysLeft === null) {
    return (
      <Text size="xs" c="dimmed">
        No limit in the payer’s profile
      </Text>
    );
  }
  const color = props.daysLeft < 0 ? 'red' : props.daysLeft <= 30 ? 'orange' : 'gray';
  const words =
    props.daysLeft < 0
      ? `passed ${-props.daysLeft} ${props.daysLeft === -1 ? 'day' : 'days'} ago`
      : `${props.daysLeft} ${props.daysLeft === 1 ? 'day' : 'days'} left`;
  return (
    <Stack gap={0}>
      <Text size="sm">{props.ends}</Text>
      <Badge size="xs" color={color} variant="light" tt="none">
        {words}
      </Badge>
    </Stack>
  );
}

export function AgingWorklist() {
  const [page, setPage] = useState(1);
  // Home's "unpaid past 60 days" opens the list with ?olderThan=60.
  const [params] = useSearchParams();
  const [minAge, setMinAge] = useState<number>(() => {
    const days = params.get('olderThan');
    return days !== null && /^\d{1,4}$/.test(days) ? Number(days) + 1 : 0;
  });
  const state = useWorklistFilter(() => setPage(1));
  const args = {
    ...state.filter,
    ...(minAge > 0 ? { minAgeDays: minAge } : {}),
    limit: LIST_PAGE_SIZE,
    offset: (page - 1) * LIST_PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['worklists', 'aging', args],
    queryFn: () => call('worklists:aging', args),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  return (
    <Stack>
      <Text c="dimmed" maw={820}>
        Billed claim lines no payment has reached yet, by days since the claim went out. Follow up on the oldest first;
        a claim the payer never received must be sent again before its timely filing limit.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {(list.data?.buckets ?? []).map((b, i) => {
          const selected = minAge > 0 && minAge === BUCKET_MIN_AGE[i];
          return (
            <UnstyledButton
              key={b.bucket}
              onClick={() => {
                setMinAge(selected ? 0 : BUCKET_MIN_AGE[i]!);
                setPage(1);
              }}
              aria-pressed={selected}
              aria-label={`${b.bucket}: ${b.lines} lines, ${usdFromFixed(b.expectedPaid)} expected from payers. Show this age and older.`}
            >
              <Card withBorder padding="sm" bg={selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Text size="sm" c="dimmed">
                  {b.bucket}
                </Text>
                <Text fw={700} size="lg" data-testid="aging-bucket-lines">
                  {b.lines.toLocaleString('en-US')} {b.lines === 1 ? 'line' : 'lines'}
                </Text>
                <Text size="sm">{usdFromFixed(b.expectedPaid)} expected from payers</Text>
              </Card>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      {minAge > 0 && (
        <Text size="sm">
          Showing lines billed {minAge} days ago or more.{' '}
          <Anchor
            component="button"
            size="sm"
            onClick={() => {
              setMinAge(0);
              setPage(1);
            }}
          >
            Show all
          </Anchor>
        </Text>
      )}
      <Group align="flex-end" justify="space-between">
        <Group align="flex-start">
          <PayerFilter state={state} />
          <DateFilters state={state} what="Service" />
        </Group>
        <ExportButtons label="unpaid lines" query={{ report: 'aging', ...state.filter, search: '' }} />
      </Group>
      {list.isSuccess && list.data.total === 0 ? (
        <Text c="dimmed" data-testid="worklist-aging-empty">
          No unpaid claim lines{Object.keys(state.filter).length || minAge ? ' match these filters' : ''}.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Unpaid claim lines by age" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Age</Table.Th>
                <Table.Th>Billed on</Table.Th>
                <Table.Th>Date of service</Table.Th>
                <Table.Th>Patient and claim</Table.Th>
                <Table.Th>Line</Table.Th>
                <Table.Th
                  ta="right"
                  title="What the payer was expected to pay for this line (the patient’s share is billed to the patient)"
                >
                  Expected from payer
                </Table.Th>
                <Table.Th>Timely filing ends</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.administrationId}-${r.lineKind}`} data-testid="worklist-row">
                  <Table.Td>
                    {r.ageDays} {r.ageDays === 1 ? 'day' : 'days'}
                    <Text size="xs" c="dimmed">
                      {r.bucket}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.billedOn}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.dateOfService}</Table.Td>
                  <PatientClaimCell {...r} />
                  <Table.Td>
                    {[r.hcpcs, ...r.modifiers].join(' ')}
                    <Text size="xs" c="dimmed">
                      {r.drugName}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{usdFromFixed(r.expectedPaid)}</Table.Td>
                  <Table.Td>
                    <FilingDay ends={r.timelyFilingEnds} daysLeft={r.timelyFilingDaysLeft} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <WorklistFooter
        total={list.data?.total}
        page={page}
        onPage={setPage}
        noun={['unpaid line', 'unpaid lines']}
        testId="worklist-aging-count"
      />
    </Stack>
  );
}
