/**
 * A patient's record (issue 14, item 2). Opened from the Patients list, it shows the patient's
 * details, their administrations (date, drug, payer, claim number, status, expected with its
 * payer and patient parts), their claim with what was billed, expected and paid, and the
 * documents made for them, never another patient's; the patient's name on an administration's
 * page leads back to it, and the details are edited there.
 * A patient is added from the administration form without leaving it: "New patient" opens the
 * patient form in a dialog (started from the name searched for), Enter there adds the patient
 * and chooses them (with their payer) and keeps everything typed in the administration, which is
 * then saved for them.
 */
import type { Administration } from '../../shared/domain/administration';
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { seedAdministration, seedBillingSetup, seedCatalog, seedInvoice } from './seed-administration';

test('a patient opened from the list: details, administrations, claims and documents', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-9', lotNumber: 'A100', packages: '20' });
  const billedOne = await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Rivera', firstName: 'Ana', accountNumber: 'MRN-2044' },
    dateOfService: '2026-11-02',
    markReady: true,
    claimNumber: 'CLM-1',
  });
  const billed = await seed<Administration>(h, 'administrations:setStatus', { id: billedOne.id, status: 'billed' });
  await seed(h, 'attachments:generate', { administrationId: billed.id, withWorksheet: true });
  // A later dose, not billed yet.
  await seed(h, 'administrations:create', {
    dateOfService: '2026-11-16',
    patientId: billed.patientId,
    payerId: payer.id,
    invoiceLineId: lineId,
    dose: { amount: '100', unit: 'mg' },
    route: 'IV',
    billedCharge: '250.00',
  });
  // Another patient's claim and attachment, which are not Ana Rivera's.
  const other = await seedAdministration(h, {
    payerId: payer.id,
    lineId,
    patient: { lastName: 'Okafor', firstName: 'Grace', accountNumber: 'MRN-3100' },
    dateOfService: '2026-11-03',
    markReady: true,
    claimNumber: 'CLM-2',
  });
  await seed(h, 'attachments:generate', { administrationId: other.id });

  const page = await openApp('/patients');
  await expect(page.getByTestId('patient-row')).toHaveCount(2);
  await snapWidths(page, 'patients-list');
  // The row opens the record (anywhere on it, not only the name).
  await page
    .getByTestId('patient-row')
    .filter({ hasText: 'Rivera, Ana' })
    .getByRole('cell', { name: 'MRN-2044', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Rivera, Ana', level: 2 })).toBeVisible();
  const details = page.getByTestId('patient-details');
  await expect(details).toContainText('1951-04-09');
  await expect(details).toContainText('MRN-2044');
  await expect(details.getByRole('link', { name: 'Medicare Part B' })).toBeVisible();

  // Their administrations, newest first, with the expected total and its two parts.
  const administrations = page.getByTestId('patient-administration-row');
  await expect(administrations).toHaveCount(2);
  await expect(administrations.nth(0)).toContainText('2026-11-16');
  await expect(administrations.nth(0)).toContainText('None yet');
  await expect(administrations.nth(0).getByTestId('status-badge')).toHaveText('Draft');
  const first = administrations.nth(1);
  await expect(first).toContainText('2026-11-02');
  await expect(first).toContainText('examplizumab');
  await expect(first).toContainText('Medicare Part B');
  await expect(first).toContainText('CLM-1');
  await expect(first.getByTestId('status-badge')).toHaveText('Billed');
  const expected = billed.estimate?.totals;
  if (!expected) throw new Error('the billed administration has no estimate');
  await expect(first.getByTestId('expected-parts')).toHaveText(
    `payer $${expected.payerPays} · patient $${expected.patientPays}`,
  );
  await expect(page.getByTestId('patient-administrations')).not.toContainText('2026-11-03');

  // One claim: CLM-1, billed, no payment yet; the draft is on no claim.
  const claims = page.getByTestId('patient-claim-row');
  await expect(claims).toHaveCount(1);
  await expect(claims).toContainText('CLM-1');
  await expect(claims).toContainText('$500.00');
  await expect(claims.getByTestId('claim-paid')).toHaveText('No payment yet');
  await expect(page.getByTestId('patient-unbilled-note')).toHaveText(
    '1 administration has no claim number yet and is not on a claim.',
  );

  // The attachment and the internal worksheet of CLM-1, and not Grace Okafor's attachment.
  const documents = page.getByTestId('patient-documents');
  await expect(documents.getByTestId('document-row')).toHaveCount(2);
  await expect(documents.getByTestId('document-row').nth(0)).toHaveAttribute('data-kind', 'attachment');
  await expect(documents.getByTestId('document-row').nth(1)).toHaveAttribute('data-kind', 'worksheet');
  await expect(documents).toContainText('Claim CLM-1');
  await expect(documents).not.toContainText('CLM-2');
  await expect(page.getByTestId('patient-documents-count')).toHaveText('2 documents');
  await snapWidths(page, 'patient-record');

  // Edited as on the list: the member ID corrected.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit patient' });
  const memberId = dialog.getByRole('textbox', { name: 'Member ID', exact: true });
  await memberId.fill('1EG4-TE5-MK99');
  await memberId.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(details).toContainText('1EG4-TE5-MK99');
  // A patient with administrations is not offered for deletion: their claims keep their patient.
  await expect(page.getByRole('button', { name: 'Delete patient' })).toHaveCount(0);

  // To the administration and back by the patient's name.
  await first.getByRole('link', { name: '2026-11-02' }).click();
  await expect(page.getByRole('heading', { name: 'examplizumab · Rivera, Ana' })).toBeVisible();
  await page.getByTestId('administration-fields').getByRole('link', { name: 'Rivera, Ana' }).click();
  await expect(page.getByRole('heading', { name: 'Rivera, Ana', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/patients/${billed.patientId}$`));
});

test('a patient added from the administration form, which keeps what was typed and is then saved', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  await seedInvoice(h, { supplierId, invoiceNumber: 'CH-7001', lotNumber: 'A100', packages: '2', scanned: true });
  const administrationCount = async () => (await seed<{ total: number }>(h, 'administrations:list', {})).total;

  const page = await openApp('/administrations/new');
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  const select = (name: string) => page.getByRole('combobox', { name, exact: true });

  // Everything but the patient first.
  await field('Date of service').fill('2026-11-02');
  await select('Drug').click();
  await page.getByRole('option', { name: /examplizumab/ }).click();
  await expect(select('Lot')).toHaveValue(/^A100/);
  await field('Dose given').fill('200');
  await field('Amount wasted').fill('50');
  await field('Billed charge').fill('500.00');

  // The patient is not on file yet.
  await select('Patient').fill('Okafor, Grace');
  await expect(page.getByText('No patient matches: add them with “New patient”')).toBeVisible();
  await page.getByRole('button', { name: 'New patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'New patient' });
  const input = (name: string) => dialog.getByRole('textbox', { name, exact: true });
  await expect(input('Last name')).toHaveValue('Okafor');
  await expect(input('First name')).toHaveValue('Grace');
  await input('Date of birth').fill('1958-07-21');
  await input('Account / MRN').fill('MRN-3100');
  await dialog.getByRole('combobox', { name: 'Payer', exact: true }).click();
  await page.getByRole('option', { name: 'Medicare Part B' }).click();
  await input('Member ID').fill('1EG4-TE5-MK72');
  await snapWidths(page, 'administration-new-patient-dialog');
  // Enter adds the patient; it does not save the administration.
  await input('Member ID').press('Enter');
  await expect(dialog).toBeHidden();

  // Chosen, with their payer; what was typed in the administration is still there.
  await expect(select('Patient')).toHaveValue('Okafor, Grace · MRN-3100');
  await expect(select('Payer')).toHaveValue('Medicare Part B');
  await expect(field('Date of service')).toHaveValue('2026-11-02');
  await expect(select('Drug')).toHaveValue(/examplizumab/);
  await expect(select('Lot')).toHaveValue(/^A100/);
  await expect(field('Dose given')).toHaveValue('200');
  await expect(field('Amount wasted')).toHaveValue('50');
  await expect(field('Billed charge')).toHaveValue('500.00');
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  await expect(page.getByTestId('administration-form-error')).toHaveCount(0);
  expect(await administrationCount()).toBe(0);
  const patients = await seed<{ rows: { id: number; payerId: number | null }[] }>(h, 'patients:list', {
    search: 'MRN-3100',
  });
  expect(patients.rows).toEqual([expect.objectContaining({ payerId: payer.id })]);
  await snapWidths(page, 'administration-new-patient-chosen');

  // The administration is saved for the new patient.
  await page.getByRole('button', { name: 'Save administration' }).click();
  await expect(page.getByRole('heading', { name: 'examplizumab · Okafor, Grace' })).toBeVisible();
  expect(await administrationCount()).toBe(1);
  const [saved] = (await seed<{ rows: { patientName: string }[] }>(h, 'administrations:list', {})).rows;
  expect(saved?.patientName).toBe('Okafor, Grace');
});
