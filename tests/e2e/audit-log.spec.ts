/**
 * Audit log: a patient's member ID is changed on the Patients page; on the audit log that change
 * is found by kind of record and user (another person's change to the same patient is not), opens
 * to the member ID before and after, and leads to the record's own history; a range of days with
 * nothing in it says so, and an end date before the start is said next to the field.
 */
import { openServices } from '../../electron/services/context';
import { E2E_PASSPHRASE, expect, snapWidths, test } from './fixtures';
import { seed } from './seed';

test('audit log: a change found by kind of record and user, opened to its fields before and after', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const me = desk.services.ctx.actor;
  const { payer } = await seed<{ payer: { id: number } }>(h, 'payers:createFromTemplate', {
    template: 'medicare-part-b',
  });
  const rivera = await seed<Record<string, unknown> & { id: number }>(h, 'patients:create', {
    lastName: 'Rivera',
    firstName: 'Ana',
    dateOfBirth: '1961-02-28',
    accountNumber: 'MRN-0001',
    payerId: payer.id,
    memberId: '1EG4TE5MK73',
  });
  // Dana, the billing contact, works on the same practice's data under her own login.
  const dana = openServices({
    dataDir: desk.dataDir,
    mode: 'browser',
    actor: 'dana.whitfield',
    unlock: { passphrase: E2E_PASSPHRASE },
  });
  try {
    await seed(dana.handlers, 'patients:update', { ...rivera, memberId: '1EG4TE5MK70' });
    await seed(dana.handlers, 'patients:create', {
      lastName: 'Chen',
      firstName: 'Li',
      dateOfBirth: '1970-05-01',
      accountNumber: 'MRN-0002',
      payerId: payer.id,
      memberId: '2FG5',
    });
  } finally {
    dana.close();
  }

  // The change: Rivera's member ID corrected on the Patients page.
  const page = await openApp('/patients');
  await page.getByRole('button', { name: 'Edit Rivera, Ana' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit patient' });
  await dialog.getByRole('textbox', { name: 'Member ID', exact: true }).fill('1EG4TE5MK99');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  // Payer, its contract, the profile, two patients, Dana's change and the one just made.
  await expect(page.getByTestId('audit-count')).toHaveText(/^\d+ changes$/);
  await expect(rows.first()).toContainText('Changed');
  await expect(rows.first()).toContainText(me);

  // Found by kind of record and user: only this user's two entries for patients.
  await page.getByRole('combobox', { name: 'Kind of record', exact: true }).click();
  await page.getByRole('option', { name: 'Patient', exact: true }).click();
  await page.getByRole('combobox', { name: 'User', exact: true }).click();
  await page.getByRole('option', { name: me, exact: true }).click();
  await expect(page.getByTestId('audit-count')).toHaveText('2 changes');
  await expect(page).toHaveURL(new RegExp(`kind=patient&user=${me}`));
  const change = rows.first();
  await expect(change).toContainText('Changed');
  await expect(change).toContainText('Patient');
  await expect(change.getByRole('link', { name: 'Rivera, Ana · MRN-0001' })).toHaveAttribute(
    'href',
    `#/patients/${rivera.id}`,
  );
  await expect(change).toContainText('Member ID');
  await expect(rows.nth(1)).toContainText('Created');
  await expect(rows.nth(1)).toContainText('New record');

  // Opened: the member ID before (as Dana left it) and after.
  const show = change.getByRole('button', { name: 'Show fields (1)' });
  await show.click();
  await expect(change.getByRole('button', { name: 'Hide fields' })).toHaveAttribute('aria-expanded', 'true');
  const fields = page.getByTestId('audit-changes');
  await expect(fields.getByRole('columnheader')).toHaveText(['Field', 'Before', 'After']);
  await expect(fields.getByTestId('audit-change')).toHaveCount(1);
  await expect(fields.getByTestId('audit-change').getByRole('cell')).toHaveText([
    'Member ID',
    '1EG4TE5MK70',
    '1EG4TE5MK99',
  ]);
  await snapWidths(page, 'audit-log-change-open');

  // Dana's entries under her name: her change to Rivera and the patient she added.
  await page.getByRole('combobox', { name: 'User', exact: true }).click();
  await page.getByRole('option', { name: 'dana.whitfield', exact: true }).click();
  await expect(page.getByTestId('audit-count')).toHaveText('2 changes');
  await expect(rows.nth(0)).toContainText('Chen, Li · MRN-0002');
  await expect(rows.nth(1)).toContainText('Rivera, Ana · MRN-0001');
  await rows.nth(1).getByRole('button', { name: 'Show fields (1)' }).click();
  await expect(page.getByTestId('audit-change').getByRole('cell')).toHaveText([
    'Member ID',
    '1EG4TE5MK73',
    '1EG4TE5MK70',
  ]);

  // One record's whole history, by everyone.
  await rows.nth(1).getByRole('button', { name: 'History of this record' }).click();
  await expect(page.getByTestId('audit-one-record')).toContainText(
    'Showing the history of one patient: Rivera, Ana · MRN-0001.',
  );
  await expect(page.getByTestId('audit-count')).toHaveText('3 changes');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('combobox', { name: 'User', exact: true })).toHaveValue('');
  // The patient as first added: one column of values, nothing "before".
  await rows.nth(2).getByRole('button', { name: 'Show fields (6)' }).click();
  await expect(fields.getByRole('columnheader')).toHaveText(['Field', 'Value']);
  await expect(fields.getByTestId('audit-change').filter({ hasText: 'Member ID' }).getByRole('cell')).toHaveText([
    'Member ID',
    '1EG4TE5MK73',
  ]);
  await snapWidths(page, 'audit-log-one-record');

  // Days with nothing in them, and an end before the start.
  await page.getByLabel('From', { exact: true }).fill('2099-01-01');
  await expect(page.getByTestId('audit-empty')).toHaveText('No changes match these filters.');
  await page.getByLabel('To', { exact: true }).fill('2098-12-31');
  await expect(page.getByText('The end date is before the start date.')).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('audit-one-record')).toBeHidden();
  await expect(page.getByTestId('audit-count')).toHaveText(/^\d+ changes$/);
});
