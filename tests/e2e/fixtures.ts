/**
 * Each test gets the real services on a fresh temp data folder and the real loopback host
 * serving the built renderer, then opens the printed address (token included) in Chromium.
 */
import { test as base, expect, type Download, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openServices, type Services } from '../../electron/services/context';
import { startHost, type Host } from '../../electron/host/server';
import { practiceNetworkDoor, type PracticeNetworkDoor } from '../../electron/host/practice-network-door';

/** The passphrase every spec's data folder is encrypted with. */
export const E2E_PASSPHRASE = 'correct horse battery staple';

export type DeskApp = { url: string; dataDir: string; services: Services; host: Host; network: PracticeNetworkDoor };

/**
 * The real services on a fresh temp data folder and the loopback host serving the built renderer.
 * Encrypted with `passphrase` (every spec's folder is, as a practice's would be: issue 15, item
 * 5); `null` keeps the folder in clear.
 */
export async function startDesk(passphrase: string | null = E2E_PASSPHRASE): Promise<DeskApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'j3490-e2e-'));
  const services = openServices({
    dataDir,
    mode: 'browser',
    ...(passphrase === null ? {} : { unlock: { passphrase } }),
  });
  const rendererDir = resolve(process.env.J3490_RENDERER_OUT ?? 'out/renderer');
  // As browser mode does (electron/host/index.ts): Settings → Practice network works for real.
  const network = practiceNetworkDoor({ services, rendererDir, log: { error: (m, e) => console.error(m, e) } });
  const host = await startHost({ dispatcher: network.dispatcher, rendererDir });
  return { url: host.url, dataDir, services, host, network };
}

export async function stopDesk(desk: DeskApp): Promise<void> {
  await desk.network.close();
  await desk.host.close();
  desk.services.close();
  rmSync(desk.dataDir, { recursive: true, force: true });
}

export const test = base.extend<{ desk: DeskApp; openApp: (hashPath?: string) => Promise<Page> }>({
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const desk = await startDesk();
    await use(desk);
    await stopDesk(desk);
  },
  openApp: async ({ page, desk }, use) => {
    await use(async (hashPath = '/') => {
      await page.goto(`${desk.url}#${hashPath}`);
      await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
      return page;
    });
  },
});

export { expect };

/** The download that `click` starts. */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** A download saved with the test's artifacts under its suggested name; the file's path. */
export async function savedDownload(download: Download): Promise<string> {
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** A screenshot kept with the test's artifacts (test-results/e2e/...). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** The widths the app is checked at: a desktop, a common laptop and a small laptop or tablet. */
export const CHECKED_WIDTHS = [1440, 1366, 1024] as const;

/** The page as it looks at each checked width (test-results/e2e/.../<name>-<width>.png). */
export async function snapWidths(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of CHECKED_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // From the top: a full-page shot taken while scrolled draws the fixed header mid-page.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}
