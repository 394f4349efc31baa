/**
 * The practice's providers, the biller's path. On the Providers page two providers are added: an
 * NPI with a wrong check digit is refused next to the NPI before anything is sent, the same NPI
 * typed with spaces is taken as ten digits, and an NPI already on file is refused by the service,
 * next to the NPI. On a new administration the ordering provider is picked from the list and the
 * rendering provider is added without leaving the form ("Add a provider…"); each pick fills in the
 * name and NPI fields. Saved, the administration's attachment is generated and read back: both
 * names print beside their NPIs. A provider made inactive (confirmed) is no longer offered, and
 * the next new administration starts with the providers the last one named.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '../fixtures/pdf-read';
import { downloadBy, expect, savedDownload, snap, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { seedBillingSetup } from './seed-administration';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

/** The provider dialog's fields, filled and sent with Enter (the keyboard path). */
async function fillProvider(page: Page, dialogName: string, p: { name: string; npi: string; credentials: string }) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(p.name);
  await dialog.getByRole('textbox', { name: 'NPI', exact: true }).fill(p.npi);
  await dialog.getByRole('combobox', { name: 'Credentials', exact: true }).fill(p.credentials);
  await dialog.getByRole('textbox', { name: 'NPI', exact: true }).press('Enter');
  return dialog;
}

