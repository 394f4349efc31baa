/**
 * The application menu, as data: the standard roles only, no item reaches the services directly.
 * The View menu offers Reload and Toggle Developer Tools only while developing: in the installed
 * app DevTools would let anyone at the desk read every patient's record through the console, so
 * there the View menu keeps zoom and full screen alone (and developer-tools.ts closes DevTools
 * should they open some other way). Pure, so a test checks both menus without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(options: { development: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = options.development
    ? { role: 'viewMenu' }
    : {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      };
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}
