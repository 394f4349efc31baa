/**
 * Stock by lot: what each invoice line bought, what administrations and adjustments took out,
 * and what is on hand, in the drug's NDC unit, with its expiry. Filters: every lot with stock
 * (optionally the empty ones too), lots expiring within N days, expired lots, empty lots; a
 * search over drug, NDC and lot. "Adjust" records stock leaving a lot for another reason.
 */
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { Lot, LotStatus } from '../../../shared/domain/stock';
import { call } from '../api';
import { todayIso } from '../payers/form-schema';
import { AdjustLotForm } from '../stock/adjust-lot-form';
import { daysLeftText, STATUS_COLORS, STATUS_LABELS } from '../stock/expiry-text';
import { ListFooter } from '../components/list-footer';

const PAGE_SIZE = 200;
type StatusFilter = 'all' | Exclude<LotStatus, 'ok'>;

export function StockPage() {
  // Home's "lots expiring in 30 days" opens the list filtered: ?status=expiring&days=30.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<StatusFilter>(() => {
    const s = params.get('status');
    return s === 'expiring' || s === 'expired' || s === 'empty' ? s : 'all';
  });
  const [daysText, setDaysText] = useState(() => {
    const d = params.get('days');
    return d !== null && /^\d{1,4}$/.test(d) ? d : '60';
  });
  const [includeEmpty, setIncludeEmpty] = useState(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [page, setPage] = useState(1);
  const [adjusting, setAdjusting] = useState<Lot | null>(null);

  const daysValid = /^\d{1,4}$/.test(daysText) && Number(daysText) <= 3650;
  const [days] = useDebouncedValue(daysValid ? Number(daysText) : 60, 300);
  const list = useQuery({
    queryKey: ['stock', 'list', status, days, includeEmpty, debounced, page],
    queryFn: () =>
      call('stock:list', {
        status,
        expiringWithinDays: days,
        includeEmpty: includeEmpty || status === 'empty',
        search: debounced,
        today: todayIso(),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const nothingAtAll = list.isSuccess && total === 0 && status === 'all' && !debounced;

  return (
    <Stack>
      <Title order={2}>Stock</Title>
      <Group align="flex-end" gap="md">
        <SegmentedControl
          aria-label="Lot status"
          value={status}
          onChange={(v) => {
            setStatus(v as StatusFilter);
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'All lots' },
            { value: 'expiring', label: 'Expiring' },
            { value: 'expired', label: 'Expired' },
            { value: 'empty', label: 'Empty' },
          ]}
        />
        <TextInput
          label="Expiring within (days)"
          w={190}
          value={daysText}
          error={daysValid ? undefined : 'A number of days, 0 to 3650.'}
          onChange={(e) => {
            setDaysText(e.currentTarget.value);
            setPage(1);
          }}
        />
        <TextInput
          label="Search"
          placeholder="Drug, NDC or lot"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        {status === 'all' && (
          <Checkbox
            mb={8}
            label="Include empty lots"
            checked={includeEmpty}
            onChange={(e) => {
              setIncludeEmpty(e.currentTarget.checked);
              setPage(1);
            }}
          />
        )}
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {nothingAtAll ? (
        <Text c="dimmed" data-testid="stock-empty" maw={720}>
          No stock yet. Lots come from invoices: enter a distributor invoice under{' '}
          <Anchor component={Link} to="/invoices/new">
            Invoices
          </Anchor>{' '}
          and each of its lines shows here with its lot, expiry and quantity on hand.
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover aria-label="Lots">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Drug</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Expiry</Table.Th>
                  <Table.Th ta="right">Purchased</Table.Th>
                  <Table.Th ta="right">Used</Table.Th>
                  <Table.Th ta="right">Adjusted</Table.Th>
                  <Table.Th ta="right">On hand</Table.Th>
                  <Table.Th>Invoice</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((lot) => (
                  <Table.Tr key={lot.invoiceLineId} data-testid="lot-row">
                    <Table.Td>
                      <Text size="sm">{lot.drugName}</Text>
                      <Text size="xs" c="dimmed" className="mono">
                        {formatNdc542(lot.ndc11)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="mono">{lot.lotNumber}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{lot.expiryDate}</Text>
                        <Badge size="sm" variant="light" color={STATUS_COLORS[lot.status]}>
                          {STATUS_LABELS[lot.status]}
                        </Badge>
                      </Group>
                      <Text size="xs" c={lot.daysToExpiry < 0 ? 'red' : 'dimmed'}>
                        {daysLeftText(lot.daysToExpiry)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {lot.purchased} {lot.ndcUnit}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {lot.used} {lot.ndcUnit}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {lot.adjusted} {lot.ndcUnit}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="lot-on-hand">
                      {lot.onHand} {lot.ndcUnit}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${lot.invoiceId}`} size="sm">
                        {lot.supplierName} · {lot.invoiceNumber}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {lot.invoiceDate}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`Adjust lot ${lot.lotNumber}`}
                        onClick={() => setAdjusting(lot)}
                      >
                        Adjust
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length === 0 && list.isSuccess && <Text c="dimmed">No lot matches these filters.</Text>}
          <ListFooter
            total={total}
            noun={['lot', 'lots']}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            testId="lots-count"
          />
        </>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={adjusting !== null}
        onClose={() => setAdjusting(null)}
        title="Adjust stock"
        size="lg"
      >
        {adjusting && (
          <AdjustLotForm lot={adjusting} onCancel={() => setAdjusting(null)} onDone={() => setAdjusting(null)} />
        )}
      </Modal>
    </Stack>
  );
}
