/** The header's menu button (narrow windows only) and "?" button, and the overlay it opens. */
import { ActionIcon, Burger } from '@mantine/core';
import { ShortcutsOverlay } from './shortcuts-overlay';
import type { Shell } from './use-shell';

/** Opens and closes the sidebar on a narrow window; app.css hides it where the sidebar always shows. */
export function MenuButton(props: { shell: Shell }) {
  const { navbarOpened, navbar } = props.shell;
  return (
    <Burger
      className="shell-menu-button"
      opened={navbarOpened}
      onClick={navbar.toggle}
      size="sm"
      aria-label={navbarOpened ? 'Close the menu' : 'Open the menu'}
      aria-expanded={navbarOpened}
      aria-controls="shell-navbar"
    />
  );
}

/** "?": the keyboard shortcuts, for whoever has not found the key yet. */
export function ShortcutsButton(props: { shell: Shell }) {
  const { helpOpened, help } = props.shell;
  return (
    <>
      <ActionIcon
        variant="default"
        radius="xl"
        size="md"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={help.open}
      >
        ?
      </ActionIcon>
      <ShortcutsOverlay opened={helpOpened} onClose={help.close} />
    </>
  );
}
