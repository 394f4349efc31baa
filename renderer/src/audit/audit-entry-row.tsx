/**
 * One change in the audit log: when, who, what was done to which record (with a link to it),
 * the fields it touched in a few words, and, opened, each of those fields before and after.
 */
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { AuditEntryView } from '../../../shared/api/audit-channels';
import { auditChanges, type AuditFieldChange } from '../../../shared/domain/audit-diff';
import { actionWords, entityWords, recordTitle } from '../../../shared/domain/audit-words';
import { localTime } from '../components/local-time';
import { recordLink } from './audit-links';

const ACTION_COLORS: Readonly<Record<AuditEntryView['action'], string>> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  import: 'grape',
};

export const AUDIT_COLUMNS = 6;

/** "Status, Claim number and 3 more": the first fields a change touched, to scan the list by. */
function changedSummary(entry: AuditEntryView, changes: readonly AuditFieldChange[]): string {
  if (entry.action === 'create') return 'New record';
  if (entry.action === 'delete') return 'Record removed';
  if (changes.length === 0) return 'No field changed';
  const names = [...new Set(changes.map((c) => c.label))];
  const shown = names.slice(0, 2).join(', ');
  return names.length > 2 ? `${shown} and ${names.length - 2} more` : shown;
}

export function AuditEntryRow(props: {
  entry: AuditEntryView;
  open: boolean;
  onToggle: () => void;
  onOnlyThisRecord: (() => void) | null;
}) {
  const { entry, open } = props;
  const changes = auditChanges(entry.before, entry.after);
  const title = recordTitle(entry.entity, entry.entityId, entry.before, entry.after);
  const link = recordLink(entry);
  const detailsId = `audit-changes-${entry.id}`;
  return (
    <>
      <Table.Tr data-testid="audit-row">
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{localTime(entry.at)}</Table.Td>
        <Table.Td>{entry.actor}</Table.Td>
        <Table.Td>
          <Badge color={ACTION_COLORS[entry.action]} variant="light" tt="none">
            {actionWords(entry.action)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="xs" c="dimmed">
            {entityWords(entry.entity)}
          </Text>
          {link ? (
            <Anchor component={Link} to={link} size="sm">
              <TitleParts title={title} />
            </Anchor>
          ) : (
            <Text size="sm">
              <TitleParts title={title} />
            </Text>
          )}
          {props.onOnlyThisRecord && (
            <Button size="compact-xs" variant="subtle" px={0} display="block" onClick={props.onOnlyThisRecord}>
              History of this record
            </Button>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{changedSummary(entry, changes)}</Text>
        </Table.Td>
        <Table.Td>
          <Button
            size="compact-sm"
            variant="light"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={props.onToggle}
            disabled={changes.length === 0}
          >
            {open ? 'Hide fields' : `Show fields (${changes.length})`}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={AUDIT_COLUMNS} bg="var(--mantine-color-gray-0)">
            <ChangesTable entry={entry} changes={changes} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** "Rivera, Ana · MRN-0001" wraps between its parts, never inside an account number or a date. */
function TitleParts(props: { title: string }) {
  const parts = props.title.split(' · ');
  return parts.map((part, i) => (
    <Fragment key={i}>
      <span style={{ whiteSpace: 'nowrap' }}>{i < parts.length - 1 ? `${part} ·` : part}</span>
      {i < parts.length - 1 && ' '}
    </Fragment>
  ));
}

const empty = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

const valueCell = (text: string) => (
  <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{text === '' ? empty : text}</Table.Td>
);

/**
 * The fields before and after. A record created (or imported anew) had no "before", and a deleted
 * one has no "after": those show one column of values rather than a column of dashes.
 */
function ChangesTable(props: { entry: AuditEntryView; changes: readonly AuditFieldChange[] }) {
  const { entry, changes } = props;
  const only = entry.before === null ? 'after' : entry.after === null ? 'before' : null;
  return (
    <Table
      withTableBorder
      layout="fixed"
      fz="sm"
      bg="white"
      aria-label={`Fields ${actionWords(entry.action).toLowerCase()} on ${localTime(entry.at)}`}
      data-testid="audit-changes"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">Field</Table.Th>
          {only === null && <Table.Th>Before</Table.Th>}
          {only === null && <Table.Th>After</Table.Th>}
          {only === 'after' && <Table.Th>Value</Table.Th>}
          {only === 'before' && <Table.Th>Value when deleted</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.path} data-testid="audit-change">
            <Table.Td title={c.path}>{c.label}</Table.Td>
            {only !== 'after' && valueCell(c.before)}
            {only !== 'before' && valueCell(c.after)}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
