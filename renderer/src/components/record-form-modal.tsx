/**
 * A dialog holding one record's form. It is open while there is a record to edit (or `true` for
 * a new one); the form mounts only while it is open, so each opening starts afresh.
 */
import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function RecordFormModal<T>(props: {
  record: T | false | null | undefined;
  title: string;
  size?: ModalProps['size'];
  onClose: () => void;
  children: (record: T) => ReactNode;
}) {
  const { record } = props;
  const opened = record !== false && record !== null && record !== undefined;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={props.onClose}
      title={props.title}
      size={props.size}
    >
      {opened && props.children(record)}
    </Modal>
  );
}
