/**
 * The search box in the header (issue 14, items 5 and 8): a name typed without its accents finds
 * the patient and Enter opens their page; an invoice number, a claim number and an NDC find their
 * records; the arrows move through the results; Ctrl+K and "/" go to the box from a page.
 */
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { NDC, seedAdministration, seedBillingSetup, seedInvoice } from './seed-administration';

test('the header search finds a patient, an invoice, a claim and an NDC, ignoring case and accents', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-9', lotNumber: 'A100', packages: '20' });
  const suppliers = await seed<{ id: number; name: string }[]>(h, 'suppliers:list', {});
  await seedInvoice(h, {
    supplierId: suppliers[0]?.id ?? 0,
    invoiceNumber: '88123-B',
    lotNumber: 'B200',
    packages: '5',
    scanned: false,
  });
  const zoe = await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Łukasiewicz', firstName: 'Zoë', accountNumber: 'MRN-4471' },
    dateOfService: '2026-11-03',
    markReady: true,
    claimNumber: 'PCN-20261103',
  });
  await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Rivera', firstName: 'Ana', accountNumber: 'MRN-1001' },
    dateOfService: '2026-11-04',
    markReady: false,
  });

  const page = await openApp('/');
  const box = page.getByRole('combobox', { name: 'Search everything' });
  const results = page.getByTestId('global-search-results');

  // Ctrl+K from the page; the name typed in plain letters finds the patient spelled with accents.
  await page.keyboard.press('ControlOrMeta+k');
  await expect(box).toBeFocused();
  await page.keyboard.type('zoe lukas');
  const patient = results.getByTestId('global-search-patient');
  await expect(patient).toHaveCount(1);
  await expect(patient).toContainText('Łukasiewicz, Zoë');
  await expect(patient).toContainText('Account MRN-4471');
  await expect(results.getByText('Patients', { exact: true })).toBeVisible();
  await snapWidths(page, 'global-search-patient');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/patients\/\d+$/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Zoë');
  await expect(box).toHaveValue('');

  // An invoice number: Enter opens the invoice.
  await box.click();
  await box.fill('88123-b');
  const invoice = results.getByTestId('global-search-invoice');
  await expect(invoice).toHaveCount(1);
  await expect(invoice).toContainText('Invoice 88123-B');
  await expect(invoice).toContainText('Cardinal Health');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/invoices\/\d+$/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('88123-B');

  // A claim number in small letters: its administration, with its status as the lists show it.
  await box.fill('pcn-2026');
  const claim = results.getByTestId('global-search-claim');
  await expect(claim).toHaveCount(1);
  await expect(claim).toContainText('Claim PCN-20261103');
  await expect(claim).toContainText('Ready to bill');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/administrations/${zoe.id}$`));

  // An NDC as printed (5-4-1): its lots first, then the drug; the arrows move down to the drug.
  await box.fill(NDC);
  await expect(results.getByTestId('global-search-lot')).toHaveCount(2);
  const drug = results.getByTestId('global-search-drug');
  await expect(drug).toHaveCount(1);
  await expect(drug).toContainText('examplizumab');
  await expect(drug).toContainText('NDC 70121-1568-01');
  await snapWidths(page, 'global-search-ndc');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(drug).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/drugs\?search=70121-1568-01$/);
  await expect(page.getByRole('textbox', { name: 'Search drugs', exact: true })).toHaveValue('70121-1568-01');
  await expect(page.getByRole('cell', { name: 'examplizumab', exact: true })).toBeVisible();

  // The same NDC as 11 digits and as 10 bare digits finds the same drug.
  for (const typed of ['70121156801', '7012115681']) {
    await box.fill(typed);
    await expect(results.getByTestId('global-search-drug'), typed).toContainText('examplizumab');
  }

  // Nothing found says so, and what the box searches.
  await box.fill('no such record');
  await expect(results).toContainText('Nothing matches “no such record”.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();

  // "/" on a page without a search of its own goes to the header's box.
  await page.goto(`${desk.url}#/`);
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
});
