/**
 * The idle lock and the passphrase in the UI (issue 15, item 5), against a data folder encrypted
 * with a passphrase (./fixtures encrypts every spec's). Playwright's clock stands in for the minute without use. The lock screen
 * replaces the app (no patient's name anywhere in the page), a wrong passphrase is refused under
 * the field, the right one brings the page back; a lock made elsewhere (another tab, the host)
 * shows the lock screen at the next call or on reload; Settings → Security sets and changes the
 * passphrase, the idle time and "Lock now".
 */
import type { Page } from '@playwright/test';
import { dispatch } from '../../electron/services/dispatch';
import { E2E_PASSPHRASE, expect, snapWidths, startDesk, stopDesk, test } from './fixtures';
import { seed } from './seed';

// Every spec's data folder is encrypted with it (./fixtures).
const PASSPHRASE = E2E_PASSPHRASE;
const NEW_PASSPHRASE = 'seven blue herons at dawn';
const PATIENT_LAST = 'Quixotebaum';
const PRACTICE = 'Lakeside Infusion Center';

/** The same desk as ./fixtures, but its data folder kept in clear (no key, so no passphrase). */
const clearTest = test.extend({
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const desk = await startDesk(null);
    await use(desk);
    await stopDesk(desk);
  },
});

type Handlers = Parameters<typeof seed>[0];

async function seedPracticeAndPatient(h: Handlers): Promise<void> {
  await seed(h, 'practice:set', {
    name: PRACTICE,
    addressLine1: '1 Main St',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    phone: '5551234567',
    billingContact: 'Dana Reyes',
    npi: '1234567893',
    tin: '123456789',
  });
  await seed(h, 'patients:create', {
    lastName: PATIENT_LAST,
    firstName: 'Dulcinea',
    dateOfBirth: '1961-04-02',
    accountNumber: 'MRN-77123',
  });
}

const lockScreen = (page: Page) => page.getByRole('main', { name: 'J3490 Desk is locked' });
const passphraseField = (page: Page) => lockScreen(page).getByLabel('Passphrase', { exact: true });
const security = (page: Page) =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'Security' }) });

async function expectNoPatientInPage(page: Page): Promise<void> {
  // Not hidden behind the lock: gone from the page altogether.
  expect(await page.locator('body').innerText()).not.toContain(PATIENT_LAST);
  expect(await page.content()).not.toContain(PATIENT_LAST);
}

test('after the idle time the lock screen replaces the app; only the passphrase brings the page back', async ({
  page,
  desk,
  openApp,
}) => {
  await seedPracticeAndPatient(desk.services.handlers);
  await page.clock.install();
  await openApp('/settings');

  // Settings → Security: encrypted, a passphrase set, and the idle time checked before it is saved.
  const card = security(page);
  await expect(card.getByTestId('encryption-status')).toHaveText(/This practice’s data is encrypted on this computer/);
  const minutes = card.getByLabel('Minutes without use before J3490 Desk locks');
  await expect(minutes).toHaveValue('15');
  await minutes.fill('500');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.getByText('Enter a whole number of minutes from 1 to 480, or 0 to never lock.')).toBeVisible();
  await minutes.fill('1');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('J3490 Desk locks after 1 minute without use.')).toBeVisible();
  expect((await dispatch(desk.services.handlers, 'session:status', {})).ok).toBe(true);

  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText(PATIENT_LAST).first()).toBeVisible();

  // Activity puts the lock off: half a minute, a key, another 45 seconds, and still open.
  await page.clock.fastForward('00:30');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('00:45');
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page.getByText(PATIENT_LAST).first()).toBeVisible();

  // A minute without anything: locked, here and in the services.
  await page.clock.fastForward('01:05');
  await expect(lockScreen(page)).toBeVisible();
  await expect(lockScreen(page).getByTestId('lock-practice-name')).toHaveText(PRACTICE);
  await expect(passphraseField(page)).toBeFocused();
  await expectNoPatientInPage(page);
  const refused = await dispatch(desk.services.handlers, 'patients:list', {});
  expect(refused.ok ? 'answered' : refused.error.code).toBe('LOCKED');
  await snapWidths(page, 'lock-screen');

  // A wrong passphrase: said under the field, still locked.
  await passphraseField(page).fill('correct horse battery stapler');
  await passphraseField(page).press('Enter');
  await expect(lockScreen(page).getByText('That passphrase is not right. Check it and try again.')).toBeVisible();
  await expect(passphraseField(page)).toHaveAttribute('data-invalid', 'true');
  await expect(passphraseField(page)).toBeFocused();
  await expectNoPatientInPage(page);
  await snapWidths(page, 'lock-screen-wrong-passphrase');

  // The right one, with Enter: the same page, read again.
  await passphraseField(page).fill(PASSPHRASE);
  await passphraseField(page).press('Enter');
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/patients$/);
  await expect(page.getByText(PATIENT_LAST).first()).toBeVisible();
  expect((await dispatch(desk.services.handlers, 'patients:list', {})).ok).toBe(true);
});

