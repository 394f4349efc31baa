/**
 * "Use this desk's own data instead…" (issue 16): said before it is done, since everyone signed in
 * here is signed out and the window starts again on this desk's own records.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorWords } from '../components/error-words';
import { backToOwnData } from './desk-query';
import { serverName } from './network-words';

export function OwnDataDialog({ url, opened, onClose }: { url: string; opened: boolean; onClose: () => void }) {
  const leave = useMutation({ mutationFn: backToOwnData });
  return (
    <Modal opened={opened} onClose={onClose} title="Use this desk’s own data?" centered>
      <Stack gap="sm">
        <Text size="sm">
          This desk stops working on the practice server at {serverName(url)} and opens its own records again, as they
          were before it connected. Nothing on the server changes, and the other desks go on working there.
        </Text>
        <Text size="sm" c="dimmed">
          To work on the server again, connect to it from Settings → Practice network.
        </Text>
        {leave.error && <Alert color="red">{errorWords(leave.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button data-autofocus loading={leave.isPending} onClick={() => leave.mutate()}>
            Use this desk’s own data
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
