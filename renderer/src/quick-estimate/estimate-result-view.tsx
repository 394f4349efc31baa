/** The estimate as a biller reads it: claim lines with N4 strings, the money, warnings, the trace. */
import {
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { EstimateResult } from '../../../shared/domain/scenario';
import { usdFromFixed } from '../../../shared/domain/money';
import { EstimateWarningAlert } from './estimate-warning-alert';
import { expectedTotal } from '../../../shared/domain/expected-total';

const usd = (s: string | undefined): string => (s === undefined ? '—' : usdFromFixed(s));

/** What the practice expects in all: the payer's part and the patient's, exactly (decimal.js). */

export function EstimateResultView({ result }: { result: EstimateResult }) {
  const t = result.totals;
  const stats: [string, string | undefined, string][] = [
    ['Allowed', t.allowed, 'totals-allowed'],
    ['Deductible', t.deductible, 'totals-deductible'],
    ['Coinsurance', t.coinsurance, 'totals-coinsurance'],
    ['Sequestration', t.sequestration, 'totals-sequestration'],
    ['Payer pays', t.payerPays, 'totals-payer'],
    ['Patient pays', t.patientPays, 'totals-patient'],
    ['Acquisition cost', t.acquisitionCost, 'totals-acquisition'],
    ['Margin', t.margin, 'totals-margin'],
  ];
  return (
    <Stack gap="md" data-testid="estimate-result">
      {result.warnings.map((w) => (
        <EstimateWarningAlert key={w.code + w.message} warning={w} />
      ))}

      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder aria-label="Claim lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Code</Table.Th>
              <Table.Th>Units</Table.Th>
              <Table.Th>NDC (N4)</Table.Th>
              <Table.Th ta="right">Billed</Table.Th>
              <Table.Th ta="right">Allowed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.lines.map((line) => (
              <Table.Tr key={line.kind} data-testid={`line-${line.kind}`}>
                <Table.Td>{line.kind === 'given' ? 'Given' : 'Discarded'}</Table.Td>
                <Table.Td>
                  <Text fw={600} span>
                    {line.hcpcs}
                  </Text>
                  {line.modifiers.map((m) => (
                    <Badge key={m} ml={4} size="md" variant="light" color={m === 'JW' ? 'orange' : 'blue'}>
                      {m}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>{line.units}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text className="mono" data-testid="n4">
                      {line.n4}
                    </Text>
                    <CopyButton value={line.n4}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? 'Copied' : 'Copy the N4 string'}>
                          <Button size="compact-xs" variant="light" onClick={copy} aria-label={`Copy N4 ${line.kind}`}>
                            {copied ? 'Copied' : 'Copy N4'}
                          </Button>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                  {line.narrative && (
                    <Text size="xs" c="dimmed" data-testid="narrative">
                      {line.narrative}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{usd(line.billedCharge)}</Table.Td>
                <Table.Td ta="right">{usd(line.allowed)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Card withBorder padding="xs" data-testid="totals-expected-card">
        <Text size="xs" c="dimmed">
          Expected total reimbursement (payer + patient)
        </Text>
        <Group gap="sm" align="baseline">
          <Text fw={700} size="lg" data-testid="totals-expected">
            {usdFromFixed(expectedTotal(t.payerPays, t.patientPays))}
          </Text>
          <Text size="sm" c="dimmed" data-testid="totals-expected-parts">
            payer {usd(t.payerPays)} · patient {usd(t.patientPays)}
          </Text>
        </Group>
      </Card>

      <SimpleGrid cols={4} spacing="xs">
        {stats.map(([label, value, id]) => (
          <Card key={label} withBorder padding="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} data-testid={id}>
              {usd(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <div>
        <Title order={5} mb={4}>
          How this was worked out
        </Title>
        <List type="ordered" size="sm" spacing={2} data-testid="estimate-trace">
          {result.trace.map((step, i) => (
            <List.Item key={i}>{step}</List.Item>
          ))}
        </List>
      </div>
    </Stack>
  );
}
