/**
 * Generated documents, newest first, a page at a time: those of one administration or all of
 * them. What to say when there are none is the caller's, as it depends on where the list is.
 */
import { Alert, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { call } from '../api';
import { ListFooter } from '../components/list-footer';
import { DocumentsTable } from './documents-table';

export function PagedDocuments(props: {
  administrationId?: number;
  pageSize: number;
  label: string;
  empty: ReactNode;
  showClaim?: boolean;
  testId: string;
}) {
  const { administrationId, pageSize } = props;
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['documents', 'list', { administrationId, page }],
    queryFn: () =>
      call('documents:list', {
        ...(administrationId !== undefined ? { administrationId } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];

  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  if (list.isSuccess && list.data.total === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={`${props.testId}-empty`}>
        {props.empty}
      </Text>
    );
  }
  if (rows.length === 0) return null;
  return (
    <>
      <DocumentsTable rows={rows} label={props.label} showClaim={props.showClaim ?? false} />
      <ListFooter
        total={list.data?.total ?? 0}
        noun={['document', 'documents']}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        testId={`${props.testId}-count`}
      />
    </>
  );
}
