/**
 * Invoice import from the Invoices page: a distributor CSV of three lines on two invoices, the
 * supplier chosen in the wizard, the preview checked, then both invoices in the list.
 */
import { writeFileSync } from 'node:fs';
import { expect, snap, test } from './fixtures';
import { AVASTIN_VIAL, seed } from './seed';

test('imports a distributor CSV as two invoices of the chosen supplier', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  for (const ndc of ['50242-040-62', '00002-7597-01']) {
    await seed(h, 'drugs:create', { ...AVASTIN_VIAL, ndc, genericName: `drug ${ndc}`, brandName: '' });
  }
  await seed(h, 'suppliers:create', { name: 'McKesson Specialty' });

  const file = test.info().outputPath('mckesson-invoices.csv');
  writeFileSync(
    file,
    [
      'Invoice Number,Invoice Date,NDC,Lot,Expiration Date,Qty,Unit Cost,Extended Price',
      'MCK-1001,2025-02-10,50242-0040-62,LOT-A,2026-06-30,2,1170.00,2340.00',
      'MCK-1001,2025-02-10,00002-7597-01,LOT-B,2026-07-31,1,10.00,10.00',
      'MCK-1002,2025-02-12,50242-0040-62,LOT-C,2026-08-31,3,1170.00,3510.00',
    ].join('\n'),
  );

  const page = await openApp('/invoices');
  await expect(page.getByTestId('invoices-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Import invoices' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import invoices' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  // No supplier chosen yet: the wizard asks for one before reading the file.
  await expect(dialog.getByText('Choose the supplier that sent the invoices.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Supplier', exact: true }).click();
  await page.getByRole('option', { name: 'McKesson Specialty' }).click();
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const importButton = dialog.getByRole('button', { name: 'Import 3 rows' });
  await expect(importButton).toBeEnabled();
  await snap(page, 'invoice-import-preview');
  await importButton.click();
  await expect(dialog.getByTestId('import-summary')).toContainText('3 rows imported from mckesson-invoices.csv');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const rows = page.getByTestId('invoice-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('MCK-1002');
  await expect(rows.nth(0)).toContainText('McKesson Specialty');
  await expect(rows.nth(1)).toContainText('MCK-1001');
  await expect(rows.nth(1)).toContainText('$2,350.00');
  await expect(page.getByTestId('invoices-count')).toHaveText('2 invoices');
});
