/**
 * Invoices: a new supplier added inline, an invoice of two lots where the second NDC is not in the
 * catalog (refused next to its cell, "Add this drug", saved on retry), the live reconciliation,
 * a scanned PNG attached and shown, and a duplicate invoice number refused next to its field with
 * nothing saved. Escape leaves the editor, asking first because something was typed. Then an
 * edit (a removed line put back, a total that no longer reconciles), a PDF scan shown in a frame
 * after a mislabelled file is refused, and a delete that asks first.
 */
import { writeFileSync } from 'node:fs';
import { dispatch } from '../../electron/services/dispatch';
import { onePagePdf, solidPng } from '../fixtures/e2e/scans/make-scans';
import { expect, snap, test } from './fixtures';
import { AVASTIN_VIAL, OLANZAPINE_VIAL, seed } from './seed';

test('an invoice of two lots: unknown NDC added from the line, reconciliation, scan, duplicate refused', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  await seed(h, 'drugs:create', AVASTIN_VIAL);
  const invoiceCount = async () => {
    const r = await dispatch(h, 'invoices:list', {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { total: number }).total;
  };

  const page = await openApp('/invoices');
  await expect(page.getByTestId('invoices-empty')).toBeVisible();
  await page.getByRole('link', { name: 'New invoice' }).click();
  await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();

  // A supplier that is not there yet, added without leaving the invoice.
  await page.getByRole('button', { name: 'Add supplier' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add supplier' });
  await dialog.getByRole('textbox', { name: 'Supplier name', exact: true }).fill('McKesson Specialty');
  await dialog.getByRole('textbox', { name: 'Account number', exact: true }).fill('AC-88123');
  await dialog.getByRole('button', { name: 'Add supplier' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Supplier', exact: true })).toHaveValue('McKesson Specialty');

  await page.getByRole('textbox', { name: 'Invoice number', exact: true }).fill('INV-1001');
  await page.getByRole('textbox', { name: 'Invoice date', exact: true }).fill('2025-03-01');
  await page.getByRole('textbox', { name: 'Received date', exact: true }).fill('2025-03-03');
  await page.getByRole('textbox', { name: 'Invoice total', exact: true }).fill('2090.00');
  await page.getByRole('textbox', { name: 'Freight, fees or credits', exact: true }).fill('15.00');

  const cell = (column: string, line: number) =>
    page.getByRole('textbox', { name: `${column}, line ${line}`, exact: true });
  await cell('NDC', 1).fill('50242-040-62');
  await cell('Lot number', 1).fill('B1234');
  await cell('Expiry', 1).fill('2030-06-30');
  await cell('Packages', 1).fill('2');
  await cell('Cost per package', 1).fill('800.00');
  const lines = page.getByTestId('invoice-line');
  await expect(lines.nth(0).getByTestId('line-drug-name')).toContainText('bevacizumab (Avastin)');
  await expect(lines.nth(0)).toContainText('= 8 ML');

  // Tab order in the grid: the new line's NDC takes the focus, then its lot number.
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(cell('NDC', 2)).toBeFocused();
  await page.keyboard.type('0002-7597-01');
  await expect(lines.nth(1)).toContainText('Not in the catalog.');
  await page.keyboard.press('Tab');
  await expect(lines.nth(1).getByRole('button', { name: 'Add this drug' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cell('Lot number', 2)).toBeFocused();
  await page.keyboard.type('D98765');
  await cell('Expiry', 2).fill('2030-12-31');
  await cell('Packages', 2).fill('1');
  await cell('Cost per package', 2).fill('475.00');

  // Live reconciliation from the typed amounts: 1600 + 475 + 15 = 2090.
  const live = page.getByTestId('live-reconciliation');
  await expect(live).toContainText('Reconciles');
  await expect(live.getByRole('row', { name: /Computed total/ })).toContainText('$2,090.00');
  await snap(page, 'invoice-new-filled');

  // Enter saves; the service refuses the unknown NDC next to its cell and writes nothing.
  await cell('Cost per package', 2).press('Enter');
  await expect(lines.nth(1).getByText('is not in the drug catalog')).toBeVisible();
  await expect(cell('NDC', 2)).toHaveAttribute('aria-invalid', 'true');
  expect(await invoiceCount()).toBe(0);
  await snap(page, 'invoice-ndc-unknown');

  // "Add this drug": the catalog's drug form, the NDC already filled in; the save is retried.
  await lines.nth(1).getByRole('button', { name: 'Add this drug' }).click();
  dialog = page.getByRole('dialog', { name: 'Add drug' });
  await expect(dialog.getByRole('textbox', { name: 'NDC', exact: true })).toHaveValue('00002-7597-01');
  await dialog.getByRole('textbox', { name: 'Generic name', exact: true }).fill('olanzapine');
  await dialog.getByRole('textbox', { name: /^Strength per/ }).fill('20');
  await dialog.getByRole('textbox', { name: /^Package size/ }).fill('10');
  await dialog.getByRole('button', { name: 'Add drug' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'McKesson Specialty · INV-1001' })).toBeVisible();
  expect(await invoiceCount()).toBe(1);
  const detailLines = page.getByTestId('invoice-detail-line');
  await expect(detailLines).toHaveCount(2);
  await expect(detailLines.nth(0)).toContainText('B1234');
  await expect(detailLines.nth(0)).toContainText('8 ML');
  await expect(detailLines.nth(1)).toContainText('olanzapine');
  await expect(detailLines.nth(1)).toContainText('10 ML');
  const reconciliation = page.getByTestId('invoice-reconciliation');
  await expect(reconciliation).toContainText('Reconciles');
  await expect(reconciliation.getByRole('row', { name: /Lines net/ })).toContainText('$2,075.00');
  await expect(page.getByTestId('scan-missing')).toBeVisible();

  // Attach the supplier's scan: a PNG written now, shown in the page, with a download link.
  const scanPath = test.info().outputPath('inv-1001.png');
  writeFileSync(scanPath, solidPng(48, 32, [30, 120, 200]));
  await page.getByRole('button', { name: 'Attach scan' }).click();
  dialog = page.getByRole('dialog', { name: 'Attach scan' });
  await dialog.getByLabel('Scan file').setInputFiles(scanPath);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toBeHidden();
  const image = page.getByRole('img', { name: 'Scan: inv-1001.png' });
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('naturalWidth', 48);
  await expect(page.getByRole('link', { name: 'Download' })).toHaveAttribute('href', /^blob:/);
  await expect(page.getByRole('button', { name: 'Replace scan' })).toBeVisible();
  await snap(page, 'invoice-detail-with-scan');

  // The list: one invoice, with its scan, reconciled.
  await page.getByRole('link', { name: '← All invoices' }).click();
  const row = page.getByTestId('invoice-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('INV-1001');
  await expect(row).toContainText('$2,075.00');
  await expect(row).toContainText('$2,090.00');
  await expect(row).toContainText('Yes');
  await expect(row).toContainText('Reconciles');

  // The same number from the same supplier again: refused next to the field, nothing saved.
  await page.getByRole('link', { name: 'New invoice' }).click();
  await page.getByRole('combobox', { name: 'Supplier', exact: true }).click();
  await page.getByRole('option', { name: 'McKesson Specialty' }).click();
  await page.getByRole('textbox', { name: 'Invoice number', exact: true }).fill('INV-1001');
  await page.getByRole('textbox', { name: 'Invoice date', exact: true }).fill('2025-03-01');
  await page.getByRole('textbox', { name: 'Invoice total', exact: true }).fill('100.00');
  await cell('NDC', 1).fill('50242-040-62');
  await cell('Lot number', 1).fill('B1234');
  await cell('Expiry', 1).fill('2030-06-30');
  await cell('Packages', 1).fill('1');
  await cell('Cost per package', 1).fill('800.00');
  await expect(page.getByTestId('live-reconciliation')).toContainText('Doesn’t reconcile');
  await page.getByRole('button', { name: 'Save invoice' }).click();
  const number = page.getByRole('textbox', { name: 'Invoice number', exact: true });
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Invoice INV-1001 from McKesson Specialty is already recorded')).toBeVisible();
  await expect(number).toBeFocused();
  expect(await invoiceCount()).toBe(1);
  await snap(page, 'invoice-duplicate');

  // Escape leaves the editor; what was typed is not thrown away without asking.
  await page.keyboard.press('Escape');
  dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByTestId('invoice-row')).toHaveCount(1);
  expect(await invoiceCount()).toBe(1);
});

test('edit an invoice: a line put back, a total that no longer reconciles, a PDF scan; delete asks first', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  await seed(h, 'drugs:create', OLANZAPINE_VIAL);
  const supplier = await seed<{ id: number }>(h, 'suppliers:create', { name: 'ASD Healthcare' });
  const invoice = await seed<{ id: number }>(h, 'invoices:create', {
    supplierId: supplier.id,
    invoiceNumber: 'ASD-77',
    invoiceDate: '2025-05-10',
    total: '950.00',
    lines: [
      { ndc: '0002-7597-01', lotNumber: 'L-1', expiryDate: '2030-01-31', packageQuantity: '1', costPerPackage: '475' },
      { ndc: '0002-7597-01', lotNumber: 'L-2', expiryDate: '2030-02-28', packageQuantity: '1', costPerPackage: '475' },
    ],
  });

  const page = await openApp(`/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-reconciliation')).toContainText('Reconciles');
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit invoice ASD-77' })).toBeVisible();
  await expect(page.getByTestId('invoice-line')).toHaveCount(2);

  // A line removed by mistake comes back with Undo.
  await page.getByRole('button', { name: 'Remove line 2' }).click();
  await expect(page.getByTestId('invoice-line')).toHaveCount(1);
  await page.getByTestId('line-removed').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('invoice-line')).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Lot number, line 2', exact: true })).toHaveValue('L-2');

  // A total the lines do not reach: saved as the supplier printed it, with the warning shown.
  await page.getByRole('textbox', { name: 'Invoice total', exact: true }).fill('1000.00');
  await expect(page.getByTestId('live-reconciliation')).toContainText('Doesn’t reconcile');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'ASD Healthcare · ASD-77' })).toBeVisible();
  await expect(page.getByTestId('invoice-reconciliation')).toContainText('Doesn’t reconcile');
  await expect(page.getByTestId('invoice-warnings')).toContainText('but the invoice total is 1000.00');
  await page.getByRole('link', { name: '← All invoices' }).click();
  await expect(page.getByTestId('invoice-row')).toContainText('Doesn’t reconcile');
  await snap(page, 'invoices-list-mismatch');

  // The scan as a PDF, shown in a frame. A PNG named .pdf is refused by the service first.
  await page.getByRole('link', { name: 'ASD-77' }).click();
  const fakePath = test.info().outputPath('asd-77.pdf');
  writeFileSync(fakePath, solidPng(4, 4, [0, 0, 0]));
  await page.getByRole('button', { name: 'Attach scan' }).click();
  let dialog = page.getByRole('dialog', { name: 'Attach scan' });
  await dialog.getByLabel('Scan file').setInputFiles(fakePath);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog.getByText('is named as a .pdf file but holds')).toBeVisible();
  const pdfPath = test.info().outputPath('ASD-77 scan.pdf');
  writeFileSync(pdfPath, onePagePdf('ASD Healthcare invoice ASD 77'));
  await dialog.getByLabel('Scan file').setInputFiles(pdfPath);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('iframe[title="Scan: ASD-77 scan.pdf"]')).toHaveAttribute('src', /^blob:/);
  await expect(page.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'ASD-77 scan.pdf');
  await snap(page, 'invoice-pdf-scan');

  // Delete asks first; "Keep it" keeps it.
  await page.getByRole('button', { name: 'Delete' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete this invoice?' });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete this invoice?' });
  await dialog.getByRole('button', { name: 'Delete invoice' }).click();
  await expect(page.getByTestId('invoices-empty')).toBeVisible();
  const listed = await seed<{ total: number }>(h, 'invoices:list', {});
  expect(listed.total).toBe(0);
});
