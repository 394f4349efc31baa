/**
 * What a reference file holds before anything is written: where it was read from and for which
 * release, how many rows it has and how many are refused, what this release changes against the
 * one on file, the first rows as they will be stored and the refused rows with their reasons.
 */
import { Alert, List, Stack, Table, Text } from '@mantine/core';
import type { ReferencePreview } from '../../../shared/api/reference-channels';
import { localTime } from '../components/local-time';
import { count, KIND_WORDS } from './reference-words';

const SHORT_VALUE = 16;

export function ReferencePreviewView({ preview: p }: { preview: ReferencePreview }) {
  const words = KIND_WORDS[p.kind];
  const columns = [...new Set(p.sample.flatMap((r) => Object.keys(r)))];
  return (
    <Stack gap="sm" data-testid="reference-preview">
      <Text size="sm">
        Read from <b>{p.source}</b> · release <b data-testid="reference-preview-release">{p.release}</b>
      </Text>
      <Text fw={600} data-testid="reference-preview-counts">
        {count(p.totalRows, ['row', 'rows'])} read: {p.validRows.toLocaleString('en-US')} can be imported,{' '}
        <Text span inherit c={p.refusedRows > 0 ? 'red.8' : undefined}>
          {p.refusedRows.toLocaleString('en-US')} refused
        </Text>
        .
      </Text>

      {p.replaces && (
        <Alert color="yellow" data-testid="reference-preview-replaces">
          This replaces the {p.release} {words.short} imported on {localTime(p.replaces.importedAt)} from{' '}
          {p.replaces.fileName}.
        </Alert>
      )}

      {p.changes.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            What this release changes
          </Text>
          <List size="sm" spacing={2} data-testid="reference-preview-changes">
            {p.changes.map((c, i) => (
              <List.Item key={i}>{c}</List.Item>
            ))}
          </List>
        </div>
      )}

      {p.sample.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            First rows as they will be stored
          </Text>
          <Table.ScrollContainer minWidth={640} maxHeight={280}>
            <Table striped stickyHeader aria-label="First rows" verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.sample.map((r, i) => (
                  <Table.Tr key={i} data-testid="reference-sample-row">
                    {columns.map((c) => (
                      // NDCs, codes and dates read badly broken over two lines; long text wraps.
                      <Table.Td key={c} className={(r[c] ?? '').length <= SHORT_VALUE ? 'reference-nowrap' : undefined}>
                        {r[c] ?? ''}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}

      {p.errors.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4} c="red.8">
            Refused rows
            {p.errors.length < p.refusedRows ? ` (the first ${p.errors.length.toLocaleString('en-US')})` : ''}
          </Text>
          <Table.ScrollContainer minWidth={560} maxHeight={280}>
            <Table stickyHeader aria-label="Refused rows" verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Row</Table.Th>
                  <Table.Th w={160}>Column</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.errors.map((e, i) => (
                  <Table.Tr key={`${e.row}-${e.column}-${i}`} data-testid="reference-refused-row">
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
    </Stack>
  );
}
