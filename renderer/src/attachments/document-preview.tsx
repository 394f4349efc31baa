/**
 * A generated document on screen: its PDF in a frame (bytes read with `documents:read`, checked
 * against their SHA-256 by the service) with a Save action; and the modal that shows one. A
 * worksheet is marked "Internal — not for the payer" beside its Save button.
 */
import { Alert, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { BlobView } from '../components/blob-view';
import { KIND_LABELS, plural, sizeText, stamp } from './document-words';
import { contentQuery } from './save-documents';
import { InternalBadge } from './internal-badge';
import { SaveDocumentsButton } from './save-button';

export function DocumentPreview(props: { documentId: number; height?: number }) {
  const content = useQuery(contentQuery(props.documentId));
  if (content.isError) {
    return (
      <Alert color="red" title="The document cannot be shown">
        {content.error.message}
      </Alert>
    );
  }
  if (!content.data) return <Loader size="sm" aria-label="Loading the document" />;
  const { document: d, contentBase64 } = content.data;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" data-testid="document-preview-caption">
          {KIND_LABELS[d.kind]} <span className="mono">{d.documentKey}</span> · version {d.version} ·{' '}
          {plural(d.pageCount, 'page', 'pages')} · {sizeText(d.byteSize)} · generated {stamp(d.generatedAt)} by{' '}
          {d.generatedBy}
        </Text>
        <Group gap="xs">
          <InternalBadge kind={d.kind} />
          <SaveDocumentsButton ids={[d.id]} variant="filled" />
        </Group>
      </Group>
      <BlobView
        fileName={d.fileName}
        mediaType="application/pdf"
        contentBase64={contentBase64}
        sha256={d.sha256}
        label={KIND_LABELS[d.kind]}
        testId="document-preview"
        downloadLink={false}
        height={props.height ?? 640}
      />
    </Stack>
  );
}

/** The preview in a modal; closed when `documentId` is null. */
export function DocumentViewerModal(props: { documentId: number | null; title: string; onClose: () => void }) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.documentId !== null}
      onClose={props.onClose}
      title={props.title}
      size="80rem"
    >
      {props.documentId !== null && <DocumentPreview documentId={props.documentId} />}
    </Modal>
  );
}
