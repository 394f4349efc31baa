/**
 * Administrations, the biller's path: a single-dose 5 ML vial (50 mg/mL), Medicare Part B from
 * its template (95% of AWP), an AWP on file and an invoice with two lots are seeded. In the UI an
 * administration with waste is recorded (200 mg given, 50 mg discarded): the lot with the oldest
 * expiry is chosen for it, and while typing the preview shows the given line with JZ-free N4
 * 4 ML and the JW line with its own N4 1 ML, the expected payment, and the readiness checklist
 * with what is missing. A dose that would overdraw the lot is refused next to the dose and saves
 * nothing. Saved, it is then completed from the detail page: the missing clinical fields through
 * Edit (with the technique, an IV infusion whose stop before its start is refused next to the
 * stop, and the providers by name), the payer's requirements confirmed and the invoice scan
 * attached through the checklist's links. Its checklist becomes complete, it is marked ready to
 * bill, shows under the list's "Complete" checklist filter, and is marked billed (claim number
 * asked for), which freezes its estimate and leaves no checklist badge beside "Billed".
 */
import { writeFileSync } from 'node:fs';
import { dispatch } from '../../electron/services/dispatch';
import { solidPng } from '../fixtures/e2e/scans/make-scans';
import { expect, snap, test } from './fixtures';
import { seed } from './seed';
import { seedCatalog } from './seed-administration';

