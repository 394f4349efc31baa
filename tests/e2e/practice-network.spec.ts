/**
 * Several desks on one practice (issue 16), in the UI of two desks at once:
 * - desk A's owner turns sharing on in Settings → Practice network: a port already taken is refused
 *   next to the port field, then the addresses and the fingerprint show and "Connect…" goes;
 * - desk B (no accounts of its own) is refused sharing next to the switch, told to turn accounts
 *   on; its "Connect to a practice server…" says a wrong address or a server not answering next to
 *   the address field, shows the fingerprint the server presents (the same as A's), and after
 *   "They match: connect" reloads onto the server's sign-in screen, which names the server;
 * - the biller signs in on B, sees the patient A holds and no finance pages, and a patient the
 *   biller adds on B shows on A after a refresh;
 * - on B, Settings → Security says the passphrase and lock are kept at the server (no passphrase
 *   form, no "Lock now"); its sign-in screen names the server, and when the server stops answering
 *   a screen says so and "Use this desk's own data" goes back to B's own.
 */
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { accountService } from '../../electron/services/accounts/account-service';
import { expect, snapWidths, startDesk, stopDesk, test, type DeskApp } from './fixtures';
import { seed } from './seed';

const OWNER = { name: 'Olivia Owner', password: 'owner password 1' };
const BILLER = { name: 'Bill Biller', password: 'biller password 2' };
const FINANCE_PAGES = ['Remittances', 'Reports', 'Payers', 'Prices'];

/** A port above 20000 unlikely to be taken; the test fails clearly if it is. */
const freePort = (): number => 20_000 + Math.floor(Math.random() * 20_000);
/** The hex pairs of a fingerprint block, for comparing two blocks whatever their line breaks. */
const bare = (text: string | null): string => (text ?? '').replace(/[^0-9A-F]/gi, '').toUpperCase();

/** The practice of desk A: one patient on record, then accounts with an owner and a biller. */
async function practiceWithPeople(desk: DeskApp): Promise<void> {
  await seed(desk.services.handlers, 'patients:create', {
    lastName: 'Rivera',
    firstName: 'Ana',
    dateOfBirth: '1961-02-28',
    accountNumber: 'MRN-0001',
  });
  const accounts = accountService(desk.services.ctx);
  const owner = accounts.createFirstOwner(OWNER);
  accounts.addUser(owner.user, { ...BILLER, role: 'biller' });
}

async function signIn(page: Page, person: { name: string; password: string }): Promise<void> {
  const screen = page.getByRole('main', { name: 'Sign in to J3490 Desk' });
  await screen.getByRole('textbox', { name: 'Name' }).fill(person.name);
  await screen.getByRole('textbox', { name: 'Password' }).fill(person.password);
  await screen.getByRole('textbox', { name: 'Password' }).press('Enter');
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
}

async function openSignedIn(page: Page, desk: DeskApp, hashPath: string, person: typeof OWNER): Promise<void> {
  await page.goto(`${desk.url}#${hashPath}`);
  await signIn(page, person);
}

/** Holds `port` on every address, as another program would, until the returned close is called. */
async function takePort(port: number): Promise<() => Promise<void>> {
  const server = createServer();
  await new Promise<void>((done, fail) => server.once('error', fail).listen(port, '0.0.0.0', done));
  return () => new Promise<void>((done) => server.close(() => done()));
}

