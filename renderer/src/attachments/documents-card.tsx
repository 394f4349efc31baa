/**
 * The documents of one administration, on its page: "Generate attachment" and every version
 * made so far, newest first: the attachments (what goes to the payer) first, then the internal
 * worksheets (the service lists them in that order).
 */
import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { Administration } from '../../../shared/domain/administration';
import { GenerateAttachmentModal } from './generate-attachment-modal';
import { PagedDocuments } from './paged-documents';

export function DocumentsCard({ administration: a }: { administration: Administration }) {
  const [generating, setGenerating] = useState(false);

  return (
    <Paper withBorder p="md" data-testid="documents-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Documents</Title>
          <Button onClick={() => setGenerating(true)}>Generate attachment</Button>
        </Group>
        <PagedDocuments
          administrationId={a.id}
          pageSize={20}
          label="Documents of this administration"
          testId="documents"
          empty="No documents yet. “Generate attachment” makes the PDF cost attachment that goes with the J3490 claim; each time makes a new version and the earlier ones are kept."
        />
      </Stack>
      <GenerateAttachmentModal administration={a} opened={generating} onClose={() => setGenerating(false)} />
    </Paper>
  );
}
