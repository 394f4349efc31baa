/**
 * Corrections after the fact (issue 14, item 6), as a practice administrator makes them: a price
 * row edited in its own form (a clash with another entry refused next to the date); a used
 * invoice's cost and expiry corrected in place, lowering its packages below what was given
 * refused next to the cell; and the drug delete refusal saying what uses the drug.
 */
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { NDC, seedAdministration, seedCatalog, seedInvoice } from './seed-administration';

test('a price row is edited in the form it was entered with; a clash with another entry is refused', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  await seedCatalog(h);
  await seed(h, 'prices:create', {
    ndc: NDC,
    priceType: 'AWP',
    pricePerPackage: '640.00',
    effectiveFrom: '2026-07-01',
  });
  const page = await openApp('/prices');
  await page.getByRole('combobox', { name: 'Drug' }).fill('1568');
  await page.getByRole('option', { name: /examplizumab/ }).click();
  const rows = page.getByTestId('price-row');
  await expect(rows).toHaveCount(2);

  await page.getByRole('button', { name: 'Edit AWP from 2026-01-01' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change price: examplizumab' });
  const price = dialog.getByRole('textbox', { name: 'Price per package ($)', exact: true });
  const from = dialog.getByRole('textbox', { name: 'Effective from', exact: true });
  await expect(price).toHaveValue('600.00');
  await expect(from).toHaveValue('2026-01-01');
  await snapWidths(page, 'price-edit-form');

  await from.fill('2026-07-01');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(dialog.getByText('There is already an AWP for this NDC from 2026-07-01.')).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await snapWidths(page, 'price-edit-refused');

  await from.fill('2026-02-01');
  await price.fill('610.50');
  await dialog.getByRole('button', { name: 'Save price' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /AWP.*\$610\.50/ })).toContainText('2026-02-01 – 2026-06-30');
  await expect(rows).toHaveCount(2);

  const audit = await seed<{ rows: { action: string; entity: string }[] }>(h, 'audit:list', { entity: 'drug_price' });
  expect(audit.rows.map((r) => r.action)).toContain('update');
});

test('a used invoice: cost and expiry corrected in place, fewer packages than were given refused', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  const { invoiceId, lineId } = await seedInvoice(h, {
    supplierId,
    invoiceNumber: 'CH-5521',
    lotNumber: 'LOT-A1',
    packages: '3',
    scanned: false,
  });
  // 200 mg given and 50 mg discarded: the whole 5 ML vial.
  const given = await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Okafor', firstName: 'Grace', accountNumber: 'MRN-2201' },
    dateOfService: '2026-10-15',
    markReady: false,
  });

  const page = await openApp(`/invoices/${invoiceId}`);
  await expect(page.getByTestId('invoice-in-use')).toContainText('can still be corrected');
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit invoice CH-5521' })).toBeVisible();
  await expect(page.getByTestId('invoice-used-notice')).toContainText(
    'Billed administrations keep the cost they were estimated with',
  );
  await expect(page.getByTestId('line-used')).toHaveText(
    '5 ML already used from this lot, so its NDC cannot change and it cannot be removed.',
  );
  await expect(page.getByRole('textbox', { name: 'NDC, line 1', exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Remove line 1' })).toBeDisabled();
  await snapWidths(page, 'invoice-correction-form');

  const packages = page.getByRole('textbox', { name: 'Packages, line 1', exact: true });
  await packages.fill('0.5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Line 1: at least 1 package; 5 ML of lot LOT-A1 were already used.')).toBeVisible();
  await expect(packages).toHaveAttribute('aria-invalid', 'true');
  await snapWidths(page, 'invoice-correction-refused');

  await packages.fill('3');
  await page.getByRole('textbox', { name: 'Cost per package, line 1', exact: true }).fill('380.00');
  await page.getByRole('textbox', { name: 'Expiry, line 1', exact: true }).fill('2028-12-31');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Cardinal Health · CH-5521' })).toBeVisible();
  const line = page.getByTestId('invoice-detail-line');
  await expect(line).toContainText('2028-12-31');
  await expect(line).toContainText('$380.00');
  await expect(line).toContainText('10 ML'); // on hand: 15 ML bought, 5 ML given

  // The administration still draws on the same lot, now with its corrected facts.
  const after = await seed<{ invoiceLineId: number; expiryDate: string; estimateStale: boolean }>(
    h,
    'administrations:get',
    { id: given.id },
  );
  expect(after).toMatchObject({ invoiceLineId: lineId, estimateStale: true });
  const audit = await seed<{ rows: { action: string }[] }>(h, 'audit:list', { entity: 'invoice' });
  expect(audit.rows.map((r) => r.action)).toContain('update');
});

test('deleting a drug in use says what uses it', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  const { lineId } = await seedInvoice(h, {
    supplierId,
    invoiceNumber: 'CH-5522',
    lotNumber: 'LOT-B1',
    packages: '2',
    scanned: false,
  });
  await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Lindqvist', firstName: 'Maja', accountNumber: 'MRN-2202' },
    dateOfService: '2026-10-16',
    markReady: false,
  });
  const page = await openApp('/drugs');
  await page.getByRole('button', { name: 'Delete examplizumab' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this drug?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByTestId('drug-delete-refused')).toContainText(
    'examplizumab is used by 1 invoice line, 1 administration, 1 AWP/WAC price and cannot be deleted; the purchase records keep it.',
  );
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await snapWidths(page, 'drug-delete-refused');
});
