/**
 * Settings → Security: whether this practice's data is encrypted on this computer, the
 * passphrase (set or change it), after how long the app locks, and "Lock now". On a desk working
 * on a practice server (issue 16) these are the server machine's: the card says so instead.
 */
import { Alert, Button, Card, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { errorWords } from '../components/error-words';
import { LockAfterForm } from './lock-after-form';
import { PassphraseForm } from './passphrase-form';
import { SESSION_KEY, useSessionStatus } from './session-query';

export function SecurityCard() {
  const queryClient = useQueryClient();
  const session = useSessionStatus();
  const lock = useMutation({
    mutationFn: () => call('session:lock', {}),
    onSuccess: (status) => queryClient.setQueryData(SESSION_KEY, status),
  });
  const status = session.data;

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>Security</Title>
        {!status ? (
          session.error ? (
            <Alert color="red">{errorWords(session.error)}</Alert>
          ) : (
            <Loader size="sm" aria-label="Loading" />
          )
        ) : status.keptAtServer ? (
          <Text data-testid="kept-at-server">
            The passphrase and the lock are kept at the practice server, on the computer that holds the practice’s data.
            This desk signs out by itself after the practice’s time without activity, which the owner sets.
          </Text>
        ) : (
          <>
            {status.encrypted ? (
              <Text data-testid="encryption-status">
                This practice’s data is encrypted on this computer: its database, invoice scans, documents and backups
                cannot be read from a copy of the files.
              </Text>
            ) : (
              <Alert color="yellow" title="Not encrypted" data-testid="encryption-status">
                This practice’s data is not encrypted on this computer: anyone who can open its data folder can read it.
                A passphrase and the lock are available once it is encrypted.
              </Alert>
            )}
            {status.encrypted && (
              <>
                <Divider />
                <PassphraseForm key={String(status.hasPassphrase)} hasPassphrase={status.hasPassphrase} />
              </>
            )}
            <Divider />
            <Text fw={600}>Lock when not in use</Text>
            <Text size="sm" c="dimmed">
              After this time without a click, a key or a scroll, J3490 Desk hides everything and asks for the
              passphrase. Anything typed and not yet saved is cleared when it locks.
            </Text>
            <LockAfterForm lockAfterMinutes={status.lockAfterMinutes} />
            {!status.hasPassphrase && (
              <Text size="sm" c="dimmed">
                J3490 Desk locks only once a passphrase is set, since the passphrase is what unlocks it.
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                disabled={!status.hasPassphrase}
                loading={lock.isPending}
                onClick={() => lock.mutate()}
              >
                Lock now
              </Button>
            </Group>
            {lock.error && (
              <Text c="red" size="sm" role="alert">
                {errorWords(lock.error)}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
