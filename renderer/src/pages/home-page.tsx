/**
 * Home: the first steps until the practice is set up; then the day's work at a glance, each item
 * a link to its list, and expected against paid over the last twelve months. With accounts, a
 * person sees as steps and links only what their role works on (home/first-steps.ts).
 */
import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { HomeSummary } from '../../../shared/api/report-channels';
import { call } from '../api';
import { ExpectedPaidChart } from '../home/expected-paid-chart';
import { stepsFor, type StepKey } from '../home/first-steps';
import { roleSeesLink } from '../security/area-access';
import { useAuthStatus } from '../security/auth-query';

export function HomePage() {
  const practice = useQuery({ queryKey: ['practice'], queryFn: () => call('practice:get', {}) });
  const drugs = useQuery({ queryKey: ['drugs', 'count'], queryFn: () => call('drugs:list', { limit: 1 }) });
  const practiceDone = !!practice.data;
  const drugCount = drugs.data?.total ?? 0;
  const setUp = practiceDone && drugCount > 0;

  return (
    <Stack maw={setUp ? 1100 : 720}>
      <Title order={2}>{practiceDone ? `Welcome, ${practice.data?.name}` : 'Welcome to J3490 Desk'}</Title>
      {setUp ? (
        <DaysWork />
      ) : (
        <>
          <Text>
            J3490 Desk keeps your drug invoices, works out what each payer should pay for drugs billed under J3490 and
            the other unclassified codes, and prepares the cost attachment those claims need.
          </Text>
          <FirstSteps practiceDone={practiceDone} drugCount={drugCount} />
        </>
      )}
    </Stack>
  );
}

type Item = { key: keyof Omit<HomeSummary, 'months'>; to: string; one: string; many: string; tone: string };

/** What waits for someone today, in the order the work flows: bill, follow up, stock. */
const ITEMS: readonly Item[] = [
  {
    key: 'notReadyToBill',
    to: '/administrations?status=draft&readiness=not-ready',
    one: 'administration not ready to bill',
    many: 'administrations not ready to bill',
    tone: 'orange',
  },
  {
    key: 'readyWithoutAttachment',
    to: '/administrations?status=ready&noAttachment=1',
    one: 'claim ready to bill with no cost attachment yet',
    many: 'claims ready to bill with no cost attachment yet',
    tone: 'blue',
  },
  {
    key: 'underpaidLines',
    to: '/worklists/underpaid',
    one: 'underpaid claim line',
    many: 'underpaid claim lines',
    tone: 'orange',
  },
  { key: 'deniedLines', to: '/worklists/denied', one: 'denied claim line', many: 'denied claim lines', tone: 'red' },
  {
    key: 'unpaidOver60Days',
    to: '/worklists/unpaid?olderThan=60',
    one: 'claim line unpaid more than 60 days after billing',
    many: 'claim lines unpaid more than 60 days after billing',
    tone: 'orange',
  },
  {
    key: 'unmatchedLines',
    to: '/worklists/unmatched',
    one: 'payment line not matched to a claim',
    many: 'payment lines not matched to a claim',
    tone: 'yellow',
  },
  {
    key: 'lotsExpiringIn30Days',
    to: '/stock?status=expiring&days=30',
    one: 'lot expiring within 30 days',
    many: 'lots expiring within 30 days',
    tone: 'yellow',
  },
];

