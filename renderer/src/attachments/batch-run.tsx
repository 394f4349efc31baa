/**
 * A running attachment batch and what it made. While it runs: a progress bar, "N of M claims"
 * and Cancel (what was made is kept), polling `attachments:batchStatus` four times a second.
 * When it ends: "Made N attachments, skipped K", the files made (View, Save) and the
 * administrations skipped with the reason, each a link to fix it; the merged PDF when one was
 * asked for; in the desktop app "Save all to a folder…".
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { BatchStatus } from '../../../shared/api/document-schemas';
import { ApiError, call } from '../api';
import { DocumentViewerModal } from './document-preview';
import { plural } from './document-words';
import { SAVE_LABEL, SaveDocumentsButton } from './save-button';
import { savesToFolder } from './save-documents';
import { SupportCode } from '../components/error-words';

const POLL_MS = 250;

export const batchKey = (jobId: string) => ['attachments', 'batch', jobId] as const;

export function BatchRun(props: { jobId: string; onFinished: () => void }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: batchKey(props.jobId),
    queryFn: () => call('attachments:batchStatus', { jobId: props.jobId }),
    refetchInterval: (q) => (q.state.data?.state === 'running' && !q.state.error ? POLL_MS : false),
  });
  const cancel = useMutation({
    mutationFn: () => call('attachments:batchCancel', { jobId: props.jobId }),
    onSuccess: (next) => queryClient.setQueryData(batchKey(props.jobId), next),
  });

  const state = status.data?.state;
  // Over (or its progress unreadable): the form is free again and the lists show what was made.
  const over = status.isError || (state !== undefined && state !== 'running');
  const { onFinished } = props;
  useEffect(() => {
    if (over) {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      onFinished();
    }
  }, [over, queryClient, onFinished]);

  if (status.isError) {
    return (
      <Alert color="red" title="The batch’s progress cannot be read" role="alert">
        {status.error.message} What it made so far is under Recent documents.
        {status.error instanceof ApiError && <SupportCode code={status.error.code} />}
      </Alert>
    );
  }
  if (!status.data) return null;
  const s = status.data;
  if (s.state === 'running') {
    return (
      <Stack gap="xs" maw={640} data-testid="batch-progress">
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            {s.done} of {s.total} claims
          </Text>
          <Button
            variant="default"
            size="xs"
            loading={cancel.isPending}
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            Cancel
          </Button>
        </Group>
        <Progress
          value={s.total > 0 ? (100 * s.done) / s.total : 0}
          aria-label="Claims done"
          animated
          transitionDuration={200}
        />
        {cancel.error && (
          <Text size="sm" c="red">
            Not cancelled: {cancel.error.message}
          </Text>
        )}
      </Stack>
    );
  }
  return <BatchSummary status={s} />;
}

function BatchSummary({ status: s }: { status: BatchStatus }) {
  const [viewing, setViewing] = useState<{ id: number; title: string } | null>(null);
  const madeIds = s.made.map((m) => m.documentId);
  const mergedId = s.mergedDocumentId;
  const unchanged = s.made.filter((m) => m.unchanged).length;
  const headline =
    s.total === 0 && s.skipped.length === 0
      ? 'Nothing to make: no administrations of this payer match'
      : `Made ${plural(s.made.length - unchanged, 'attachment', 'attachments')}` +
        (unchanged > 0 ? `, ${unchanged} unchanged since their latest version` : '') +
        `, skipped ${s.skipped.length}`;

  return (
    <Stack data-testid="batch-summary">
      {s.state === 'failed' ? (
        <Alert color="red" title="The batch stopped on an error" role="alert">
          {s.error ? s.error.message : 'It did not finish.'} {headline}; what was made is kept.
          {s.error && <SupportCode code={s.error.code} />}
        </Alert>
      ) : s.state === 'cancelled' ? (
        <Alert color="yellow" title="Cancelled">
          Stopped after {s.done} of {s.total} claims. {headline}; what was made is kept.
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Title order={3} data-testid="batch-headline">
          {headline}
        </Title>
        <Group gap="xs">
          {mergedId !== null && (
            <>
              <Button variant="light" onClick={() => setViewing({ id: mergedId, title: 'Merged PDF' })}>
                View merged PDF
              </Button>
              <SaveDocumentsButton
                ids={[mergedId]}
                variant="filled"
                label={savesToFolder ? 'Save merged PDF…' : 'Download merged PDF'}
              />
            </>
          )}
          {savesToFolder && madeIds.length > 0 && (
            <SaveDocumentsButton ids={madeIds} variant="filled" label="Save all to a folder…" />
          )}
        </Group>
      </Group>

      {s.made.length > 0 && (
        <Table striped aria-label="Attachments made" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File name</Table.Th>
              <Table.Th>Claim number</Table.Th>
              <Table.Th>Date of service</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.made.map((m) => (
              <Table.Tr key={m.documentId} data-testid="made-row">
                <Table.Td className="mono">
                  {m.fileName}
                  {m.unchanged && (
                    <Badge
                      ml="xs"
                      variant="light"
                      color="gray"
                      title="Nothing on this claim changed: no new version made"
                    >
                      Unchanged
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="mono">{m.claimNumber || <Text c="dimmed">—</Text>}</Table.Td>
                <Table.Td>{m.dateOfService}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`View ${m.fileName}`}
                      onClick={() => setViewing({ id: m.documentId, title: m.fileName })}
                    >
                      View
                    </Button>
                    <SaveDocumentsButton size="xs" ids={[m.documentId]} ariaLabel={`${SAVE_LABEL} ${m.fileName}`} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {s.skipped.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Skipped</Title>
          <Text size="sm" c="dimmed">
            These administrations got no attachment. Open each to complete what is missing, then run the batch again or
            generate its attachment from its page.
          </Text>
          <Table aria-label="Administrations skipped" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Administration</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.skipped.map((k) => (
                <Table.Tr key={k.administrationId} data-testid="skipped-row" data-code={k.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/administrations/${k.administrationId}`} size="sm">
                      {k.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {k.reason}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <DocumentViewerModal
        documentId={viewing?.id ?? null}
        title={viewing?.title ?? ''}
        onClose={() => setViewing(null)}
      />
    </Stack>
  );
}
