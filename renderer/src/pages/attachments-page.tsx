/**
 * Attachments: PDF cost attachments in batches. One payer and a date range make one attachment per
 * claim for every ready (or, for a resend, billed) administration; those that are not ready are
 * skipped with the reason. Below, every document made lately, from here or from an
 * administration's page.
 */
import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { BatchStatus } from '../../../shared/api/document-schemas';
import { BatchForm } from '../attachments/batch-form';
import { BatchRun, batchKey } from '../attachments/batch-run';
import { RecentDocuments } from '../attachments/recent-documents';

export function AttachmentsPage() {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const onFinished = useCallback(() => setRunning(false), []);

  const started = (status: BatchStatus) => {
    queryClient.setQueryData(batchKey(status.jobId), status);
    setRunning(status.state === 'running');
    setJobId(status.jobId);
  };

  return (
    <Stack>
      <Title order={2}>Attachments</Title>
      <Text maw={820}>
        Make the PDF cost attachment of every claim of one payer in a date range. Administrations that are not ready to
        bill are skipped and listed with what is missing. One attachment can also be made from an administration’s page.
      </Text>
      <BatchForm running={running} onStarted={started} />
      {jobId !== null && (
        <Paper withBorder p="md">
          <BatchRun key={jobId} jobId={jobId} onFinished={onFinished} />
        </Paper>
      )}
      <Divider my="sm" />
      <RecentDocuments />
    </Stack>
  );
}
