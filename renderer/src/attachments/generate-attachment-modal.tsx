/**
 * Generate the PDF cost attachment of one administration (the whole claim when others share its
 * claim number), and if asked the internal reimbursement worksheet, which never goes to the payer.
 * Every generation is a new version; earlier ones are kept. A refusal (ATTACHMENT_NOT_READY names
 * what is missing) is shown in the modal and nothing is made.
 */
import { Alert, Anchor, Button, Checkbox, Group, List, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Result } from '../../../shared/api/contract';
import type { Administration } from '../../../shared/domain/administration';
import { ApiError, call } from '../api';
import { FormActions } from '../components/form-actions';
import { DocumentPreview } from './document-preview';
import { plural } from './document-words';
import { SupportCode } from '../components/error-words';

type Generated = Result<'attachments:generate'>;

export function GenerateAttachmentModal(props: {
  administration: Administration;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Generate attachment"
      size="80rem"
    >
      {props.opened && <GenerateAttachment administration={props.administration} onClose={props.onClose} />}
    </Modal>
  );
}

function GenerateAttachment(props: { administration: Administration; onClose: () => void }) {
  const a = props.administration;
  const queryClient = useQueryClient();
  const [includePhysicianNotes, setIncludePhysicianNotes] = useState(true);
  const [withWorksheet, setWithWorksheet] = useState(false);
  const generate = useMutation({
    mutationFn: () => call('attachments:generate', { administrationId: a.id, includePhysicianNotes, withWorksheet }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['documents'] }),
  });
  const missing = a.readiness.items.filter((i) => !i.ok);

  if (generate.data) return <Generated result={generate.data} onClose={props.onClose} />;
  return (
    <form
      noValidate
      aria-label="Generate attachment"
      onSubmit={(e) => {
        e.preventDefault();
        generate.mutate();
      }}
    >
      <Stack>
        <Text size="sm">
          The PDF cost attachment for the J3490 claim of {a.patientName} on {a.dateOfService} ({a.payerName}): the drug,
          NDC, lot, dose and waste, the acquisition cost from the invoice and the claim lines.
          {a.claimNumber ? ` Every administration billed on claim ${a.claimNumber} goes on it.` : ''}
        </Text>
        {missing.length > 0 && !generate.error && (
          <Alert color="yellow" title={`The checklist is not complete: ${missing.length} missing`}>
            <List size="sm">
              {missing.map((i) => (
                <List.Item key={i.key}>
                  {i.label}: {i.detail}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Checkbox
          label="Include physician notes"
          description="Some payers want the notes on the attachment; others only on request."
          checked={includePhysicianNotes}
          data-autofocus
          onChange={(e) => setIncludePhysicianNotes(e.currentTarget.checked)}
        />
        <Checkbox
          label="Also make the internal reimbursement worksheet (never sent to the payer)"
          description="The expected payment step by step, for the practice’s own files."
          checked={withWorksheet}
          onChange={(e) => setWithWorksheet(e.currentTarget.checked)}
        />
        {generate.error && <Refusal error={generate.error} />}
        <FormActions submitLabel="Generate" busy={generate.isPending} onCancel={props.onClose} />
      </Stack>
    </form>
  );
}

function Refusal({ error }: { error: Error }) {
  const notReady = error instanceof ApiError && error.code === 'ATTACHMENT_NOT_READY';
  return (
    <Alert
      color="red"
      title={notReady ? 'Not ready for an attachment: nothing was made' : 'No attachment was made'}
      data-testid="generate-error"
      role="alert"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {error.message}
        {error instanceof ApiError && <SupportCode code={error.code} />}
      </Text>
      {error instanceof ApiError && error.code === 'PRACTICE_SETTINGS_MISSING' && (
        <Anchor component={Link} to="/settings" size="sm">
          Open Settings
        </Anchor>
      )}
    </Alert>
  );
}

function Generated(props: { result: Generated; onClose: () => void }) {
  const { attachment, worksheet } = props.result;
  const [tab, setTab] = useState<string | null>('attachment');
  return (
    <Stack>
      <Alert color="teal" title="Attachment made" data-testid="generate-done">
        <span className="mono">{attachment.documentKey}</span>, version {attachment.version},{' '}
        {plural(attachment.pageCount, 'page', 'pages')}
        {worksheet ? (
          <>
            ; worksheet <span className="mono">{worksheet.documentKey}</span> (internal, never sent to the payer)
          </>
        ) : null}
        .
      </Alert>
      {worksheet ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="attachment">Attachment</Tabs.Tab>
            <Tabs.Tab value="worksheet">Internal worksheet (not for the payer)</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="attachment" pt="sm">
            <DocumentPreview documentId={attachment.id} />
          </Tabs.Panel>
          <Tabs.Panel value="worksheet" pt="sm">
            <DocumentPreview documentId={worksheet.id} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <DocumentPreview documentId={attachment.id} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
