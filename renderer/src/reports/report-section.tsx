/**
 * The frame every report shares: a heading, one sentence on what it shows, its controls, then the
 * chart with the table of the same rows beside it (below it on a narrow window), and the exports
 * of those rows with the page's filters. While nothing matches, one sentence says why instead.
 */
import { Box, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ExportQueryInput } from '../../../shared/api/report-channels';
import { ExportButtons } from '../components/export-buttons';

export type ReportState = { isPending: boolean; error: Error | null };

export function ReportSection(props: {
  title: string;
  sentence: ReactNode;
  exportQuery: Omit<ExportQueryInput, 'format'>;
  exportLabel: string;
  controls?: ReactNode;
  state: ReportState;
  empty: boolean;
  emptyText: string;
  /** What the chart shows, for people who cannot see it (the table beside it has the figures). */
  chartLabel: string;
  chart: ReactNode;
  table: ReactNode;
  notes?: ReactNode;
  /** Twelfths of a wide window the chart takes; the table has the rest. */
  chartSpan: 4 | 5;
  testId: string;
}) {
  const body = props.state.error ? (
    <Text c="red">{props.state.error.message}</Text>
  ) : props.state.isPending ? (
    <Group gap="xs">
      <Loader size="sm" />
      <Text c="dimmed">Adding up…</Text>
    </Group>
  ) : props.empty ? (
    <Text c="dimmed" maw={720} data-testid={`${props.testId}-empty`}>
      {props.emptyText}
    </Text>
  ) : (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: props.chartSpan }}>
        <Box component="figure" m={0} aria-label={props.chartLabel}>
          {props.chart}
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 12 - props.chartSpan }}>
        <Stack gap="xs">
          {props.table}
          {props.notes}
        </Stack>
      </Grid.Col>
    </Grid>
  );

  return (
    <Stack gap="sm" data-testid={props.testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Title order={3}>{props.title}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {props.sentence}
          </Text>
        </Stack>
        {!props.empty && !props.state.isPending && !props.state.error && (
          <Box style={{ flexShrink: 0 }}>
            <ExportButtons query={props.exportQuery} label={props.exportLabel} />
          </Box>
        )}
      </Group>
      {props.controls}
      {body}
    </Stack>
  );
}

/** The empty state of the reports over billed lines. */
export function noBilledLines(forOnePayer: boolean): string {
  return `No billed claim lines ${forOnePayer ? 'for this payer ' : ''}in these dates yet. A claim line counts here once its administration is marked billed; what was paid comes from an imported 835 or a paper EOB posted on the administration.`;
}
