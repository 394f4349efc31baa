/**
 * Code transitions (issue 13 item 6): every drug billed under J3490 or another NOC code, when and
 * how much (administrations, billed, expected), the specific code that covers it now or will, and
 * per drug the checklist of moving to it, with who ticked each item and when. Drugs still billed
 * under the NOC code after their specific code took effect come first. Exports as CSV or XLSX.
 */
import { Badge, Stack, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TransitionRow } from '../../../shared/api/reference-channels';
import { usdFromFixed } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { TransitionChecklist } from '../code-check/transition-checklist';
import { transitionDrugName, transitionStatus } from '../code-check/transition-status';
import { ExportButtons } from '../components/export-buttons';

export function TransitionsPage() {
  const list = useQuery({ queryKey: ['transitions', 'list'], queryFn: () => call('transitions:list', {}) });
  const rows = list.data ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Code transitions</Title>
        <ExportButtons
          label="code transitions"
          fetchFile={(format) => call('transitions:export', { format })}
          disabled={rows.length === 0}
        />
      </Group>
      <Text c="dimmed" maw={820}>
        Every drug billed under J3490 or another unclassified code, ready to bill or later, with the specific code that
        covers it now or soon. Tick each step of the move as it is done.
      </Text>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && rows.length === 0 ? (
        <Text c="dimmed" data-testid="transitions-empty">
          No drug has gone out under an unclassified code yet. A drug shows here once a claim for it under J3490 (or
          J3590, J9999, J7999, C9399) is ready to bill or billed.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Code transitions" fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Drug</Table.Th>
                <Table.Th>Billed under</Table.Th>
                <Table.Th ta="right">Billed</Table.Th>
                <Table.Th>Specific code</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {rows.map((row) => (
              <TransitionRows key={row.ndc11} row={row} />
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One drug: its figures on the first line, the checklist of its move across the second. */
function TransitionRows({ row }: { row: TransitionRow }) {
  const status = transitionStatus(row);
  const code = row.specificCode;
  const joined = { borderBottom: 'none', verticalAlign: 'top' } as const;
  return (
    <Table.Tbody data-testid="transition-row" data-ndc={row.ndc11}>
      <Table.Tr style={{ borderBottom: 'none' }}>
        <Table.Td style={joined}>
          <Text size="sm" fw={600}>
            {transitionDrugName(row)}
          </Text>
          <Text size="xs" c="dimmed" className="mono">
            NDC {formatNdc542(row.ndc11)}
          </Text>
        </Table.Td>
        <Table.Td style={joined} data-testid="transition-noc">
          <Text size="sm" fw={600}>
            {row.nocCodes.join(', ')}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {row.firstDateOfService === row.lastDateOfService
              ? row.firstDateOfService
              : `${row.firstDateOfService} to ${row.lastDateOfService}`}
          </Text>
          <Text size="xs" c="dimmed">
            {row.administrations.toLocaleString('en-US')}{' '}
            {row.administrations === 1 ? 'administration' : 'administrations'}
          </Text>
        </Table.Td>
        <Table.Td style={joined} ta="right">
          <Text size="sm">{usdFromFixed(row.billed)}</Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            expected {usdFromFixed(row.expected)}
          </Text>
        </Table.Td>
        <Table.Td style={joined} maw={280} data-testid="transition-code">
          {code ? (
            <>
              <Text size="sm">
                <Text span fw={700}>
                  {code.hcpcs}
                </Text>{' '}
                {code.descriptor}
              </Text>
              <Text size="xs" c="dimmed">
                {code.effectiveFrom ? `From ${code.effectiveFrom}` : 'Effective date not on file'}
                {code.effectiveFrom && !code.effectiveFromConfirmed ? ' (not confirmed by a CMS file)' : ''}
                {code.billingUnit ? ` · per ${code.billingUnit}` : ''}
              </Text>
            </>
          ) : (
            <Text size="xs" c="dimmed">
              None on file
            </Text>
          )}
        </Table.Td>
        <Table.Td style={joined} maw={260}>
          <Badge
            color={status.color}
            variant="light"
            radius="sm"
            data-testid="transition-status"
            // Long states ("In force — still billing J3490") wrap rather than end in an ellipsis.
            styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', lineHeight: 1.4 } }}
          >
            {status.label}
          </Badge>
          {status.detail && (
            <Text size="xs" c="dimmed" mt={4}>
              {status.detail}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Td colSpan={5} pt={0}>
          <TransitionChecklist row={row} />
        </Table.Td>
      </Table.Tr>
    </Table.Tbody>
  );
}
