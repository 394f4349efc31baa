/**
 * "Leave without saving?" for the editor pages: a route change away from a form with unsaved
 * changes is held until the person chooses. After a save, `leaveOnPurpose` lets that one
 * navigation through.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useBlocker } from 'react-router';

export function useUnsavedChangesGuard() {
  const [dirty, setDirty] = useState(false);
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const leaveOnPurpose = useCallback(() => {
    leaving.current = true;
  }, []);
  return { blocker, onDirtyChange, leaveOnPurpose };
}

export function UnsavedChangesModal(props: { blocker: ReturnType<typeof useBlocker>; what: string }) {
  const { blocker } = props;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
    >
      <Stack>
        <Text>What you typed on {props.what} has not been saved and will be lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={() => blocker.reset?.()}>
            Keep editing
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Discard changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