test('an owner shares the practice; a second desk checks the fingerprint, connects and works there as a biller', async ({
  page,
  desk,
}) => {
  await practiceWithPeople(desk);
  const port = freePort();

  // Desk A: the owner turns sharing on.
  await openSignedIn(page, desk, '/settings', OWNER);
  const card = page.getByTestId('practice-network-card');
  const share = card.getByRole('switch', { name: 'Share this practice' });
  const portField = card.getByRole('textbox', { name: 'Port' });
  await expect(share).not.toBeChecked();
  await expect(portField).toHaveValue('3490');
  await expect(card.getByRole('button', { name: 'Connect to a practice server…' })).toBeVisible();
  await snapWidths(page, 'practice-network-off');

  const taken = port + 1;
  const release = await takePort(taken);
  await portField.fill(String(taken));
  await share.click();
  await expect(portField).toHaveAccessibleDescription(
    new RegExp(`Port ${taken} is already used on this computer; choose another port.`),
  );
  await expect(share).not.toBeChecked();
  await release();
  await portField.fill('80');
  await share.click();
  await expect(portField).toHaveAccessibleDescription(/Enter a port number from 1024 to 65535\./);

  await portField.fill(String(port));
  await share.click();
  await expect(share).toBeChecked();
  const on = card.getByTestId('sharing-on');
  const addresses = on.getByRole('list', { name: 'Addresses other desks type' });
  await expect(addresses).toContainText(`:${port}/`);
  const fingerprintA = bare(await on.getByTestId('fingerprint').textContent());
  expect(fingerprintA).toMatch(/^[0-9A-F]{64}$/);
  await expect(on).toContainText('Each desk compares it with the fingerprint it is shown the first time it connects');
  await expect(portField).toBeDisabled();
  await expect(card.getByRole('button', { name: 'Connect to a practice server…' })).toHaveCount(0);
  await snapWidths(page, 'practice-network-on');

  const deskB = await startDesk();
  const pageB = await page.context().newPage();
  try {
    await pageB.goto(`${deskB.url}#/settings`);
    await expect(pageB.locator('[data-app-ready="true"]')).toBeVisible();
    const cardB = pageB.getByTestId('practice-network-card');

    // Desk B has no accounts: sharing is refused next to the switch, and the card says why.
    await expect(cardB.getByTestId('sharing-needs-accounts')).toContainText('Sharing needs accounts');
    await cardB.getByRole('switch', { name: 'Share this practice' }).click();
    await expect(cardB.getByRole('switch', { name: 'Share this practice' })).toHaveAccessibleDescription(
      /Turn on accounts first/,
    );
    await expect(cardB.getByRole('switch', { name: 'Share this practice' })).not.toBeChecked();

    await cardB.getByRole('button', { name: 'Connect to a practice server…' }).click();
    const dialog = pageB.getByRole('dialog', { name: 'Connect to a practice server' });
    const address = dialog.getByRole('textbox', { name: 'Server address' });
    await expect(address).toBeFocused();
    await address.fill(`http://127.0.0.1:${port}`);
    await address.press('Enter');
    await expect(address).toHaveAccessibleDescription(/A practice server is reached over https:\/\/ only\./);
    await address.fill(`127.0.0.1:${port + 1}`);
    await address.press('Enter');
    await expect(address).toHaveAccessibleDescription(/is not answering/);

    await address.fill(`127.0.0.1:${port}`);
    await address.press('Enter');
    const presented = dialog.getByTestId('presented-fingerprint');
    await expect(presented).toContainText(`The server at 127.0.0.1:${port} presents this fingerprint:`);
    expect(bare(await presented.getByTestId('fingerprint').textContent())).toBe(fingerprintA);
    await snapWidths(pageB, 'practice-network-connect-fingerprint');

    await dialog.getByRole('button', { name: 'They match: connect' }).click();
    // The window reloads onto the server's sign-in screen, which names the server.
    const signInScreen = pageB.getByRole('main', { name: 'Sign in to J3490 Desk' });
    await expect(signInScreen.getByTestId('sign-in-server')).toContainText(
      `Signing in to the practice server at 127.0.0.1:${port}.`,
    );
    await expect(signInScreen.getByRole('button', { name: 'Use this desk’s own data' })).toBeVisible();
    await snapWidths(pageB, 'practice-network-sign-in-at-server');

    // The biller works on A's records from B, and sees no finance pages.
    await signIn(pageB, BILLER);
    await expect(pageB.getByTestId('signed-in-person')).toContainText(BILLER.name);
    const nav = pageB.getByRole('navigation', { name: 'Areas' });
    await expect(nav.getByRole('link', { name: 'Patients' })).toBeVisible();
    for (const name of FINANCE_PAGES) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
    await pageB.goto(`${deskB.url.replace(/\?.*$/, '')}#/patients`);
    await expect(pageB.getByTestId('patient-row')).toHaveCount(1);
    await expect(pageB.getByTestId('patient-row')).toContainText('Rivera, Ana');

    await pageB.getByRole('button', { name: 'Add patient' }).click();
    const add = pageB.getByRole('dialog', { name: 'Add patient' });
    await add.getByRole('textbox', { name: 'Last name', exact: true }).fill('Chen');
    await add.getByRole('textbox', { name: 'First name', exact: true }).fill('Li');
    await add.getByRole('textbox', { name: 'Date of birth', exact: true }).fill('1975-06-01');
    await add.getByRole('textbox', { name: 'Account / MRN', exact: true }).fill('MRN-0002');
    await add.getByRole('button', { name: 'Add patient' }).click();
    await expect(add).toBeHidden();
    await expect(pageB.getByTestId('patient-row')).toHaveCount(2);
    // Nothing landed in B's own data folder.
    const ownOnB = deskB.services.ctx.db.prepare('SELECT count(*) FROM patients').pluck().get();
    expect(ownOnB).toBe(0);

    // Desk A, after a refresh, lists the biller's save.
    await page.goto(`${desk.url.replace(/\?.*$/, '')}#/patients`);
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    await expect(page.getByTestId('patient-row').filter({ hasText: 'Chen, Li' })).toHaveCount(1);

    // B's Settings: the server it works on, and the way back to its own data.
    await pageB.goto(`${deskB.url.replace(/\?.*$/, '')}#/settings`);
    await expect(pageB.getByTestId('working-on-server')).toHaveText(
      `This desk works on the practice server at 127.0.0.1:${port}.`,
    );
    await pageB.getByRole('button', { name: 'Use this desk’s own data instead…' }).click();
    const confirm = pageB.getByRole('dialog', { name: 'Use this desk’s own data?' });
    await confirm.getByRole('button', { name: 'Use this desk’s own data' }).click();
    // Back on B's own practice: no accounts there, so the app opens without signing in.
    await expect(pageB.locator('[data-app-ready="true"]')).toBeVisible();
    await expect(pageB.getByTestId('signed-in-person')).toHaveCount(0);
    await expect(pageB.getByTestId('practice-network-card').getByTestId('working-on-server')).toHaveCount(0);
  } finally {
    await pageB.close();
    await stopDesk(deskB);
  }
});

