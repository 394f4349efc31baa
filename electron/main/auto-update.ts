/**
 * Updates through electron-updater, only when the practice named a feed (services/updates) and
 * only in an installed copy. The updater is reached through `loadUpdater` so that with updates
 * off electron-updater is never even instantiated, and a test can pass a fake.
 *
 * Signature checking is electron-updater's own and stays on: on Windows it refuses an installer
 * not signed by the publisher named in the installed app-update.yml, on macOS Squirrel refuses an
 * app not signed like the running one. setFeedURL changes only where updates come from; it keeps
 * app-update.yml for those checks. Nothing here sets verifyUpdateCodeSignature.
 */
import { UPDATE_FEED_ENV, UPDATE_FEED_FILE, type UpdateFeed } from '../services/updates/update-feed';

/** What we use of electron-updater's AppUpdater. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  logger: UpdaterLogger | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
}

type UpdaterLogger = {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
};

/** The support log (services/log): area, then a message. */
export interface UpdateLog {
  info(area: string, message: string): void;
  warn(area: string, message: string): void;
  error(area: string, message: string): void;
}

/** A practice's copies are opened daily; a check every few hours finds a release the same day. */
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export type AutoUpdates = { on: boolean; stop: () => void };

export function startAutoUpdates(options: {
  feed: UpdateFeed;
  isPackaged: boolean;
  loadUpdater: () => Updater;
  log: UpdateLog;
  everyMs?: number;
}): AutoUpdates {
  const { feed, log } = options;
  const off: AutoUpdates = { on: false, stop: () => {} };
  if (!feed.on) {
    log.info('updates', feed.reason);
    return off;
  }
  if (!options.isPackaged) {
    log.info('updates', 'Updates are off: this copy runs from source, not from an installer.');
    return off;
  }

  const updater = options.loadUpdater();
  updater.logger = {
    info: (m) => log.info('updates', String(m)),
    warn: (m) => log.warn('updates', String(m)),
    error: (m) => log.error('updates', String(m)),
  };
  // Download in the background; install when the practice quits the app, never mid-work.
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.setFeedURL({ provider: 'generic', url: feed.url });
  log.info(
    'updates',
    `Updates are on from ${feed.url} (set by ${feed.from === 'file' ? UPDATE_FEED_FILE : UPDATE_FEED_ENV}).`,
  );

  const check = (): void => {
    updater.checkForUpdates().catch((err: unknown) => {
      log.warn('updates', `The update check failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  };
  check();
  const timer = setInterval(check, options.everyMs ?? CHECK_EVERY_MS);
  timer.unref();
  return { on: true, stop: () => clearInterval(timer) };
}