test('a lock made elsewhere shows the lock screen at the next call, and on reload', async ({ page, desk, openApp }) => {
  await seedPracticeAndPatient(desk.services.handlers);
  await openApp('/patients');
  await expect(page.getByText(PATIENT_LAST).first()).toBeVisible();

  // Another tab (or window) locks the host: this page finds out when its next call is refused.
  await seed(desk.services.handlers, 'session:lock', {});
  await page.getByRole('link', { name: 'Drug catalog' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await expectNoPatientInPage(page);

  await passphraseField(page).fill(PASSPHRASE);
  await lockScreen(page).getByRole('button', { name: 'Unlock' }).click();
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/drugs$/);

  // Opened (or reloaded) while locked: the lock screen comes first, the app never draws.
  await seed(desk.services.handlers, 'session:lock', {});
  await page.goto(`${desk.url}#/patients`);
  await expect(lockScreen(page)).toBeVisible();
  await expectNoPatientInPage(page);
  await expect(page.locator('[data-app-ready]')).toHaveCount(0);
});

test('use in one tab keeps the other tabs of the desk from locking; none used, all lock', async ({
  page,
  desk,
  openApp,
}) => {
  await seedPracticeAndPatient(desk.services.handlers);
  await seed(desk.services.handlers, 'session:setLockAfter', { lockAfterMinutes: 1 });
  await page.context().clock.install();
  await openApp('/patients');
  const other = await page.context().newPage();
  await other.goto(`${desk.url}#/patients`);
  await expect(other.getByText(PATIENT_LAST).first()).toBeVisible();

  // Two minutes of work in the first tab, none in the second: neither locks.
  for (const x of [100, 200, 300, 400]) {
    await page.context().clock.fastForward('00:30');
    await page.mouse.move(x, 300);
  }
  await expect(lockScreen(other)).toHaveCount(0);
  await expect(lockScreen(page)).toHaveCount(0);

  await page.context().clock.fastForward('01:05');
  await expect(lockScreen(page)).toBeVisible();
  await expect(lockScreen(other)).toBeVisible();
  await expectNoPatientInPage(other);
});

test('Settings → Security changes the passphrase, refusing mistakes next to each field, and locks now', async ({
  page,
  desk,
  openApp,
}) => {
  await seedPracticeAndPatient(desk.services.handlers);
  await openApp('/settings');
  const card = security(page);
  const form = card.getByRole('form', { name: 'Change the passphrase' });
  const current = form.getByLabel('Current passphrase', { exact: true });
  const next = form.getByLabel('New passphrase', { exact: true });
  const repeat = form.getByLabel('Repeat the new passphrase', { exact: true });
  const change = form.getByRole('button', { name: 'Change passphrase' });

  // Checked before sending: too short, and the two new ones not the same.
  await current.fill(PASSPHRASE);
  await next.fill('too short');
  await repeat.fill('something else');
  await change.click();
  await expect(form.getByText(/must be at least 10 characters long/)).toBeVisible();
  await expect(form.getByText('The two new passphrases are not the same.')).toBeVisible();

  // Refused by the services: the current passphrase is wrong, said next to it.
  await current.fill('not the passphrase at all');
  await next.fill(NEW_PASSPHRASE);
  await repeat.fill(NEW_PASSPHRASE);
  await change.click();
  await expect(form.getByText('The current passphrase is not right.')).toBeVisible();
  await expect(current).toHaveAttribute('data-invalid', 'true');
  await snapWidths(page, 'security-settings-refused');

  await current.fill(PASSPHRASE);
  await change.click();
  await expect(page.getByText('Passphrase changed')).toBeVisible();
  await expect(current).toHaveValue('');
  await snapWidths(page, 'security-settings');

  // Lock now: the old passphrase no longer unlocks, the new one does.
  await card.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await passphraseField(page).fill(PASSPHRASE);
  await passphraseField(page).press('Enter');
  await expect(lockScreen(page).getByText('That passphrase is not right. Check it and try again.')).toBeVisible();
  await passphraseField(page).fill(NEW_PASSPHRASE);
  await passphraseField(page).press('Enter');
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(security(page).getByRole('heading', { name: 'Security' })).toBeVisible();
});

clearTest('a folder kept in clear says so, and offers no lock', async ({ page, openApp }) => {
  await openApp('/settings');
  const card = security(page);
  await expect(card.getByTestId('encryption-status')).toContainText(
    'This practice’s data is not encrypted on this computer',
  );
  await expect(card.getByRole('form', { name: /passphrase/ })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Lock now' })).toBeDisabled();
  await expect(card.getByText('J3490 Desk locks only once a passphrase is set')).toBeVisible();
  await snapWidths(page, 'security-settings-not-encrypted');
});
