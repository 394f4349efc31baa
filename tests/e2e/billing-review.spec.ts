/**
 * What a billing review found, as a biller meets it in the app (issue 11): a drug in use keeps
 * its billing facts until it is corrected on purpose; estimates made out of date by a price change
 * are flagged and recomputed in one action; the Quick estimate takes the practice's own invoice
 * cost for a catalog drug; the preview never calls complete what the save would refuse; a lot
 * not yet received is not offered. Screenshots at 1440, 1366 and 1024 px.
 */
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { NDC, seedCatalog, seedInvoice } from './seed-administration';

test('a drug in use: its billing facts are locked, and correcting it recomputes the open administration', async ({
  desk,
  openApp,
}) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  const { lineId } = await seedInvoice(h, {
    supplierId,
    invoiceNumber: 'CH-1',
    lotNumber: 'A100',
    packages: '10',
    scanned: false,
  });
  const patient = await seed<{ id: number }>(h, 'patients:create', {
    lastName: 'Rivera',
    firstName: 'Ana',
    dateOfBirth: '1951-04-09',
    accountNumber: 'MRN-1',
  });
  const a = await seed<{ id: number }>(h, 'administrations:create', {
    dateOfService: '2026-11-02',
    patientId: patient.id,
    payerId: payer.id,
    invoiceLineId: lineId,
    dose: { amount: '200', unit: 'mg' },
    wastedAmount: '50',
    route: 'IV',
    billedCharge: '500.00',
  });

  const page = await openApp('/drugs');
  await page.getByRole('button', { name: 'Edit examplizumab' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit drug' });
  await expect(dialog.getByTestId('drug-in-use')).toContainText('Used by 1 invoice line and 1 administration');
  await expect(dialog.getByLabel('Strength per ML')).toBeDisabled();
  await expect(dialog.getByLabel('Package size (ML)')).toBeDisabled();
  await snapWidths(page, 'drug-in-use-locked');

  // The one way to fix a mistake: correct the drug, which says what it will recompute.
  await dialog.getByRole('button', { name: 'Correct the drug…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'NDC', exact: true })).toBeDisabled();
  await dialog.getByLabel('Strength per ML').fill('25');
  await dialog.getByRole('button', { name: 'Correct and recompute 1 open administration' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('1 open administration recomputed with the corrected figures.')).toBeVisible();

  await openApp(`/administrations/${a.id}`);
  // 200 mg at 25 mg/mL is 8 ML on the page and in the trace.
  await expect(page.getByText('N470121156801 ML8', { exact: false }).first()).toBeVisible();
});

test('a price change makes open estimates out of date; one action recomputes them', async ({ desk, openApp }) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  const { lineId } = await seedInvoice(h, {
    supplierId,
    invoiceNumber: 'CH-2',
    lotNumber: 'B200',
    packages: '10',
    scanned: false,
  });
  const patient = await seed<{ id: number }>(h, 'patients:create', {
    lastName: 'Okafor',
    firstName: 'Chidi',
    dateOfBirth: '1960-02-01',
    accountNumber: 'MRN-2',
  });
  const a = await seed<{ id: number }>(h, 'administrations:create', {
    dateOfService: '2026-11-02',
    patientId: patient.id,
    payerId: payer.id,
    invoiceLineId: lineId,
    dose: { amount: '250', unit: 'mg' },
    route: 'IV',
    billedCharge: '900.00',
  });
  await seed(h, 'prices:create', {
    ndc: NDC,
    priceType: 'AWP',
    pricePerPackage: '700.00',
    effectiveFrom: '2026-10-15',
  });

  const page = await openApp('/administrations');
  const banner = page.getByTestId('out-of-date-banner');
  await expect(banner).toContainText('an open administration was estimated');
  await expect(page.getByTestId('out-of-date-badge')).toHaveCount(1);
  await snapWidths(page, 'administrations-out-of-date');
  await page.getByTestId('administration-row').getByRole('link').first().click();
  await expect(page.getByTestId('estimate-out-of-date')).toBeVisible();
  await page.goBack();
  await banner.getByRole('button', { name: 'Recompute 1 estimate' }).click();
  await expect(
    page.getByText('1 estimate recomputed from the prices and terms on file now; 1 came out different.'),
  ).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('out-of-date-badge')).toHaveCount(0);
  await openApp(`/administrations/${a.id}`);
  await expect(page.getByText('AWP $700.00 per 5 ML package')).toBeVisible();
});

test('the Quick estimate fills the acquisition cost from the practice’s own invoice for a catalog drug', async ({
  desk,
  openApp,
}) => {
  const h = desk.services.handlers;
  const { supplierId } = await seedCatalog(h);
  await seedInvoice(h, { supplierId, invoiceNumber: 'CH-3', lotNumber: 'C300', packages: '4', scanned: false });
  const page = await openApp('/estimate');
  await page.getByRole('textbox', { name: 'Date of service', exact: true }).fill('2026-11-02');
  await page.getByRole('combobox', { name: 'Pick from the catalog' }).click();
  await page.getByRole('option', { name: /examplizumab/ }).click();
  // The example's $950 is gone with the example drug.
  await expect(page.getByLabel('Acquisition cost per package')).toHaveValue('');
  await page.getByRole('combobox', { name: 'Payer', exact: true }).click();
  await page.getByRole('option', { name: 'Medicare Part B' }).click();
  await expect(page.getByLabel('Acquisition cost per package')).toHaveValue('400');
  await expect(page.getByText('Net cost on invoice CH-3 (Cardinal Health, 2026-10-01), lot C300')).toBeVisible();
  await snapWidths(page, 'quick-estimate-invoice-cost');
});

test('entry checks: a lot not yet received is not offered, the preview never calls complete what the save refuses, a future birth date is refused', async ({
  desk,
  openApp,
}) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  await seedInvoice(h, { supplierId, invoiceNumber: 'CH-4', lotNumber: 'EARLY', packages: '4', scanned: false });
  // Received after the date of service the biller types below.
  await seed(h, 'invoices:create', {
    supplierId,
    invoiceNumber: 'CH-5',
    invoiceDate: '2026-11-20',
    lines: [{ ndc: NDC, lotNumber: 'LATE', expiryDate: '2027-01-31', packageQuantity: '2', costPerPackage: '400' }],
  });
  await seed(h, 'patients:create', {
    lastName: 'Nakamura',
    firstName: 'Aiko',
    dateOfBirth: '1970-05-05',
    accountNumber: 'MRN-5',
    payerId: payer.id,
  });

  const page = await openApp('/administrations/new');
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  const select = (name: string) => page.getByRole('combobox', { name, exact: true });
  await field('Date of service').fill('2026-11-02');
  await select('Patient').click();
  await page.getByRole('option', { name: /Nakamura, Aiko/ }).click();
  await select('Drug').click();
  await page.getByRole('option', { name: /examplizumab/ }).click();
  // LATE expires sooner but arrives 2026-11-20: only EARLY can have been given on 2026-11-02.
  await select('Lot').click();
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option').first()).toHaveText(/EARLY/);
  await page.getByRole('option').first().click();
  await field('Dose given').fill('250');
  await field('Billed charge').fill('300.00');
  const preview = page.getByTestId('preview');
  // $400 a vial is above the $300.00 billed: said before saving.
  await expect(preview).toContainText('The billed charge $300.00 is below the $400.00');

  // An ICD-10 code the save would refuse makes the checklist incomplete in the preview too.
  await select('ICD-10 diagnoses').fill('U07.X');
  await select('ICD-10 diagnoses').press('Enter');
  await expect(preview.getByTestId('readiness').getByTestId('readiness-badge')).not.toHaveText('Checklist complete');
  await expect(preview.getByTestId('preview-left-out')).toContainText('ICD-10 diagnoses');
  await snapWidths(page, 'administration-preview-entry-checks');

  // A date of birth in the future is refused next to the field.
  await openApp('/patients');
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByRole('textbox', { name: 'Last name', exact: true }).fill('Future');
  await dialog.getByRole('textbox', { name: 'First name', exact: true }).fill('Baby');
  await dialog.getByRole('textbox', { name: 'Date of birth', exact: true }).fill('2099-01-01');
  await dialog.getByRole('textbox', { name: 'Account / MRN', exact: true }).fill('MRN-6');
  await dialog.getByRole('button', { name: 'Add patient' }).click();
  await expect(dialog.getByText(/Date of birth 2099-01-01 is after today/)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Date of birth', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
});
