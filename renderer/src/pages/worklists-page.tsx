/**
 * Worklists for finance staff: underpaid, denied, unpaid by age, unmatched remittance lines and
 * stock never billed, one tab each, the tab in the address so Home's links open the right one.
 */
import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { call } from '../api';
import { UnmatchedPage } from './unmatched-page';
import { AgingWorklist } from '../worklists/aging-worklist';
import { NeverBilledWorklist } from '../worklists/never-billed-worklist';
import { VarianceWorklist } from '../worklists/variance-worklist';

const LISTS = ['underpaid', 'denied', 'unpaid', 'unmatched', 'stock'] as const;
type List = (typeof LISTS)[number];

export function WorklistsPage() {
  const { list: param } = useParams();
  const navigate = useNavigate();
  const list: List = LISTS.find((l) => l === param) ?? 'underpaid';
  const home = useQuery({ queryKey: ['home', 'summary'], queryFn: () => call('home:summary', {}) });
  const count = (n: number | undefined) =>
    n ? (
      <Badge size="sm" variant="light" circle={n < 10}>
        {n.toLocaleString('en-US')}
      </Badge>
    ) : null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Worklists</Title>
      </Group>
      <Tabs value={list} onChange={(v) => v && void navigate(`/worklists/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="underpaid" rightSection={count(home.data?.underpaidLines)}>
            Underpaid
          </Tabs.Tab>
          <Tabs.Tab value="denied" rightSection={count(home.data?.deniedLines)}>
            Denied
          </Tabs.Tab>
          <Tabs.Tab value="unpaid">Unpaid by age</Tabs.Tab>
          <Tabs.Tab value="unmatched" rightSection={count(home.data?.unmatchedLines)}>
            Unmatched payments
          </Tabs.Tab>
          <Tabs.Tab value="stock">Stock never billed</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="underpaid" pt="md">
          <VarianceWorklist status="underpaid" />
        </Tabs.Panel>
        <Tabs.Panel value="denied" pt="md">
          <VarianceWorklist status="denied" />
        </Tabs.Panel>
        <Tabs.Panel value="unpaid" pt="md">
          <AgingWorklist />
        </Tabs.Panel>
        <Tabs.Panel value="unmatched" pt="md">
          <UnmatchedPage embedded />
        </Tabs.Panel>
        <Tabs.Panel value="stock" pt="md">
          <NeverBilledWorklist />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
