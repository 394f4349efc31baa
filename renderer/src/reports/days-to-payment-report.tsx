/**
 * Days to payment by payer: from the day a claim was billed to the date of its payment, over the
 * claim lines a payment has reached, with how many were paid within 30, 60 and 90 days.
 */
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DaysToPaymentRowView, ReportFilterInput } from '../../../shared/api/report-channels';
import { call } from '../api';
import { AXIS_TICK, CHART_COLORS, LEGEND_STYLE, legendText, TOOLTIP_STYLE } from './chart-parts';
import { axisName } from './report-format';
import { ReportSection } from './report-section';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

const days = (n: number): string =>
  `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${n === 1 ? 'day' : 'days'}`;

export function DaysToPaymentReport({ filter }: { filter: ReportFilterInput }) {
  const report = useQuery({
    queryKey: ['reports', 'daysToPayment', filter],
    queryFn: () => call('reports:daysToPayment', filter),
  });
  const rows = report.data?.rows ?? [];
  return (
    <ReportSection
      testId="days-to-payment"
      chartSpan={4}
      title="Days to payment by payer"
      sentence="How long each payer takes to pay: the days from the day a claim was billed to the date of its payment, for the claim lines paid so far."
      exportQuery={{ report: 'days-to-payment', ...filter, search: '' }}
      exportLabel="days to payment"
      state={report}
      empty={rows.length === 0}
      emptyText={`No paid claim lines ${filter.payerId !== undefined ? 'for this payer ' : ''}in these dates yet. A line counts here once a payment from an imported 835 or a paper EOB has been posted to it.`}
      chartLabel="Bar chart: average days from billing to payment, by payer"
      chart={<DaysChart rows={rows} />}
      table={<DaysTable rows={rows} />}
    />
  );
}

function DaysChart({ rows }: { rows: DaysToPaymentRowView[] }) {
  const data = rows.map((r) => ({ label: r.payerName, averageDays: r.averageDays }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(200, 48 * data.length + 80)}>
      <BarChart data={data} layout="vertical" accessibilityLayer margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={(n: number) => days(n)} tick={AXIS_TICK} />
        <YAxis
          type="category"
          dataKey="label"
          tickFormatter={(v) => axisName(String(v))}
          tick={AXIS_TICK}
          width={130}
        />
        <Tooltip formatter={(v) => days(Number(v))} contentStyle={TOOLTIP_STYLE} />
        <Legend formatter={legendText} wrapperStyle={LEGEND_STYLE} />
        <Bar
          isAnimationActive={false}
          dataKey="averageDays"
          name="Average days to payment"
          fill={CHART_COLORS.count}
          barSize={22}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

function DaysTable({ rows }: { rows: DaysToPaymentRowView[] }) {
  const sum = (pick: (r: DaysToPaymentRowView) => number) =>
    rows.reduce((n, r) => n + pick(r), 0).toLocaleString('en-US');
  return (
    <>
      <Table.ScrollContainer minWidth={620}>
        <Table striped fz="sm" aria-label="Days to payment by payer">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Payer</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                Lines paid
              </Table.Th>
              <Table.Th ta="right">Average</Table.Th>
              <Table.Th ta="right">Longest</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                0–30 days
              </Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                31–60 days
              </Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                61–90 days
              </Table.Th>
              <Table.Th ta="right" style={NOWRAP}>
                Over 90 days
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.payerId} data-testid="days-to-payment-row">
                <Table.Td>{r.payerName}</Table.Td>
                <Table.Td ta="right">{r.paidLines.toLocaleString('en-US')}</Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {days(r.averageDays)}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {days(r.longestDays)}
                </Table.Td>
                <Table.Td ta="right">{r.within30.toLocaleString('en-US')}</Table.Td>
                <Table.Td ta="right">{r.within60.toLocaleString('en-US')}</Table.Td>
                <Table.Td ta="right">{r.within90.toLocaleString('en-US')}</Table.Td>
                <Table.Td ta="right" c={r.over90 > 0 ? 'red.8' : undefined}>
                  {r.over90.toLocaleString('en-US')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {rows.length > 1 && (
            <Table.Tfoot>
              <Table.Tr fw={700} data-testid="days-to-payment-total">
                <Table.Td>All payers</Table.Td>
                <Table.Td ta="right">{sum((r) => r.paidLines)}</Table.Td>
                <Table.Td ta="right" title="Each payer’s average is in its own row">
                  —
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {days(Math.max(...rows.map((r) => r.longestDays)))}
                </Table.Td>
                <Table.Td ta="right">{sum((r) => r.within30)}</Table.Td>
                <Table.Td ta="right">{sum((r) => r.within60)}</Table.Td>
                <Table.Td ta="right">{sum((r) => r.within90)}</Table.Td>
                <Table.Td ta="right">{sum((r) => r.over90)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        Counted in calendar days. A claim line paid in parts counts from billing to its latest payment.
      </Text>
    </>
  );
}
