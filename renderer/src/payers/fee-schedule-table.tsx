/** A payer's fee schedule entries: searchable by code, paged, with the import wizard one click away. */
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { ImportWizard } from '../imports/import-wizard';
import { usdAmount } from './contract-words';
import { PagedList, usePagedSearch } from '../components/paged-list';

export function FeeScheduleTable({ payerId, payerName }: { payerId: number; payerName: string }) {
  const paged = usePagedSearch();
  const [importing, setImporting] = useState(false);
  const list = useQuery({
    queryKey: ['feeSchedule', payerId, paged.debounced, paged.page],
    queryFn: () => call('feeSchedule:list', { payerId, ...paged.args }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput
          placeholder="Search by HCPCS code or NDC"
          aria-label="Search fee schedule"
          {...paged.searchProps}
          w={320}
        />
        <Button onClick={() => setImporting(true)}>Import fee schedule</Button>
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      <PagedList
        paged={paged}
        list={list}
        noMatch="No entry matches"
        noun={['entry', 'entries']}
        countTestId="fee-schedule-count"
        empty={
          <Text c="dimmed" data-testid="fee-schedule-empty">
            No fee schedule for {payerName} yet. Import the payer’s file (CSV or XLSX) with “Import fee schedule”;
            contract versions with the “Fee schedule rate” basis read these rates.
          </Text>
        }
      >
        <Table striped aria-label="Fee schedule">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Rate</Table.Th>
              <Table.Th>Per</Table.Th>
              <Table.Th>Effective</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="fee-schedule-row">
                <Table.Td className="mono">
                  {r.codeKind === 'ndc' && r.code.length === 11 ? `NDC ${formatNdc542(r.code)}` : r.code}
                </Table.Td>
                <Table.Td>{usdAmount(r.rate)}</Table.Td>
                <Table.Td>
                  {r.perAmount} {r.perUnit}
                </Table.Td>
                <Table.Td>
                  {r.effectiveFrom} – {r.effectiveTo ?? 'open'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </PagedList>
      <ImportWizard
        opened={importing}
        kind="fee-schedule"
        payerId={payerId}
        title={`Import fee schedule for ${payerName}`}
        onClose={() => setImporting(false)}
      />
    </Stack>
  );
}
