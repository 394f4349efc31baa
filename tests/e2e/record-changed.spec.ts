/**
 * Two desks, one patient (issue 16, item 2): the form was opened, then someone else saved the
 * same patient. Saving the form is refused with the sentence next to the form, nothing of it is
 * written; Reload brings the other change into the form, and saving again works.
 */
import type { Patient } from '../../shared/domain/patient';
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';

test('a save from a form opened before someone else’s change is refused; Reload brings their change in', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer } = await seed<{ payer: { id: number } }>(h, 'payers:createFromTemplate', {
    template: 'medicare-part-b',
  });
  const ana = await seed<Patient>(h, 'patients:create', {
    lastName: 'Rivera',
    firstName: 'Ana',
    dateOfBirth: '1961-02-28',
    accountNumber: 'MRN-0001',
    payerId: payer.id,
    memberId: '1EG4TE5MK73',
  });

  const page = await openApp('/patients');
  await page.getByRole('button', { name: 'Edit Rivera, Ana' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit patient' });
  const memberId = dialog.getByRole('textbox', { name: 'Member ID', exact: true });
  const firstName = dialog.getByRole('textbox', { name: 'First name', exact: true });
  await memberId.fill('1EG4TE5MK99');

  // Meanwhile, at another desk: the same patient's first name is corrected and saved.
  const { id, version, lastName, dateOfBirth, accountNumber, payerId, memberId: member } = ana;
  await seed(h, 'patients:update', {
    id,
    version,
    lastName,
    firstName: 'Anabel',
    dateOfBirth,
    accountNumber,
    payerId,
    memberId: member,
  });

  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const changed = dialog.getByTestId('record-changed');
  await expect(changed).toContainText(
    'Someone else changed this patient after you opened it. Reload to see their changes, then make yours again (what you typed here is not kept).',
  );
  await expect(changed).not.toContainText('RECORD_CHANGED');
  // Nothing of the stale form was written: the other desk's change stands.
  const afterRefusal = await seed<Patient>(h, 'patients:get', { id: ana.id });
  expect([afterRefusal.firstName, afterRefusal.memberId]).toEqual(['Anabel', '1EG4TE5MK73']);
  await snapWidths(page, 'record-changed-refused');

  await changed.getByRole('button', { name: 'Reload' }).click();
  await expect(dialog.getByTestId('record-changed')).toBeHidden();
  await expect(firstName).toHaveValue('Anabel');
  await expect(memberId).toHaveValue('1EG4TE5MK73');
  await snapWidths(page, 'record-changed-reloaded');

  await memberId.fill('1EG4TE5MK99');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('patient-row');
  await expect(row).toContainText('Rivera, Anabel');
  await expect(row).toContainText('1EG4TE5MK99');
  const saved = await seed<Patient>(h, 'patients:get', { id: ana.id });
  expect([saved.firstName, saved.memberId, saved.version]).toEqual(['Anabel', '1EG4TE5MK99', ana.version + 2]);
});
