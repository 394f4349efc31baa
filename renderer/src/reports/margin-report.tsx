/**
 * Margin: reimbursement (payer and patient together) less what the drug cost, by drug or by payer.
 * "As expected" sets every billed line's contracted reimbursement against its cost; "As paid" only
 * the lines a payment has reached, at what was paid, against the cost of those same lines. Lines
 * whose estimate kept no acquisition cost are left out of both and counted in words.
 */
import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MarginRowView, ReportFilterInput } from '../../../shared/api/report-channels';
import { usdFromFixed } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { AXIS_TICK, CHART_COLORS, exactUsd, LEGEND_STYLE, legendText, TOOLTIP_STYLE } from './chart-parts';
import { axisName, axisUsd, chartHeight, minusAmount, percentOf, sumAmounts } from './report-format';
import { noBilledLines, ReportSection } from './report-section';

type By = 'drug' | 'payer';
type Basis = 'expected' | 'paid';

/** One row's figures on the chosen basis. */
function figures(r: MarginRowView, basis: Basis) {
  return basis === 'expected'
    ? { cost: r.cost, reimbursement: r.expectedRevenue, margin: r.expectedMargin }
    : { cost: r.paidCost, reimbursement: r.revenue, margin: r.margin };
}

export function MarginReport({ filter }: { filter: ReportFilterInput }) {
  const [by, setBy] = useState<By>('drug');
  const [basis, setBasis] = useState<Basis>('expected');
  const report = useQuery({
    queryKey: ['reports', 'margin', by, filter],
    queryFn: () => call('reports:margin', { ...filter, by }),
  });
  const rows = report.data?.rows ?? [];
  const withoutCost = rows.reduce((n, r) => n + r.linesWithoutCost, 0);
  const noun = by === 'drug' ? 'drug' : 'payer';

  return (
    <ReportSection
      testId="margin"
      chartSpan={5}
      title={`Margin by ${noun}`}
      sentence={`What each ${noun} earned above what the drug cost: the reimbursement from payer and patient together, less the acquisition cost on the invoice of the lot given.`}
      exportQuery={{ report: by === 'drug' ? 'margin-by-drug' : 'margin-by-payer', ...filter, search: '' }}
      exportLabel={`margin by ${noun}`}
      controls={
        <Group gap="lg" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="margin-by-label">
              Group by
            </Text>
            <SegmentedControl
              aria-labelledby="margin-by-label"
              data={[
                { value: 'drug', label: 'By drug' },
                { value: 'payer', label: 'By payer' },
              ]}
              value={by}
              onChange={(v) => setBy(v === 'payer' ? 'payer' : 'drug')}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="margin-basis-label">
              Reimbursement
            </Text>
            <SegmentedControl
              aria-labelledby="margin-basis-label"
              data={[
                { value: 'expected', label: 'As expected' },
                { value: 'paid', label: 'As paid' },
              ]}
              value={basis}
              onChange={(v) => setBasis(v === 'paid' ? 'paid' : 'expected')}
            />
          </Stack>
          <Text size="sm" c="dimmed" maw={420}>
            {basis === 'expected'
              ? 'Every billed line, at what its contract says the payer and patient owe.'
              : 'Only the lines a payment has reached, at what was paid, against what those lines cost.'}
          </Text>
        </Group>
      }
      state={report}
      empty={rows.length === 0}
      emptyText={noBilledLines(filter.payerId !== undefined)}
      chartLabel={`Bar chart: acquisition cost and reimbursement ${basis === 'expected' ? 'expected' : 'paid'}, by ${noun}`}
      chart={<MarginChart rows={rows} basis={basis} />}
      table={<MarginTable rows={rows} by={by} basis={basis} />}
      notes={
        withoutCost > 0 && (
          <Text size="sm" c="orange.9" data-testid="margin-without-cost">
            {withoutCost === 1 ? '1 billed line has' : `${withoutCost.toLocaleString('en-US')} billed lines have`} no
            acquisition cost on file (estimated before costs were kept) and {withoutCost === 1 ? 'is' : 'are'} left out
            of the margin.
          </Text>
        )
      }
    />
  );
}

