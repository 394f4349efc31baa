/**
 * PDF cost attachments, the biller's paths. From an administration's page: an administration whose
 * payer wants the invoice and whose invoice has no scan is refused in the modal with what is
 * missing, and nothing is made; a ready one gets its attachment (previewed in the modal), then a
 * second version with the internal worksheet, every version listed (the attachments first, the
 * worksheet marked "Internal — not for the payer" and downloaded under a name that says
 * internal); the downloaded PDF is read back with pdf.js (tests/fixtures/pdf-read.ts): the
 * patient and the NDC are on it, the expected payment is not (it is for
 * the practice, never for the payer). On the Attachments page: a batch over a payer and a month
 * with a merged PDF makes the two ready claims and skips the draft whose invoice has no scan,
 * saying why; the merged PDF holds both patients.
 */
import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { pdfText as readPdfText } from '../fixtures/pdf-read';
import { downloadBy, expect, snap, test } from './fixtures';
import { seed, type Handlers } from './seed';
import { seedAdministration, seedCatalog, seedInvoice, seedPractice } from './seed-administration';

/** Medicare Part B (wants the invoice), confirmed; invoice CH-7001 scanned, CH-7002 not. */
async function seedClinic(h: Handlers) {
  await seedPractice(h);
  const { payer, supplierId } = await seedCatalog(h, { brandName: 'Exampla' });
  await seed(h, 'payers:confirmProfile', { id: payer.id });
  const scanned = await seedInvoice(h, {
    supplierId,
    invoiceNumber: 'CH-7001',
    lotNumber: 'A100',
    packages: '4',
    scanned: true,
  });
  const unscanned = await seedInvoice(h, {
    supplierId,
    invoiceNumber: 'CH-7002',
    lotNumber: 'B200',
    packages: '2',
    scanned: false,
  });
  return { payer, scanned, unscanned };
}

/** Save a download and read its text back. */
async function pdfText(download: Download): Promise<string> {
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return readPdfText(readFileSync(file));
}

