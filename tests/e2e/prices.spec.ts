/**
 * Prices: an AWP typed by hand and its history; a payer's fee schedule imported from an XLSX
 * (one column mapped by hand); a CMS ASP pricing CSV with a bad row, left out on purpose.
 */
import ExcelJS from 'exceljs';
import { resolve } from 'node:path';
import { expect, snap, test } from './fixtures';
import { seed } from './seed';

const OLANZAPINE = {
  ndc: '00002-7597-01',
  genericName: 'olanzapine',
  brandName: 'Zyprexa Relprevv',
  strengthAmount: '20',
  strengthUnit: 'mg',
  packageSize: '10',
  ndcUnit: 'ML',
  container: 'single-dose',
  route: 'IM',
};

test('an AWP typed by hand: errors next to the fields, history newest first, delete asks first', async ({
  openApp,
  desk,
}) => {
  await seed(desk.services.handlers, 'drugs:create', OLANZAPINE);
  const page = await openApp('/prices');
  await expect(page.getByTestId('payment-limits-empty')).toBeVisible();

  await page.getByRole('combobox', { name: 'Drug' }).fill('7597');
  await page.getByRole('option', { name: /olanzapine/ }).click();
  await expect(page.getByTestId('prices-empty')).toBeVisible();

  const addPrice = async (type: 'AWP' | 'WAC', price: string, from: string) => {
    await page.getByRole('button', { name: 'Add price' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add price: olanzapine' });
    if (type !== 'AWP') {
      await dialog.getByRole('combobox', { name: 'Price type' }).click();
      await page.getByRole('option', { name: type, exact: true }).click();
    }
    await dialog.getByRole('textbox', { name: 'Price per package ($)', exact: true }).fill(price);
    await dialog.getByRole('textbox', { name: 'Effective from', exact: true }).fill(from);
    await dialog.getByRole('button', { name: 'Add price' }).click();
    return dialog;
  };

  // "$1,200.00" would be read as 1200.00 (issue 14); commas that do not group thousands are refused.
  const dialog = await addPrice('AWP', '12,00', '2025-02-30');
  await expect(
    dialog.getByText('Price per package: "12,00": commas go between groups of three digits, as in 1,200.00.'),
  ).toBeVisible();
  await expect(dialog.getByText('Effective from "2025-02-30" is not a real calendar date.')).toBeVisible();
  await snap(page, 'price-form-errors');
  await dialog.getByRole('textbox', { name: 'Price per package ($)', exact: true }).fill('480.00');
  await dialog.getByRole('textbox', { name: 'Effective from', exact: true }).fill('2025-01-01');
  await dialog.getByRole('button', { name: 'Add price' }).click();
  await expect(dialog).toBeHidden();

  const rows = page.getByTestId('price-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('AWP');
  await expect(rows.first()).toContainText('$480.00');
  await expect(rows.first()).toContainText('$48.00'); // per ML of a 10 ML vial
  await expect(rows.first()).toContainText('2025-01-01 – open');

  await expect(await addPrice('AWP', '500', '2025-07-01')).toBeHidden();
  await expect(await addPrice('WAC', '400', '2025-01-01')).toBeHidden();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('2025-07-01 – open');
  await expect(rows.nth(0)).toContainText('$500.00');
  await expect(page.getByRole('row', { name: /AWP.*\$480\.00/ })).toContainText('2025-01-01 – 2025-06-30');
  await expect(page.getByRole('row', { name: /WAC/ })).toContainText('2025-01-01 – open');
  await snap(page, 'price-history');

  await page.getByRole('button', { name: 'Delete AWP from 2025-07-01' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this price?' });
  await confirm.getByRole('button', { name: 'Delete price' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('row', { name: /AWP.*\$480\.00/ })).toContainText('2025-01-01 – open');
  const history = await seed<{ prices: { priceType: string; pricePerPackage: string }[] }>(
    desk.services.handlers,
    'prices:history',
    {
      ndc: OLANZAPINE.ndc,
    },
  );
  expect(history.prices.map((p) => [p.priceType, p.pricePerPackage]).sort()).toEqual([
    ['AWP', '480.00'],
    ['WAC', '400'],
  ]);
});

test('a fee schedule XLSX through the wizard: one column mapped by hand, then imported', async ({ openApp, desk }) => {
  const payer = await seed<{ id: number }>(desk.services.handlers, 'payers:create', {
    name: 'Aetna Commercial',
    payerType: 'commercial',
  });

  // A payer's workbook as they send it: the effective date column is called "Start", which is
  // not a name the app guesses.
  const file = test.info().outputPath('aetna-fee-schedule-2025.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Drug fees');
  sheet.addRow(['HCPCS', 'Fee', 'Per Amount', 'Per Unit', 'Start']);
  sheet.addRow(['J9999', 45.1, 10, 'mg', new Date(Date.UTC(2025, 0, 1))]);
  sheet.addRow(['J3490', 12.5, 1, 'mg', new Date(Date.UTC(2025, 0, 1))]);
  sheet.addRow(['00002-7597-01', 6, 1, 'mg', new Date(Date.UTC(2025, 0, 1))]);
  await workbook.xlsx.writeFile(file);

  const page = await openApp(`/payers/${payer.id}`);
  await page.getByRole('tab', { name: 'Fee schedule' }).click();
  await expect(page.getByTestId('fee-schedule-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Import fee schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import fee schedule for Aetna Commercial' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Preview' }).click();

  // "Start" was not recognized: the mapping is incomplete and nothing can be imported yet.
  await expect(dialog.getByTestId('import-mapping-incomplete')).toContainText('Effective from');
  await expect(dialog.getByRole('button', { name: /^Import \d* ?rows?$/ })).toBeDisabled();
  await snap(page, 'fee-schedule-mapping-incomplete');
  await dialog.getByRole('combobox', { name: 'Effective from' }).click();
  await page.getByRole('option', { name: 'Start', exact: true }).click();
  await expect(dialog.getByTestId('import-valid')).toHaveText('3 valid');
  await expect(dialog.getByTestId('import-refused')).toHaveText('0 refused');
  await expect(dialog.getByTestId('import-sample-row')).toHaveCount(3);
  await expect(dialog.getByTestId('import-sample-row').first()).toContainText('J9999');
  await snap(page, 'fee-schedule-preview');

  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(dialog.getByTestId('import-summary')).toContainText('3 rows imported from aetna-fee-schedule-2025.xlsx');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const rows = page.getByTestId('fee-schedule-row');
  await expect(rows).toHaveCount(3);
  await page.getByRole('textbox', { name: 'Search fee schedule' }).fill('J9999');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('$45.10');
  await expect(rows.first()).toContainText('10 mg');
  await expect(rows.first()).toContainText('2025-01-01 – open');
  await snap(page, 'fee-schedule');

  // The mapping is remembered for this payer.
  expect(
    await seed(desk.services.handlers, 'imports:mapping', { kind: 'fee-schedule', payerId: payer.id }),
  ).toMatchObject({
    effectiveFrom: 'Start',
  });
});

test('a CMS ASP pricing CSV with a bad row: the row error, leave it out, find the limit', async ({
  openApp,
  desk,
  page,
}) => {
  const file = resolve('tests/fixtures/e2e/July 2025 ASP Pricing File.csv');
  await openApp('/prices');

  const openWizard = async () => {
    await page.getByRole('button', { name: 'Import CMS ASP pricing file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import the CMS ASP pricing file' });
    await dialog.locator('input[type="file"]').setInputFiles(file);
    // The quarter comes from the file name ("July 2025" prices July to September).
    await expect(dialog.getByRole('textbox', { name: 'Quarter' })).toHaveValue('2025Q3');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('import-total')).toHaveText('4 rows in the file');
    return dialog;
  };

  // Escape closes the wizard after the preview: nothing is written.
  let dialog = await openWizard();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await seed(desk.services.handlers, 'paymentLimits:list', {})).toEqual({ rows: [], total: 0 });

  dialog = await openWizard();
  await expect(dialog.getByTestId('import-valid')).toHaveText('3 valid');
  await expect(dialog.getByTestId('import-refused')).toHaveText('1 refused');
  // The published header is recognized without any mapping.
  const mapped: [RegExp, string][] = [
    [/^HCPCS code/, '_2025_CODE'],
    [/^HCPCS code dosage/, 'HCPCS Code Dosage'],
    [/^Payment limit/, 'Payment Limit'],
  ];
  for (const [field, column] of mapped) {
    await expect(dialog.getByRole('combobox', { name: field }).first()).toHaveValue(column);
  }
  const error = dialog.getByTestId('import-error-row');
  await expect(error).toHaveCount(1);
  await expect(error.getByRole('cell').nth(0)).toHaveText('12');
  await expect(error.getByRole('cell').nth(1)).toHaveText('Payment Limit');
  await expect(error.getByRole('cell').nth(2)).toContainText('12.3.4');

  // With a refused row the import waits until the person says to leave it out.
  const importButton = dialog.getByRole('button', { name: 'Import 3 rows' });
  await expect(importButton).toBeDisabled();
  await snap(page, 'asp-preview-refused-row');
  await dialog.getByRole('checkbox', { name: 'Leave out the 1 refused row' }).check();
  await importButton.click();
  await expect(dialog.getByTestId('import-summary')).toContainText(
    '3 rows imported from July 2025 ASP Pricing File.csv; 1 refused row was left out.',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const rows = page.getByTestId('payment-limit-row');
  await expect(rows).toHaveCount(3);
  await page.getByRole('textbox', { name: 'Search payment limits' }).fill('J9035');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2025Q3');
  await expect(rows.first()).toContainText('Bevacizumab');
  await expect(rows.first()).toContainText('10 MG');
  await expect(rows.first()).toContainText('$73.217');

  // The quarter filter.
  await page.getByRole('textbox', { name: 'Search payment limits' }).fill('');
  await page.getByRole('combobox', { name: 'Quarter' }).fill('2025Q3');
  await page.getByRole('option', { name: '2025Q3', exact: true }).click();
  await expect(rows).toHaveCount(3);
  await snap(page, 'payment-limits');
  await page.getByRole('combobox', { name: 'Quarter' }).fill('2025Q2');
  await page.getByRole('option', { name: '2025Q2', exact: true }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No payment limit matches.')).toBeVisible();
  expect(
    await seed<{ total: number }>(desk.services.handlers, 'paymentLimits:list', { search: 'J9999' }),
  ).toMatchObject({ total: 0 });
});
