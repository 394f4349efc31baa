/** The "?" overlay: every keyboard shortcut, and how Tab, Enter and Escape move through the app. */
import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { modKeyLabel, shortcutHelp } from './shortcut-keys';

/** Keys pressed together ("Ctrl" + "S"), or one after another's alternative ("N" or "Alt" + "N"). */
function KeyCombos(props: { combos: readonly (readonly string[])[] }) {
  return (
    <Group gap={6} wrap="nowrap">
      {props.combos.map((combo, i) => (
        <Fragment key={combo.join('+')}>
          {i > 0 && (
            <Text span size="sm" c="dimmed">
              or
            </Text>
          )}
          <Group gap={4} wrap="nowrap">
            {combo.map((k, j) => (
              <Fragment key={k}>
                {j > 0 && (
                  <Text span size="sm" c="dimmed">
                    +
                  </Text>
                )}
                <Kbd>{k}</Kbd>
              </Fragment>
            ))}
          </Group>
        </Fragment>
      ))}
    </Group>
  );
}

export function ShortcutsOverlay(props: { opened: boolean; onClose: () => void }) {
  const mod = modKeyLabel(typeof navigator === 'undefined' ? '' : navigator.platform);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Keyboard shortcuts" size="lg">
      <Stack gap="md">
        <Table verticalSpacing={6} aria-label="Keyboard shortcuts" data-testid="shortcuts-table">
          <Table.Tbody>
            {shortcutHelp(mod).map((s) => (
              <Table.Tr key={s.action}>
                <Table.Td w={170}>
                  <KeyCombos combos={s.keys} />
                </Table.Td>
                <Table.Td>{s.does}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          Letters and / do nothing while you type in a field, so your text stays yours; {mod}+S saves from inside a
          form. <Kbd>Tab</Kbd> and <Kbd>Shift</Kbd> + <Kbd>Tab</Kbd> move between fields and links, <Kbd>Enter</Kbd>{' '}
          opens a link or saves a form, and <Kbd>Esc</Kbd> closes a dialog or leaves a form (asking first when something
          was typed).
        </Text>
      </Stack>
    </Modal>
  );
}
