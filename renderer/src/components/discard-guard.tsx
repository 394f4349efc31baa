/**
 * "Discard what you typed?" for forms in a dialog: Escape, the close button or a click beside the
 * dialog closes an untouched form at once, but a form with typed data asks first. The form says
 * whether it holds typed data through `useReportDirty` (useRecordForm does it for every form
 * built on it); the dialog (RecordFormModal) asks.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const DirtyContext = createContext<((dirty: boolean) => void) | null>(null);

/** Tell the dialog around this form (if any) whether it holds typed data. */
export function useReportDirty(dirty: boolean): void {
  const report = useContext(DirtyContext);
  useEffect(() => {
    report?.(dirty);
  }, [report, dirty]);
  // Unmounted (the dialog closed or moved on), nothing typed is held any more.
  useEffect(() => () => report?.(false), [report]);
}

/** The close handler to give the dialog, the provider for its form, and the question itself. */
export function useDiscardGuard(onClose: () => void) {
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  const report = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  const requestClose = useCallback(() => {
    if (dirty.current) setAsking(true);
    else onClose();
  }, [onClose]);
  const discard = useCallback(() => {
    setAsking(false);
    dirty.current = false;
    onClose();
  }, [onClose]);
  const provide = (children: ReactNode) => <DirtyContext.Provider value={report}>{children}</DirtyContext.Provider>;
  const question = <DiscardQuestion opened={asking} onKeep={() => setAsking(false)} onDiscard={discard} />;
  return { requestClose, provide, question };
}

function DiscardQuestion(props: { opened: boolean; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Keep editing' }}
      opened={props.opened}
      onClose={props.onKeep}
      // Mantine hears Escape on the window, for every open dialog: the keystroke that opened this
      // question would also close it at once. Escape is taken here from inside the question only.
      closeOnEscape={false}
      title="Discard what you typed?"
      size="sm"
      zIndex={400}
    >
      <Stack
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          props.onKeep();
        }}
      >
        <Text size="sm">What you typed in this form has not been saved.</Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={props.onKeep}>
            Keep editing
          </Button>
          <Button color="red" onClick={props.onDiscard}>
            Discard
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
