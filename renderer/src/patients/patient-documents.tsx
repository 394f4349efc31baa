/**
 * The documents made for a patient's administrations (attachments, internal worksheets, merged
 * batches holding one of theirs), newest first, a page at a time, each saying which claim it is for.
 */
import { Alert, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api';
import { DocumentsTable } from '../attachments/documents-table';
import { ListFooter } from '../components/list-footer';

const PAGE_SIZE = 20;

export function PatientDocuments(props: { patientId: number }) {
  const { patientId } = props;
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['documents', 'patient', { patientId, page }],
    queryFn: () => call('patients:documents', { patientId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return null;
  if (list.data.total === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="patient-documents-empty">
        No documents yet. The cost attachments and worksheets made from this patient’s administrations are listed here.
      </Text>
    );
  }
  return (
    <>
      <DocumentsTable rows={list.data.rows} label="Documents of this patient" showClaim />
      <ListFooter
        total={list.data.total}
        noun={['document', 'documents']}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        testId="patient-documents-count"
      />
    </>
  );
}
