/**
 * The audit log (issue 14): who changed which record and when, newest first, filtered by kind of
 * record (or one record), user and days; each change opens to its fields before and after. The
 * log is written by every change the app makes and can only be read here, never edited.
 */
import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { recordTitle } from '../../../shared/domain/audit-words';
import { call } from '../api';
import { AuditEntryRow } from '../audit/audit-entry-row';
import { AuditFilters, OneRecordNote, useAuditFilter } from '../audit/audit-filters';
import { ListFooter } from '../components/list-footer';
import { LIST_PAGE_SIZE } from '../components/paged-list';

export function AuditLogPage() {
  const state = useAuditFilter();
  const [open, setOpen] = useState<number | null>(null);
  const args = { ...state.args, limit: LIST_PAGE_SIZE, offset: (state.page - 1) * LIST_PAGE_SIZE };
  const list = useQuery({
    queryKey: ['audit', 'list', args],
    queryFn: () => call('audit:list', args),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const first = rows[0];
  const oneTitle =
    state.record && first && first.entityId === state.record
      ? recordTitle(first.entity, first.entityId, first.before, first.after)
      : undefined;
  return (
    <Stack>
      <Title order={2}>Audit log</Title>
      <Text c="dimmed" maw={780}>
        Every record added, changed, deleted or imported, by whom and when. Open a change to see each field before and
        after it. The log cannot be edited.
      </Text>
      <AuditFilters state={state} />
      <OneRecordNote state={state} title={oneTitle} />
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.isSuccess && list.data.total === 0 ? (
        <Text c="dimmed" data-testid="audit-empty">
          {state.filtered
            ? 'No changes match these filters.'
            : 'Nothing has been recorded yet. Each record someone adds, changes or deletes will be listed here.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label="Changes" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>What changed</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Fields</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry) => (
                <AuditEntryRow
                  key={entry.id}
                  entry={entry}
                  open={open === entry.id}
                  onToggle={() => setOpen(open === entry.id ? null : entry.id)}
                  onOnlyThisRecord={
                    state.record
                      ? null
                      : () =>
                          state.set({ kind: entry.entity, record: entry.entityId, user: null, from: null, to: null })
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.isSuccess && list.data.total > 0 && (
        <ListFooter
          total={list.data.total}
          noun={['change', 'changes']}
          page={state.page}
          pageSize={LIST_PAGE_SIZE}
          onPage={(p) => state.set({ page: p === 1 ? null : String(p) })}
          testId="audit-count"
        />
      )}
    </Stack>
  );
}