test('an attachment from the administration page: refused when not ready, then versions, preview and download', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, scanned, unscanned } = await seedClinic(h);
  const ready = await seedAdministration(h, {
    payerId: payer.id,
    lineId: scanned.lineId,
    patient: { lastName: 'Rivera', firstName: 'Ana', accountNumber: 'MRN-2044' },
    dateOfService: '2026-11-02',
    markReady: true,
  });
  const notReady = await seedAdministration(h, {
    payerId: payer.id,
    lineId: unscanned.lineId,
    patient: { lastName: 'Okafor', firstName: 'Chidi', accountNumber: 'MRN-3100' },
    dateOfService: '2026-11-03',
    markReady: false,
  });

  // Not ready: the refusal says what is missing, in the modal; nothing is made.
  let page = await openApp(`/administrations/${notReady.id}`);
  await expect(page.getByRole('heading', { name: 'examplizumab (Exampla) · Okafor, Chidi' })).toBeVisible();
  const card = page.getByTestId('documents-card');
  await expect(card.getByTestId('documents-empty')).toBeVisible();
  await card.getByRole('button', { name: 'Generate attachment' }).click();
  let dialog = page.getByRole('dialog', { name: 'Generate attachment' });
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  const refusal = dialog.getByTestId('generate-error');
  await expect(refusal).toContainText('ATTACHMENT_NOT_READY');
  await expect(refusal).toContainText(/invoice/i);
  await expect(dialog.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  await snap(page, 'attachment-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('documents-empty')).toBeVisible();

  // Ready: the attachment, previewed in the modal.
  page = await openApp(`/administrations/${ready.id}`);
  await expect(page.getByRole('heading', { name: 'examplizumab (Exampla) · Rivera, Ana' })).toBeVisible();
  const payerPays = (await page.getByTestId('estimate-panel').getByTestId('totals-payer').innerText()).trim();
  expect(payerPays).toMatch(/^\$\d[\d,]*\.\d{2}$/);
  await card.getByRole('button', { name: 'Generate attachment' }).click();
  dialog = page.getByRole('dialog', { name: 'Generate attachment' });
  await expect(dialog.getByRole('checkbox', { name: 'Include physician notes' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /internal reimbursement worksheet/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(dialog.getByTestId('generate-done')).toContainText('version 1');
  await expect(dialog.locator('iframe[title^="Attachment: "]')).toHaveAttribute('src', /^blob:/);
  await snap(page, 'attachment-generated');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const rows = card.getByTestId('document-row');
  const attachments = card.locator('[data-testid="document-row"][data-kind="attachment"]');
  await expect(rows).toHaveCount(1);
  await expect(attachments.first()).toHaveAttribute('data-version', '1');
  await expect(attachments.first().getByTestId('document-version')).toHaveText('1');

  // Again, with the internal worksheet: version 2, version 1 still listed.
  await card.getByRole('button', { name: 'Generate attachment' }).click();
  await dialog.getByRole('checkbox', { name: /internal reimbursement worksheet/ }).check();
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(dialog.getByTestId('generate-done')).toContainText('version 2');
  await expect(dialog.locator('iframe[title^="Attachment: "]')).toHaveAttribute('src', /^blob:/);
  await dialog.getByRole('tab', { name: 'Internal worksheet' }).click();
  await expect(dialog.locator('iframe[title^="Worksheet: "]')).toHaveAttribute('src', /^blob:/);
  await expect(dialog.getByTestId('internal-badge')).toHaveText('Internal — not for the payer');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // What goes to the payer first: both attachments, then the worksheet, marked internal.
  await expect(rows).toHaveCount(3);
  await expect(attachments).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-kind', 'attachment');
  await expect(rows.nth(1)).toHaveAttribute('data-kind', 'attachment');
  await expect(rows.nth(2)).toHaveAttribute('data-kind', 'worksheet');
  await expect(attachments.nth(0)).toHaveAttribute('data-version', '2');
  await expect(attachments.nth(1)).toHaveAttribute('data-version', '1');
  const worksheetRow = card.locator('[data-testid="document-row"][data-kind="worksheet"]');
  await expect(worksheetRow).toHaveCount(1);
  await expect(worksheetRow.getByTestId('internal-badge')).toHaveText('Internal — not for the payer');
  await expect(attachments.getByTestId('internal-badge')).toHaveCount(0);
  await snap(page, 'attachment-versions');

  // The worksheet downloads under a name that says it is internal.
  const worksheetDownload = await downloadBy(page, () =>
    worksheetRow.getByRole('button', { name: /^Download WKS-.*\(Internal — not for the payer\)$/ }).click(),
  );
  expect(worksheetDownload.suggestedFilename()).toMatch(/_worksheet-internal_v2\.pdf$|_worksheet-internal\.pdf$/);

  // View version 1 again.
  await attachments
    .nth(1)
    .getByRole('button', { name: /^View / })
    .click();
  const viewer = page.getByRole('dialog', { name: /^Attachment / });
  await expect(viewer.locator('iframe[title^="Attachment: "]')).toHaveAttribute('src', /^blob:/);
  await expect(viewer.getByTestId('document-preview-caption')).toContainText('version 1');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Version 2, downloaded and read back.
  const download = await downloadBy(page, () =>
    attachments
      .nth(0)
      .getByRole('button', { name: /^Download / })
      .click(),
  );
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(download);
  expect(text).toContain('Rivera');
  expect(text).toMatch(/70121-1568-01|70121156801/);
  expect(text).not.toContain(payerPays.replace('$', ''));
});

test('a batch on the Attachments page: two claims made, one skipped with its reason, one merged PDF', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, scanned, unscanned } = await seedClinic(h);
  for (const [patient, dateOfService] of [
    [{ lastName: 'Rivera', firstName: 'Ana', accountNumber: 'MRN-2044' }, '2026-11-02'],
    [{ lastName: 'Okafor', firstName: 'Chidi', accountNumber: 'MRN-3100' }, '2026-11-05'],
  ] as const) {
    await seedAdministration(h, { payerId: payer.id, lineId: scanned.lineId, patient, dateOfService, markReady: true });
  }
  // Its invoice has no scan, and Medicare wants the invoice: it cannot be marked ready.
  const skipped = await seedAdministration(h, {
    payerId: payer.id,
    lineId: unscanned.lineId,
    patient: { lastName: 'Nguyen', firstName: 'Bao', accountNumber: 'MRN-4410' },
    dateOfService: '2026-11-09',
    markReady: false,
  });

  const page = await openApp('/attachments');
  await expect(page.getByRole('heading', { name: 'Attachments', exact: true })).toBeVisible();
  await expect(page.getByTestId('recent-documents-empty')).toBeVisible();

  // No payer chosen: said next to the field, which gets the keyboard; nothing starts.
  const payerField = page.getByRole('combobox', { name: 'Payer', exact: true });
  await page.getByRole('button', { name: 'Make attachments' }).click();
  await expect(page.getByText('Choose the payer.')).toBeVisible();
  await expect(payerField).toBeFocused();
  await expect(page.getByTestId('batch-progress')).toHaveCount(0);

  await payerField.click();
  await page.getByRole('option', { name: 'Medicare Part B' }).click();
  // A day that does not exist: the service's refusal lands next to From.
  const fromField = page.getByRole('textbox', { name: 'From', exact: true });
  await fromField.fill('2026-02-30');
  await page.getByRole('button', { name: 'Make attachments' }).click();
  await expect(page.getByText('From 2026-02-30 is not a real calendar date.')).toBeVisible();
  await expect(fromField).toHaveAttribute('aria-invalid', 'true');
  await expect(fromField).toBeFocused();
  await expect(page.getByTestId('batch-progress')).toHaveCount(0);
  await fromField.fill('2026-11-01');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-11-30');
  await expect(page.getByRole('radio', { name: 'Ready to bill' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Include physician notes' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Also one merged PDF' }).check();
  await page.getByRole('button', { name: 'Make attachments' }).click();

  const summary = page.getByTestId('batch-summary');
  await expect(summary.getByTestId('batch-headline')).toHaveText('Made 2 attachments, skipped 1');
  await expect(summary.getByTestId('made-row')).toHaveCount(2);
  await expect(summary.getByTestId('made-row').nth(0)).toContainText('2026-11-02');
  await expect(summary.getByTestId('made-row').nth(1)).toContainText('2026-11-05');
  const skippedRow = summary.getByTestId('skipped-row');
  await expect(skippedRow).toHaveCount(1);
  await expect(skippedRow).toContainText('Nguyen');
  await expect(skippedRow).toContainText(/invoice/i);
  await expect(skippedRow.getByRole('link')).toHaveAttribute('href', `#/administrations/${skipped.id}`);
  await snap(page, 'attachment-batch-done');

  // The merged PDF holds both claims, and not the skipped one.
  const merged = await downloadBy(page, () => summary.getByRole('button', { name: 'Download merged PDF' }).click());
  const text = await pdfText(merged);
  expect(text).toContain('Rivera');
  expect(text).toContain('Okafor');
  expect(text).not.toContain('Nguyen');

  // One file of the batch on its own.
  const one = await downloadBy(page, () =>
    summary
      .getByTestId('made-row')
      .nth(1)
      .getByRole('button', { name: /^Download / })
      .click(),
  );
  expect(await pdfText(one)).toContain('Okafor');

  // Recent documents: the two attachments and the merged PDF.
  const recent = page.getByTestId('recent-documents');
  await expect(recent.getByTestId('document-row')).toHaveCount(3);
  await expect(recent.locator('[data-testid="document-row"][data-kind="merged"]')).toHaveCount(1);
  await expect(page.getByTestId('recent-documents-count')).toHaveText('3 documents');

  // The skipped administration's link leads to its page to fix it.
  await skippedRow.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'examplizumab (Exampla) · Nguyen, Bao' })).toBeVisible();
});
