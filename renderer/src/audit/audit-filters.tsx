/**
 * The audit log's filters, kept in the address (#/audit?kind=invoice&record=12&user=dana&from=…)
 * so a "History" link from a record's page opens the log already narrowed to that record, and
 * Back returns to the same view. Kinds of record and users come from the log itself.
 */
import { Button, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { entityWords } from '../../../shared/domain/audit-words';
import { isIsoDate } from '../../../shared/domain/iso-date';
import { call } from '../api';
import { DateFilter } from '../components/date-filter';

export type AuditFilterArgs = { entity?: string; entityId?: string; actor?: string; from?: string; to?: string };

type Param = 'kind' | 'record' | 'user' | 'from' | 'to' | 'page';

export function useAuditFilter() {
  const [params, setParams] = useSearchParams();
  const get = (name: Param): string => params.get(name)?.trim() ?? '';
  const kind = get('kind');
  const record = kind ? get('record') : '';
  const user = get('user');
  const from = get('from');
  const to = get('to');
  const page = Math.max(1, Number.parseInt(get('page'), 10) || 1);

  const fromError = from && !isIsoDate(from) ? 'Not a real date.' : undefined;
  const toError =
    to && !isIsoDate(to)
      ? 'Not a real date.'
      : from && !fromError && to && to < from
        ? 'The end date is before the start date.'
        : undefined;

  /** Set some filters (an empty value removes one); any change but the page starts again at page 1. */
  const set = (changes: Partial<Record<Param, string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const args: AuditFilterArgs = {
    ...(kind ? { entity: kind } : {}),
    ...(record ? { entityId: record } : {}),
    ...(user ? { actor: user } : {}),
    ...(from && !fromError ? { from } : {}),
    ...(to && !toError ? { to } : {}),
  };
  return {
    kind,
    record,
    user,
    from,
    to,
    page,
    fromError,
    toError,
    args,
    /** Whether any filter narrows the list (a date not yet valid does not). */
    filtered: Object.keys(args).length > 0,
    set,
    clear: () => setParams(new URLSearchParams(), { replace: true }),
  };
}

export type AuditFilterState = ReturnType<typeof useAuditFilter>;

export function AuditFilters(props: { state: AuditFilterState }) {
  const { state } = props;
  const facets = useQuery({ queryKey: ['audit', 'facets'], queryFn: () => call('audit:facets', {}) });
  const kinds = (facets.data?.entities ?? [])
    .map((e) => ({ value: e, label: entityWords(e) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  // A kind or user from a link may not be in the log (yet): keep it choosable so the field shows it.
  if (state.kind && !kinds.some((k) => k.value === state.kind))
    kinds.push({ value: state.kind, label: entityWords(state.kind) });
  const users = facets.data?.actors ?? [];
  if (state.user && !users.includes(state.user)) users.push(state.user);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="Kind of record"
        placeholder="All kinds of record"
        clearable
        searchable
        w={230}
        data={kinds}
        value={state.kind || null}
        onChange={(v) => state.set({ kind: v, record: null })}
      />
      <Select
        label="User"
        placeholder="Everyone"
        clearable
        searchable
        w={200}
        data={users}
        value={state.user || null}
        onChange={(v) => state.set({ user: v })}
      />
      <DateFilter
        label="From"
        w={170}
        value={state.from}
        error={state.fromError}
        onApply={(iso) => state.set({ from: iso })}
      />
      <DateFilter label="To" w={170} value={state.to} error={state.toError} onApply={(iso) => state.set({ to: iso })} />
      {(state.filtered || state.fromError || state.toError) && (
        <Button variant="subtle" mt={25} onClick={state.clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

/** Said above the list while it shows a single record's history, with the way back to its whole kind. */
export function OneRecordNote(props: { state: AuditFilterState; title: string | undefined }) {
  const { state } = props;
  if (!state.record) return null;
  const kind = entityWords(state.kind);
  return (
    <Group gap="xs" data-testid="audit-one-record">
      <Text size="sm">
        Showing the history of one {kind.toLowerCase()}
        {props.title ? `: ${props.title}` : ` (number ${state.record})`}.
      </Text>
      <Button size="compact-sm" variant="light" onClick={() => state.set({ record: null })}>
        Show every {kind.toLowerCase()}
      </Button>
    </Group>
  );
}
