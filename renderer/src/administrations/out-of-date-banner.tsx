/**
 * "N estimates are out of date": prices, contracts or payer terms changed after some open
 * administrations were estimated (the service flags them; estimate-staleness.ts). One button
 * recomputes them all; billed claims are never touched. Says what it did when it is done.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { plural } from '../attachments/document-words';

export function OutOfDateBanner() {
  const queryClient = useQueryClient();
  const stale = useQuery({
    queryKey: ['administrations', 'list', 'out-of-date'],
    queryFn: () => call('administrations:list', { outOfDate: true, limit: 1 }),
  });
  const recompute = useMutation({
    mutationFn: () => call('administrations:recomputeStale', {}),
    onSuccess: ({ recomputed, changed }) => {
      notifications.show({
        color: 'teal',
        title: 'Estimates recomputed',
        message: `${plural(recomputed, 'estimate', 'estimates')} recomputed from the prices and terms on file now; ${
          changed === 0 ? 'none came out different' : `${changed} came out different`
        }.`,
      });
      void queryClient.invalidateQueries({ queryKey: ['administrations'] });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not recomputed', message: err.message }),
  });
  const n = stale.data?.total ?? 0;
  if (n === 0) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="out-of-date-banner" title="Estimates out of date">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" maw={760}>
          Prices, contracts or payer terms changed after{' '}
          {n === 1 ? 'an open administration was' : `${n} open administrations were`} estimated. Their expected payment
          is as it was until recomputed; billed claims keep theirs.
        </Text>
        <Button size="sm" loading={recompute.isPending} onClick={() => recompute.mutate()}>
          Recompute {plural(n, 'estimate', 'estimates')}
        </Button>
      </Group>
    </Alert>
  );
}
