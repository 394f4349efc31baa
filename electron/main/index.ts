/**
 * Electron main process: app lifecycle, the app:// scheme serving the built renderer, the
 * database in userData, IPC over the handler table, and the hardened window. Business logic
 * lives in electron/services, shared with browser mode and the CLI.
 */
import { app, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../services/app-error';
import { automaticBackupIfDue } from '../services/backup/automatic-backup';
import { openServices, type Services } from '../services/context';
import { doorLogger } from '../services/log/logger';
import { readUpdateFeed } from '../services/updates/update-feed';
import { startAutoUpdates } from './auto-update';
import { registerDesktopBridge } from './desktop-bridge';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { APP_SCHEME, applySecurity, hardenSession, isAllowedExternalUrl } from './security';
import { createMainWindow } from './window';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const openExternal = async (url: string): Promise<void> => {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
};
applySecurity(app, openExternal, devServerUrl);

let services: Services | undefined;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

app.whenReady().then(
  () => {
    hardenSession(session.defaultSession);
    serveRenderer();
    installMenu(process.platform === 'darwin');
    try {
      services = openServices({
        dataDir: app.getPath('userData'),
        mode: 'electron',
        // Set by `npm start`: better-sqlite3 compiled for Electron's ABI, kept apart from Node's.
        ...(process.env.J3490_SQLITE_BINDING ? { nativeBinding: process.env.J3490_SQLITE_BINDING } : {}),
      });
    } catch (err) {
      const message = err instanceof AppError ? `${err.message} (${err.code})` : String(err);
      dialog.showErrorBox('J3490 Desk cannot open its database', message);
      app.quit();
      return;
    }
    registerIpc(ipcMain, services.handlers, doorLogger(services.ctx.log, 'ipc'), devServerUrl);
    registerDesktopBridge(ipcMain, devServerUrl);
    createMainWindow(devServerUrl);
    automaticBackupIfDue(services.ctx).catch((err: unknown) => console.error('Automatic backup failed', err));
    // Off unless the practice named a feed (update-feed.json in the data folder); autoUpdater is a
    // lazy getter, so with updates off electron-updater never builds its updater.
    startAutoUpdates({
      feed: readUpdateFeed(app.getPath('userData')),
      isPackaged: app.isPackaged,
      loadUpdater: () => autoUpdater,
      log: services.ctx.log,
    });
  },
  (err: unknown) => {
    console.error(err);
    app.quit();
  },
);

app.on('window-all-closed', () => {
  services?.close();
  services = undefined;
  app.quit();
});
