/**
 * Finance staff's day after an 835 (issue 12, items 6, 8 and 9): Home counts what waits and links
 * to it; the underpaid line shows how its expected amount was reached and gives an appeal letter;
 * the denied lines carry their reasons in words; the claim the payer has not paid waits in the
 * unpaid list with its timely filing day; the underpaid list exported as CSV reads back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { remittance835 } from '../fixtures/era/remittance-835';
import { expect, snapWidths, test } from './fixtures';
import { seedFourBilledClaims } from './seed-administration';

test('after an 835: Home’s day of work, underpaid with its appeal letter, denied reasons, unpaid by age, export', async ({
  desk,
  openApp,
}) => {
  const h = desk.services.handlers;
  const [paid, under, denied] = await seedFourBilledClaims(h);
  const path = test.info().outputPath('medicare-2026-12-01.835');
  writeFileSync(
    path,
    remittance835([
      { administration: paid, lines: [{ kind: 'given' }, { kind: 'wasted' }] },
      { administration: under, lines: [{ kind: 'given', allowed: '400.00' }, { kind: 'wasted' }] },
      {
        administration: denied,
        status: '4',
        lines: [
          { kind: 'given', deny: { group: 'CO', reason: '16', remarks: ['N350'] } },
          { kind: 'wasted', deny: { group: 'CO', reason: '16' } },
        ],
      },
    ]),
  );
  const page = await openApp('/remittances');
  await page.getByLabel('835 file (ERA)').setInputFiles(path);
  await page.getByRole('button', { name: /^Import and post 3 claims$/ }).click();
  await expect(page.getByTestId('era-imported')).toContainText('6 lines matched and posted');

  // Home: what waits, each a link to its list.
  await openApp('/');
  await expect(page.getByTestId('home-underpaidLines')).toContainText('1underpaid claim line');
  await expect(page.getByTestId('home-deniedLines')).toContainText('2denied claim lines');
  await expect(page.getByTestId('home-unpaidOver60Days')).toHaveCount(0);
  await expect(page.getByTestId('home-chart')).toBeVisible();
  await snapWidths(page, 'home-days-work');
  await page.getByTestId('home-underpaidLines').click();

  // Underpaid: the line, how its expected amount was reached, and the appeal letter.
  await expect(page.getByRole('tab', { name: /Underpaid/, selected: true })).toBeVisible();
  const row = page.getByTestId('worklist-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Okafor, Test');
  await expect(row).toContainText('$400.00');
  await row.getByRole('button', { name: 'How expected' }).click();
  await expect(page.getByTestId('expected-steps')).toContainText('How the expected amount was computed');
  await expect(page.getByTestId('expected-steps').getByRole('listitem').first()).toBeVisible();
  await snapWidths(page, 'worklist-underpaid');
  const letterDownload = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Appeal letter' }).click();
  const letter = await letterDownload;
  expect(letter.suggestedFilename()).toBe('appeal-CLM-2.pdf');
  const letterPath = test.info().outputPath('appeal.pdf');
  await letter.saveAs(letterPath);
  expect(readFileSync(letterPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The underpaid list as CSV, read back.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export underpaid lines as CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^expected-vs-paid-lines-underpaid-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvPath = test.info().outputPath('underpaid.csv');
  await csv.saveAs(csvPath);
  const records = readFileSync(csvPath, 'utf8').replace('\uFEFF', '').trimEnd().split('\r\n');
  expect(records[0]).toMatch(/^Date of service,Claim number,Patient,Payer,Drug,/);
  expect(records).toHaveLength(2);
  expect(records[1]).toContain('2026-11-03,CLM-2,"Okafor, Test",');
  expect(records[1]).toContain(',Given,Underpaid,');

  // Denied: the reasons in words.
  await page.getByRole('tab', { name: /Denied/ }).click();
  await expect(page.getByTestId('worklist-row')).toHaveCount(2);
  await expect(page.getByTestId('worklist-row').first()).toContainText('CO-16');
  await expect(page.getByTestId('worklist-row').first()).toContainText('N350: The description of service');
  await snapWidths(page, 'worklist-denied');

  // Unpaid: the claim the 835 did not pay, by age, with the payer's timely filing day.
  await page.getByRole('tab', { name: 'Unpaid by age' }).click();
  await expect(page.getByTestId('worklist-row')).toHaveCount(2);
  await expect(page.getByTestId('worklist-row').first()).toContainText('Kowalski, Test');
  await expect(page.getByTestId('aging-bucket-lines').first()).toHaveText('2 lines');
  await expect(page.getByTestId('worklist-row').first()).toContainText('days left');
  await snapWidths(page, 'worklist-unpaid');

  // Stock never billed: the lot is still on hand and not expired, so nothing is listed.
  await page.getByRole('tab', { name: 'Stock never billed' }).click();
  await expect(page.getByTestId('worklist-stock-empty')).toBeVisible();
});
