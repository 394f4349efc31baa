/** CMS payment limits (ASP and NOC pricing files): search by HCPCS or name, filter by quarter, paged. */
import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { PaymentLimit } from '../../../shared/domain/drug-price';
import { call } from '../api';
import { usdAmount } from '../payers/contract-words';
import { quarterOptions } from './quarters';
import { ListFooter } from '../components/list-footer';

const PAGE_SIZE = 50;
const SOURCE_LABELS: Record<PaymentLimit['source'], string> = { asp: 'ASP file', noc: 'NOC file', manual: 'Entered' };

export function PaymentLimitRows({ rows }: { rows: PaymentLimit[] }) {
  return (
    <Table striped aria-label="CMS payment limits">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Quarter</Table.Th>
          <Table.Th>HCPCS</Table.Th>
          <Table.Th>Drug</Table.Th>
          <Table.Th>Dosage</Table.Th>
          <Table.Th>Payment limit</Table.Th>
          <Table.Th>Source</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id} data-testid="payment-limit-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.quarter}</Table.Td>
            <Table.Td className="mono">{r.hcpcs}</Table.Td>
            <Table.Td>
              {r.drugName || r.description}
              {r.drugName && r.description && (
                <Text size="xs" c="dimmed">
                  {r.description}
                </Text>
              )}
              {r.notes && (
                <Text size="xs" c="dimmed">
                  {r.notes}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {r.dosageText}
              {r.dosageUnit === null && (
                <Badge ml={6} size="xs" color="orange" variant="light" title="The dosage is not a plain amount">
                  needs a quantity
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{usdAmount(r.paymentLimit)}</Table.Td>
            <Table.Td>{SOURCE_LABELS[r.source]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PaymentLimitsTable() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [quarter, setQuarter] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const quarters = useMemo(() => quarterOptions(), []);
  const list = useQuery({
    queryKey: ['paymentLimits', debounced, quarter ?? '', page],
    queryFn: () =>
      call('paymentLimits:list', {
        search: debounced,
        quarter: quarter ?? '',
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <Group>
        <TextInput
          placeholder="Search by HCPCS code or drug name"
          aria-label="Search payment limits"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <Select
          aria-label="Quarter"
          placeholder="All quarters"
          searchable
          clearable
          data={quarters}
          value={quarter}
          onChange={(q) => {
            setQuarter(q);
            setPage(1);
          }}
          w={180}
        />
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && total === 0 && !debounced && !quarter ? (
        <Text c="dimmed" data-testid="payment-limits-empty">
          No CMS payment limits yet. Import the quarterly ASP and NOC pricing files from cms.gov with the buttons above.
        </Text>
      ) : (
        <>
          <PaymentLimitRows rows={rows} />
          {rows.length === 0 && <Text c="dimmed">No payment limit matches.</Text>}
          <ListFooter
            total={total}
            noun={['payment limit', 'payment limits']}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            testId="payment-limits-count"
          />
        </>
      )}
    </Stack>
  );
}
