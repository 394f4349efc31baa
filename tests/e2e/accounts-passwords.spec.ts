/**
 * Accounts in Settings (issue 16, item 3): the owner sets after how many minutes without activity
 * people are signed out (5 to 480, the error next to the field, the value kept after a reload),
 * and gives a biller a new password (the rules of a new person and "typed twice" next to their
 * fields); the old password then fails and the new one signs the biller in; the biller's Home
 * offers no first step the role cannot take; the biller changes their own password from the menu
 * on their name, refused under "Current password" until it is the right one.
 */
import type { Page } from '@playwright/test';
import { expect, snapWidths, test } from './fixtures';

const OWNER = 'Olivia Owner';
const OWNER_PASSWORD = 'owner password 1';
const BILLER = 'Bill Biller';
const FIRST_PASSWORD = 'biller password 2';
const SET_BY_OWNER = 'set by the owner 3';
const CHOSEN_BY_BILLER = 'chosen by the biller 4';

async function signIn(page: Page, name: string, password: string) {
  const screen = page.getByRole('main', { name: 'Sign in to J3490 Desk' });
  await screen.getByRole('textbox', { name: 'Name' }).fill(name);
  await screen.getByRole('textbox', { name: 'Password' }).fill(password);
  await screen.getByRole('textbox', { name: 'Password' }).press('Enter');
}

const signOut = (page: Page) => page.getByTestId('signed-in-person').getByRole('button', { name: 'Sign out' }).click();

test('the owner sets the idle time and a biller’s password; the biller changes their own', async ({ openApp }) => {
  const page = await openApp('/settings');
  const card = page.getByTestId('accounts-card');
  await card.getByRole('textbox', { name: 'Name' }).fill(OWNER);
  await card.getByRole('textbox', { name: 'Password' }).fill(OWNER_PASSWORD);
  await card.getByRole('button', { name: 'Turn on accounts' }).click();
  await expect(page.getByTestId('signed-in-person')).toContainText(OWNER);

  // The idle time: the default first, a value out of range refused next to the field.
  const idleForm = card.getByRole('form', { name: 'Sign people out after a time without activity' });
  const minutes = idleForm.getByRole('textbox', { name: 'Minutes without activity before a person is signed out' });
  await expect(minutes).toHaveValue('15');
  await minutes.fill('3');
  await idleForm.getByRole('button', { name: 'Save' }).click();
  await expect(idleForm.getByRole('alert')).toHaveText('Enter a whole number of minutes from 5 to 480.');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await minutes.fill('30');
  await idleForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('People are signed out after 30 minutes without activity.')).toBeVisible();
  await expect(idleForm.getByRole('alert')).toHaveCount(0);

  await card.getByRole('textbox', { name: 'Name' }).fill(BILLER);
  await card.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Biller' }).click();
  await card.getByRole('textbox', { name: 'Password' }).fill(FIRST_PASSWORD);
  await card.getByRole('button', { name: 'Add person' }).click();
  const people = card.getByRole('table', { name: 'People of the practice' });
  await expect(people.getByRole('row', { name: new RegExp(BILLER) })).toContainText('Active');
  // The owner's own row has no "Set password…": their own goes through "Change my password".
  await expect(people.getByRole('row', { name: new RegExp(OWNER) }).getByRole('button')).toHaveCount(0);

  // Kept by the services: a reload reads it back.
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(minutes).toHaveValue('30');
  await page.evaluate('window.scrollTo(0, 0)');
  await snapWidths(page, 'accounts-owner-idle-and-people');

  // "Set password…": too short, then two different, each said under its own field.
  await people.getByRole('button', { name: `Set a new password for ${BILLER}` }).click();
  const dialog = page.getByRole('dialog', { name: `Set a new password for ${BILLER}` });
  const next = dialog.getByRole('textbox', { name: 'New password', exact: true });
  const again = dialog.getByRole('textbox', { name: 'New password again' });
  await next.fill('too short');
  await again.fill('too short');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(next).toHaveAccessibleDescription('A password needs at least 10 characters.');
  await next.fill(SET_BY_OWNER);
  await again.fill('not the same at all');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(again).toHaveAccessibleDescription('The two new passwords are not the same; type it again.');
  await snapWidths(page, 'accounts-set-password-refused');
  await again.fill(SET_BY_OWNER);
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`${BILLER} signs in with the new password from now on.`)).toBeVisible();

  // The old password no longer opens the account; the one the owner set does.
  await signOut(page);
  await signIn(page, BILLER, FIRST_PASSWORD);
  await expect(page.getByText('That name and password do not match an account of this practice.')).toBeVisible();
  await signIn(page, BILLER, SET_BY_OWNER);
  await expect(page.getByTestId('signed-in-person')).toContainText(BILLER);

  // The biller's Home: no step linking to what a biller cannot do, only who does it.
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  const steps = page.getByTestId('home-first-steps');
  await expect(steps.getByRole('heading', { name: 'The practice is being set up' })).toBeVisible();
  await expect(steps.getByRole('link')).toHaveCount(0);
  await expect(steps).toContainText('The practice settings: the owner.');
  await expect(steps).toContainText(
    'The drugs billed as J3490, in the drug catalog: the owner or the practice administrator.',
  );
  await snapWidths(page, 'accounts-biller-first-steps');

  // "Change my password" from the menu on the biller's name: the current password first.
  await page
    .getByTestId('signed-in-person')
    .getByRole('button', { name: `${BILLER}, Biller: your account` })
    .click();
  await page.getByRole('menuitem', { name: 'Change my password…' }).click();
  const mine = page.getByRole('dialog', { name: 'Change my password' });
  const current = mine.getByRole('textbox', { name: 'Current password' });
  await current.fill(FIRST_PASSWORD);
  await mine.getByRole('textbox', { name: 'New password', exact: true }).fill(CHOSEN_BY_BILLER);
  await mine.getByRole('textbox', { name: 'New password again' }).fill(CHOSEN_BY_BILLER);
  await mine.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAccessibleDescription('That is not your current password.');
  await snapWidths(page, 'accounts-change-my-password-refused');
  await current.fill(SET_BY_OWNER);
  await mine.getByRole('button', { name: 'Change password' }).click();
  await expect(mine).toHaveCount(0);
  await expect(page.getByText('Sign in with the new password from now on; you stay signed in here.')).toBeVisible();
  await expect(page.getByTestId('signed-in-person')).toContainText(BILLER);

  await signOut(page);
  await signIn(page, BILLER, SET_BY_OWNER);
  await expect(page.getByText('That name and password do not match an account of this practice.')).toBeVisible();
  await signIn(page, BILLER, CHOSEN_BY_BILLER);
  await expect(page.getByTestId('signed-in-person')).toContainText(BILLER);
});