function MarginChart({ rows, basis }: { rows: MarginRowView[]; basis: Basis }) {
  const data = rows.map((r) => {
    const f = figures(r, basis);
    return {
      label: r.label,
      cost: chartHeight(f.cost),
      costText: f.cost,
      reimbursement: chartHeight(f.reimbursement),
      reimbursementText: f.reimbursement,
    };
  });
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, 64 * data.length + 80)}>
      <BarChart data={data} layout="vertical" accessibilityLayer margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={axisUsd} tick={AXIS_TICK} />
        <YAxis
          type="category"
          dataKey="label"
          tickFormatter={(v) => axisName(String(v))}
          tick={AXIS_TICK}
          width={130}
        />
        <Tooltip formatter={exactUsd} contentStyle={TOOLTIP_STYLE} />
        <Legend formatter={legendText} wrapperStyle={LEGEND_STYLE} />
        <Bar isAnimationActive={false} dataKey="reimbursement" name="Reimbursement" fill={CHART_COLORS.paid} />
        <Bar isAnimationActive={false} dataKey="cost" name="Acquisition cost" fill={CHART_COLORS.cost} />
      </BarChart>
    </ResponsiveContainer>
  );
}

function MarginTable({ rows, by, basis }: { rows: MarginRowView[]; by: By; basis: Basis }) {
  const all = rows.map((r) => ({ r, f: figures(r, basis) }));
  const total = {
    lines: rows.reduce((n, r) => n + r.lines, 0),
    paidLines: rows.reduce((n, r) => n + r.paidLines, 0),
    cost: sumAmounts(all.map(({ f }) => f.cost)),
    reimbursement: sumAmounts(all.map(({ f }) => f.reimbursement)),
  };
  const totalMargin = minusAmount(total.reimbursement, total.cost);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped fz="sm" aria-label={`Margin by ${by}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{by === 'drug' ? 'Drug' : 'Payer'}</Table.Th>
            <Table.Th ta="right">Lines</Table.Th>
            <Table.Th ta="right">Acquisition cost</Table.Th>
            <Table.Th ta="right">Reimbursement</Table.Th>
            <Table.Th ta="right">Margin</Table.Th>
            <Table.Th ta="right" title="Margin as a share of the reimbursement" style={{ whiteSpace: 'nowrap' }}>
              Margin %
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {all.map(({ r, f }) => {
            return (
              <Table.Tr key={r.key} data-testid="margin-row">
                <Table.Td>
                  {r.label}
                  {by === 'drug' && (
                    <Text
                      component="span"
                      display="block"
                      size="xs"
                      c="dimmed"
                      className="mono"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      NDC {formatNdc542(r.key)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {r.lines.toLocaleString('en-US')}
                  <Text component="span" display="block" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {r.paidLines.toLocaleString('en-US')} paid
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{usdFromFixed(f.cost)}</Table.Td>
                <Table.Td ta="right">{usdFromFixed(f.reimbursement)}</Table.Td>
                <Table.Td ta="right" c={f.margin.startsWith('-') ? 'red.8' : undefined}>
                  {usdFromFixed(f.margin)}
                </Table.Td>
                <Table.Td ta="right">{percentOf(f.margin, f.reimbursement)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        {rows.length > 1 && (
          <Table.Tfoot>
            <Table.Tr fw={700} data-testid="margin-total">
              <Table.Td>Total</Table.Td>
              <Table.Td ta="right">
                {total.lines.toLocaleString('en-US')}
                <Text component="span" display="block" size="xs" c="dimmed">
                  {total.paidLines.toLocaleString('en-US')} paid
                </Text>
              </Table.Td>
              <Table.Td ta="right">{usdFromFixed(total.cost)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(total.reimbursement)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(totalMargin)}</Table.Td>
              <Table.Td ta="right">{percentOf(totalMargin, total.reimbursement)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
