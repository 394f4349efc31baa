/**
 * Backups in Settings, the practice administrator's path: no backups at first; "Back up now" adds
 * one (made by hand, its time in local words, its size); the practice name is changed and saved;
 * "Restore…" on the backup asks first, saying what will happen, and the restore puts the name back
 * as it was, the app reloading and saying what it did, with the replaced data kept as a
 * before-restore backup. A backup damaged on disk is refused in the dialog with a sentence and
 * nothing changes.
 */
import { readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, snapWidths, test } from './fixtures';
import { seed } from './seed';

const PRACTICE = {
  name: 'Lakeside Infusion Center',
  addressLine1: '100 Main St',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  phone: '217-555-0100',
  billingContact: 'Pat Biller',
  npi: '1234567893',
  tin: '123456789',
};

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Practice name' });
const LOCAL_TIME = /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M/;

test('back up now, change the practice name, restore, see the name as it was', async ({ openApp, desk }) => {
  await seed(desk.services.handlers, 'practice:set', PRACTICE);
  const page = await openApp('/settings');
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await expect(page.getByTestId('backups-empty')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Backed up by hand');
  await expect(rows.nth(0).locator('td').nth(0)).toHaveText(LOCAL_TIME);
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText(/^\d+(\.\d)? (KB|MB)$/);

  await nameField(page).fill('Lakeside Infusion Center West');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Practice settings saved')).toBeVisible();

  await rows.nth(0).getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Anything entered since then will no longer be shown.');
  await expect(dialog).toContainText('The app reloads when the restore is done.');
  // The safe choice has the focus: Enter does not restore.
  await expect(dialog.getByRole('button', { name: 'Keep the current data' })).toBeFocused();
  await snap(page, 'backup-restore-confirm');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();

  await expect(page.getByTestId('backup-restored')).toBeVisible();
  await expect(page.getByTestId('backup-restored')).toContainText('The data as it was just before is kept');
  await expect(nameField(page)).toHaveValue('Lakeside Infusion Center');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Kept before a restore');
  await expect(rows.nth(1)).toContainText('Backed up by hand');
  // The services answer from the restored database, for every caller.
  expect(((await seed(desk.services.handlers, 'practice:get', {})) as { name: string }).name).toBe(
    'Lakeside Infusion Center',
  );
  await snapWidths(page, 'backups-after-restore');

  // A backup cut short on disk: refused in the dialog, in a sentence, and nothing changes.
  const backups = join(desk.dataDir, 'backups');
  const manual = readdirSync(backups).find((n) => n.endsWith('-manual')) as string;
  truncateSync(join(backups, manual, 'j3490-desk.sqlite'), 1024);
  await rows.nth(1).getByRole('button', { name: 'Restore…' }).click();
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  const refused = dialog.getByTestId('restore-refused');
  await expect(refused).toContainText('has changed since the backup was made');
  await expect(refused).toContainText('Nothing was changed.');
  await expect(refused.locator('[data-support-code="BACKUP_DAMAGED"]')).toBeVisible();
  await snap(page, 'backup-restore-refused');
  await dialog.getByRole('button', { name: 'Keep the current data' }).click();
  await expect(rows).toHaveCount(2);
  await expect(nameField(page)).toHaveValue('Lakeside Infusion Center');
});

test('delete a backup after saying which; the only one left has no Delete', async ({ openApp, desk }) => {
  const page = await openApp('/settings');
  const rows = page.getByTestId('backup-row');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  // Backups are named by the second: the second one must not share the first's.
  await page.waitForTimeout(1100);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(2);
  const olderTime = await rows.nth(1).locator('td').nth(0).textContent();
  const before = readdirSync(join(desk.dataDir, 'backups')).sort();

  await rows.nth(1).getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this backup?' });
  await expect(dialog).toContainText(`The backup of ${olderTime}`);
  await expect(dialog).toContainText('The practice’s data and the other backups are not changed.');
  await snapWidths(page, 'backup-delete-confirm');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(rows).toHaveCount(2);

  await rows.nth(1).getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete this backup' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  // The older folder (names sort by time) is gone; the newer one stays.
  expect(readdirSync(join(desk.dataDir, 'backups'))).toEqual([before[1]]);
});
