/**
 * Administrations: each dose given, newest first, with what it was billed, what the payer is
 * expected to pay, its claim status and whether it is ready to bill (or how many things are
 * missing, listed in a tooltip). Filters: payer, status, readiness, date of service from/to and a
 * search; sortable by date, patient, billed and status; 50 to a page.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  ADMINISTRATION_STATUSES,
  FROZEN_STATUSES,
  type AdministrationListQuery,
  type AdministrationStatus,
} from '../../../shared/domain/administration';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { usdRate } from '../invoices/money-text';
import { OutOfDateBanner } from '../administrations/out-of-date-banner';
import { ReadinessBadge } from '../administrations/readiness-checklist';
import { STATUS_COLORS, STATUS_LABELS } from '../administrations/status-words';
import { DateFilter } from '../components/date-filter';
import { ListFooter } from '../components/list-footer';
import { ExpectedAmount } from '../patients/money-parts';

const PAGE_SIZE = 50;
type SortKey = NonNullable<AdministrationListQuery['sortBy']>;
type Readiness = NonNullable<AdministrationListQuery['readiness']>;

export function AdministrationsPage() {
  const navigate = useNavigate();
  // Home's links open the list already filtered (?status=ready&noAttachment=1, ?readiness=not-ready).
  const [params] = useSearchParams();
  const [payerId, setPayerId] = useState<string | null>(null);
  const [status, setStatus] = useState<AdministrationStatus | null>(() => {
    const s = params.get('status');
    return ADMINISTRATION_STATUSES.find((x) => x === s) ?? null;
  });
  const [readiness, setReadiness] = useState<Readiness>(() => {
    const r = params.get('readiness');
    return r === 'ready' || r === 'not-ready' ? r : 'all';
  });
  const [noAttachment, setNoAttachment] = useState(params.get('noAttachment') === '1');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [sortBy, setSortBy] = useState<SortKey>('dateOfService');
  const [sortDir, setSortDir] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);

  const payers = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  // The date filters hold only whole dates (DateFilter applies a date once it reads as a day).
  const query: AdministrationListQuery = {
    ...(payerId ? { payerId: Number(payerId) } : {}),
    ...(status ? { status } : {}),
    readiness,
    ...(noAttachment ? { noAttachment: true } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    search: debounced,
    sortBy,
    sortDir,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({
    queryKey: ['administrations', 'list', query],
    queryFn: () => call('administrations:list', query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const filtered = Boolean(payerId || status || readiness !== 'all' || noAttachment || from || to || debounced);
  const filter =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(1);
    };

  const sortHeader = (key: SortKey, label: string, align?: 'right') => (
    <Table.Th ta={align} aria-sort={sortBy === key ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        className="sortable-header"
        style={{ font: 'inherit' }}
        onClick={() => {
          if (sortBy === key) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
          else {
            setSortBy(key);
            // Newest and largest first is what a biller usually wants; names A→Z.
            setSortDir(key === 'patient' || key === 'status' ? 'asc' : 'desc');
          }
          setPage(1);
        }}
      >
        {label} {sortBy === key ? (sortDir === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Administrations</Title>
        <Button component={Link} to="/administrations/new">
          Record administration
        </Button>
      </Group>

      <OutOfDateBanner />

      {noAttachment && (
        <Group gap="xs">
          <Badge variant="light" size="lg" tt="none">
            Only those with no cost attachment yet
          </Badge>
          <Button variant="subtle" size="xs" onClick={() => filter(setNoAttachment)(false)}>
            Show all
          </Button>
        </Group>
      )}

      {/* Fields of their own widths that wrap onto a second line rather than squeeze or overflow. */}
      <Group gap="sm" align="flex-start" wrap="wrap" data-testid="administration-filters">
        <TextInput
          w={340}
          label="Search"
          placeholder="Patient, account, lot, claim or NDC"
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
        />
        <Select
          w={220}
          label="Payer"
          clearable
          placeholder="All payers"
          data={(payers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={payerId}
          onChange={filter(setPayerId)}
        />
        <Select
          w={180}
          label="Status"
          clearable
          placeholder="Any status"
          data={ADMINISTRATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => filter(setStatus)(v as AdministrationStatus | null)}
        />
        <DateFilter w={170} label="From" value={from} onApply={filter(setFrom)} />
        <DateFilter w={170} label="To" value={to} onApply={filter(setTo)} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="readiness-filter-label">
            Checklist
          </Text>
          <SegmentedControl
            aria-labelledby="readiness-filter-label"
            data={[
              { value: 'all', label: 'All' },
              { value: 'ready', label: 'Complete' },
              { value: 'not-ready', label: 'Missing' },
            ]}
            value={readiness}
            onChange={(v) => filter(setReadiness)(v as Readiness)}
          />
        </Stack>
      </Group>

      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && total === 0 && !filtered ? (
        <Text c="dimmed" data-testid="administrations-empty" maw={720}>
          No administrations yet. Record each dose with “Record administration”: the patient, the lot it came from, the
          dose given and any waste. The claim lines (with the N4 string and JW/JZ), the expected payment and what is
          still missing before it can be billed show as you type.
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover fz="sm" aria-label="Administrations">
              <Table.Thead>
                <Table.Tr>
                  {sortHeader('dateOfService', 'Date of service')}
                  {sortHeader('patient', 'Patient')}
                  <Table.Th>Payer</Table.Th>
                  <Table.Th>Drug</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Code</Table.Th>
                  {sortHeader('billed', 'Billed', 'right')}
                  <Table.Th
                    ta="right"
                    title="The expected total reimbursement: what the payer pays plus the patient’s share"
                  >
                    Expected
                  </Table.Th>
                  {sortHeader('status', 'Status')}
                  <Table.Th>Checklist</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr
                    key={a.id}
                    data-testid="administration-row"
                    style={{ cursor: 'pointer' }}
                    onClick={() => void navigate(`/administrations/${a.id}`)}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/administrations/${a.id}`} onClick={(e) => e.stopPropagation()}>
                        {a.dateOfService}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.patientName}</Table.Td>
                    <Table.Td>{a.payerName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.drugName}</Text>
                      <Text size="xs" c="dimmed" className="mono">
                        {formatNdc542(a.ndc11)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="mono">{a.lotNumber}</Table.Td>
                    <Table.Td>{a.hcpcs}</Table.Td>
                    <Table.Td ta="right">{usdRate(a.billedCharge)}</Table.Td>
                    <Table.Td ta="right">
                      <ExpectedAmount
                        expected={a.expected}
                        payer={a.expectedPayer}
                        patient={a.expectedPatient}
                        missing="No estimate: open the administration to see why"
                      />
                      {a.estimateStale && (
                        <Badge
                          ml={6}
                          size="xs"
                          color="yellow"
                          variant="light"
                          data-testid="out-of-date-badge"
                          title="Prices or terms changed after this estimate: recompute it"
                        >
                          Out of date
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={STATUS_COLORS[a.status]} variant="light" data-testid="status-badge">
                        {STATUS_LABELS[a.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
                      {FROZEN_STATUSES.includes(a.status) ? (
                        <Text c="dimmed" size="sm" aria-label="No checklist once billed">
                          —
                        </Text>
                      ) : (
                        <ReadinessBadge ready={a.ready} missing={a.missing} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length === 0 && list.isSuccess && (
            <Text c="dimmed" data-testid="administrations-none-match">
              No administration matches these filters.
            </Text>
          )}
          <ListFooter
            total={total}
            noun={['administration', 'administrations']}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            testId="administrations-count"
          />
        </>
      )}
    </Stack>
  );
}
