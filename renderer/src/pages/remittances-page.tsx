/** Remittances: import an 835, the files imported (balance, warnings, what is left to match). */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { ListFooter } from '../components/list-footer';
import { localTime } from '../components/local-time';
import { LIST_PAGE_SIZE } from '../components/paged-list';
import { EraImportCard } from '../remittances/era-import-card';

export function RemittancesPage() {
  const [page, setPage] = useState(1);
  const files = useQuery({
    queryKey: ['remittances', 'files', page],
    queryFn: () => call('remittances:files', { limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const unmatched = useQuery({
    queryKey: ['remittances', 'unmatched', 'count'],
    queryFn: () => call('remittances:unmatched', { limit: 1 }),
  });
  const rows = files.data?.rows ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Remittances</Title>
        <Button component={Link} to="/remittances/unmatched" variant="light">
          Unmatched lines{unmatched.data ? ` (${unmatched.data.total})` : ''}
        </Button>
      </Group>
      <Text c="dimmed" maw={760}>
        Each 835 is read, balanced and matched to the administrations by payer and claim number; what it paid is set
        against what each claim line was expected to pay. A paper EOB is posted on the administration’s page.
      </Text>
      <EraImportCard />
      <Title order={3}>Files imported</Title>
      {files.isSuccess && files.data.total === 0 ? (
        <Text c="dimmed" data-testid="era-files-empty">
          No 835 file imported yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="835 files imported">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Imported</Table.Th>
                <Table.Th ta="right">Claims</Table.Th>
                <Table.Th ta="right">Lines</Table.Th>
                <Table.Th ta="right">Paid</Table.Th>
                <Table.Th>Balance</Table.Th>
                <Table.Th>To match</Table.Th>
                <Table.Th>Warnings</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => (
                <Table.Tr key={f.id} data-testid="era-file-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/remittances/files/${f.id}`}>
                      {f.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {localTime(f.importedAt)}
                    <Text size="xs" c="dimmed">
                      by {f.importedBy}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.claims}</Table.Td>
                  <Table.Td ta="right">{f.lines}</Table.Td>
                  <Table.Td ta="right">{usdFromFixed(f.totalPaid)}</Table.Td>
                  <Table.Td>
                    {f.outOfBalance === 0 ? (
                      <Badge color="teal" variant="light">
                        Balances
                      </Badge>
                    ) : (
                      <Badge color="red" variant="light">
                        {f.outOfBalance} out of balance
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{f.unmatched === 0 ? <Text c="dimmed">None</Text> : f.unmatched}</Table.Td>
                  <Table.Td>{f.warnings.length === 0 ? <Text c="dimmed">None</Text> : f.warnings.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {files.data && files.data.total > LIST_PAGE_SIZE && (
        <ListFooter
          total={files.data.total}
          page={page}
          pageSize={LIST_PAGE_SIZE}
          onPage={setPage}
          noun={['file', 'files']}
          testId="era-files-count"
        />
      )}
    </Stack>
  );
}
