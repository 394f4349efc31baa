/** One remittance (an 835 transaction or a paper EOB): the payment, then each claim with its lines. */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { RemittanceLineView, RemittanceView } from '../../../shared/domain/remittance';
import { usdFromFixed } from '../../../shared/domain/money';
import { RemittanceLinesTable } from './remittance-lines-table';

export function RemittanceCard(props: { remittance: RemittanceView; onMatch?: (line: RemittanceLineView) => void }) {
  const r = props.remittance;
  return (
    <Card withBorder data-testid="remittance">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={4}>{r.payerName || 'Payer not named'}</Title>
            <Text size="sm" c="dimmed">
              {r.source === 'paper' ? 'Paper EOB' : `${r.payment.method || 'Payment'} ${r.payment.trace}`.trim()}
              {r.payment.date ? ` · ${r.payment.date}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            <Text fw={600}>{usdFromFixed(r.payment.amount)}</Text>
            {r.balanced ? (
              <Badge color="teal" variant="light">
                Balances
              </Badge>
            ) : (
              <Badge color="red" variant="light" title="The payment is not the claims paid less provider adjustments">
                Out of balance
              </Badge>
            )}
          </Group>
        </Group>
        {r.providerAdjustments.length > 0 && (
          <Text size="sm">
            Provider adjustments:{' '}
            {r.providerAdjustments
              .map((p) => `${usdFromFixed(p.amount)} (${p.reason}${p.reference ? ` ${p.reference}` : ''})`)
              .join(', ')}
          </Text>
        )}
        {r.claims.map((c) => (
          <Stack key={c.id} gap={4} data-testid="remittance-claim">
            <Group gap="xs" wrap="wrap">
              <Text fw={600} className="mono">
                {c.patientControlNumber || '(no claim number)'}
              </Text>
              <Text size="sm">
                {[c.patient.last, c.patient.first].filter(Boolean).join(', ')}
                {c.patient.memberId ? ` · ${c.patient.memberId}` : ''}
              </Text>
              <Badge variant="light" color={c.status === '4' ? 'red' : c.reversal ? 'grape' : 'gray'}>
                {c.statusWords}
              </Badge>
              {c.reversed && (
                <Badge variant="light" color="grape">
                  Reversed later
                </Badge>
              )}
              {!c.balanced && (
                <Badge variant="light" color="red">
                  Out of balance
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                billed {usdFromFixed(c.charge)} · paid {usdFromFixed(c.paid)} · patient{' '}
                {usdFromFixed(c.patientResponsibility)}
                {c.payerClaimNumber ? ` · payer’s claim ${c.payerClaimNumber}` : ''}
              </Text>
            </Group>
            {c.adjustments.length > 0 && (
              <Text size="sm">
                Claim adjustments: {c.adjustments.map((a) => `${usdFromFixed(a.amount)} ${a.meaning}`).join('; ')}
              </Text>
            )}
            <RemittanceLinesTable claim={c} {...(props.onMatch ? { onMatch: props.onMatch } : {})} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
