/**
 * Updates are off unless the practice names an HTTPS feed (services/updates/update-feed.ts), and
 * when on, the wiring (main/auto-update.ts) points electron-updater at that feed without touching
 * its signature checks. electron-updater itself needs Electron, so a fake stands in for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutoUpdates, type Updater, type UpdateLog } from '../../../electron/main/auto-update';
import { readUpdateFeed, UPDATE_FEED_FILE, type UpdateFeed } from '../../../electron/services/updates/update-feed';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function dataDir(feedFile?: string): string {
  dir = mkdtempSync(join(tmpdir(), 'j3490-updates-'));
  if (feedFile !== undefined) writeFileSync(join(dir, UPDATE_FEED_FILE), feedFile);
  return dir;
}

function recordingLog(): UpdateLog & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (area: string, message: string) => lines.push(`${level} ${area} ${message}`);
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

function fakeUpdater(check: () => Promise<unknown> = () => Promise.resolve(null)) {
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    allowPrerelease: true,
    logger: null,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(check),
  };
  return updater satisfies Updater;
}

const FEED = 'https://updates.practice.example/j3490-desk/';

describe('update feed', () => {
  it('is off when the data folder names none and nothing is set in the environment', () => {
    const feed = readUpdateFeed(dataDir(), {});
    expect(feed.on).toBe(false);
    expect(feed.on ? '' : feed.reason).toContain(UPDATE_FEED_FILE);
  });

  it('is read from update-feed.json in the data folder', () => {
    expect(readUpdateFeed(dataDir(JSON.stringify({ url: FEED })), {})).toEqual({ on: true, url: FEED, from: 'file' });
  });

  it('from the environment wins over the file (a managed install)', () => {
    const env = { J3490_UPDATE_FEED_URL: 'https://it.example/feed/' };
    expect(readUpdateFeed(dataDir(JSON.stringify({ url: FEED })), env)).toEqual({
      on: true,
      url: 'https://it.example/feed/',
      from: 'environment',
    });
  });

  it.each([
    ['plain HTTP', JSON.stringify({ url: 'http://updates.practice.example/' }), /https:\/\//],
    ['a password in the address', JSON.stringify({ url: 'https://a:b@updates.practice.example/' }), /password/],
    ['not JSON', '{url: nope', /not valid JSON/],
    ['no url', JSON.stringify({ feed: FEED }), /no "url"/],
    ['not an address', JSON.stringify({ url: 'updates' }), /not a web address/],
  ])('stays off for %s, saying why', (_case, text, reason) => {
    const feed = readUpdateFeed(dataDir(text), {});
    expect(feed.on).toBe(false);
    expect(feed.on ? '' : feed.reason).toMatch(reason);
  });
});

describe('automatic updates', () => {
  it('never load electron-updater without a feed', () => {
    const loadUpdater = vi.fn(() => fakeUpdater());
    const log = recordingLog();
    const feed = readUpdateFeed(dataDir(), {});
    const updates = startAutoUpdates({ feed, isPackaged: true, loadUpdater, log });
    expect(updates.on).toBe(false);
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(log.lines).toEqual([`info updates ${feed.on ? '' : feed.reason}`]);
  });

  it('stay off in a copy run from source, even with a feed', () => {
    const loadUpdater = vi.fn(() => fakeUpdater());
    const feed: UpdateFeed = { on: true, url: FEED, from: 'file' };
    expect(startAutoUpdates({ feed, isPackaged: false, loadUpdater, log: recordingLog() }).on).toBe(false);
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('with a feed, check that feed now, download in the background and install on quit', () => {
    const updater = fakeUpdater();
    const feed: UpdateFeed = { on: true, url: FEED, from: 'file' };
    const updates = startAutoUpdates({ feed, isPackaged: true, loadUpdater: () => updater, log: recordingLog() });
    updates.stop();
    expect(updates.on).toBe(true);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: FEED });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    });
    // electron-updater's signature check is its default; nothing replaces or disables it.
    expect(Object.keys(updater)).not.toContain('verifyUpdateCodeSignature');
  });

  it('check again on a timer, and a failed check is logged, never thrown', async () => {
    vi.useFakeTimers();
    try {
      const updater = fakeUpdater(() => Promise.reject(new Error('getaddrinfo ENOTFOUND updates.practice.example')));
      const log = recordingLog();
      const feed: UpdateFeed = { on: true, url: FEED, from: 'environment' };
      const updates = startAutoUpdates({ feed, isPackaged: true, loadUpdater: () => updater, log, everyMs: 1000 });
      await vi.advanceTimersByTimeAsync(2500);
      updates.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
      expect(log.lines.filter((l) => l.startsWith('warn updates The update check failed'))).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
