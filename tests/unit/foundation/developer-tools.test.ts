/**
 * Issue 15 item 9: DevTools only while developing. The menu is data (menu-template.ts), so both
 * menus are checked here without Electron; in the installed app the window's preferences turn
 * DevTools off and any that open anyway are closed at once.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { closeDevToolsWhenOpened, isDevelopment } from '../../../electron/main/developer-tools';
import { menuTemplate } from '../../../electron/main/menu-template';
import { secureWebPreferences } from '../../../electron/main/security';

/** Every role and label in the menu, submenus included. */
function everything(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [String(item.role)] : []),
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? everything(item.submenu) : []),
  ]);
}

// Electron's viewMenu role is what holds Reload, Force Reload and Toggle Developer Tools.
const DEVELOPER_ROLES = ['viewMenu', 'toggleDevTools', 'reload', 'forceReload'];

describe('the application menu', () => {
  for (const isMac of [false, true]) {
    it(`in the installed app (${isMac ? 'macOS' : 'Windows, Linux'}) has no developer tools or reload`, () => {
      const items = everything(menuTemplate({ development: false, isMac }));
      for (const role of DEVELOPER_ROLES) expect(items).not.toContain(role);
      // The person keeps the View menu's zoom and full screen.
      expect(items).toEqual(expect.arrayContaining(['View', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
      expect(items).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu']));
      expect(items.includes('appMenu')).toBe(isMac);
    });
  }

  it('while developing has the standard View menu, with Reload and Toggle Developer Tools', () => {
    const items = everything(menuTemplate({ development: true, isMac: false }));
    expect(items).toContain('viewMenu');
    expect(items).not.toContain('togglefullscreen');
  });
});

describe('developer tools in the window', () => {
  it('are off in the web preferences unless asked for while developing', () => {
    expect(secureWebPreferences('/p.js').devTools).toBe(false);
    expect(secureWebPreferences('/p.js', { devTools: true }).devTools).toBe(true);
  });

  it('are closed as soon as they open', () => {
    const listeners = new Map<string, () => void>();
    const contents = {
      on: vi.fn((name: string, listener: () => void) => listeners.set(name, listener)),
      closeDevTools: vi.fn(),
    };
    closeDevToolsWhenOpened(contents as never);
    expect(contents.closeDevTools).not.toHaveBeenCalled();
    listeners.get('devtools-opened')?.();
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('development means an unpackaged app', () => {
    expect(isDevelopment({ isPackaged: false })).toBe(true);
    expect(isDevelopment({ isPackaged: true })).toBe(false);
  });
});
