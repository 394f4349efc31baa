/** Every generated document, newest first, paged: what went out (or was made) lately. */
import { Alert, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api';
import { ListFooter } from '../components/list-footer';
import { DocumentsTable } from './documents-table';

const PAGE_SIZE = 25;

export function RecentDocuments() {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['documents', 'list', { page }],
    queryFn: () => call('documents:list', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="recent-documents">
      <Title order={3}>Recent documents</Title>
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.isSuccess && list.data.total === 0 ? (
        <Text size="sm" c="dimmed" data-testid="recent-documents-empty">
          No documents yet. Attachments made here or from an administration’s page are listed here, newest first.
        </Text>
      ) : (
        rows.length > 0 && (
          <>
            <DocumentsTable rows={rows} label="Recent documents" showClaim />
            <ListFooter
              total={list.data?.total ?? 0}
              noun={['document', 'documents']}
              page={page}
              pageSize={PAGE_SIZE}
              onPage={setPage}
              testId="recent-documents-count"
            />
          </>
        )
      )}
    </Stack>
  );
}
