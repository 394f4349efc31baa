/**
 * The frame's own state: the sidebar on a narrow window (closed until the menu button opens it,
 * closed again once an area is chosen), the shortcuts overlay, and the shortcuts themselves.
 */
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/**
 * Below this width the sidebar folds away behind the menu button: at 1024 px the lists need the
 * room for their columns. app.css's narrow-window rules use the same width.
 */
export const NAVBAR_BREAKPOINT = 1100;

export function useShell() {
  const [navbarOpened, navbar] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  const { pathname } = useLocation();
  const closeNavbar = navbar.close;
  useEffect(() => closeNavbar(), [pathname, closeNavbar]);
  // Open over the page, it closes as a menu does: a click elsewhere, or Escape.
  useEffect(() => {
    if (!navbarOpened) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Element && !e.target.closest('#shell-navbar, .shell-menu-button')) closeNavbar();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeNavbar();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [navbarOpened, closeNavbar]);
  useKeyboardShortcuts(help.open);
  return { navbarOpened, navbar, helpOpened, help };
}

export type Shell = ReturnType<typeof useShell>;
