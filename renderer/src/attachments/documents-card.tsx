/**
 * The documents of one administration, on its page: "Generate attachment" and every version
 * made so far (attachments and internal worksheets), newest first.
 */
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Administration } from '../../../shared/domain/administration';
import { call } from '../api';
import { ListFooter } from '../components/list-footer';
import { DocumentsTable } from './documents-table';
import { GenerateAttachmentModal } from './generate-attachment-modal';

const PAGE_SIZE = 20;

export function DocumentsCard({ administration: a }: { administration: Administration }) {
  const [generating, setGenerating] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['documents', 'list', { administrationId: a.id, page }],
    queryFn: () => call('documents:list', { administrationId: a.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];

  return (
    <Paper withBorder p="md" data-testid="documents-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Documents</Title>
          <Button onClick={() => setGenerating(true)}>Generate attachment</Button>
        </Group>
        {list.isError && <Alert color="red">{list.error.message}</Alert>}
        {list.isSuccess && list.data.total === 0 ? (
          <Text size="sm" c="dimmed" data-testid="documents-empty">
            No documents yet. “Generate attachment” makes the PDF cost attachment that goes with the J3490 claim; each
            time makes a new version and the earlier ones are kept.
          </Text>
        ) : (
          rows.length > 0 && (
            <>
              <DocumentsTable rows={rows} label="Documents of this administration" />
              <ListFooter
                total={list.data?.total ?? 0}
                noun={['document', 'documents']}
                page={page}
                pageSize={PAGE_SIZE}
                onPage={setPage}
              />
            </>
          )
        )}
      </Stack>
      <GenerateAttachmentModal administration={a} opened={generating} onClose={() => setGenerating(false)} />
    </Paper>
  );
}
