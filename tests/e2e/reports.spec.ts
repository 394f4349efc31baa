/**
 * The Reports page (issue 12, item 7) over two billed administrations of examplizumab for
 * Medicare Part B, one in October and one in November 2026; November's dose given is paid on a
 * paper EOB below its contract. The page opens on the last twelve months (by the browser's own
 * calendar, fixed here at December 7, 2026), shows expected against paid per month and payer with
 * exact amounts and totals, margin by drug, and exports the expected-against-paid rows as CSV and
 * XLSX, each read back from the downloaded file.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { localIsoDate } from '../../electron/services/context';
import { downloadBy, expect, savedDownload, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { seedBilledClaim, seedBillingSetup } from './seed-administration';

/** Today in this machine's time zone, as the services date a payment. */
const localToday = (): string => localIsoDate(new Date());

test('reports: expected against paid per month with exact amounts, margin by drug, CSV and XLSX exports read back', async ({
  desk,
  page,
}) => {
  const h = desk.services.handlers;
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-7', lotNumber: 'R100', packages: '10' });
  const october = await seedBilledClaim(h, {
    payerId: payer.id,
    lineId,
    lastName: 'Alvarez',
    claimNumber: 'CLM-OCT',
    dateOfService: '2026-10-15',
  });
  const november = await seedBilledClaim(h, {
    payerId: payer.id,
    lineId,
    lastName: 'Brooks',
    claimNumber: 'CLM-NOV',
    dateOfService: '2026-11-12',
  });

  // Each dose: 200 mg given (0.8 of a $600 AWP vial) and 50 mg discarded (0.2), at 95% of AWP,
  // Medicare paying 80% less 2% sequestration: $357.50 on the dose given, $89.38 on the JW line.
  for (const a of [october, november]) {
    expect(a.estimate?.lines.map((l) => [l.kind, l.allowed, l.payerPays])).toEqual([
      ['given', '456.00', '357.50'],
      ['wasted', '114.00', '89.38'],
    ]);
  }
  // November's dose given allowed at $400.00 instead of $456.00: paid $313.60.
  await seed(h, 'payments:post', {
    administrationId: november.id,
    lineKind: 'given',
    paymentDate: localToday(),
    allowed: '400.00',
    paid: '313.60',
    patientResponsibility: '80.00',
    adjustments: [
      { group: 'CO', reason: '45', amount: '44.00' },
      { group: 'PR', reason: '2', amount: '80.00' },
      { group: 'CO', reason: '253', amount: '6.40' },
    ],
    checkNumber: 'CHK-77',
  });

  // The browser's calendar says December 7, 2026, so the page opens on Jan 1 to Dec 7, 2026.
  await page.clock.setFixedTime(new Date(2026, 11, 7, 10, 0, 0));
  await page.goto(`${desk.url}#/reports`);
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  const from = page.getByRole('textbox', { name: 'From' });
  const to = page.getByRole('textbox', { name: 'To' });
  await expect(from).toHaveValue('2026-01-01');
  await expect(to).toHaveValue('2026-12-07');

  // Expected against paid: one row per month and payer, amounts to the cent, and their total.
  const evp = page.getByTestId('expected-vs-paid');
  const rows = evp.getByTestId('expected-vs-paid-row');
  await expect(rows).toHaveCount(2);
  const cells = (row: number) => rows.nth(row).getByRole('cell');
  await expect(cells(0)).toHaveText(['Oct 2026', 'Medicare Part B', '2', '$446.88', '$0.00', '$0.00', '$0.00']);
  // Paid less expected: $313.60 against the $357.50 expected of the line paid; underpaid by
  // allowed below contract, $456.00 − $400.00.
  await expect(cells(1)).toHaveText([
    'Nov 2026',
    'Medicare Part B',
    /^2\s*1 paid$/,
    '$446.88',
    '$313.60',
    '-$43.90',
    '$56.00',
  ]);
  await expect(evp.getByTestId('expected-vs-paid-total').getByRole('cell')).toHaveText([
    'Total',
    /^4\s*1 paid$/,
    '$893.76',
    '$313.60',
    '-$43.90',
    '$56.00',
  ]);
  await expect(evp.getByRole('figure')).toBeVisible();
  // The chart's tooltip reads the same exact amounts as the table.
  await evp.locator('path.recharts-rectangle[fill="#0ca678"]').first().hover();
  const tooltip = evp.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText('Nov 2026');
  await expect(tooltip).toContainText('Expected from payers : $446.88');
  await expect(tooltip).toContainText('Paid : $313.60');
  await page.mouse.move(0, 0);
  await snapWidths(page, 'reports-expected-vs-paid');

  // CSV: the same rows and filters as the page.
  const csv = await downloadBy(page, () =>
    page.getByRole('button', { name: 'Export expected against paid as CSV' }).click(),
  );
  const csvPath = await savedDownload(csv);
  expect(csv.suggestedFilename()).toBe('expected-vs-paid-by-payer-and-month-2026-01-01-to-2026-12-07.csv');
  const lines = readFileSync(csvPath, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines).toEqual([
    'Month,Payer,Lines,Lines paid,Lines denied,Expected payer paid,Paid,Expected of the lines paid,Paid less expected,Underpaid,Sequestration',
    '2026-10,Medicare Part B,2,0,0,446.88,0.00,0.00,0.00,0.00,0.00',
    '2026-11,Medicare Part B,2,1,0,446.88,313.60,357.50,-43.90,56.00,6.40',
  ]);
  await expect(page.getByText(/\.csv downloaded: 2 rows\./)).toBeVisible();

  // XLSX: money as numbers in the workbook.
  const xlsx = await downloadBy(page, () =>
    page.getByRole('button', { name: 'Export expected against paid as XLSX' }).click(),
  );
  const xlsxPath = await savedDownload(xlsx);
  expect(xlsx.suggestedFilename()).toBe('expected-vs-paid-by-payer-and-month-2026-01-01-to-2026-12-07.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsxPath);
  const sheet = book.getWorksheet('Expected vs paid');
  expect(sheet?.getRow(1).getCell(7).value).toBe('Paid');
  expect(sheet?.getRow(3).getCell(1).value).toBe('2026-11');
  expect(sheet?.getRow(3).getCell(6).value).toBe(446.88);
  expect(sheet?.getRow(3).getCell(7).value).toBe(313.6);
  // The two "downloaded" notes close by themselves, out of the way of the screenshots below.
  await expect(page.getByText(/ downloaded: 2 rows\./)).toHaveCount(0);

  // Dates narrowed to November leave only November; a date that is not a real day says so.
  // (The sentence waits for Enter or leaving the field, so a date half typed says nothing.)
  await from.fill('2026-02-30');
  await from.press('Enter');
  await expect(page.getByText('From "2026-02-30" is not a real calendar date.')).toBeVisible();
  await from.fill('2026-11-01');
  await expect(page.getByText('From "2026-02-30" is not a real calendar date.')).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(cells(0).first()).toHaveText('Nov 2026');
  await expect(evp.getByTestId('expected-vs-paid-total')).toHaveCount(0);
  await from.fill('2026-01-01');
  await expect(rows).toHaveCount(2);

  // Margin by drug: cost $400 a vial, so $400.00 a dose against $560.88 expected from payer and
  // patient (allowed $456.00 + $114.00, less the $7.30 + $1.82 sequestration).
  await page.getByRole('tab', { name: 'Margin' }).click();
  await expect(page).toHaveURL(/report=margin/);
  const margin = page.getByTestId('margin');
  const drugRow = margin.getByTestId('margin-row');
  await expect(drugRow).toHaveCount(1);
  await expect(drugRow.getByRole('cell')).toHaveText([
    /^examplizumab\s*NDC 70121-1568-01$/,
    /^4\s*1 paid$/,
    '$800.00',
    '$1,121.76',
    '$321.76',
    '28.7%',
  ]);
  // As paid: November's dose given only, $313.60 + $80.00 against its $320.00 cost.
  await margin.getByText('As paid').click();
  await expect(drugRow.getByRole('cell')).toHaveText([
    /^examplizumab/,
    /^4\s*1 paid$/,
    '$320.00',
    '$393.60',
    '$73.60',
    '18.7%',
  ]);
  await snapWidths(page, 'reports-margin-by-drug');
  await margin.getByText('By payer').click();
  await expect(margin.getByRole('heading', { name: 'Margin by payer' })).toBeVisible();
  await expect(drugRow.getByRole('cell').first()).toHaveText('Medicare Part B');

  // Volume: one administration a month; days to payment: one line paid, on the day it was billed.
  await page.getByRole('tab', { name: 'Volume and revenue' }).click();
  const volume = page.getByTestId('volume').getByTestId('volume-row');
  await expect(volume).toHaveCount(2);
  await expect(volume.nth(1).getByRole('cell')).toHaveText([
    'Nov 2026',
    /^examplizumab\s*NDC 70121-1568-01$/,
    '1',
    /^\d+$/,
    /^\$[\d,]+\.\d\d$/,
    '$560.88',
    '$393.60',
  ]);
  await snapWidths(page, 'reports-volume');
  await page.getByRole('tab', { name: 'Days to payment' }).click();
  const days = page.getByTestId('days-to-payment').getByTestId('days-to-payment-row');
  await expect(days).toHaveCount(1);
  await expect(days.getByRole('cell').nth(0)).toHaveText('Medicare Part B');
  await expect(days.getByRole('cell').nth(1)).toHaveText('1');
  await snapWidths(page, 'reports-days-to-payment');

  // Dates with nothing billed: each report says what makes a line count.
  await from.fill('2025-01-01');
  await to.fill('2025-12-31');
  await expect(page.getByTestId('days-to-payment-empty')).toContainText('No paid claim lines in these dates yet.');
  await page.getByRole('tab', { name: 'Expected against paid' }).click();
  await expect(page.getByTestId('expected-vs-paid-empty')).toContainText(
    'No billed claim lines in these dates yet. A claim line counts here once its administration is marked billed',
  );
  await expect(page.getByRole('button', { name: /as CSV/ })).toHaveCount(0);
});
