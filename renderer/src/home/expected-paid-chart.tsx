/**
 * Home's small chart: expected and paid by month of service, drawn with the reports' own parts
 * (colours, exact-amount tooltip, axis format) so both read the same.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_COLORS, exactUsd, LEGEND_STYLE, legendText, TOOLTIP_STYLE } from '../reports/chart-parts';
import { axisUsd, chartHeight, shortMonthLabel } from '../reports/report-format';

type Month = { month: string; expectedPaid: string; paid: string };

export function ExpectedPaidChart(props: { months: readonly Month[]; height: number }) {
  const data = props.months.map((m) => ({
    label: shortMonthLabel(m.month),
    expected: chartHeight(m.expectedPaid),
    paid: chartHeight(m.paid),
    expectedText: m.expectedPaid,
    paidText: m.paid,
  }));
  return (
    <div style={{ width: '100%', height: props.height }} data-testid="home-chart">
      <ResponsiveContainer>
        <BarChart data={data} accessibilityLayer margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" />
          <YAxis tickFormatter={axisUsd} tick={AXIS_TICK} width={56} />
          <Tooltip formatter={exactUsd} contentStyle={TOOLTIP_STYLE} />
          <Legend formatter={legendText} wrapperStyle={LEGEND_STYLE} />
          <Bar dataKey="expected" name="Expected" fill={CHART_COLORS.expected} isAnimationActive={false} />
          <Bar dataKey="paid" name="Paid" fill={CHART_COLORS.paid} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
