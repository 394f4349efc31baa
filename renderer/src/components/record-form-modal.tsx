/**
 * A dialog holding one record's form. It is open while there is a record to edit (or `true` for
 * a new one); the form mounts only while it is open, so each opening starts afresh. Closing it
 * with typed data in the form asks first (discard-guard.tsx).
 */
import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDiscardGuard } from './discard-guard';

export function RecordFormModal<T>(props: {
  record: T | false | null | undefined;
  title: string;
  size?: ModalProps['size'];
  onClose: () => void;
  children: (record: T) => ReactNode;
}) {
  const { record } = props;
  const opened = record !== false && record !== null && record !== undefined;
  const guard = useDiscardGuard(props.onClose);
  return (
    <>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={opened}
        onClose={guard.requestClose}
        title={props.title}
        size={props.size}
      >
        {opened && guard.provide(props.children(record))}
      </Modal>
      {guard.question}
    </>
  );
}
