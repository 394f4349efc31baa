/** The main window: hardened web preferences, shown once the first paint is ready. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, secureWebPreferences } from './security';

export function createMainWindow(options: { devServerUrl?: string; development: boolean }): BrowserWindow {
  const { devServerUrl, development } = options;
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'J3490 Desk',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'), { devTools: development }),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
