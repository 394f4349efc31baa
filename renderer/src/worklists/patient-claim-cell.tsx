/** A worklist's patient (a link to the administration) with its claim number and payer below. */
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';

export function PatientClaimCell(props: {
  administrationId: number;
  patientName: string;
  claimNumber: string;
  payerName: string;
}) {
  return (
    <Table.Td>
      <Anchor component={Link} to={`/administrations/${props.administrationId}`}>
        {props.patientName}
      </Anchor>
      <Text size="xs" c="dimmed">
        Claim {props.claimNumber || 'number not entered'} · {props.payerName}
      </Text>
    </Table.Td>
  );
}
