/**
 * A payer's contract versions as a timeline per scope (all drugs, then each NDC, then each HCPCS
 * code), each sorted by date, in words. Gaps between versions are shown, since a date of service
 * in a gap has no contract for that scope.
 */
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Contract } from '../../../shared/domain/contract-terms';
import { inForce } from '../../../shared/domain/contract-terms';
import { addDays } from '../../../shared/domain/iso-date';
import { scopeInWords, SEQUESTRATION_LABELS, spanInWords, termsInWords } from './contract-words';
import { todayIso } from './form-schema';
import { RowActions } from '../components/row-actions';

const ORDER = { all: 0, ndc: 1, hcpcs: 2 } as const;

type Row = { kind: 'version'; c: Contract } | { kind: 'gap'; from: string; to: string };

export function groupVersions(contracts: Contract[]): { key: string; title: string; rows: Row[] }[] {
  const groups = new Map<string, Contract[]>();
  const sorted = [...contracts].sort(
    (a, b) =>
      ORDER[a.scopeKind] - ORDER[b.scopeKind] ||
      a.scopeValue.localeCompare(b.scopeValue) ||
      a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  for (const c of sorted) {
    const key = `${c.scopeKind}:${c.scopeValue}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()].map(([key, versions]) => {
    const rows: Row[] = [];
    versions.forEach((c, i) => {
      const prev = versions[i - 1];
      if (prev?.effectiveTo && addDays(prev.effectiveTo, 1) < c.effectiveFrom) {
        rows.push({ kind: 'gap', from: addDays(prev.effectiveTo, 1), to: addDays(c.effectiveFrom, -1) });
      }
      rows.push({ kind: 'version', c });
    });
    const first = versions[0];
    return { key, title: first ? scopeInWords(first) : key, rows };
  });
}

export function ContractTimeline(props: {
  contracts: Contract[];
  onAdd: () => void;
  onEdit: (c: Contract) => void;
  onDelete: (c: Contract) => void;
}) {
  const today = todayIso();
  const groups = groupVersions(props.contracts);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          On a date of service the most specific version in force applies: one NDC, then one HCPCS code, then all drugs.
          Versions for the same drugs may not overlap.
        </Text>
        <Button onClick={props.onAdd}>Add contract version</Button>
      </Group>
      {groups.length === 0 && (
        <Text c="dimmed" data-testid="contracts-empty">
          No contract terms yet. Add a version for all drugs first; add versions for one NDC or HCPCS code where the
          contract says something different.
        </Text>
      )}
      {groups.map((g) => (
        <Card withBorder key={g.key} data-testid="contract-scope">
          <Title order={4} mb="xs">
            {g.title}
          </Title>
          <Table aria-label={`Contract versions: ${g.title}`} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Effective</Table.Th>
                <Table.Th>Pays</Table.Th>
                <Table.Th>Lesser of billed</Table.Th>
                <Table.Th>Coinsurance</Table.Th>
                <Table.Th>Sequestration</Table.Th>
                <Table.Th>Label</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.rows.map((r) =>
                r.kind === 'gap' ? (
                  <Table.Tr key={`gap-${r.from}`} data-testid="contract-gap">
                    <Table.Td colSpan={7}>
                      <Text size="sm" c="orange">
                        No terms from {r.from} to {r.to}: claims with these dates of service have no contract here.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={r.c.id} data-testid="contract-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {spanInWords(r.c)}{' '}
                      {inForce(r.c, today) && (
                        <Badge size="sm" variant="light">
                          in force today
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{termsInWords(r.c)}</Table.Td>
                    <Table.Td>{r.c.lesserOfBilled ? 'Yes' : 'No'}</Table.Td>
                    <Table.Td>{r.c.coinsurancePercent}%</Table.Td>
                    <Table.Td>{SEQUESTRATION_LABELS[r.c.sequestration]}</Table.Td>
                    <Table.Td>{r.c.label}</Table.Td>
                    <Table.Td>
                      <RowActions
                        name={`${g.title} from ${r.c.effectiveFrom}`}
                        onEdit={() => props.onEdit(r.c)}
                        onDelete={() => props.onDelete(r.c)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
