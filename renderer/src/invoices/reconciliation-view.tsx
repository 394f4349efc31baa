/**
 * Lines against the invoice total. The editor computes it live with the domain's `reconcile` on
 * the typed strings (exact decimals, never floats) once every amount it needs is valid; the
 * detail page shows the service's own figures. Both look the same.
 */
import { Alert, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import {
  extendedCostOf,
  invoiceInputSchema,
  invoiceLineInputSchema,
  reconcile,
  type Reconciliation,
} from '../../../shared/domain/invoice';
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { usdFromFixed } from '../../../shared/domain/money';
import type { Warning } from '../../../shared/domain/result';
import type { InvoiceFormValues } from './invoice-form-values';

export function ReconciliationBadge({ matches }: { matches: boolean | null }) {
  if (matches === null)
    return (
      <Badge color="gray" variant="light">
        No total entered
      </Badge>
    );
  return matches ? (
    <Badge color="teal" variant="light">
      Reconciles
    </Badge>
  ) : (
    <Badge color="red" variant="filled">
      Doesn’t reconcile
    </Badge>
  );
}

export function ReconciliationView(props: { reconciliation: Reconciliation; testId: string }) {
  const r = props.reconciliation;
  const row = (label: string, value: string | null, strong = false) => (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right" fw={strong ? 600 : undefined} className="mono">
        {value === null ? '—' : usdFromFixed(value)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs" data-testid={props.testId}>
      <Group gap="sm">
        <Text fw={600}>Reconciliation</Text>
        <ReconciliationBadge matches={r.matches} />
      </Group>
      <Table withRowBorders={false} maw={420} verticalSpacing={2} aria-label="Reconciliation">
        <Table.Tbody>
          {row('Lines net of discounts', r.linesNet)}
          {row('Freight, fees or credits', r.adjustment)}
          {row('Computed total', r.computedTotal, true)}
          {row('Invoice total', r.statedTotal, true)}
          {row('Difference', r.difference)}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function WarningsView(props: { warnings: readonly Warning[]; title: string }) {
  if (props.warnings.length === 0) return null;
  return (
    <Alert color="yellow" title={props.title} data-testid="invoice-warnings">
      <List size="sm">
        {props.warnings.map((w, i) => (
          <List.Item key={i}>{w.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

const lineAmounts = invoiceLineInputSchema.pick({
  packageQuantity: true,
  costPerPackage: true,
  extendedCost: true,
  discount: true,
});
const headerAmounts = invoiceInputSchema.pick({ total: true, adjustment: true });

const isIsoDate = (s: string): boolean => parseIsoDate(s).ok;

export type LiveReconciliation =
  { ready: true; reconciliation: Reconciliation; warnings: Warning[] } | { ready: false; waitingFor: string[] };

/** `reconcile` over what is typed, or what still has to be valid before it can run. */
export function liveReconciliation(v: InvoiceFormValues): LiveReconciliation {
  const waitingFor: string[] = [];
  const header = headerAmounts.safeParse({ total: v.total, adjustment: v.adjustment });
  if (!header.success) waitingFor.push('the invoice total and freight, fees or credits');
  const lines = v.lines.map((l, i) => {
    const parsed = lineAmounts.safeParse(l);
    if (!parsed.success) {
      waitingFor.push(`line ${i + 1}`);
      return null;
    }
    return {
      lineNumber: i + 1,
      ...parsed.data,
      extendedCost: extendedCostOf(parsed.data),
      lotNumber: l.lotNumber.trim(),
      ...(isIsoDate(l.expiryDate) ? { expiryDate: l.expiryDate.trim() } : {}),
    };
  });
  if (!header.success || waitingFor.length > 0) return { ready: false, waitingFor };
  const { reconciliation, warnings } = reconcile({
    lines: lines.filter((l) => l !== null),
    adjustment: header.data.adjustment,
    total: header.data.total === '' ? null : header.data.total,
    ...(isIsoDate(v.invoiceDate) ? { invoiceDate: v.invoiceDate.trim() } : {}),
  });
  return { ready: true, reconciliation, warnings };
}

export function LiveReconciliationView({ values }: { values: InvoiceFormValues }) {
  const live = liveReconciliation(values);
  if (!live.ready) {
    return (
      <Text size="sm" c="dimmed" data-testid="live-reconciliation-waiting">
        The reconciliation appears once packages and costs are valid on every line (waiting for{' '}
        {live.waitingFor.join(', ')}).
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ReconciliationView reconciliation={live.reconciliation} testId="live-reconciliation" />
      <WarningsView warnings={live.warnings} title="Check before saving" />
    </Stack>
  );
}
