/**
 * "Share this practice with other desks" (issue 16): a switch and the port, the owner's to change
 * (others see the state). Sharing needs accounts, since every desk that connects signs in; without
 * them the section says so and leads to the Accounts card. While on: the addresses other desks
 * type and the certificate's fingerprint they compare the first time they connect.
 */
import { Alert, Anchor, List, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_PRACTICE_PORT, type SharingStatus } from '../../../shared/api/practice-network-channels';
import { ApiError, call } from '../api';
import { errorWords } from '../components/error-words';
import { FingerprintBlock } from './fingerprint-block';
import { readPort } from './network-words';

export const SHARING_KEY = ['sharing'] as const;

/** Codes said next to the switch or the port field; anything else goes under the section. */
const SWITCH_CODES = new Set(['SHARING_NEEDS_ACCOUNTS', 'SHARING_AT_SERVER']);
const PORT_CODES = new Set(['PORT_IN_USE']);

const scrollToAccounts = () =>
  document.querySelector('[data-testid="accounts-card"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' });

export function SharingSection({ status, mayChange }: { status: SharingStatus; mayChange: boolean }) {
  const queryClient = useQueryClient();
  const [portText, setPortText] = useState(String(status.port ?? DEFAULT_PRACTICE_PORT));
  const [portError, setPortError] = useState<string | null>(null);

  const set = useMutation({
    mutationFn: (args: { on: boolean; port: number }) => call('sharing:set', args),
    onSuccess: (next) => {
      queryClient.setQueryData(SHARING_KEY, next);
      notifications.show({
        color: 'teal',
        title: next.on ? 'Sharing this practice' : 'Stopped sharing',
        message: next.on
          ? `Other desks can connect on port ${next.port ?? ''}.`
          : 'Other desks can no longer reach this practice.',
      });
    },
    onError: (err) => {
      const onPort = err instanceof ApiError && (PORT_CODES.has(err.code) || err.fields[0]?.field === 'port');
      if (onPort) setPortError(err.message);
    },
  });
  const refusal = set.error instanceof ApiError ? set.error : null;
  const switchError = refusal && SWITCH_CODES.has(refusal.code) ? refusal.message : null;
  const elsewhere = set.error && !switchError && !portError ? set.error : null;

  const turn = (on: boolean) => {
    set.reset();
    setPortError(null);
    const read = readPort(portText);
    if ('error' in read) {
      setPortError(read.error);
      return;
    }
    set.mutate({ on, port: read.port });
  };

  return (
    <Stack gap="sm">
      <Text fw={600}>Share this practice with other desks</Text>
      <Text size="sm" c="dimmed">
        While sharing is on, the other desks of the practice connect to this computer over the practice network and work
        on the same records. This computer must stay on and J3490 Desk open while they work.
      </Text>
      {!status.accountsOn && (
        <Alert color="blue" data-testid="sharing-needs-accounts">
          Sharing needs accounts: everyone who works from another desk signs in with their own name and password.{' '}
          <Anchor component="button" type="button" size="sm" onClick={scrollToAccounts}>
            Turn on accounts first
          </Anchor>
          .
        </Alert>
      )}
      <form
        noValidate
        aria-label="Share this practice"
        onSubmit={(e) => {
          e.preventDefault();
          if (mayChange && !status.on) turn(true);
        }}
      >
        <Stack gap="sm">
          <Switch
            label="Share this practice"
            checked={status.on}
            disabled={!mayChange || set.isPending}
            error={switchError}
            onChange={(e) => turn(e.currentTarget.checked)}
          />
          <TextInput
            label="Port"
            w={320}
            maw="100%"
            inputMode="numeric"
            value={portText}
            disabled={!mayChange || status.on || set.isPending}
            description={
              status.on ? 'Turn sharing off to change it.' : 'From 1024 to 65535; keep 3490 unless it is taken.'
            }
            error={portError}
            onChange={(e) => {
              setPortText(e.currentTarget.value);
              setPortError(null);
            }}
          />
        </Stack>
      </form>
      {!mayChange && (
        <Text size="sm" c="dimmed">
          Only the practice’s owner turns sharing on or off.
        </Text>
      )}
      {elsewhere && (
        <Alert color="red" title="Sharing did not change">
          {errorWords(elsewhere)}
        </Alert>
      )}
      {status.on && <SharingOn status={status} />}
    </Stack>
  );
}

function SharingOn({ status }: { status: SharingStatus }) {
  return (
    <Stack gap="xs" data-testid="sharing-on">
      <Text size="sm">
        On another desk, Settings → Practice network → Connect to a practice server…, with one of these addresses:
      </Text>
      <List size="sm" aria-label="Addresses other desks type" spacing={2}>
        {status.addresses.map((address) => (
          <List.Item key={address}>
            <Text component="span" ff="monospace" size="sm">
              {address}
            </Text>
          </List.Item>
        ))}
      </List>
      {status.fingerprint && (
        <>
          <Text size="sm">This practice server’s fingerprint:</Text>
          <FingerprintBlock fingerprint={status.fingerprint} label="This practice server’s fingerprint" />
          <Text size="sm" c="dimmed">
            Each desk compares it with the fingerprint it is shown the first time it connects, pair by pair.
          </Text>
        </>
      )}
    </Stack>
  );
}
