/**
 * End-to-end tests: Chromium driving the built renderer served by the real loopback host, one
 * temp data folder per test (tests/e2e/fixtures.ts). Run after `npm run build`. `npm test`
 * finds or provisions the browser first (scripts/find-browser.mjs) and passes it as
 * CHROMIUM_PATH; run directly, this takes CHROMIUM_PATH, else an installed Chromium or Chrome
 * (/usr/bin/chromium, then PATH, as find-browser.mjs looks), else Playwright's own browser.
 * (Playwright's config loader cannot import that .mjs module, hence the short copy here.)
 */
import { defineConfig } from '@playwright/test';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const isProgram = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].flatMap((name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name)),
);
const executablePath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', ...onPath].find(isProgram);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
