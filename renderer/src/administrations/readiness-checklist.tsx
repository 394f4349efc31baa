/**
 * The checklist before billing as the service computed it: every item with ✓ or ✗ and its detail,
 * and "Checklist complete" only when all are ✓ ("ready to bill" is a status a person sets, see
 * status-words.ts). A page may add a quick fix to an item whose fix lives elsewhere (the payer's
 * page, the invoice's page).
 */
import { Badge, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReadinessItem } from '../../../shared/domain/administration';

export function ReadinessChecklist(props: {
  items: readonly ReadinessItem[];
  title?: string;
  /** A link or button after an item that is not ok, by item key. */
  fixes?: Partial<Record<string, ReactNode>>;
}) {
  const missing = props.items.filter((i) => !i.ok);
  return (
    <Stack gap="xs" data-testid="readiness">
      <Group justify="space-between">
        <Title order={4}>{props.title ?? 'Checklist before billing'}</Title>
        <ReadinessBadge ready={missing.length === 0} missing={missing.map((i) => i.label)} />
      </Group>
      <Table aria-label="Readiness checklist" verticalSpacing={4}>
        <Table.Tbody>
          {props.items.map((item) => (
            <Table.Tr key={item.key} data-testid="readiness-item" data-key={item.key} data-ok={item.ok}>
              <Table.Td w={28} style={{ verticalAlign: 'top' }}>
                <Text fw={700} c={item.ok ? 'teal' : 'red'} aria-label={item.ok ? 'Done' : 'Missing'} role="img" span>
                  {item.ok ? '✓' : '✗'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={item.ok ? 400 : 600}>
                  {item.label}
                </Text>
                <Text size="xs" c={item.ok ? 'dimmed' : 'red.8'} style={{ overflowWrap: 'anywhere' }}>
                  {item.detail}
                </Text>
                {!item.ok && props.fixes?.[item.key]}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** "Checklist complete", or "N missing" with the missing items in a tooltip. */
export function ReadinessBadge(props: { ready: boolean; missing: readonly string[] }) {
  if (props.ready) {
    return (
      <Badge color="teal" variant="outline" data-testid="readiness-badge">
        Checklist complete
      </Badge>
    );
  }
  return (
    <Tooltip
      multiline
      w={280}
      withArrow
      label={
        <Stack gap={0}>
          {props.missing.map((m) => (
            <Text key={m} size="xs">
              ✗ {m}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge color="orange" variant="light" data-testid="readiness-badge" tabIndex={0}>
        {props.missing.length} missing
      </Badge>
    </Tooltip>
  );
}
