/**
 * Generated documents as a table: what each is, its printed ID and version, when and by whom it
 * was made, its size and the start of its SHA-256 (the whole hash on hover), with View and Save.
 * Earlier versions stay listed: a claim may have gone out with any of them. A worksheet is marked
 * "Internal — not for the payer" beside its kind, and its View and Save buttons say so too.
 */
import { Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DocumentKind, GeneratedDocument } from '../../../shared/api/document-schemas';
import { DocumentViewerModal } from './document-preview';
import { INTERNAL_MARK, KIND_LABELS, sizeText, stamp } from './document-words';
import { InternalBadge } from './internal-badge';
import { SAVE_LABEL, SaveDocumentsButton } from './save-button';

export function DocumentsTable(props: {
  rows: readonly GeneratedDocument[];
  label: string;
  /** Say under each document ID which claim it is for (claim number, payer, administrations): lists of every document. */
  showClaim?: boolean;
}) {
  const [viewing, setViewing] = useState<GeneratedDocument | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label={props.label} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Document ID</Table.Th>
              <Table.Th ta="right">Version</Table.Th>
              <Table.Th>Generated at</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th ta="right">Pages</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((d) => (
              <Table.Tr key={d.id} data-testid="document-row" data-kind={d.kind} data-version={d.version}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Stack gap={2} align="flex-start">
                    <Text
                      size="sm"
                      fw={600}
                      c={d.kind === 'worksheet' ? 'grape.8' : d.kind === 'merged' ? 'blue.8' : 'teal.8'}
                    >
                      {KIND_LABELS[d.kind]}
                    </Text>
                    <InternalBadge kind={d.kind} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="mono" style={{ whiteSpace: 'nowrap' }}>
                    {d.documentKey}
                  </Text>
                  {props.showClaim && <ClaimLine d={d} />}
                </Table.Td>
                <Table.Td ta="right" data-testid="document-version">
                  {d.version}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{stamp(d.generatedAt)}</Table.Td>
                <Table.Td>{d.generatedBy}</Table.Td>
                <Table.Td ta="right">{d.pageCount}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {sizeText(d.byteSize)}
                </Table.Td>
                <Table.Td className="mono" title={d.sha256}>
                  {d.sha256.slice(0, 12)}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`View ${d.documentKey}${internalNote(d.kind)}`}
                      onClick={() => setViewing(d)}
                    >
                      View
                    </Button>
                    <SaveDocumentsButton
                      size="xs"
                      ids={[d.id]}
                      ariaLabel={`${SAVE_LABEL} ${d.documentKey}${internalNote(d.kind)}`}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <DocumentViewerModal
        documentId={viewing?.id ?? null}
        title={viewing ? `${KIND_LABELS[viewing.kind]} ${viewing.documentKey}${internalNote(viewing.kind)}` : ''}
        onClose={() => setViewing(null)}
      />
    </>
  );
}

/** " (Internal — not for the payer)" after a worksheet's name, for screen readers and titles. */
const internalNote = (kind: DocumentKind): string => (kind === 'worksheet' ? ` (${INTERNAL_MARK})` : '');

/** Which claim a document belongs to: claim number (when billed), payer, its administrations. */
function ClaimLine({ d }: { d: GeneratedDocument }) {
  const [first] = d.administrationIds;
  return (
    <Text size="xs" c="dimmed">
      {d.claimNumber ? `Claim ${d.claimNumber}` : 'No claim number'} · {d.payerName}
      {' · '}
      {d.administrationIds.length === 1 && first !== undefined ? (
        <Anchor component={Link} to={`/administrations/${first}`} size="xs">
          administration
        </Anchor>
      ) : (
        `${d.administrationIds.length} administrations`
      )}
    </Text>
  );
}