test('a desk working on a practice server: Security says the lock is kept there; its sign-in screen leads back', async ({
  page,
  desk,
}) => {
  await practiceWithPeople(desk);
  const port = freePort();
  await desk.network.setSharing(true, port);
  const fingerprint = desk.network.sharingStatus().fingerprint ?? '';
  const deskB = await startDesk();
  try {
    await deskB.network.connect(`127.0.0.1:${port}`, fingerprint);
    await openSignedIn(page, deskB, '/settings', BILLER);
    await expect(page.getByTestId('kept-at-server')).toHaveText(
      'The passphrase and the lock are kept at the practice server, on the computer that holds the practice’s data. ' +
        'This desk signs out by itself after the practice’s time without activity, which the owner sets.',
    );
    await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
    await expect(page.getByText('Lock when not in use')).toHaveCount(0);
    await expect(page.getByLabel(/passphrase/i)).toHaveCount(0);
    await expect(page.getByTestId('encryption-status')).toHaveCount(0);

    // Signed out, the sign-in screen names the server.
    await page.getByTestId('signed-in-person').getByRole('button', { name: 'Sign out' }).click();
    const screen = page.getByRole('main', { name: 'Sign in to J3490 Desk' });
    await expect(screen.getByTestId('sign-in-server')).toContainText(`127.0.0.1:${port}`);

    // The server stops sharing: B is not stuck, it says so and leads back to its own data.
    await desk.network.setSharing(false, port);
    await page.reload();
    const gone = page.getByRole('main', { name: 'This desk cannot reach its practice server' });
    await expect(gone.getByTestId('server-not-answering')).toContainText(
      `The practice server at 127.0.0.1:${port} is not answering.`,
    );
    await snapWidths(page, 'practice-network-server-gone');
    await gone.getByRole('button', { name: 'Use this desk’s own data' }).click();
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    expect(deskB.network.deskStatus().connectedTo).toBeNull();
  } finally {
    await stopDesk(deskB);
  }
});
