/**
 * Every reference file imported, grouped by kind, newest release first. The newest of each kind
 * is the one the code check uses ("In use"); an FDA directory a newer one replaced keeps only its
 * row count, and says so. A kind with nothing on file says what the app cannot do without it.
 */
import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReferenceImportView } from '../../../shared/api/reference-channels';
import { call } from '../api';
import { localTime } from '../components/local-time';
import { KIND_ORDER, KIND_WORDS, type ReferenceKind } from './reference-words';

const newestFirst = (a: ReferenceImportView, b: ReferenceImportView): number =>
  b.releaseStart.localeCompare(a.releaseStart) || b.createdAt.localeCompare(a.createdAt);

export function ReferenceHistory() {
  const imports = useQuery({ queryKey: ['reference', 'imports'], queryFn: () => call('reference:imports', {}) });
  if (imports.isError) {
    return (
      <Alert color="red" title="The list of imports could not be loaded">
        {imports.error.message}
      </Alert>
    );
  }
  if (!imports.data) return null;
  return (
    <Stack gap="lg">
      {KIND_ORDER.map((kind) => (
        <KindHistory key={kind} kind={kind} rows={imports.data.filter((r) => r.kind === kind).sort(newestFirst)} />
      ))}
    </Stack>
  );
}

function KindHistory({ kind, rows }: { kind: ReferenceKind; rows: ReferenceImportView[] }) {
  const words = KIND_WORDS[kind];
  return (
    <section aria-label={words.title} data-testid={`reference-history-${kind}`}>
      <Title order={4} mb={6}>
        {words.title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="reference-history-empty">
          {words.empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={`${words.title} imports`} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Release</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th ta="right">Rows taken</Table.Th>
                <Table.Th ta="right">Refused</Table.Th>
                <Table.Th>Imported</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="reference-import-row" data-kind={kind}>
                  <Table.Td fw={600}>{r.release}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.fileName}</Table.Td>
                  <Table.Td ta="right">{r.rowsTaken.toLocaleString('en-US')}</Table.Td>
                  <Table.Td ta="right">
                    {r.rowsRefused === 0 ? <Text c="dimmed">None</Text> : r.rowsRefused.toLocaleString('en-US')}
                  </Table.Td>
                  <Table.Td className="reference-nowrap">
                    {localTime(r.createdAt)}
                    <Text size="xs" c="dimmed">
                      by {r.actor}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ImportStatus row={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

/** One status per row: in use, replaced with only its count kept, or an earlier release kept. */
function ImportStatus({ row }: { row: ReferenceImportView }) {
  if (row.current) {
    return (
      <Badge color="teal" variant="light" className="reference-badge" data-testid="reference-in-use">
        In use
      </Badge>
    );
  }
  if (!row.rowsKept) {
    return (
      <Badge
        color="gray"
        variant="light"
        className="reference-badge"
        title="A newer directory replaced it; only its row count is kept."
      >
        Replaced (count kept)
      </Badge>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Earlier release, kept for comparison
    </Text>
  );
}
