/**
 * Electron main process: app lifecycle, the app:// scheme serving the built renderer, the
 * database in userData, IPC over the handler table, and the hardened window. Business logic
 * lives in electron/services, shared with browser mode and the CLI.
 *
 * One copy at a time: a second launch hands over to the first (which comes to the front) and
 * quits, and the data folder's host lock keeps browser mode off the folder this app serves. The
 * database is closed however the app ends: quitting, the last window closing, or SIGTERM/SIGINT.
 */
import { app, dialog, ipcMain, net, protocol, session, shell, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import { AppError } from '../services/app-error';
import { scheduleAutomaticBackups } from '../services/backup/automatic-backup';
import { openServices, type Services } from '../services/context';
import { acquireHostLock, type HostLock } from '../services/host-lock';
import { doorLogger } from '../services/log/logger';
import { onTerminationSignals } from '../services/shutdown';
import { readUpdateFeed } from '../services/updates/update-feed';
import { startAutoUpdates } from './auto-update';
import { registerDesktopBridge } from './desktop-bridge';
import { registerIpc } from './ipc';
import { closeDevToolsWhenOpened, isDevelopment } from './developer-tools';
import { installMenu } from './menu';
import { rendererResponder } from './renderer-protocol';
import { APP_SCHEME, applySecurity, hardenSession, isAllowedExternalUrl } from './security';
import { createMainWindow } from './window';
import { desktopKeyStore } from './key-store';
import { addDesktopWrap, desktopWrapOpens } from '../services/crypto/key-file';
import { passphraseFrom } from '../services/crypto/passphrase-source';
import { practiceNetworkDoor, type PracticeNetworkDoor } from '../host/practice-network-door';

const development = isDevelopment(app);
const devServerUrl = development ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const openExternal = async (url: string): Promise<void> => {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
};
applySecurity(app, openExternal, devServerUrl);
if (!development) app.on('web-contents-created', (_event, contents) => closeDevToolsWhenOpened(contents));

let services: Services | undefined;
let hostLock: HostLock | undefined;
let mainWindow: BrowserWindow | undefined;
let practiceNetwork: PracticeNetworkDoor | undefined;

function serveRenderer(): void {
  protocol.handle(
    APP_SCHEME,
    rendererResponder(rendererDir, (url) => net.fetch(url)),
  );
}

/** Idempotent: quitting, the last window closing and a signal may each get here. */
function closeServices(): void {
  // The practice server's listener goes first: no desk's call may arrive on a closed database.
  void practiceNetwork?.close();
  practiceNetwork = undefined;
  try {
    services?.close();
  } catch (err) {
    console.error('The database did not close cleanly', err);
  }
  services = undefined;
  hostLock?.release();
  hostLock = undefined;
}

function start(): void {
  hardenSession(session.defaultSession);
  serveRenderer();
  installMenu({ development, isMac: process.platform === 'darwin' });
  const dataDir = app.getPath('userData');
  try {
    hostLock = acquireHostLock(dataDir, 'electron');
    // Encrypted at rest with a key the OS key store keeps; a passphrase where there is none (key-store.ts).
    const protector = desktopKeyStore();
    const passphrase = passphraseFrom(undefined);
    services = openServices({
      dataDir,
      mode: 'electron',
      // Set by `npm start`: better-sqlite3 compiled for Electron's ABI, kept apart from Node's.
      ...(process.env.J3490_SQLITE_BINDING ? { nativeBinding: process.env.J3490_SQLITE_BINDING } : {}),
      unlock: { ...(protector ? { protector } : {}), ...(passphrase !== undefined ? { passphrase } : {}) },
    });
    // A folder opened with the passphrase (copied from another computer) opens without it next time.
    if (protector && services.ctx.dataKey && !desktopWrapOpens(dataDir, protector)) {
      addDesktopWrap(dataDir, services.ctx.dataKey, protector);
    }
  } catch (err) {
    closeServices();
    const message = err instanceof AppError ? `${err.message} (${err.code})` : String(err);
    dialog.showErrorBox('J3490 Desk cannot open its database', message);
    app.quit();
    return;
  }
  // Sharing this practice, or working on a practice server, as chosen in Settings (issue 16).
  const network = practiceNetworkDoor({ services, rendererDir, log: doorLogger(services.ctx.log, 'network') });
  practiceNetwork = network;
  void network.resume();
  registerIpc(ipcMain, network.dispatcher, doorLogger(services.ctx.log, 'ipc'), devServerUrl);
  registerDesktopBridge(ipcMain, devServerUrl);
  mainWindow = createMainWindow({ ...(devServerUrl ? { devServerUrl } : {}), development });
  mainWindow.on('closed', () => (mainWindow = undefined));
  // At start, then every few hours while the app is open (automatic-backup.ts).
  scheduleAutomaticBackups(services.ctx, (err: unknown) => console.error('Automatic backup failed', err));
  // Off unless the practice named a feed (update-feed.json in the data folder); autoUpdater is a
  // lazy getter, so with updates off electron-updater never builds its updater.
  startAutoUpdates({
    feed: readUpdateFeed(dataDir),
    isPackaged: app.isPackaged,
    loadUpdater: () => autoUpdater,
    log: services.ctx.log,
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another copy already runs: it is told (second-instance) and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.whenReady().then(start, (err: unknown) => {
    console.error(err);
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeServices);
  onTerminationSignals(() => {
    closeServices();
    app.quit();
  });
}
