/**
 * The administrations of one patient, newest first: date of service, drug, payer, claim number,
 * status, billed and expected (payer + patient, the parts in small print). A row opens the
 * administration.
 */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { PatientAdministration } from '../../../shared/domain/patient-record';
import { STATUS_COLORS, STATUS_LABELS } from '../administrations/status-words';
import { usdRate } from '../invoices/money-text';
import { ExpectedAmount } from './money-parts';

export function PatientAdministrations(props: { rows: readonly PatientAdministration[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover fz="sm" aria-label="Administrations of this patient">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Date of service</Table.Th>
            <Table.Th>Drug</Table.Th>
            <Table.Th>Payer</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Claim number</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Billed</Table.Th>
            <Table.Th ta="right" title="The expected total reimbursement: what the payer pays plus the patient’s share">
              Expected
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((a) => (
            <Table.Tr
              key={a.id}
              data-testid="patient-administration-row"
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(`/administrations/${a.id}`)}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/administrations/${a.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                  {a.dateOfService}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.drugName}</Text>
                <Text size="xs" c="dimmed" className="mono">
                  NDC {formatNdc542(a.ndc11)} · lot {a.lotNumber}
                </Text>
              </Table.Td>
              <Table.Td>{a.payerName}</Table.Td>
              <Table.Td className="mono">
                {a.claimNumber || (
                  <Text span size="sm" c="dimmed" ff="body">
                    None yet
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={STATUS_COLORS[a.status]} variant="light" data-testid="status-badge">
                  {STATUS_LABELS[a.status]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {usdRate(a.billedCharge)}
              </Table.Td>
              <Table.Td ta="right">
                <ExpectedAmount
                  expected={a.expected}
                  payer={a.expectedPayer}
                  patient={a.expectedPatient}
                  missing="No estimate: open the administration to see why"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
