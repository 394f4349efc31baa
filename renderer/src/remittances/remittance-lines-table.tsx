/**
 * The lines of one remittance claim: code and modifiers (and the code billed when the payer
 * recoded it), date, charge, allowed, paid, each adjustment with its meaning, remark codes, and the
 * administration it pays (or "Unmatched" with a way to match it).
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { RemittanceClaimView, RemittanceLineView } from '../../../shared/domain/remittance';
import { usdFromFixed } from '../../../shared/domain/money';
import { LINE_KIND_WORDS } from './variance-words';

export function RemittanceLinesTable(props: {
  claim: RemittanceClaimView;
  onMatch?: (line: RemittanceLineView) => void;
}) {
  const { claim } = props;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={6} aria-label={`Lines of claim ${claim.patientControlNumber}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Date of service</Table.Th>
            <Table.Th ta="right">Billed</Table.Th>
            <Table.Th ta="right">Allowed</Table.Th>
            <Table.Th ta="right">Paid</Table.Th>
            <Table.Th>Adjustments</Table.Th>
            <Table.Th>Pays</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claim.lines.map((l) => (
            <Table.Tr key={l.id} data-testid="remittance-line">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text span className="mono">
                  {[l.code || '(claim)', ...l.modifiers].join(' ')}
                </Text>
                {l.submittedCode && l.submittedCode !== l.code && (
                  <Text size="xs" c="dimmed">
                    billed as {l.submittedCode}
                  </Text>
                )}
                {!l.balanced && (
                  <Badge ml={6} size="xs" color="red" variant="light" title="Billed − paid ≠ the adjustments">
                    Out of balance
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{l.dateOfService ?? '—'}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(l.charge)}</Table.Td>
              <Table.Td ta="right">{l.allowed === null ? <Text c="dimmed">—</Text> : usdFromFixed(l.allowed)}</Table.Td>
              <Table.Td ta="right">{usdFromFixed(l.paid)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {l.adjustments.map((a, i) => (
                    <Tooltip key={i} label={a.meaning} multiline w={300} withArrow>
                      <Text size="sm" tabIndex={0}>
                        {usdFromFixed(a.amount)} <Text span size="xs" c="dimmed">{`${a.group}-${a.reason}`}</Text>{' '}
                        {shortMeaning(a.meaning)}
                      </Text>
                    </Tooltip>
                  ))}
                  {l.remarks.map((r) => (
                    <Text key={r.code} size="xs" c="dimmed">
                      {r.code}
                      {r.meaning ? `: ${r.meaning}` : ''}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                {l.match ? (
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/administrations/${l.match.administrationId}`} size="sm">
                      {l.match.patientName}, {l.match.dateOfService}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {LINE_KIND_WORDS[l.match.lineKind]} · {matchWords(l.match.how)}
                    </Text>
                  </Stack>
                ) : (
                  <Group gap="xs" wrap="nowrap">
                    <Badge color="orange" variant="light" data-testid="line-unmatched">
                      Unmatched
                    </Badge>
                    {props.onMatch && (
                      <Button size="compact-sm" variant="light" onClick={() => props.onMatch?.(l)}>
                        Match…
                      </Button>
                    )}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The meaning without its code prefix ("CO-45: The charge…" → "The charge…"), for the table. */
const shortMeaning = (meaning: string): string => meaning.replace(/^[A-Z]{2}-\w+:\s*/, '');

/** How a match was made, in words. */
function matchWords(how: string): string {
  if (how === 'manual') return 'matched by hand';
  if (how === 'paper posting') return 'paper EOB';
  if (how === 'line-control') return 'by line control number';
  const parts = ['by claim number, code and date'];
  if (how.includes('+modifier')) parts.push('modifier');
  if (how.includes('+charge')) parts.push('charge');
  if (how.includes('+submitted-code')) parts.push('code as billed');
  return parts.join(', ');
}
