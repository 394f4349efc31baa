/** A payer's fee schedule entries: searchable by code, paged, with the import wizard one click away. */
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { ImportWizard } from '../imports/import-wizard';
import { usdAmount } from './contract-words';
import { ListFooter } from '../components/list-footer';

const PAGE_SIZE = 50;

export function FeeScheduleTable({ payerId, payerName }: { payerId: number; payerName: string }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const list = useQuery({
    queryKey: ['feeSchedule', payerId, debounced, page],
    queryFn: () =>
      call('feeSchedule:list', { payerId, search: debounced, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput
          placeholder="Search by HCPCS code or NDC"
          aria-label="Search fee schedule"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Button onClick={() => setImporting(true)}>Import fee schedule</Button>
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && total === 0 && !debounced ? (
        <Text c="dimmed" data-testid="fee-schedule-empty">
          No fee schedule for {payerName} yet. Import the payer’s file (CSV or XLSX) with “Import fee schedule”;
          contract versions with the “Fee schedule rate” basis read these rates.
        </Text>
      ) : (
        <>
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
          {rows.length === 0 && debounced && <Text c="dimmed">No entry matches “{debounced}”.</Text>}
          <ListFooter
            total={total}
            noun={['entry', 'entries']}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            testId="fee-schedule-count"
          />
        </>
      )}
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
