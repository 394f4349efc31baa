/**
 * What the newest HCPCS update and crosswalk changed against the release before each: codes added
 * and ended, and the drugs of the practice's catalog that this touches. The first release of a
 * kind has nothing to compare with, and says so (the HCPCS update still lists the codes it ends).
 */
import { Alert, Card, List, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { QuarterSummary } from '../../../shared/api/reference-channels';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { KIND_WORDS } from './reference-words';

type SummaryKind = QuarterSummary['kind'];

export function QuarterSummaries() {
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
      <SummaryCard kind="hcpcs" />
      <SummaryCard kind="crosswalk" />
    </SimpleGrid>
  );
}

function SummaryCard({ kind }: { kind: SummaryKind }) {
  const words = KIND_WORDS[kind];
  const summary = useQuery({
    queryKey: ['reference', 'quarterSummary', kind],
    queryFn: () => call('reference:quarterSummary', { kind }),
  });
  const s = summary.data;
  return (
    <Card withBorder data-testid={`quarter-summary-${kind}`}>
      <Stack gap="sm">
        <Title order={4}>{words.title}</Title>
        {summary.isError && <Alert color="red">{summary.error.message}</Alert>}
        {s && s.release === null && (
          <Text c="dimmed" size="sm">
            No {words.short} on file yet, so there is nothing to compare.
          </Text>
        )}
        {s && s.release !== null && (
          <>
            <Text size="sm">
              {s.previousRelease ? (
                <>
                  Release <b>{s.release}</b> compared with <b>{s.previousRelease}</b>.
                </>
              ) : (
                <>
                  Release <b>{s.release}</b> is the first {words.short} on file: there is no earlier one to compare it
                  with.
                </>
              )}
            </Text>
            {kind === 'hcpcs' && <HcpcsChanges summary={s} />}
            <OurDrugs summary={s} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function HcpcsChanges({ summary: s }: { summary: QuarterSummary }) {
  const first = s.previousRelease === null;
  return (
    <>
      {!first && (
        <CodeTable
          title="Codes added"
          empty="No code was added."
          dateLabel="Effective"
          rows={s.added.map((a) => ({ code: a.hcpcs, descriptor: a.descriptor, date: a.effectiveFrom }))}
        />
      )}
      <CodeTable
        title={first ? 'Codes this update lists as ended' : 'Codes ended'}
        empty={first ? 'This update lists no ended code.' : 'No code ended.'}
        dateLabel="Last day"
        rows={s.terminated.map((t) => ({ code: t.hcpcs, descriptor: t.descriptor, date: t.terminatedOn }))}
      />
    </>
  );
}

function CodeTable(props: {
  title: string;
  empty: string;
  dateLabel: string;
  rows: { code: string; descriptor: string; date: string | null }[];
}) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {props.title}
        {props.rows.length > 0 ? ` (${props.rows.length.toLocaleString('en-US')})` : ''}
      </Text>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={240}>
          <Table aria-label={props.title} verticalSpacing={4} fz="sm" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Code</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th w={110}>{props.dateLabel}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rows.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td fw={600}>{r.code}</Table.Td>
                  <Table.Td>{r.descriptor}</Table.Td>
                  <Table.Td>{r.date ?? <Text c="dimmed">Not given</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </div>
  );
}

function OurDrugs({ summary: s }: { summary: QuarterSummary }) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        Drugs of ours affected
      </Text>
      {s.ourDrugs.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="our-drugs-none">
          None of the drugs in your catalog is affected.
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {s.ourDrugs.map((d) => (
            <List.Item key={`${d.ndc11}-${d.hcpcs}-${d.change}`}>
              <b>{d.drugName}</b>{' '}
              <Text span size="xs" c="dimmed">
                NDC {formatNdc542(d.ndc11)}
              </Text>
              : {d.change}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
