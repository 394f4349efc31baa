/**
 * "Delete this …?" asked the same way everywhere: what will go, "Keep it" focused first (Enter
 * does not delete), and the service's refusal shown in place when it says no (e.g. IN_USE).
 */
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { SupportCode } from './error-words';

export function ConfirmDeleteModal(props: {
  opened: boolean;
  title: string;
  confirmLabel: string;
  keepLabel?: string;
  busy: boolean;
  /** The last refusal, shown above the buttons; deleting again is disabled until the dialog closes. */
  error?: unknown;
  errorTestId?: string;
  onClose: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const { error } = props;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
    >
      {props.opened && (
        <Stack>
          {props.children}
          {error != null && (
            <Alert color="red" title="Not deleted" data-testid={props.errorTestId}>
              {error instanceof Error ? error.message : String(error)}
              {error instanceof ApiError && <SupportCode code={error.code} />}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} data-autofocus>
              {props.keepLabel ?? 'Keep it'}
            </Button>
            <Button color="red" loading={props.busy} disabled={error != null} onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
