/**
 * Volume and revenue by drug over time: per month of service, how many administrations were billed
 * (bars) and the reimbursement expected and paid for them (lines), every drug added together; the
 * table lists each month and drug.
 */
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportFilterInput, VolumeRowView } from '../../../shared/api/report-channels';
import { usdFromFixed } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { AXIS_TICK, CHART_COLORS, exactUsd, LEGEND_STYLE, legendText, TOOLTIP_STYLE } from './chart-parts';
import {
  axisCount,
  axisUsd,
  chartHeight,
  monthLabel,
  monthsOfChart,
  monthTotals,
  shortMonthLabel,
  sumAmounts,
} from './report-format';
import { noBilledLines, ReportSection } from './report-section';

export function VolumeReport({ filter }: { filter: ReportFilterInput }) {
  const report = useQuery({
    queryKey: ['reports', 'volume', filter],
    queryFn: () => call('reports:volume', filter),
  });
  const rows = report.data?.rows ?? [];
  return (
    <ReportSection
      testId="volume"
      chartSpan={4}
      title="Volume and revenue by drug"
      sentence="How many administrations of each drug were billed in each month of service, and the reimbursement expected and paid for them."
      exportQuery={{ report: 'volume', ...filter, search: '' }}
      exportLabel="volume and revenue"
      state={report}
      empty={rows.length === 0}
      emptyText={noBilledLines(filter.payerId !== undefined)}
      chartLabel="Chart: administrations billed (bars) and reimbursement expected and paid (lines), by month of service, all drugs added together"
      chart={<VolumeChart rows={rows} filter={filter} />}
      table={<VolumeTable rows={rows} />}
      notes={
        <Text size="xs" c="dimmed">
          Reimbursement is what the payer and the patient together are expected to pay, and have paid so far.
        </Text>
      }
    />
  );
}

function VolumeChart({ rows, filter }: { rows: VolumeRowView[]; filter: ReportFilterInput }) {
  const months = monthsOfChart(
    rows.map((r) => r.month),
    filter.from,
    filter.to,
  );
  const data = monthTotals(rows, months, (month, ofMonth) => {
    const expectedText = sumAmounts(ofMonth.map((r) => r.expectedRevenue));
    const revenueText = sumAmounts(ofMonth.map((r) => r.revenue));
    return {
      month,
      administrations: ofMonth.reduce((n, r) => n + r.administrations, 0),
      expected: chartHeight(expectedText),
      expectedText,
      revenue: chartHeight(revenueText),
      revenueText,
    };
  });
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart data={data} accessibilityLayer margin={{ top: 8, right: 0, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={shortMonthLabel} tick={AXIS_TICK} interval="equidistantPreserveStart" />
        <YAxis yAxisId="usd" tickFormatter={axisUsd} tick={AXIS_TICK} width={64} />
        <YAxis
          yAxisId="count"
          orientation="right"
          allowDecimals={false}
          tickFormatter={axisCount}
          tick={AXIS_TICK}
          width={40}
        />
        <Tooltip formatter={exactUsd} labelFormatter={(m) => monthLabel(String(m))} contentStyle={TOOLTIP_STYLE} />
        <Legend formatter={legendText} wrapperStyle={LEGEND_STYLE} />
        <Bar
          isAnimationActive={false}
          yAxisId="count"
          dataKey="administrations"
          name="Administrations"
          fill={CHART_COLORS.count}
          barSize={18}
        />
        <Line
          isAnimationActive={false}
          yAxisId="usd"
          dataKey="expected"
          name="Expected reimbursement"
          stroke={CHART_COLORS.expected}
          strokeWidth={2}
          strokeDasharray="5 4"
        />
        <Line
          isAnimationActive={false}
          yAxisId="usd"
          dataKey="revenue"
          name="Reimbursement paid"
          stroke={CHART_COLORS.paid}
          strokeWidth={2}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

function VolumeTable({ rows }: { rows: VolumeRowView[] }) {
  const count = (pick: (r: VolumeRowView) => number) => rows.reduce((n, r) => n + pick(r), 0).toLocaleString('en-US');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped fz="sm" aria-label="Volume and revenue by month and drug">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            <Table.Th>Drug</Table.Th>
            <Table.Th ta="right">Administrations</Table.Th>
            <Table.Th ta="right" title="Billing units on the claim lines">
              Units
            </Table.Th>
            <Table.Th ta="right">Billed</Table.Th>
            <Table.Th ta="right" title="Reimbursement expected from payer and patient">
              Expected
            </Table.Th>
            <Table.Th ta="right" title="Reimbursement paid so far by payer and patient">
              Paid
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.month}-${r.ndc11}`} data-testid="volume-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthLabel(r.month)}</Table.Td>
              <Table.Td>
                {r.drugName}
                <Text
                  component="span"
                  display="block"
                  size="xs"
                  c="dimmed"
                  className="mono"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  NDC {formatNdc542(r.ndc11)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{r.administrations.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{r.units.toLocaleString('en-US')}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(r.billed)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(r.expectedRevenue)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(r.revenue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {rows.length > 1 && (
          <Table.Tfoot>
            <Table.Tr fw={700} data-testid="volume-total">
              <Table.Td colSpan={2}>Total</Table.Td>
              <Table.Td ta="right">{count((r) => r.administrations)}</Table.Td>
              <Table.Td ta="right">{count((r) => r.units)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(sumAmounts(rows.map((r) => r.billed)))}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(sumAmounts(rows.map((r) => r.expectedRevenue)))}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(sumAmounts(rows.map((r) => r.revenue)))}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
