/**
 * Encryption at rest, as a practice uses it (issue 15, item 5): a patient added in the app and an
 * invoice scan attached are on screen, and nowhere readable in the data folder (database, WAL,
 * stored scans, backups), since every spec's folder is encrypted with a passphrase (fixtures.ts).
 */
import { readdirSync } from 'node:fs';
import { filesHolding } from '../fixtures/files-holding';
import { expect, test } from './fixtures';

const LAST_NAME = 'Quixotebaum';
const MEMBER_ID = '7ZQ9XK4PW21';

test('a patient added in the app is shown, and cannot be read from the data folder', async ({ openApp, desk }) => {
  const page = await openApp('/patients');
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByRole('textbox', { name: 'Last name', exact: true }).fill(LAST_NAME);
  await dialog.getByRole('textbox', { name: 'First name', exact: true }).fill('Dulcinea');
  await dialog.getByRole('textbox', { name: 'Date of birth', exact: true }).fill('1961-04-02');
  await dialog.getByRole('textbox', { name: 'Account / MRN', exact: true }).fill('MRN-77123');
  await dialog.getByRole('textbox', { name: 'Member ID', exact: true }).fill(MEMBER_ID);
  await dialog.getByRole('button', { name: 'Add patient' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('patient-row')).toContainText(`${LAST_NAME}, Dulcinea`);

  // A backup from Settings, as a person would make one before a risky change.
  await page.goto(`${desk.url}#/settings`);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);

  expect(readdirSync(desk.dataDir)).toContain('j3490-key.json');
  expect(filesHolding(desk.dataDir, LAST_NAME)).toEqual([]);
  expect(filesHolding(desk.dataDir, MEMBER_ID)).toEqual([]);
  // The control: the name is in the database, only encrypted.
  const listed = desk.services.ctx.db
    .prepare('SELECT count(*) FROM patients WHERE last_name = ?')
    .pluck()
    .get(LAST_NAME);
  expect(listed).toBe(1);
});
