/** Home: an empty state that says what to do first, then a short summary. */
import { Anchor, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../api';

export function HomePage() {
  const practice = useQuery({ queryKey: ['practice'], queryFn: () => call('practice:get', {}) });
  const drugs = useQuery({ queryKey: ['drugs', 'count'], queryFn: () => call('drugs:list', { limit: 1 }) });
  const practiceDone = !!practice.data;
  const drugCount = drugs.data?.total ?? 0;

  return (
    <Stack maw={720}>
      <Title order={2}>{practiceDone ? `Welcome, ${practice.data?.name}` : 'Welcome to J3490 Desk'}</Title>
      <Text>
        J3490 Desk keeps your drug invoices, works out what each payer should pay for drugs billed under J3490 and the
        other unclassified codes, and prepares the cost attachment those claims need.
      </Text>
      <Card withBorder>
        <Title order={4} mb="xs">
          First steps
        </Title>
        <List spacing="xs" center>
          <List.Item icon={<Step done={practiceDone} n={1} />}>
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
          <List.Item icon={<Step done={drugCount > 0} n={2} />}>
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
        </List>
      </Card>
    </Stack>
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
