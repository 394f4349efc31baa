/** The providers made inactive: not offered on the administration form, each can be made active again. */
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { providerPrintedName, type Provider } from '../../../shared/domain/provider';
import { localTime } from '../components/local-time';

export function InactiveProviders(props: {
  rows: readonly Provider[];
  /** The provider being made active, while the service works. */
  busyId: number | null;
  onMakeActive: (p: Provider) => void;
}) {
  return (
    <Stack gap="xs" mt="md">
      <Title order={4}>Inactive providers</Title>
      <Text size="sm" c="dimmed" maw={720}>
        Not offered on the administration form. Administrations already recorded keep their names and NPIs.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Inactive providers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>NPI</Table.Th>
              <Table.Th>Inactive since</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((p) => (
              <Table.Tr key={p.id} data-testid="inactive-provider-row">
                <Table.Td>{providerPrintedName(p)}</Table.Td>
                <Table.Td className="mono">{p.npi}</Table.Td>
                <Table.Td>{localTime(p.updatedAt)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={props.busyId === p.id}
                    aria-label={`Make ${providerPrintedName(p)} active again`}
                    onClick={() => props.onMakeActive(p)}
                  >
                    Make active again
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
