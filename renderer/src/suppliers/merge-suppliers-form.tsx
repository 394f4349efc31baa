/**
 * "Merge duplicate suppliers": the duplicate to remove (filled in from the row it was opened
 * on) and the supplier to keep, with names that look like the same business offered first.
 * Once both are chosen the service's plan says in a sentence what moves and what is removed;
 * nothing happens until the red "Merge and remove …" button is pressed (it is not a form, so
 * Enter in a field never merges).
 */
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Supplier } from '../../../shared/domain/invoice';
import { ApiError, call } from '../api';
import { likelySame, mergeWords } from './supplier-words';

type Choice = { value: string; label: string };

/** The suppliers to choose from (all but `except`), those named like `like` first. */
function choices(all: readonly Supplier[], except: number | null, like: Supplier | undefined) {
  const others = all.filter((s) => s.id !== except);
  const similar = like ? new Set(likelySame(like, others).map((s) => s.id)) : new Set<number>();
  const item = (s: Supplier): Choice => ({ value: String(s.id), label: s.name });
  if (similar.size === 0) return others.map(item);
  return [
    { group: 'Names like this one', items: others.filter((s) => similar.has(s.id)).map(item) },
    { group: 'Other suppliers', items: others.filter((s) => !similar.has(s.id)).map(item) },
  ];
}

export function MergeSuppliersForm(props: { suppliers: readonly Supplier[]; duplicate: Supplier; onDone: () => void }) {
  const { suppliers } = props;
  const queryClient = useQueryClient();
  const [mergeId, setMergeId] = useState<number | null>(props.duplicate.id);
  const [keepId, setKeepId] = useState<number | null>(null);
  const byId = (id: number | null) => suppliers.find((s) => s.id === id);

  const plan = useQuery({
    queryKey: ['suppliers', 'mergePlan', keepId, mergeId],
    queryFn: () => call('suppliers:mergePlan', { keepId: keepId ?? 0, mergeId: mergeId ?? 0 }),
    enabled: keepId !== null && mergeId !== null,
  });
  const merge = useMutation({
    mutationFn: (ids: { keepId: number; mergeId: number }) => call('suppliers:merge', ids),
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        title: 'Suppliers merged',
        message:
          r.invoicesMoved > 0
            ? `${r.invoicesMoved} ${r.invoicesMoved === 1 ? 'invoice' : 'invoices'} moved to ${r.kept.name}; ${r.removedName} was removed.`
            : `${r.removedName} was removed; ${r.kept.name} stays as it was.`,
      });
      // Closed first: the plan it showed names a supplier that is gone now, and must not be read again.
      props.onDone();
      queryClient.removeQueries({ queryKey: ['suppliers', 'mergePlan'] });
      // Invoices, lots and the wizard's remembered columns now name the kept supplier.
      for (const key of ['suppliers', 'invoices', 'stock', 'imports']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });

  const words = plan.data ? mergeWords(plan.data) : null;
  const clashes = plan.data?.clashingInvoiceNumbers ?? [];
  const refusal = merge.error ?? plan.error;
  const fieldError = (field: 'keepId' | 'mergeId') =>
    refusal instanceof ApiError ? refusal.fields.find((f) => f.field === field)?.message : undefined;
  const generalRefusal = refusal && !(refusal instanceof ApiError && refusal.fields.length > 0) ? refusal : null;

  return (
    <Stack>
      <Text size="sm">
        For a supplier entered twice under different names. Its invoices move to the supplier you keep, then the
        duplicate is removed.
      </Text>
      <Select
        label="Duplicate to remove"
        required
        searchable
        allowDeselect={false}
        data={choices(suppliers, keepId, byId(keepId))}
        value={mergeId === null ? null : String(mergeId)}
        error={fieldError('mergeId')}
        onChange={(v) => {
          setMergeId(v === null ? null : Number(v));
          merge.reset();
        }}
      />
      <Select
        label="Supplier to keep"
        required
        searchable
        allowDeselect={false}
        data-autofocus
        placeholder="Choose the supplier to keep"
        nothingFoundMessage="No supplier matches"
        data={choices(suppliers, mergeId, byId(mergeId))}
        value={keepId === null ? null : String(keepId)}
        error={fieldError('keepId')}
        onChange={(v) => {
          setKeepId(v === null ? null : Number(v));
          merge.reset();
        }}
      />
      {words && clashes.length === 0 && (
        <Alert color="orange" title="What the merge does" data-testid="merge-summary">
          <Stack gap={6}>
            <Text size="sm">{words.summary}</Text>
            {words.notes.map((n) => (
              <Text size="sm" key={n}>
                {n}
              </Text>
            ))}
            <Text size="sm">This cannot be undone.</Text>
          </Stack>
        </Alert>
      )}
      {plan.data && clashes.length > 0 && (
        <Alert color="red" title="These cannot be merged yet" data-testid="merge-clash">
          Both have {clashes.length === 1 ? 'an invoice numbered' : 'invoices numbered'} {clashes.join(', ')}. Each
          supplier’s invoice numbers are unique, so this is most likely the same invoice entered twice: delete or
          correct one of them on the Invoices page, then merge.
        </Alert>
      )}
      {generalRefusal && (
        <Alert color="red" title="Not merged" data-testid="merge-refused">
          {generalRefusal.message}
          {generalRefusal instanceof ApiError && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({generalRefusal.code})
            </Text>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={merge.isPending}
          disabled={!plan.data || clashes.length > 0 || merge.isError}
          onClick={() => keepId !== null && mergeId !== null && merge.mutate({ keepId, mergeId })}
        >
          {plan.data ? `Merge and remove ${plan.data.merge.name}` : 'Merge'}
        </Button>
      </Group>
    </Stack>
  );
}
