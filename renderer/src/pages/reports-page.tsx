/**
 * Reports for finance staff (issue 12, item 7): expected against paid, margin, volume and days to
 * payment, each a chart with the table of the same rows beside it and its exports. One filter bar
 * (payer, dates of service from and to) applies to all four; the dates open on the last twelve
 * months. A date that is not a real day says so beside its field and is not applied.
 */
import { Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportFilterInput } from '../../../shared/api/report-channels';
import { call } from '../api';
import { DateFilter } from '../components/date-filter';
import { DaysToPaymentReport } from '../reports/days-to-payment-report';
import { ExpectedVsPaidReport } from '../reports/expected-vs-paid-report';
import { MarginReport } from '../reports/margin-report';
import { defaultReportDates } from '../reports/report-dates';
import { VolumeReport } from '../reports/volume-report';

const REPORTS = [
  { value: 'expected-vs-paid', label: 'Expected against paid' },
  { value: 'margin', label: 'Margin' },
  { value: 'volume', label: 'Volume and revenue' },
  { value: 'days-to-payment', label: 'Days to payment' },
] as const;
type ReportTab = (typeof REPORTS)[number]['value'];

export function ReportsPage() {
  // The open report is in the address (?report=margin), so Back and a bookmark return to it.
  const [params, setParams] = useSearchParams();
  const tab: ReportTab = REPORTS.find((r) => r.value === params.get('report'))?.value ?? 'expected-vs-paid';
  const [initial] = useState(() => defaultReportDates(new Date()));
  const [payerId, setPayerId] = useState<string | null>(null);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);

  const payers = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  // The date filters hold only whole dates (DateFilter applies a date once it reads as a day).
  const backwards = from !== '' && to !== '' && to < from;
  const filter: ReportFilterInput = {
    ...(payerId ? { payerId: Number(payerId) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };

  return (
    <Stack>
      <Title order={2}>Reports</Title>
      <Text c="dimmed" maw={760}>
        Every report counts the claim lines billed, by date of service, for the payer and dates chosen here. Each
        exports its rows as CSV or XLSX with the same choices.
      </Text>
      <SimpleGrid cols={3} spacing="sm" maw={760}>
        <Select
          label="Payer"
          clearable
          placeholder="All payers"
          data={(payers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={payerId}
          onChange={setPayerId}
        />
        <DateFilter label="From" value={from} onApply={setFrom} />
        <DateFilter label="To" value={to} onApply={setTo} error={backwards ? 'Before the From date' : undefined} />
      </SimpleGrid>

      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'expected-vs-paid' ? { report: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {REPORTS.map((r) => (
            <Tabs.Tab key={r.value} value={r.value}>
              {r.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="expected-vs-paid">
          <ExpectedVsPaidReport filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="margin">
          <MarginReport filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="volume">
          <VolumeReport filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="days-to-payment">
          <DaysToPaymentReport filter={filter} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
