/**
 * Expected and paid by month of service, as bars: Home's small chart and the expected-against-paid
 * report's chart, drawn with the reports' own parts (colours, exact-amount tooltip, axis format) so
 * both read the same.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_COLORS, exactUsd, LEGEND_STYLE, legendText, TOOLTIP_STYLE } from '../reports/chart-parts';
import { axisUsd, chartHeight, monthLabel, shortMonthLabel } from '../reports/report-format';

export type ExpectedPaidMonth = { month: string; expectedPaid: string; paid: string };

export function ExpectedPaidChart(props: { months: readonly ExpectedPaidMonth[]; height: number; testId?: string }) {
  const data = props.months.map((m) => ({
    month: m.month,
    expected: chartHeight(m.expectedPaid),
    paid: chartHeight(m.paid),
    expectedText: m.expectedPaid,
    paidText: m.paid,
  }));
  return (
    <div style={{ width: '100%', height: props.height }} data-testid={props.testId}>
      <ResponsiveContainer>
        <BarChart data={data} accessibilityLayer margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tickFormatter={shortMonthLabel} tick={AXIS_TICK} interval="equidistantPreserveStart" />
          <YAxis tickFormatter={axisUsd} tick={AXIS_TICK} width={64} />
          <Tooltip formatter={exactUsd} labelFormatter={(m) => monthLabel(String(m))} contentStyle={TOOLTIP_STYLE} />
          <Legend formatter={legendText} wrapperStyle={LEGEND_STYLE} />
          <Bar dataKey="expected" name="Expected from payers" fill={CHART_COLORS.expected} isAnimationActive={false} />
          <Bar dataKey="paid" name="Paid" fill={CHART_COLORS.paid} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