function DaysWork() {
  const role = useAuthStatus().data?.signedIn?.role;
  const summary = useQuery({ queryKey: ['home', 'summary'], queryFn: () => call('home:summary', {}) });
  if (summary.isError) return <Text c="red">{summary.error.message}</Text>;
  if (!summary.data) return <Text c="dimmed">Reading today’s work…</Text>;
  const s = summary.data;
  const waiting = ITEMS.filter((i) => s[i.key] > 0 && roleSeesLink(role, i.to));
  return (
    <Stack>
      <Title order={3}>Today’s work</Title>
      {waiting.length === 0 ? (
        <Text c="dimmed" data-testid="home-nothing-waiting">
          Nothing is waiting: every administration is ready or billed, every payment matched and paid as expected.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="home-work">
          {waiting.map((i) => (
            <Card key={i.key} withBorder padding="sm" component={Link} to={i.to} data-testid={`home-${i.key}`}>
              <Group gap="sm" wrap="nowrap" align="center">
                <ThemeIcon color={i.tone} variant="light" size={40} radius="md">
                  <Text fw={700}>{s[i.key].toLocaleString('en-US')}</Text>
                </ThemeIcon>
                <Text>{s[i.key] === 1 ? i.one : i.many}</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Expected from payers against paid, last 12 months</Title>
          {roleSeesLink(role, '/reports') && (
            <Anchor component={Link} to="/reports" size="sm">
              Reports
            </Anchor>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          What payers were expected to pay for the claim lines of each month of service, and what they have paid so far.
        </Text>
        <ExpectedPaidChart months={s.months} height={220} testId="home-chart" />
      </Card>
    </Stack>
  );
}

function FirstSteps({ practiceDone, drugCount }: { practiceDone: boolean; drugCount: number }) {
  const role = useAuthStatus().data?.signedIn?.role;
  const { mine, othersLeft } = stepsFor(role, { practice: practiceDone, drugs: drugCount > 0 });
  const mySteps: Record<StepKey, (n: number) => ReactNode> = {
    practice: (n) => (
      <List.Item key="practice" icon={<Step done={practiceDone} n={n} />}>
        {practiceDone ? (
          'Practice settings are saved.'
        ) : (
          <>
            <Anchor component={Link} to="/settings">
              Enter your practice settings
            </Anchor>{' '}
            — name, address, NPI and TIN as they print on claims.
          </>
        )}
      </List.Item>
    ),
    drugs: (n) => (
      <List.Item key="drugs" icon={<Step done={drugCount > 0} n={n} />}>
        {drugCount > 0 ? (
          <>
            {drugCount} {drugCount === 1 ? 'drug is' : 'drugs are'} in the{' '}
            <Anchor component={Link} to="/drugs">
              drug catalog
            </Anchor>
            .
          </>
        ) : (
          <>
            <Anchor component={Link} to="/drugs">
              Add the drugs you bill as J3490
            </Anchor>{' '}
            to the catalog, by NDC.
          </>
        )}
      </List.Item>
    ),
  };
  return (
    <Card withBorder data-testid="home-first-steps">
      <Title order={4} mb="xs">
        {mine.length > 0 ? 'First steps' : 'The practice is being set up'}
      </Title>
      {mine.length > 0 && (
        <List spacing="xs" center>
          {mine.map((key, i) => mySteps[key](i + 1))}
        </List>
      )}
      {othersLeft.length > 0 && (
        <Stack gap={4} mt={mine.length > 0 ? 'sm' : 0} data-testid="home-steps-of-others">
          <Text size="sm" c="dimmed">
            {mine.length > 0 ? 'Also still to do, by others:' : 'Still to do before billing starts, by others:'}
          </Text>
          <List size="sm" spacing={2} c="dimmed">
            {othersLeft.map((o) => (
              <List.Item key={o.key}>
                {o.what.charAt(0).toUpperCase() + o.what.slice(1)}: {o.who}.
              </List.Item>
            ))}
          </List>
          {mine.length === 0 && (
            <Text size="sm" c="dimmed">
              Meanwhile, the pages of your work are in the menu.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Step({ done, n }: { done: boolean; n: number }) {
  return (
    <ThemeIcon color={done ? 'teal' : 'gray'} size={22} radius="xl" aria-label={done ? 'done' : 'to do'}>
      <Text size="xs" fw={700}>
        {done ? '✓' : n}
      </Text>
    </ThemeIcon>
  );
}
