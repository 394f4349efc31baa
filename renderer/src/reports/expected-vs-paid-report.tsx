/**
 * Expected against paid by month of service: the chart adds up every payer of a month; the table
 * lists each month and payer. "Paid less expected" sets payments against what was expected of the
 * lines they reached, so a line still waiting for its payment never reads as short.
 */
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ExpectedVsPaidRowView, ReportFilterInput } from '../../../shared/api/report-channels';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { ExpectedPaidChart } from '../home/expected-paid-chart';
import { monthLabel, monthsOfChart, monthTotals, sumAmounts } from './report-format';
import { noBilledLines, ReportSection } from './report-section';

export function ExpectedVsPaidReport({ filter }: { filter: ReportFilterInput }) {
  const report = useQuery({
    queryKey: ['reports', 'expectedVsPaid', filter],
    queryFn: () => call('reports:expectedVsPaid', filter),
  });
  const rows = report.data?.rows ?? [];
  return (
    <ReportSection
      testId="expected-vs-paid"
      chartSpan={5}
      title="Expected against paid"
      sentence="What each payer was expected to pay for the drugs billed in each month of service, against what it has paid so far."
      exportQuery={{ report: 'expected-vs-paid', ...filter, search: '' }}
      exportLabel="expected against paid"
      state={report}
      empty={rows.length === 0}
      emptyText={noBilledLines(filter.payerId !== undefined)}
      chartLabel="Bar chart: expected from payers and paid, by month of service, all payers shown added together"
      chart={<MonthChart rows={rows} filter={filter} />}
      table={<MonthPayerTable rows={rows} />}
      notes={
        <Text size="xs" c="dimmed">
          Expected from payer is what the payers were expected to pay on every billed line, without the patients’
          shares. Paid less expected compares each payment with what the payer was expected to pay on the lines it paid,
          so lines still waiting for payment are not counted as short.
        </Text>
      }
    />
  );
}

function MonthChart({ rows, filter }: { rows: ExpectedVsPaidRowView[]; filter: ReportFilterInput }) {
  const months = monthsOfChart(
    rows.map((r) => r.month),
    filter.from,
    filter.to,
  );
  const totals = monthTotals(rows, months, (month, ofMonth) => ({
    month,
    expectedPaid: sumAmounts(ofMonth.map((r) => r.expectedPaid)),
    paid: sumAmounts(ofMonth.map((r) => r.paid)),
  }));
  return <ExpectedPaidChart months={totals} height={320} />;
}

function MonthPayerTable({ rows }: { rows: ExpectedVsPaidRowView[] }) {
  const total = {
    lines: rows.reduce((n, r) => n + r.lines, 0),
    paidLines: rows.reduce((n, r) => n + r.paidLines, 0),
    deniedLines: rows.reduce((n, r) => n + r.deniedLines, 0),
    expectedPaid: sumAmounts(rows.map((r) => r.expectedPaid)),
    paid: sumAmounts(rows.map((r) => r.paid)),
    difference: sumAmounts(rows.map((r) => r.difference)),
    underpaid: sumAmounts(rows.map((r) => r.underpaid)),
  };
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped fz="sm" aria-label="Expected against paid by month and payer">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th>Payer</Table.Th>
            <Table.Th ta="right">Lines</Table.Th>
            <Table.Th
              ta="right"
              title="What the payer was expected to pay on every billed line (the patient’s share is not in it)"
            >
              Expected from payer
            </Table.Th>
            <Table.Th ta="right">Paid</Table.Th>
            <Table.Th ta="right" title="Paid less what was expected on the lines a payment reached">
              Paid less expected
            </Table.Th>
            <Table.Th ta="right" title="How far the lines paid below their contract fell short">
              Underpaid
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.month}-${r.payerId}`} data-testid="expected-vs-paid-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthLabel(r.month)}</Table.Td>
              <Table.Td>{r.payerName}</Table.Td>
              <Table.Td ta="right">
                <LineCounts lines={r.lines} paid={r.paidLines} denied={r.deniedLines} />
              </Table.Td>
              <Table.Td ta="right">{usdFromFixed(r.expectedPaid)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(r.paid)}</Table.Td>
              <Table.Td ta="right" c={r.difference.startsWith('-') ? 'red.8' : undefined}>
                {usdFromFixed(r.difference)}
              </Table.Td>
              <Table.Td ta="right">{usdFromFixed(r.underpaid)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {rows.length > 1 && (
          <Table.Tfoot>
            <Table.Tr fw={700} data-testid="expected-vs-paid-total">
              <Table.Td colSpan={2}>Total</Table.Td>
              <Table.Td ta="right">
                <LineCounts lines={total.lines} paid={total.paidLines} denied={total.deniedLines} />
              </Table.Td>
              <Table.Td ta="right">{usdFromFixed(total.expectedPaid)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(total.paid)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(total.difference)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(total.underpaid)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/** "3" with "1 paid · 1 denied" under it. */
function LineCounts({ lines, paid, denied }: { lines: number; paid: number; denied: number }) {
  const detail = [paid > 0 ? `${paid} paid` : '', denied > 0 ? `${denied} denied` : ''].filter(Boolean).join(' · ');
  return (
    <>
      {lines.toLocaleString('en-US')}
      {detail && (
        <Text component="span" display="block" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {detail}
        </Text>
      )}
    </>
  );
}