test('providers added on their page, picked on the administration form, printed on the attachment, defaulted next time', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer } = await seedBillingSetup(h, { invoiceNumber: 'CH-7001', lotNumber: 'A100', packages: '4' });
  await seed(h, 'patients:create', {
    lastName: 'Rivera',
    firstName: 'Ana',
    dateOfBirth: '1951-04-09',
    accountNumber: 'MRN-2044',
    payerId: payer.id,
    memberId: '1EG4-TE5-MK72',
  });

  // ---- The Providers page: empty, then two providers.
  let page = await openApp('/providers');
  await expect(page.getByRole('heading', { name: 'Providers' })).toBeVisible();
  await expect(page.getByTestId('providers-empty')).toBeVisible();

  await page.getByRole('button', { name: 'Add provider' }).click();
  let dialog = await fillProvider(page, 'Add provider', { name: 'Jane Roe', npi: '123 456 7890', credentials: 'MD' });
  const npi = dialog.getByRole('textbox', { name: 'NPI', exact: true });
  await expect(npi).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('This NPI fails its check digit; compare it with the NPPES record.')).toBeVisible();
  await expect(dialog.getByTestId('provider-printed-name')).toHaveText(
    'Claims and attachments will read “Jane Roe, MD”.',
  );
  await snap(page, 'provider-npi-refused');
  await npi.fill('123 456 7893');
  await expect(npi).not.toHaveAttribute('aria-invalid', 'true');
  await npi.press('Enter');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add provider' }).click();
  dialog = await fillProvider(page, 'Add provider', { name: 'Omar Haddad', npi: '198-765-4328', credentials: 'NP' });
  await expect(dialog).toBeHidden();

  const rows = page.getByTestId('provider-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Jane Roe');
  await expect(rows.nth(0)).toContainText('1234567893');
  await expect(rows.nth(1)).toContainText('Omar Haddad');
  await expect(rows.nth(1)).toContainText('1987654328');
  // "Last changed" in local time, never a raw timestamp.
  await expect(rows.nth(0)).not.toContainText('T');
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/);

  // The same NPI again: the service says who has it, next to the NPI; nothing added.
  await page.getByRole('button', { name: 'Add provider' }).click();
  dialog = await fillProvider(page, 'Add provider', { name: 'J. Roe', npi: '1234567893', credentials: 'MD' });
  await expect(dialog.getByText('NPI 1234567893 is already on file for Jane Roe, MD.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'NPI', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(2);
  await snapWidths(page, 'providers-page');

  // ---- A new administration: nothing recorded yet, so no providers are filled in.
  page = await openApp('/administrations/new');
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  await expect(select(page, 'Ordering provider on file')).toHaveAttribute('placeholder', 'Choose a provider');
  await expect(field(page, 'Ordering provider')).toHaveValue('');
  await expect(field(page, 'Rendering provider NPI')).toHaveValue('');

  await field(page, 'Date of service').fill('2026-11-02');
  await select(page, 'Patient').click();
  await page.getByRole('option', { name: /Rivera, Ana/ }).click();
  await select(page, 'Drug').click();
  await page.getByRole('option', { name: /examplizumab/ }).click();
  await expect(select(page, 'Lot')).toHaveValue(/^A100/);
  await field(page, 'Dose given').fill('200');
  await field(page, 'Amount wasted').fill('50');
  await field(page, 'Billed charge').fill('500.00');
  await select(page, 'Technique').click();
  await page.getByRole('option', { name: 'IV push' }).click();
  const diagnoses = select(page, 'ICD-10 diagnoses');
  await diagnoses.fill('C50.911');
  await diagnoses.press('Enter');
  await field(page, 'Medical necessity').fill('HER2-positive breast cancer, cycle 3 per oncology plan.');
  await field(page, 'Physician notes').fill('Given by IV push; no reaction. 50 mg left in the vial discarded.');

  // The ordering provider from the list (searched by name), filling in the name and the NPI.
  await select(page, 'Ordering provider on file').click();
  await expect(page.getByRole('option')).toHaveText([/Jane Roe, MD/, /Omar Haddad, NP/, 'Add a provider…']);
  await select(page, 'Ordering provider on file').fill('roe');
  await expect(page.getByRole('option')).toHaveText([/Jane Roe, MD\s*NPI 1234567893/, 'Add a provider…']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(select(page, 'Ordering provider on file')).toHaveValue('Jane Roe, MD');
  await expect(field(page, 'Ordering provider')).toHaveValue('Jane Roe, MD');
  await expect(field(page, 'Ordering provider NPI')).toHaveValue('1234567893');

  // The rendering provider is not on file yet: added from the form, then picked for rendering.
  await select(page, 'Rendering provider on file').click();
  await page.getByRole('option', { name: 'Add a provider…' }).click();
  dialog = await fillProvider(page, 'Add the rendering provider', {
    name: 'Lena Park',
    npi: '1543 210 987',
    credentials: 'DO',
  });
  await expect(dialog).toBeHidden();
  // Enter in the dialog added the provider and did not save the administration behind it.
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  await expect(select(page, 'Rendering provider on file')).toHaveValue('Lena Park, DO');
  await expect(field(page, 'Rendering provider')).toHaveValue('Lena Park, DO');
  await expect(field(page, 'Rendering provider NPI')).toHaveValue('1543210987');
  const preview = page.getByTestId('preview');
  await expect(preview.locator('[data-testid="readiness-item"][data-key="providers"]')).toHaveAttribute(
    'data-ok',
    'true',
  );
  await expect(preview.getByTestId('readiness').getByTestId('readiness-badge')).toHaveText('Checklist complete');
  await snapWidths(page, 'administration-providers-picked');
  await page.getByRole('button', { name: 'Save administration' }).click();

  // ---- The detail page: both providers recorded by name and NPI; the attachment prints them.
  await expect(page.getByRole('heading', { name: /examplizumab · Rivera, Ana/ })).toBeVisible();
  const recorded = page.getByTestId('administration-fields');
  await expect(recorded).toContainText('Jane Roe, MD · NPI 1234567893');
  await expect(recorded).toContainText('Lena Park, DO · NPI 1543210987');
  const card = page.getByTestId('documents-card');
  await card.getByRole('button', { name: 'Generate attachment' }).click();
  const generate = page.getByRole('dialog', { name: 'Generate attachment' });
  await generate.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(generate.getByTestId('generate-done')).toContainText('version 1');
  await generate.getByRole('button', { name: 'Done' }).click();
  const download = await downloadBy(page, () =>
    card
      .locator('[data-testid="document-row"][data-kind="attachment"]')
      .getByRole('button', { name: /^Download / })
      .click(),
  );
  const text = await pdfText(readFileSync(await savedDownload(download)));
  expect(text).toContain('Jane Roe, MD — NPI 1234567893');
  expect(text).toContain('Lena Park, DO — NPI 1543210987');

  // ---- Omar leaves the practice: made inactive (asked first), no longer offered.
  page = await openApp('/providers');
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Make Omar Haddad, NP inactive' }).click();
  const confirm = page.getByRole('dialog', { name: 'Make this provider inactive?' });
  await expect(confirm).toContainText('Omar Haddad, NP (NPI 1987654328) will no longer be offered');
  await confirm.getByRole('button', { name: 'Make inactive' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('inactive-provider-row')).toHaveCount(1);
  await expect(page.getByTestId('inactive-provider-row')).toContainText('Omar Haddad, NP');
  await snapWidths(page, 'providers-page-inactive');

  // ---- The next administration starts with the providers the last one named.
  page = await openApp('/administrations/new');
  await expect(field(page, 'Ordering provider')).toHaveValue('Jane Roe, MD');
  await expect(field(page, 'Ordering provider NPI')).toHaveValue('1234567893');
  await expect(field(page, 'Rendering provider')).toHaveValue('Lena Park, DO');
  await expect(field(page, 'Rendering provider NPI')).toHaveValue('1543210987');
  await expect(select(page, 'Ordering provider on file')).toHaveValue('Jane Roe, MD');
  await expect(select(page, 'Rendering provider on file')).toHaveValue('Lena Park, DO');
  await select(page, 'Rendering provider on file').click();
  await expect(page.getByRole('option')).toHaveText([/Jane Roe, MD/, /Lena Park, DO/, 'Add a provider…']);
  await page.keyboard.press('Escape');
  await snapWidths(page, 'administration-providers-default');

  // Clearing a pick clears its name and NPI.
  await page.getByTestId('clear-rendering').click();
  await expect(field(page, 'Rendering provider')).toHaveValue('');
  await expect(field(page, 'Rendering provider NPI')).toHaveValue('');

  // ---- Omar made active again from the Providers page.
  page = await openApp('/providers');
  await page.getByRole('button', { name: 'Make Omar Haddad, NP active again' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('inactive-provider-row')).toHaveCount(0);
});
