/** Every generated document, newest first, paged: what went out (or was made) lately. */
import { Stack, Title } from '@mantine/core';
import { PagedDocuments } from './paged-documents';

export function RecentDocuments() {
  return (
    <Stack gap="sm" data-testid="recent-documents">
      <Title order={3}>Recent documents</Title>
      <PagedDocuments
        pageSize={25}
        label="Recent documents"
        showClaim
        testId="recent-documents"
        empty="No documents yet. Attachments made here or from an administration’s page are listed here, newest first."
      />
    </Stack>
  );
}
