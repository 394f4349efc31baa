/**
 * Where the practice's update feed is, if anywhere. Updates are off unless the practice names a
 * feed: the server (an ordinary HTTPS folder) where it puts the installers and the latest*.yml
 * files electron-builder makes beside them.
 *
 * Policy:
 * - The feed is named in `update-feed.json` in the data folder (`{"url": "https://…"}`), written
 *   by the practice's IT person, or by J3490_UPDATE_FEED_URL for a managed install (it wins).
 *   It is not yet a field on the Settings page (that needs a schema change and a form).
 * - HTTPS only: on Linux electron-updater checks the download only against the checksum the same
 *   feed sends, so a plain-HTTP feed would let anyone on the network swap the update.
 * - No user name or password in the URL: the URL is written to the support log.
 * - Anything unreadable leaves updates off with a sentence saying why; it never stops the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const UPDATE_FEED_FILE = 'update-feed.json';
export const UPDATE_FEED_ENV = 'J3490_UPDATE_FEED_URL';

export type UpdateFeed = { on: true; url: string; from: 'environment' | 'file' } | { on: false; reason: string };

const OFF_BY_DEFAULT = `Updates are off: no update feed is set (${UPDATE_FEED_FILE} in the data folder or ${UPDATE_FEED_ENV}).`;

export function readUpdateFeed(dataDir: string, env: NodeJS.ProcessEnv = process.env): UpdateFeed {
  const fromEnv = env[UPDATE_FEED_ENV]?.trim();
  if (fromEnv) return checkedFeed(fromEnv, 'environment');

  let text: string;
  try {
    text = readFileSync(join(dataDir, UPDATE_FEED_FILE), 'utf8');
  } catch {
    return { on: false, reason: OFF_BY_DEFAULT };
  }
  let url: unknown;
  try {
    url = (JSON.parse(text) as { url?: unknown } | null)?.url;
  } catch {
    return { on: false, reason: `Updates are off: ${UPDATE_FEED_FILE} is not valid JSON.` };
  }
  if (typeof url !== 'string' || url.trim() === '') {
    return { on: false, reason: `Updates are off: ${UPDATE_FEED_FILE} has no "url".` };
  }
  return checkedFeed(url.trim(), 'file');
}

function checkedFeed(text: string, from: 'environment' | 'file'): UpdateFeed {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { on: false, reason: 'Updates are off: the update feed is not a web address.' };
  }
  if (url.protocol !== 'https:') {
    return { on: false, reason: 'Updates are off: the update feed must be an https:// address.' };
  }
  if (url.username || url.password) {
    return { on: false, reason: 'Updates are off: the update feed address must not contain a user name or password.' };
  }
  return { on: true, url: url.toString(), from };
}
