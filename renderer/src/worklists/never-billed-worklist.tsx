/**
 * Vials bought but never billed: lots used up or expired whose stock no billed administration
 * accounts for, with where it went (given but not billed yet, expired, damaged, returned, or not
 * recorded at all) and what it cost.
 */
import { Anchor, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usdFromFixed } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { NeverBilledLot } from '../../../shared/domain/stock-loss';
import { call } from '../api';
import { ExportButtons } from '../components/export-buttons';
import { usePagedSearch } from '../components/paged-list';
import { WorklistFooter } from './worklist-footer';
import { DateFilters, useWorklistFilter } from './worklist-filters';

/** Where the stock no bill accounts for went, in words, leaving out the parts that are zero. */
function whereItWent(l: NeverBilledLot): string[] {
  const parts: [number, string, string][] = [
    [l.administeredNotBilledMicro, l.administeredNotBilled, 'given, not billed yet'],
    [l.expiredOnShelfMicro, l.expiredOnShelf, 'expired on the shelf'],
    [l.expiredWrittenOffMicro, l.expiredWrittenOff, 'written off as expired'],
    [l.damagedMicro, l.damaged, 'damaged'],
    [l.returnedMicro, l.returned, 'returned (credited)'],
    [l.correctedMicro, l.corrected, 'count corrections'],
    [l.unexplainedMicro, l.unexplained, 'not recorded anywhere'],
  ];
  return parts.filter(([micro]) => micro !== 0).map(([, text, words]) => `${text} ${words}`);
}

export function NeverBilledWorklist() {
  const paged = usePagedSearch();
  const { page, setPage, debounced } = paged;
  const state = useWorklistFilter(() => setPage(1));
  const { payerId: _payer, ...dates } = state.filter;
  const args = { ...dates, ...paged.args };
  const list = useQuery({
    queryKey: ['worklists', 'never-billed', args],
    queryFn: () => call('worklists:neverBilled', args),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  return (
    <Stack>
      <Text c="dimmed" maw={820}>
        Lots used up or expired with stock that no billed claim accounts for: each vial the practice paid for and did
        not bill is money lost, unless it was returned for credit.
      </Text>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-start">
          <TextInput label="Search" placeholder="NDC, lot or drug" w={240} {...paged.searchProps} />
          <DateFilters state={state} what="Invoice" />
        </Group>
        <ExportButtons label="stock never billed" query={{ report: 'never-billed', ...dates, search: debounced }} />
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && list.data.total === 0 ? (
        <Text c="dimmed" data-testid="worklist-stock-empty">
          Every lot used up or expired is accounted for by billed claims.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped aria-label="Stock never billed" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Drug</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Expiry</Table.Th>
                <Table.Th>Invoice</Table.Th>
                <Table.Th ta="right">Received</Table.Th>
                <Table.Th ta="right">Billed</Table.Th>
                <Table.Th>Not billed</Table.Th>
                <Table.Th ta="right">Cost not billed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((l) => (
                <Table.Tr key={l.invoiceLineId} data-testid="worklist-row">
                  <Table.Td>
                    {l.genericName}
                    {l.brandName ? ` (${l.brandName})` : ''}
                    <Text size="xs" c="dimmed">
                      NDC {formatNdc542(l.ndc11)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{l.lotNumber}</Table.Td>
                  <Table.Td>
                    {l.expiryDate}
                    {l.expired && (
                      <Text size="xs" c="red">
                        expired
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${l.invoiceId}`}>
                      {l.invoiceNumber}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {l.supplierName}, {l.invoiceDate}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{l.received}</Table.Td>
                  <Table.Td ta="right">{l.billed}</Table.Td>
                  <Table.Td>
                    {whereItWent(l).map((w) => (
                      <Text key={w} size="xs">
                        {w}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {usdFromFixed(l.unbilledCost)}
                    <Text size="xs" c="dimmed">
                      of {usdFromFixed(l.netCost)}
                    </Text>
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
        noun={['lot', 'lots']}
        testId="worklist-stock-count"
      />
    </Stack>
  );
}
