/**
 * Stock: an invoice of two lots seeded through the services shows both lots with what is on
 * hand; a damaged vial taken out lowers it; taking out more than is on hand is refused
 * (LOT_INSUFFICIENT) next to the quantity and writes nothing.
 * Patients: added with a date of birth that is not a real date, fixed, saved with a payer.
 */
import { expect, snap, test } from './fixtures';
import { AVASTIN_VIAL, OLANZAPINE_VIAL, seed } from './seed';

test('stock by lot: on hand, a damaged vial taken out, more than on hand refused', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  await seed(h, 'drugs:create', AVASTIN_VIAL);
  await seed(h, 'drugs:create', OLANZAPINE_VIAL);
  const supplier = await seed<{ id: number }>(h, 'suppliers:create', { name: 'Cardinal Health' });
  await seed(h, 'invoices:create', {
    supplierId: supplier.id,
    invoiceNumber: 'CH-5521',
    invoiceDate: '2025-04-02',
    total: '2075.00',
    lines: [
      {
        ndc: '50242-040-62',
        lotNumber: 'B1234',
        expiryDate: '2030-06-30',
        packageQuantity: '2',
        costPerPackage: '800',
      },
      {
        ndc: '0002-7597-01',
        lotNumber: 'D98765',
        expiryDate: '2030-12-31',
        packageQuantity: '1',
        costPerPackage: '475',
      },
    ],
  });

  const page = await openApp('/stock');
  const rows = page.getByTestId('lot-row');
  await expect(rows).toHaveCount(2);
  const lot = (number: string) => rows.filter({ hasText: number });
  await expect(lot('B1234').getByTestId('lot-on-hand')).toHaveText('8 ML');
  await expect(lot('D98765').getByTestId('lot-on-hand')).toHaveText('10 ML');
  await expect(lot('B1234')).toContainText('bevacizumab');
  await expect(lot('B1234').getByRole('link', { name: 'Cardinal Health · CH-5521' })).toBeVisible();
  await snap(page, 'stock-lots');

  // One vial (4 ML) dropped: taken out as damaged.
  await page.getByRole('button', { name: 'Adjust lot B1234' }).click();
  let dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  await expect(dialog.getByTestId('adjust-on-hand')).toContainText('8 ML');
  await dialog.getByRole('textbox', { name: 'Quantity (ML)', exact: true }).fill('4');
  await dialog.getByRole('combobox', { name: 'Reason', exact: true }).click();
  await page.getByRole('option', { name: 'Damaged' }).click();
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Vial dropped while unpacking');
  await dialog.getByRole('button', { name: 'Adjust stock' }).click();
  await expect(dialog).toBeHidden();
  await expect(lot('B1234').getByTestId('lot-on-hand')).toHaveText('4 ML');
  await expect(lot('D98765').getByTestId('lot-on-hand')).toHaveText('10 ML');

  // More than is left: refused next to the quantity, nothing taken out.
  await page.getByRole('button', { name: 'Adjust lot B1234' }).click();
  dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  const quantity = dialog.getByRole('textbox', { name: 'Quantity (ML)', exact: true });
  await quantity.fill('5');
  await dialog.getByRole('combobox', { name: 'Reason', exact: true }).click();
  await page.getByRole('option', { name: 'Returned to the supplier' }).click();
  await quantity.press('Enter');
  await expect(dialog.getByText('Lot B1234 has 4 ML on hand; 5 ML cannot be taken out.')).toBeVisible();
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'stock-insufficient');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(lot('B1234').getByTestId('lot-on-hand')).toHaveText('4 ML');

  const stored = await seed<{ rows: { lotNumber: string; onHand: string; adjusted: string }[] }>(h, 'stock:list', {});
  expect(stored.rows.find((r) => r.lotNumber === 'B1234')).toMatchObject({ onHand: '4' });
});

test('patients: a date of birth that is not a real date is refused next to the field, then saved', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  await seed(h, 'payers:createFromTemplate', { template: 'medicare-part-b' });

  const page = await openApp('/patients');
  await expect(page.getByTestId('patients-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByRole('textbox', { name: 'Last name', exact: true }).fill('Rivera');
  await dialog.getByRole('textbox', { name: 'First name', exact: true }).fill('Ana');
  await dialog.getByRole('textbox', { name: 'Date of birth', exact: true }).fill('1961-02-30');
  await dialog.getByRole('textbox', { name: 'Account / MRN', exact: true }).fill('MRN-0001');
  await dialog.getByRole('combobox', { name: 'Payer', exact: true }).click();
  await page.getByRole('option', { name: 'Medicare Part B' }).click();
  await dialog.getByRole('textbox', { name: 'Member ID', exact: true }).fill('1EG4TE5MK73');
  await dialog.getByRole('button', { name: 'Add patient' }).click();

  const dob = dialog.getByRole('textbox', { name: 'Date of birth', exact: true });
  await expect(dialog.getByText('Date of birth "1961-02-30" is not a real calendar date.')).toBeVisible();
  await expect(dob).toHaveAttribute('aria-invalid', 'true');
  const none = await seed<{ total: number }>(h, 'patients:list', {});
  expect(none.total).toBe(0);
  await snap(page, 'patient-dob-invalid');

  await dob.fill('1961-02-28');
  await dob.press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('patient-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Rivera, Ana');
  await expect(row).toContainText('1961-02-28');
  await expect(row).toContainText('Medicare Part B');
  await expect(row).toContainText('1EG4TE5MK73');
  await snap(page, 'patients-list');

  const stored = await seed<{ total: number; rows: { accountNumber: string; payerName: string | null }[] }>(
    h,
    'patients:list',
    {},
  );
  expect(stored.total).toBe(1);
  expect(stored.rows[0]).toMatchObject({ accountNumber: 'MRN-0001', payerName: 'Medicare Part B' });
});
