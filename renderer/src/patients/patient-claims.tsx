/**
 * The claims of one patient: administrations billed to one payer under one claim number, with
 * the dates of service they cover, where they stand, and what was billed, expected (payer +
 * patient) and paid so far.
 */
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PatientAdministration, PatientClaim } from '../../../shared/domain/patient-record';
import { STATUS_COLORS, STATUS_LABELS } from '../administrations/status-words';
import { usdRate } from '../invoices/money-text';
import { ExpectedAmount } from './money-parts';

export function PatientClaims(props: {
  rows: readonly PatientClaim[];
  /** The patient's administrations, to name each claim's by its date of service. */
  administrations: readonly PatientAdministration[];
}) {
  const dateOf = new Map(props.administrations.map((a) => [a.id, a.dateOfService]));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped fz="sm" aria-label="Claims of this patient">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Claim number</Table.Th>
            <Table.Th>Payer</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Date of service</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Billed</Table.Th>
            <Table.Th ta="right" title="The expected total reimbursement: what the payer pays plus the patient’s share">
              Expected
            </Table.Th>
            <Table.Th ta="right" title="What the payer paid, as posted from remittances and paper EOBs">
              Paid by payer
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((c) => (
            <Table.Tr key={`${c.claimNumber}|${c.payerId}`} data-testid="patient-claim-row">
              <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                {c.claimNumber}
              </Table.Td>
              <Table.Td>{c.payerName}</Table.Td>
              <Table.Td>
                <AdministrationLinks ids={c.administrationIds} dateOf={dateOf} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.statuses.map((s) => (
                    <Badge key={s} color={STATUS_COLORS[s]} variant="light" style={{ minWidth: 'max-content' }}>
                      {STATUS_LABELS[s]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {usdRate(c.billed)}
              </Table.Td>
              <Table.Td ta="right">
                <ExpectedAmount
                  expected={c.expected}
                  payer={c.expectedPayer}
                  patient={c.expectedPatient}
                  missing="Not every administration on this claim has an estimate"
                />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="claim-paid">
                {c.paid === null ? (
                  <Text span size="sm" c="dimmed">
                    No payment yet
                  </Text>
                ) : (
                  usdRate(c.paid)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each administration of the claim by its date of service, linked; the count when there are several. */
function AdministrationLinks(props: { ids: readonly number[]; dateOf: ReadonlyMap<number, string> }) {
  return (
    <>
      <Group gap={8} wrap="wrap">
        {[...props.ids]
          .sort((x, y) => (props.dateOf.get(x) ?? '').localeCompare(props.dateOf.get(y) ?? '') || x - y)
          .map((id) => (
            <Anchor
              key={id}
              component={Link}
              to={`/administrations/${id}`}
              size="sm"
              style={{ whiteSpace: 'nowrap' }}
              aria-label={`Administration of ${props.dateOf.get(id) ?? ''}`}
            >
              {props.dateOf.get(id) ?? 'Administration'}
            </Anchor>
          ))}
      </Group>
      {props.ids.length > 1 && (
        <Text size="xs" c="dimmed">
          {props.ids.length} administrations on this claim
        </Text>
      )}
    </>
  );
}
