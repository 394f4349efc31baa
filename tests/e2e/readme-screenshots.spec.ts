/**
 * The README's pictures of the main pages, taken from a practice's ordinary week so they stay
 * current: `npm run screenshots` writes them into docs/screenshots/; in the test run they go to
 * the test's output only (the suite never changes the repository). Each page is checked to show
 * what the picture is meant to show before it is taken.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedWeek } from './seed-week';

const intoReadme = process.env.README_SCREENSHOTS === '1';

async function picture(page: Page, name: string): Promise<void> {
  const dir = intoReadme ? resolve('docs/screenshots') : test.info().outputPath();
  mkdirSync(dir, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

test('the README pictures: Home, the administrations list and one administration', async ({ openApp, desk }) => {
  const { ids } = await seedWeek(desk);
  const page = await openApp('/');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await picture(page, 'home');

  await page.goto(`${desk.url}#/administrations`);
  await expect(page.getByTestId('administration-row')).toHaveCount(5);
  await picture(page, 'administrations');

  await page.goto(`${desk.url}#/administrations/${ids[1]}`);
  await expect(page.getByRole('heading', { name: /examplizumab · / })).toBeVisible();
  await expect(page.getByText('Ready to bill').first()).toBeVisible();
  await picture(page, 'administration');
});
