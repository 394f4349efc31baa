/**
 * One drug's checklist for its move to the specific code: charge master, fee schedules, staff,
 * payers' contracts. Ticking asks the service (which records who and when, and audits it), then
 * the tracker is read again so every figure on the page stays the service's.
 */
import { Checkbox, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TransitionItem, TransitionRow } from '../../../shared/api/reference-channels';
import { call } from '../api';
import { localTime } from '../components/local-time';

export function TransitionChecklist({ row }: { row: TransitionRow }) {
  const queryClient = useQueryClient();
  const tick = useMutation({
    mutationFn: (v: { item: TransitionItem; done: boolean }) =>
      call('transitions:setItem', { ndc11: row.ndc11, item: v.item, done: v.done }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['transitions'] }),
    onError: (err) => notifications.show({ color: 'red', title: 'Not changed', message: err.message }),
  });
  return (
    <Group gap="lg" align="flex-start" data-testid="transition-checklist">
      <Text size="xs" c="dimmed" fw={600} pt={2}>
        Move to the code:
      </Text>
      {row.checklist.map((c) => (
        <Checkbox
          key={c.item}
          size="xs"
          label={c.label}
          wrapperProps={{ 'data-testid': 'transition-item', 'data-item': c.item }}
          description={c.doneAt ? `${c.doneBy ?? 'someone not recorded'}, ${localTime(c.doneAt)}` : undefined}
          // Shown as asked while the service records it, then as the tracker reads back.
          checked={tick.isPending && tick.variables?.item === c.item ? tick.variables.done : c.doneAt !== null}
          disabled={tick.isPending && tick.variables?.item === c.item}
          onChange={(e) => tick.mutate({ item: c.item, done: e.currentTarget.checked })}
        />
      ))}
    </Group>
  );
}
