/**
 * "Connect to a practice server…" (issue 16): the address, then "Check the server", which shows
 * the fingerprint the server presents without sending it anything; the person compares it with the
 * one the server shows, and only "They match: connect" makes this desk work there, trusting that
 * certificate alone. The window then reloads onto the server's sign-in screen. Enter submits each
 * step; a changed address goes back to checking.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call } from '../api';
import { errorWords } from '../components/error-words';
import { reloadOnNewData } from './desk-query';
import { FingerprintBlock } from './fingerprint-block';
import { serverName } from './network-words';

/** Refusals about the address itself: said under the address field. */
const ADDRESS_CODES = new Set(['SERVER_UNREACHABLE', 'SERVER_ADDRESS_INVALID', 'SERVER_NOT_HTTPS']);

type Seen = { url: string; fingerprint: string };

const addressError = (err: unknown): string | null =>
  err instanceof ApiError && (ADDRESS_CODES.has(err.code) || err.fields[0]?.field === 'address') ? err.message : null;

export function ConnectDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [address, setAddress] = useState('');
  const [seen, setSeen] = useState<Seen | null>(null);
  const [typedError, setTypedError] = useState<string | null>(null);

  const peek = useMutation({
    mutationFn: (typed: string) => call('desk:peek', { address: typed }),
    onSuccess: setSeen,
  });
  const connect = useMutation({
    mutationFn: (args: { address: string; fingerprint: string }) => call('desk:connect', args),
    onSuccess: reloadOnNewData,
  });
  const failed = connect.error ?? peek.error;
  const onAddress = typedError ?? addressError(failed);
  const inDialog = failed && !addressError(failed) ? failed : null;

  const close = () => {
    setAddress('');
    setSeen(null);
    setTypedError(null);
    peek.reset();
    connect.reset();
    onClose();
  };
  const submit = () => {
    if (seen) {
      connect.mutate({ address, fingerprint: seen.fingerprint });
      return;
    }
    connect.reset();
    if (address.trim() === '') {
      setTypedError('Enter the server’s address, e.g. 192.168.1.20:3490.');
      return;
    }
    peek.mutate(address);
  };

  return (
    <Modal opened={opened} onClose={close} title="Connect to a practice server" centered size="lg">
      <form
        noValidate
        aria-label="Connect to a practice server"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            This desk then works on the practice server’s records instead of its own, and everyone here signs in with
            the name and password the practice’s owner gave them.
          </Text>
          <TextInput
            label="Server address"
            placeholder="e.g. 192.168.1.20:3490"
            description="As shown on the server: Settings → Practice network, or in the window where j3490 serve runs."
            data-autofocus
            value={address}
            error={onAddress}
            onChange={(e) => {
              setAddress(e.currentTarget.value);
              setSeen(null);
              setTypedError(null);
              peek.reset();
              connect.reset();
            }}
          />
          {seen && (
            <Stack gap="xs" data-testid="presented-fingerprint">
              <Text size="sm">The server at {serverName(seen.url)} presents this fingerprint:</Text>
              <FingerprintBlock fingerprint={seen.fingerprint} label="The fingerprint the server presents" />
              <Text size="sm">
                Compare it, pair by pair, with the fingerprint shown on the server (its Settings → Practice network, or
                the window where j3490 serve runs). Connect only if they match; if they do not, ask the practice’s owner
                before going on.
              </Text>
            </Stack>
          )}
          {inDialog && (
            <Alert color="red" title="Not connected">
              {errorWords(inDialog)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            {seen ? (
              <Button type="submit" loading={connect.isPending}>
                They match: connect
              </Button>
            ) : (
              <Button type="submit" loading={peek.isPending}>
                Check the server
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
