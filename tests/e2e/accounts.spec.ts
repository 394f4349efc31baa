/**
 * Accounts and roles in the UI (issue 16): the owner turns accounts on in Settings and adds a
 * biller; after "Sign out" the sign-in screen replaces the app; a wrong password is refused under
 * the password field; the biller, signed in, sees no finance pages in the navigation, and a
 * finance call made with the biller's session is refused FORBIDDEN by the services.
 */
import { expect, snapWidths, test } from './fixtures';

const OWNER = 'Olivia Owner';
const OWNER_PASSWORD = 'owner password 1';
const BILLER = 'Bill Biller';
const BILLER_PASSWORD = 'biller password 2';
const FINANCE_PAGES = ['Remittances', 'Reports', 'Payers', 'Prices'];

test('the owner turns accounts on and adds a biller, who signs in and sees no finance pages', async ({
  openApp,
  desk,
}) => {
  const page = await openApp('/settings');
  const card = page.getByTestId('accounts-card');
  await expect(card.getByRole('button', { name: 'Turn on accounts' })).toBeVisible();
  await card.getByRole('textbox', { name: 'Name' }).fill(OWNER);
  await card.getByRole('textbox', { name: 'Password' }).fill('short');
  await card.getByRole('button', { name: 'Turn on accounts' }).click();
  await expect(card.getByText('A password needs at least 10 characters.')).toBeVisible();
  await card.getByRole('textbox', { name: 'Password' }).fill(OWNER_PASSWORD);
  await card.getByRole('button', { name: 'Turn on accounts' }).click();
  const person = page.getByTestId('signed-in-person');
  await expect(person).toContainText(OWNER);
  await expect(person).toContainText('Owner');

  await card.getByRole('textbox', { name: 'Name' }).fill(BILLER);
  await card.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Biller' }).click();
  await card.getByRole('textbox', { name: 'Password' }).fill(BILLER_PASSWORD);
  await card.getByRole('button', { name: 'Add person' }).click();
  const people = card.getByRole('table', { name: 'People of the practice' });
  await expect(people.getByRole('row', { name: new RegExp(BILLER) })).toContainText('Biller');
  await expect(people.getByRole('row', { name: new RegExp(BILLER) })).toContainText('Active');
  const nav = page.getByRole('navigation', { name: 'Areas' });
  for (const name of FINANCE_PAGES) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  // From the top, so the full-page shot draws the fixed sidebar whole.
  await page.evaluate('window.scrollTo(0, 0)');
  await expect.poll(() => page.evaluate('window.scrollY')).toBe(0);
  await snapWidths(page, 'accounts-owner-settings');

  await person.getByRole('button', { name: 'Sign out' }).click();
  const signIn = page.getByRole('main', { name: 'Sign in to J3490 Desk' });
  await expect(signIn).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Areas' })).toHaveCount(0);

  await signIn.getByRole('textbox', { name: 'Name' }).fill(BILLER);
  await signIn.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await signIn.getByRole('textbox', { name: 'Password' }).press('Enter');
  const passwordField = signIn.getByRole('textbox', { name: 'Password' });
  // Said under the password field and tied to it (its accessible description), the field emptied.
  await expect(passwordField).toHaveAttribute('data-invalid', 'true');
  await expect(passwordField).toHaveAccessibleDescription(
    'That name and password do not match an account of this practice.',
  );
  await expect(passwordField).toHaveValue('');
  await snapWidths(page, 'accounts-sign-in-refused');

  await passwordField.fill(BILLER_PASSWORD);
  await passwordField.press('Enter');
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('signed-in-person')).toContainText(BILLER);
  await expect(page.getByText('Person added')).toHaveCount(0);
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Patients' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Administrations' })).toBeVisible();
  for (const name of FINANCE_PAGES) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  await snapWidths(page, 'accounts-biller-home');

  // The navigation only hides: the services themselves refuse the biller a finance call.
  const session = (await page.evaluate("sessionStorage.getItem('j3490.session')")) as string;
  const res = await fetch(new URL('/api/settings:setVarianceTolerance', desk.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${desk.host.token}`,
      'X-J3490-Session': session,
    },
    body: JSON.stringify({ value: '2.00' }),
  });
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
});
