/**
 * Home's small chart: expected and paid by month of service. The exact amounts are strings; a
 * bar's height is the only place they become numbers, and the tooltip and the table-like labels
 * print the strings themselves.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usdFromFixed } from '../../../shared/domain/money';

type Month = { month: string; expectedPaid: string; paid: string };

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (m: string): string => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1] ?? m} ${m.slice(2, 4)}`;
const axisDollars = (v: number): string =>
  v >= 1000 ? `$${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })}k` : `$${v}`;

export function ExpectedPaidChart(props: { months: readonly Month[]; height: number }) {
  const data = props.months.map((m) => ({
    label: monthLabel(m.month),
    expected: Number(m.expectedPaid),
    paid: Number(m.paid),
    expectedText: m.expectedPaid,
    paidText: m.paid,
  }));
  return (
    <div style={{ width: '100%', height: props.height }} data-testid="home-chart">
      <ResponsiveContainer>
        <BarChart data={data} accessibilityLayer margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tickFormatter={axisDollars} tick={{ fontSize: 12 }} width={56} />
          <Tooltip
            formatter={(_value, name, item) => {
              const row = item.payload as { expectedText: string; paidText: string };
              return [usdFromFixed(name === 'Expected' ? row.expectedText : row.paidText), name];
            }}
          />
          <Legend />
          <Bar dataKey="expected" name="Expected" fill="var(--mantine-color-gray-5)" isAnimationActive={false} />
          <Bar dataKey="paid" name="Paid" fill="var(--mantine-color-teal-6)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
