/**
 * Words for people, not for programmers (issue 14, items 10 and 11). On the pages a biller uses
 * for one claim — the administrations list, the administration's page with its estimate, payments
 * and documents, the patient's record, the import preview — no timestamp is a raw ISO string and
 * no error code stands as the message (a code is only in the small "Code for support" print); the
 * contract version is named by its terms and dates; the documents' maker is the practice's billing
 * contact when the computer's login is "root"; "Expected" is the payer's part plus the patient's,
 * with both parts beside it.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Administration } from '../../shared/domain/administration';
import type { Contract } from '../../shared/domain/contract-terms';
import { contractInWords } from '../../shared/domain/contract-words';
import { Dec, moneyString, usdFromFixed } from '../../shared/domain/money';
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { seedAdministration, seedBillingSetup } from './seed-administration';

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T/;
const SCREAMING_CODE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

/** The page's text as a person reads it, less the small "Code for support" print. */
const wordsOnPage = async (page: Page): Promise<string> =>
  String(
    await page.evaluate(`(() => {
      const copy = document.body.cloneNode(true);
      for (const el of copy.querySelectorAll('[data-support-code], script, style')) el.remove();
      return copy.textContent ?? '';
    })()`),
  );

async function expectPlainWords(page: Page): Promise<void> {
  const text = await wordsOnPage(page);
  expect(text, 'a raw ISO timestamp').not.toMatch(ISO_TIMESTAMP);
  expect(text.match(SCREAMING_CODE)?.[0] ?? null, 'an error code shown as words').toBeNull();
}

test('plain words: times, codes, the contract, the documents’ maker and the expected total', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  expect(desk.services.ctx.actor, 'this test is about a desk logged in as root').toBe('root');
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-9', lotNumber: 'A100', packages: '20' });
  const made = await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Rivera', firstName: 'Ana', accountNumber: 'MRN-2044' },
    dateOfService: '2026-11-02',
    markReady: true,
    claimNumber: 'CLM-1',
  });
  await seed(h, 'attachments:generate', { administrationId: made.id, withWorksheet: true });
  const a = await seed<Administration>(h, 'administrations:get', { id: made.id });
  const t = a.estimate!.totals;
  const total = moneyString(new Dec(t.payerPays).plus(new Dec(t.patientPays)));
  const parts = `payer ${usdFromFixed(t.payerPays)} · patient ${usdFromFixed(t.patientPays)}`;

  // The list: Expected is the total, its two parts under it.
  const page = await openApp('/administrations');
  const row = page.getByTestId('administration-row').filter({ hasText: 'Rivera' });
  await expect(row.getByTestId('expected-total')).toHaveText(usdFromFixed(total));
  await expect(row.getByTestId('expected-parts')).toHaveText(parts);
  expect(new Dec(total).equals(new Dec(t.payerPays).plus(new Dec(t.patientPays)))).toBe(true);
  await expectPlainWords(page);
  await snapWidths(page, 'plain-words-administrations');

  // The administration's page: the contract by its terms and dates, local times, the maker.
  await page.goto(`${desk.url}#/administrations/${a.id}`);
  const { contracts } = await seed<{ contracts: Contract[] }>(h, 'payers:get', { id: payer.id });
  const contract = contracts.find((c) => c.id === a.contractId);
  if (!contract) throw new Error('the estimate used one of the payer’s contract versions');
  await expect(page.getByTestId('estimate-contract')).toHaveText(`Contract terms: ${contractInWords(contract)}`);
  await expect(page.getByTestId('estimate-contract')).toContainText(/, from [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.getByTestId('estimate-contract')).not.toContainText(/version \d/i);
  await expect(page.getByTestId('estimate-at')).toHaveText(
    /^Computed at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/,
  );
  await expect(page.getByTestId('totals-expected')).toHaveText(usdFromFixed(total));
  await expect(page.getByTestId('totals-expected-parts')).toHaveText(parts);
  const documents = page.getByTestId('document-row');
  await expect(documents).toHaveCount(2);
  for (const d of await documents.all()) {
    await expect(d).toContainText('Dana Whitfield');
    await expect(d).not.toContainText('root');
    await expect(d).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
  }
  await expectPlainWords(page);
  await snapWidths(page, 'plain-words-administration');

  // Billed and paid on paper: the payments card's Expected is the total with both parts.
  await seed(h, 'administrations:setStatus', { id: a.id, status: 'billed' });
  await page.reload();
  const line = page.getByTestId('variance-line').first();
  await expect(line).toBeVisible();
  await expect(line.getByTestId('expected-parts')).toContainText(/^payer \$[\d,.]+ · patient \$[\d,.]+$/);
  await expectPlainWords(page);
  await snapWidths(page, 'plain-words-billed');
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page
      .getByTestId('payments-card')
      .screenshot({ path: test.info().outputPath(`plain-words-payments-${width}.png`) });
  }

  // The patient's record reads the same total.
  await page.goto(`${desk.url}#/patients/${a.patientId}`);
  await expect(page.getByTestId('expected-total').first()).toHaveText(usdFromFixed(total));
  await expect(page.getByTestId('expected-parts').first()).toHaveText(parts);
  await expectPlainWords(page);

  // A price the contract needs goes missing: the warning is headed and said in words, its code
  // only in the small print for support.
  const prices = await seed<{ prices: { id: number }[] }>(h, 'prices:history', { ndc: '70121-1568-1' });
  for (const p of prices.prices) await seed(h, 'prices:delete', { id: p.id });
  const draft = await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Okafor', firstName: 'Grace', accountNumber: 'MRN-3100' },
    dateOfService: '2026-11-03',
    markReady: false,
  });
  await page.goto(`${desk.url}#/administrations/${draft.id}`);
  const warning = page.getByTestId('estimate-warning').filter({ hasText: 'so the given line is allowed $0.00' });
  await expect(warning).toHaveAttribute('data-code', 'NO_PRICE_FOR_BASIS');
  await expect(warning).toContainText('A price the contract needs is missing');
  await expect(warning).toContainText('but the AWP per package is missing');
  await expect(warning.locator('[data-support-code]')).toHaveText('Code for support: NO_PRICE_FOR_BASIS');
  await expectPlainWords(page);
  await snapWidths(page, 'plain-words-missing-price');
});

test('plain words: a refused import row says why in a sentence, with its code in small print', async ({
  openApp,
  page,
}) => {
  await openApp('/prices');
  await page.getByRole('button', { name: 'Import CMS ASP pricing file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import the CMS ASP pricing file' });
  await dialog
    .locator('input[type="file"]')
    .setInputFiles(resolve('tests/fixtures/e2e/July 2025 ASP Pricing File.csv'));
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const refused = dialog.getByTestId('import-error-row');
  await expect(refused).toHaveCount(1);
  const reason = refused.getByRole('cell').nth(2);
  const code = reason.locator('[data-support-code]');
  const sentence = (await reason.innerText()).replace(await code.innerText(), '').trim();
  expect(sentence).toMatch(/^[A-Z"“].{10,}[.)]$/);
  expect(sentence).not.toMatch(SCREAMING_CODE);
  await expect(code).toHaveText(/^Code for support: [A-Z][A-Z0-9_]+$/);
  // The sample's columns are titled in words.
  const headers = await dialog.getByRole('table', { name: 'Sample rows' }).getByRole('columnheader').allTextContents();
  expect(headers.length).toBeGreaterThan(3);
  for (const header of headers) expect(header).not.toMatch(/^[a-z]+[A-Z]\w*$/);
  await expectPlainWords(page);
  await snapWidths(page, 'plain-words-import-refused');
});
