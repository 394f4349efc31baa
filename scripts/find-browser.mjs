// The Chromium the end-to-end tests drive, found or provisioned before they start, so that
// `npm ci && npm test` works on a machine with Node and nothing else. In order:
//   1. $CHROMIUM_PATH (if set, it must be a program: the user asked for that one);
//   2. /usr/bin/chromium, then chromium, chromium-browser, google-chrome(-stable) on PATH;
//   3. Playwright's own browser, if it was downloaded before;
//   4. `playwright install chromium` (downloads Playwright's build; fails fast when offline);
//   5. as root with apt-get, the distribution's package (`apt-get install chromium`);
//   6. otherwise no browser, and one sentence saying what to install.
// The probes are passed in, so the order is unit-tested without touching the machine.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
export const INSTALL_ADVICE =
  'The end-to-end tests need Chromium: install it (`apt-get install chromium` on Debian or Ubuntu, or ' +
  '`npx playwright install chromium`) or set CHROMIUM_PATH to a Chrome or Chromium program.';

/**
 * @param {{
 *   env: Record<string, string | undefined>,
 *   isProgram: (path: string) => boolean,
 *   onPath: (name: string) => string | null,
 *   playwrightBrowser: () => string | null,
 *   playwrightInstall: () => boolean,
 *   canUseApt: () => boolean,
 *   aptInstall: () => boolean,
 *   say: (line: string) => void,
 * }} probes
 * @returns {{ path: string, source: string } | { path: null, advice: string }}
 */
export function findBrowser(probes) {
  const requested = probes.env.CHROMIUM_PATH;
  if (requested) {
    if (probes.isProgram(requested)) return { path: requested, source: 'CHROMIUM_PATH' };
    return {
      path: null,
      advice: `CHROMIUM_PATH is set to ${requested}, which is not a program: point it at Chrome or Chromium, or unset it.`,
    };
  }
  const installed = () => {
    if (probes.isProgram(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
    for (const name of BROWSER_NAMES) {
      const found = probes.onPath(name);
      if (found) return found;
    }
    return null;
  };
  const system = installed();
  if (system) return { path: system, source: 'system' };
  const own = probes.playwrightBrowser();
  if (own) return { path: own, source: 'playwright' };

  probes.say('No Chromium found: trying `playwright install chromium`.');
  if (probes.playwrightInstall()) {
    const downloaded = probes.playwrightBrowser();
    if (downloaded) return { path: downloaded, source: 'playwright install' };
  }
  if (probes.canUseApt()) {
    probes.say('Playwright could not download its browser: trying `apt-get install chromium`.');
    if (probes.aptInstall()) {
      const fromApt = installed();
      if (fromApt) return { path: fromApt, source: 'apt-get install' };
    }
  }
  return { path: null, advice: INSTALL_ADVICE };
}

/** Whether `path` is a file this process may execute. */
function isProgram(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The probes of this machine; `root` is the project folder (for Playwright's CLI). */
export function systemProbes(root) {
  const onPath = (name) => {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && isProgram(join(dir, name))) return join(dir, name);
    }
    return null;
  };
  const run = (cmd, args, timeoutMs, env = {}) =>
    spawnSync(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      timeout: timeoutMs,
      env: { ...process.env, ...env },
    }).status === 0;
  return {
    env: process.env,
    isProgram,
    onPath,
    playwrightBrowser: () => {
      try {
        const { chromium } = createRequire(join(root, 'package.json'))('@playwright/test');
        const path = chromium.executablePath();
        return path && isProgram(path) ? path : null;
      } catch {
        return null;
      }
    },
    // A download takes a few minutes at most; without a network it fails within the connection
    // timeout (15 s), so an offline machine moves on quickly.
    playwrightInstall: () =>
      run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'install', 'chromium'], 5 * 60_000, {
        PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '15000',
      }),
    canUseApt: () => process.getuid?.() === 0 && onPath('apt-get') !== null,
    aptInstall: () =>
      run('apt-get', ['update', '-qq'], 5 * 60_000, { DEBIAN_FRONTEND: 'noninteractive' }) &&
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], 10 * 60_000, {
        DEBIAN_FRONTEND: 'noninteractive',
      }),
    say: (line) => console.log(line),
  };
}

// `node scripts/find-browser.mjs`: print the browser's path, or the advice (exit 1).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = findBrowser(systemProbes(join(dirname(fileURLToPath(import.meta.url)), '..')));
  console.log(found.path ?? found.advice);
  process.exit(found.path ? 0 : 1);
}