test('an administration with waste: JW line, readiness fixed from the detail page, ready, billed', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h, { brandName: 'Exampla' });
  await seed(h, 'invoices:create', {
    supplierId,
    invoiceNumber: 'CH-7001',
    invoiceDate: '2026-10-01',
    lines: [
      // Listed later-expiry first: the form must still offer the oldest expiry first.
      { ndc: '70121-1568-1', lotNumber: 'B200', expiryDate: '2028-12-31', packageQuantity: '3', costPerPackage: '400' },
      { ndc: '70121-1568-1', lotNumber: 'A100', expiryDate: '2027-06-30', packageQuantity: '2', costPerPackage: '400' },
    ],
  });
  await seed(h, 'patients:create', {
    lastName: 'Rivera',
    firstName: 'Ana',
    dateOfBirth: '1951-04-09',
    accountNumber: 'MRN-2044',
    payerId: payer.id,
    memberId: '1EG4-TE5-MK72',
  });
  const administrationCount = async () => {
    const r = await dispatch(h, 'administrations:list', {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { total: number }).total;
  };

  const page = await openApp('/administrations');
  await expect(page.getByTestId('administrations-empty')).toBeVisible();
  await page.getByRole('link', { name: 'Record administration' }).click();
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();

  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  const select = (name: string) => page.getByRole('combobox', { name, exact: true });
  // Today by default.
  await expect(field('Date of service')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await field('Date of service').fill('2026-11-02');

  // The patient brings their payer.
  await select('Patient').click();
  await page.getByRole('option', { name: /Rivera, Ana/ }).click();
  await expect(select('Payer')).toHaveValue('Medicare Part B');

  // The drug, then its lots for the date: oldest expiry first, chosen for you.
  await select('Drug').click();
  await page.getByRole('option', { name: /examplizumab/ }).click();
  await expect(select('Lot')).toHaveValue(/^A100 · expires 2027-06-30 · 10 ML on hand$/);
  await select('Lot').click();
  const lotOptions = page.getByRole('option');
  await expect(lotOptions).toHaveCount(2);
  await expect(lotOptions.nth(0)).toHaveText(/A100/);
  await expect(lotOptions.nth(1)).toHaveText(/B200 · expires 2028-12-31 · 15 ML on hand/);
  await lotOptions.nth(0).click();
  // The dose unit and the route come from the catalog.
  await expect(select('Dose unit')).toHaveValue('mg');
  await expect(select('Route')).toHaveValue('IV');
  await expect(select('HCPCS')).toHaveValue(/^J3490/);

  await field('Dose given').fill('200');
  await field('Amount wasted').fill('50');
  await field('Billed charge').fill('500.00');

  // The preview: given line (4 ML) and the JW line (1 ML) with their N4 strings, the money.
  const preview = page.getByTestId('preview');
  await expect(preview.getByTestId('line-wasted')).toBeVisible();
  await expect(preview.getByTestId('line-given').getByTestId('n4')).toHaveText('N470121156801 ML4');
  await expect(preview.getByTestId('line-wasted').getByTestId('n4')).toHaveText('N470121156801 ML1');
  await expect(preview.getByTestId('line-wasted')).toContainText('JW');
  await expect(preview.getByTestId('line-given')).not.toContainText('JW');
  // 95% of AWP: $600 per 5 ML → 4 ML $456.00 + 1 ML $114.00.
  // 20% coinsurance $114.00; Medicare pays $456.00 less 2% sequestration ($9.12).
  await expect(preview.getByTestId('totals-allowed')).toHaveText('$570.00');
  await expect(preview.getByTestId('totals-patient')).toHaveText('$114.00');
  await expect(preview.getByTestId('totals-payer')).toHaveText('$446.88');
  await expect(page.getByTestId('preview-draw')).toContainText('4 ML given + 1 ML wasted from lot A100');

  // What is still missing before it can be billed.
  const item = (key: string) => preview.locator(`[data-testid="readiness-item"][data-key="${key}"]`);
  await expect(item('physician-notes')).toHaveAttribute('data-ok', 'false');
  await expect(item('medical-necessity')).toHaveAttribute('data-ok', 'false');
  await expect(item('medical-necessity')).toContainText('Add at least one ICD-10 diagnosis.');
  await expect(item('payer-requirements')).toHaveAttribute('data-ok', 'false');
  await expect(item('invoice-scan')).toHaveAttribute('data-ok', 'false');
  await expect(item('providers')).toHaveAttribute('data-ok', 'false');
  await expect(item('technique')).toHaveAttribute('data-ok', 'false');
  await expect(item('claim-lines')).toHaveAttribute('data-ok', 'true');
  await expect(item('lot')).toHaveAttribute('data-ok', 'true');
  await expect(preview.getByTestId('readiness-badge').first()).toHaveText('6 missing');
  await expect(preview.getByTestId('readiness').getByTestId('readiness-badge')).toHaveText('6 missing');
  await snap(page, 'administration-new-preview');

  // More than lot A100 holds (10 ML = 500 mg): refused next to the dose, as typed and on save.
  await field('Dose given').fill('2000');
  await expect(page.getByTestId('preview-error')).toContainText('LOT_INSUFFICIENT');
  await expect(field('Dose given')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/Lot A100 has 10 ML on hand/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Save administration' }).click();
  await expect(page.getByTestId('administration-form-error')).toContainText('Nothing was saved');
  await expect(field('Dose given')).toBeFocused();
  expect(await administrationCount()).toBe(0);
  await snap(page, 'administration-lot-insufficient');

  await field('Dose given').fill('200');
  await expect(field('Dose given')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(preview.getByTestId('line-wasted')).toBeVisible();
  await page.getByRole('button', { name: 'Save administration' }).click();

  // The detail page: a draft with 6 things missing.
  await expect(page.getByRole('heading', { name: 'examplizumab (Exampla) · Rivera, Ana' })).toBeVisible();
  expect(await administrationCount()).toBe(1);
  await expect(page.getByTestId('status-badge')).toHaveText('Draft');
  const readiness = page.getByTestId('readiness');
  await expect(readiness.getByTestId('readiness-badge')).toHaveText('6 missing');
  await expect(page.getByTestId('estimate-at')).toContainText('Computed at');
  await expect(page.getByTestId('estimate-panel').getByTestId('line-wasted')).toContainText('N470121156801 ML1');
  await expect(page.getByRole('button', { name: 'Mark ready to bill' })).toBeDisabled();
  await snap(page, 'administration-detail-draft');

  // In the list, "6 missing" names them in a tooltip.
  await page.getByRole('link', { name: '← All administrations' }).click();
  await page.getByTestId('administration-row').getByTestId('readiness-badge').hover();
  await expect(page.getByRole('tooltip')).toContainText('Physician notes');
  await expect(page.getByRole('tooltip')).toContainText('Invoice scan attached');
  await page.getByTestId('administration-row').getByRole('link', { name: '2026-11-02' }).click();

  // Fix what lives in the form: diagnoses, rationale, notes, technique, providers.
  await page.getByRole('link', { name: 'Add diagnoses and rationale' }).click();
  await expect(page.getByRole('heading', { name: /^Edit administration/ })).toBeVisible();
  await expect(field('Dose given')).toHaveValue('200');
  await expect(select('Lot')).toHaveValue(/^A100/);
  const diagnoses = select('ICD-10 diagnoses');
  await diagnoses.fill('c50.911');
  await diagnoses.press('Enter');
  await diagnoses.fill('Z51.11');
  await diagnoses.press('Enter');
  await field('Medical necessity').fill('HER2-positive breast cancer, cycle 3 per oncology plan.');
  await field('Physician notes').fill('Infused over 30 minutes; no reaction. 50 mg left in the vial discarded.');
  await field('Ordering provider NPI').fill('1234567893');
  await field('Rendering provider NPI').fill('1987654328');
  await field('Ordering provider').fill('Jane Roe, MD');
  await field('Rendering provider').fill('Omar Haddad, NP');
  // The technique from the keyboard; an infusion asks for its times, each refusal next to its input.
  await expect(page.getByTestId('infusion-times')).toHaveCount(0);
  await select('Technique').focus();
  await page.keyboard.press('ArrowDown'); // opens the list on IV push
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(select('Technique')).toHaveValue('IV infusion');
  await field('Infusion start').fill('9:15');
  await field('Infusion stop').fill('09:05');
  await expect(field('Infusion stop')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The stop time 09:05 is not after the start time 09:15')).toBeVisible();
  // Save is refused before anything is sent, and the keyboard lands on the time to fix.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(field('Infusion stop')).toBeFocused();
  await snap(page, 'administration-infusion-times-refused');
  await field('Infusion stop').fill('09:45');
  await expect(field('Infusion stop')).not.toHaveAttribute('aria-invalid', 'true');
  const editPreview = page.getByTestId('preview');
  await expect(editPreview.locator('[data-key="technique"]')).toContainText('IV infusion, 09:15–09:45 (30 minutes)');
  await expect(editPreview.locator('[data-key="medical-necessity"]')).toHaveAttribute('data-ok', 'true');
  await expect(editPreview.locator('[data-key="medical-necessity"]')).toContainText('C50.911, Z51.11');
  await expect(editPreview.getByTestId('readiness').getByTestId('readiness-badge')).toHaveText('2 missing');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { name: 'examplizumab (Exampla) · Rivera, Ana' })).toBeVisible();
  await expect(readiness.getByTestId('readiness-badge')).toHaveText('2 missing');
  const recorded = page.getByTestId('administration-fields');
  await expect(recorded).toContainText('C50.911, Z51.11');
  await expect(recorded).toContainText('IV infusion, 09:15–09:45 (30 minutes)');
  await expect(recorded).toContainText('Jane Roe, MD · NPI 1234567893');
  await expect(recorded).toContainText('Omar Haddad, NP · NPI 1987654328');
  await snap(page, 'administration-detail-technique-providers');

  // The payer's requirements, confirmed on its page.
  await readiness.getByRole('link', { name: 'Confirm payer requirements' }).click();
  await expect(page.getByRole('heading', { name: 'Medicare Part B' })).toBeVisible();
  await page.getByRole('button', { name: 'Review requirements' }).click();
  await page.getByRole('button', { name: 'Confirm requirements' }).click();
  await expect(page.getByTestId('profile-confirmed')).toBeVisible();
  await page.goBack();
  await expect(readiness.locator('[data-key="payer-requirements"]')).toHaveAttribute('data-ok', 'true');
  await expect(readiness.getByTestId('readiness-badge')).toHaveText('1 missing');

  // Medicare wants the invoice: its scan, attached on the invoice's page.
  await readiness.getByRole('link', { name: 'Attach invoice scan' }).click();
  await expect(page.getByRole('heading', { name: 'Cardinal Health · CH-7001' })).toBeVisible();
  const scanPath = test.info().outputPath('ch-7001.png');
  writeFileSync(scanPath, solidPng(40, 30, [200, 60, 30]));
  await page.getByRole('button', { name: 'Attach scan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach scan' });
  await dialog.getByLabel('Scan file').setInputFiles(scanPath);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByRole('img', { name: 'Scan: ch-7001.png' })).toBeVisible();
  await page.goBack();

  await expect(readiness.getByTestId('readiness-badge')).toHaveText('Checklist complete');
  await expect(readiness.locator('[data-ok="false"]')).toHaveCount(0);
  // A complete checklist does not make a draft "ready to bill": a person marks it so.
  await expect(page.getByTestId('status-badge')).toHaveText('Draft');
  await page.getByRole('button', { name: 'Mark ready to bill' }).click();
  await expect(page.getByTestId('status-badge')).toHaveText('Ready to bill');
  await snap(page, 'administration-detail-ready');

  // The list: the "Complete" checklist filter shows it; "Missing" does not.
  await page.getByRole('link', { name: '← All administrations' }).click();
  const rows = page.getByTestId('administration-row');
  await expect(rows).toHaveCount(1);
  const readinessFilter = page.getByRole('radiogroup', { name: 'Checklist' });
  await readinessFilter.getByText('Missing', { exact: true }).click();
  await expect(page.getByTestId('administrations-none-match')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await readinessFilter.getByText('Complete', { exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('2026-11-02');
  await expect(rows).toContainText('Rivera, Ana');
  await expect(rows).toContainText('Medicare Part B');
  await expect(rows).toContainText('A100');
  await expect(rows).toContainText('$500.00');
  // Expected: what the payer pays after sequestration plus the patient's 20%: $446.88 + $114.00.
  await expect(rows).toContainText('$560.88');
  await expect(rows.getByTestId('status-badge')).toHaveText('Ready to bill');
  await expect(rows.getByTestId('readiness-badge')).toHaveText('Checklist complete');
  await snap(page, 'administrations-list-ready');

  // Mark billed asks for the claim number; the estimate is then frozen.
  await rows.getByRole('link', { name: '2026-11-02' }).click();
  await page.getByRole('button', { name: 'Mark billed' }).click();
  const billDialog = page.getByRole('dialog', { name: 'Mark billed' });
  await billDialog.getByRole('button', { name: 'Mark billed' }).click();
  await expect(billDialog.getByText('Enter the claim number the claim went out with.')).toBeVisible();
  await billDialog.getByRole('textbox', { name: 'Claim number', exact: true }).fill('PCN-88231');
  await billDialog.getByRole('button', { name: 'Mark billed' }).click();
  await expect(billDialog).toBeHidden();
  await expect(page.getByTestId('status-badge')).toHaveText('Billed');
  // No checklist badge beside "Billed"; the checklist card below keeps what was on file.
  await expect(page.getByTestId('readiness-badge')).toHaveCount(1);
  await expect(readiness.getByTestId('readiness-badge')).toHaveText('Checklist complete');
  await expect(page.getByTestId('estimate-frozen')).toContainText('claim PCN-88231');
  await expect(page.getByRole('button', { name: 'Recompute estimate' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Mark paid' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await snap(page, 'administration-detail-billed');
});

test('editing an administration that used up its lot; deleting a draft gives the stock back', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payer, supplierId } = await seedCatalog(h);
  const invoice = await seed<{ lines: { id: number }[] }>(h, 'invoices:create', {
    supplierId,
    invoiceNumber: 'CH-7002',
    invoiceDate: '2026-10-01',
    lines: [
      { ndc: '70121-1568-1', lotNumber: 'C300', expiryDate: '2027-03-31', packageQuantity: '1', costPerPackage: '400' },
    ],
  });
  const patient = await seed<{ id: number }>(h, 'patients:create', {
    lastName: 'Okafor',
    firstName: 'Chidi',
    dateOfBirth: '1948-12-01',
    accountNumber: 'MRN-3100',
    payerId: payer.id,
  });
  // The whole vial: 200 mg given, 50 mg discarded.
  const recorded = await seed<{ id: number }>(h, 'administrations:create', {
    dateOfService: '2026-11-05',
    patientId: patient.id,
    payerId: payer.id,
    invoiceLineId: invoice.lines[0]?.id,
    dose: { amount: '200', unit: 'mg' },
    wastedAmount: '50',
    route: 'IV',
    billedCharge: '500.00',
  });

  const page = await openApp(`/administrations/${recorded.id}/edit`);
  await expect(page.getByRole('heading', { name: /^Edit administration/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lot', exact: true })).toHaveValue(
    /^C300 .* this administration’s lot$/,
  );
  // The preview counts this administration's own draw as back in the lot, as the save will: no
  // LOT_INSUFFICIENT although the lot is empty, and the estimate and checklist stay live.
  const preview = page.getByTestId('preview');
  await expect(preview.getByTestId('estimate-result')).toBeVisible();
  await expect(preview.locator('[data-key="physician-notes"]')).toHaveAttribute('data-ok', 'false');
  await page.getByRole('textbox', { name: 'Physician notes', exact: true }).fill('Given over 30 minutes.');
  await expect(preview.locator('[data-key="physician-notes"]')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByRole('textbox', { name: 'Dose given', exact: true })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await snap(page, 'administration-edit-own-draw');
  // The save counts the earlier draw as back in the lot.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'examplizumab · Okafor, Chidi' })).toBeVisible();
  await expect(page.getByTestId('administration-fields')).toContainText('Given over 30 minutes.');

  // Delete, confirmed: the lot is whole again.
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this administration?' });
  await expect(dialog).toContainText('go back to lot C300');
  await dialog.getByRole('button', { name: 'Delete administration' }).click();
  await expect(page.getByTestId('administrations-empty')).toBeVisible();
  const lots = await seed<{ onHand: string }[]>(h, 'stock:suggest', {
    ndc: '70121-1568-1',
    dateOfService: '2026-11-05',
  });
  expect(lots.map((l) => l.onHand)).toEqual(['5']);
});
