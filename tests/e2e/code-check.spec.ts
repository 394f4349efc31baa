/**
 * The code check in the biller's path (issue 13 items 4, 6, 7).
 *
 * Bevacizumab (Avastin), a catalog drug billed under J3490, gains its own code from a small CMS
 * crosswalk (50242-0040-62 → J9035, 10 mg) and HCPCS update (J9035 added 2005-01-01) imported
 * through the reference handlers. A new administration dated after that date shows the callout
 * with J9035 and the units of the dose; dated before, none (J3490 is right then, K2). Saved, its
 * checklist is blocked by the code until the payer's instruction to bill J3490 is recorded with a
 * note; it is then marked ready and the drug shows on the Transitions page, where "Staff told" is
 * ticked with who and when.
 *
 * Amvuttra (vutrisiran), which the bundled starter set maps to J0225 from 2023-01-01 (not
 * confirmed), shows the same callout on a saved administration, where "Bill with J0225" moves the
 * claim to 25 units of J0225, and in the Quick estimate, where "Use J0225" does the same to the
 * estimate.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { onePagePdf } from '../fixtures/e2e/scans/make-scans';
import { AMVUTTRA } from '../fixtures/reference-drugs';
import { contractTerms } from '../fixtures/seed-inputs';
import { downloadBy, expect, savedDownload, snapWidths, test } from './fixtures';
import { AVASTIN_VIAL, seed, type Handlers } from './seed';
import { seedPractice } from './seed-administration';

const AVASTIN_NDC11 = '50242004062';

/** The CMS ASP NDC-HCPCS crosswalk layout (tests/fixtures/reference/README.md), one pair. */
const CROSSWALK = [
  'January 2025 ASP NDC-HCPCS Crosswalk',
  '"NDC-HCPCS crosswalk for the payment allowance limits effective January 1, 2025 through March 31, 2025"',
  '"This file lists the NDCs used to calculate the payment limits in the ASP Pricing File"',
  '_2025_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG',
  // A 4 mL vial at 25 mg/mL: 100 mg, ten 10 mg billing units.
  'J9035,Bevacizumab injection,Genentech,50242-0040-62,AVASTIN,10 MG,4,1,10,10',
].join('\r\n');

/** The HCPCS update's workbook layout (hcpcs-anweb.csv): the title row names the quarter. */
function hcpcsCsv(): string {
  const [title, header] = readFileSync('tests/fixtures/reference/hcpcs-anweb.csv', 'latin1').split('\r\n');
  const columns = (header ?? '').split(',');
  const row = (values: Record<string, string>) =>
    columns.map((c) => (/[",]/.test(values[c] ?? '') ? `"${values[c]}"` : (values[c] ?? ''))).join(',');
  const drugCode = (hcpcs: string, long: string, short: string, added: string) =>
    row({
      HCPC: hcpcs,
      SEQNUM: '00100',
      RECID: '3',
      'LONG DESCRIPTION': long,
      'SHORT DESCRIPTION': short,
      PRICE1: '51',
      MULT_PI: 'A',
      COV: 'C',
      BETOS: 'O1E',
      TOS1: '1',
      'ADD DT': added,
      'ACT EFF DT': added,
      'ACTION CD': 'N',
    });
  return [
    title,
    header,
    drugCode('J9035', 'Injection, bevacizumab, 10 mg', 'Bevacizumab injection', '20050101'),
    drugCode('J0225', 'Injection, vutrisiran, 1 mg', 'Inj., vutrisiran, 1 mg', '20230101'),
    drugCode('J3490', 'Unclassified drugs', 'Drugs unclassified injection', '19840101'),
  ].join('\r\n');
}

async function importReference(h: Handlers, kind: 'crosswalk' | 'hcpcs', fileName: string, text: string) {
  const preview = await seed<{ stagedId: string; validRows: number; refusedRows: number }>(h, 'reference:preview', {
    kind,
    files: [{ fileName, contentBase64: Buffer.from(text, 'latin1').toString('base64') }],
  });
  expect(preview.refusedRows, `${fileName} refused rows`).toBe(0);
  await seed(h, 'reference:commit', { stagedId: preview.stagedId });
}

/** A payer with a confirmed profile and 85% of AWP from 2004; a patient of it. */
async function seedPayerAndPatient(h: Handlers): Promise<{ payerId: number; patientId: number }> {
  await seedPractice(h);
  const payer = await seed<{ id: number }>(h, 'payers:create', { name: 'Aetna', payerType: 'commercial' });
  await seed(h, 'contracts:create', contractTerms(payer.id, { effectiveFrom: '2004-01-01' }));
  await seed(h, 'payers:confirmProfile', { id: payer.id });
  const patient = await seed<{ id: number }>(h, 'patients:create', {
    lastName: 'Lee',
    firstName: 'Grace',
    dateOfBirth: '1952-06-11',
    accountNumber: 'MRN-3001',
    payerId: payer.id,
    memberId: 'W123456789',
  });
  return { payerId: payer.id, patientId: patient.id };
}

/** An invoice of one lot of `ndc`, its scan attached; the lot's invoice line id. */
async function seedLot(
  h: Handlers,
  o: { ndc: string; invoiceNumber: string; invoiceDate: string; lotNumber: string; expiryDate: string; cost: string },
): Promise<number> {
  const supplier = await seed<{ id: number }>(h, 'suppliers:create', { name: `Specialty ${o.invoiceNumber}` });
  const invoice = await seed<{ id: number; lines: { id: number }[] }>(h, 'invoices:create', {
    supplierId: supplier.id,
    invoiceNumber: o.invoiceNumber,
    invoiceDate: o.invoiceDate,
    lines: [
      {
        ndc: o.ndc,
        lotNumber: o.lotNumber,
        expiryDate: o.expiryDate,
        packageQuantity: '10',
        costPerPackage: o.cost,
      },
    ],
  });
  await seed(h, 'invoices:attachScan', {
    invoiceId: invoice.id,
    fileName: `${o.invoiceNumber}.pdf`,
    contentBase64: onePagePdf(`Invoice ${o.invoiceNumber}`).toString('base64'),
  });
  return invoice.lines[0]?.id ?? 0;
}

/** A catalog drug with its AWP from `awpFrom`, and a lot of it (seedLot); the lot's invoice line id. */
async function seedStockedDrug(
  h: Handlers,
  drug: { ndc: string },
  o: { awpPerPackage: string; awpFrom: string } & Omit<Parameters<typeof seedLot>[1], 'ndc'>,
): Promise<number> {
  const { awpPerPackage, awpFrom, ...lot } = o;
  await seed(h, 'drugs:create', drug);
  await seed(h, 'prices:create', {
    ndc: drug.ndc,
    priceType: 'AWP',
    pricePerPackage: awpPerPackage,
    effectiveFrom: awpFrom,
  });
  return seedLot(h, { ndc: drug.ndc, ...lot });
}

/** What a claim needs beyond the dose: an IV infusion's times, both providers, a diagnosis, the notes. */
const DOCUMENTED_INFUSION = {
  technique: 'iv-infusion',
  infusionStart: '09:00',
  infusionStop: '09:30',
  orderingNpi: '1234567893',
  orderingProviderName: 'Jane Roe, MD',
  renderingNpi: '1987654328',
  renderingProviderName: 'Omar Haddad, NP',
  diagnoses: ['C18.9'],
  medicalNecessity: 'Metastatic colorectal cancer, cycle 1 with FOLFOX.',
  physicianNotes: 'Infused over 30 minutes; no reaction.',
};

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

test('a crosswalk gives bevacizumab J9035: the callout after its date and not before, the payer’s instruction, the tracker', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payerId, patientId } = await seedPayerAndPatient(h);
  const lineId = await seedStockedDrug(h, AVASTIN_VIAL, {
    awpPerPackage: '700.00',
    awpFrom: '2004-01-01',
    invoiceNumber: 'GX-2004',
    invoiceDate: '2004-10-01',
    lotNumber: 'AV-1',
    expiryDate: '2006-06-30',
    cost: '550.00',
  });
  await importReference(h, 'crosswalk', 'asp-ndc-hcpcs-crosswalk-jan-2025.csv', CROSSWALK);
  await importReference(h, 'hcpcs', 'hcpcs-jan-2025.csv', hcpcsCsv());
  // A claim billed before J9035 existed: J3490 was right then (K2), the tracker counts it apart.
  const earlier = await seed<{ id: number }>(h, 'administrations:create', {
    ...DOCUMENTED_INFUSION,
    dateOfService: '2004-11-15',
    patientId,
    payerId,
    invoiceLineId: lineId,
    dose: { amount: '100', unit: 'mg' },
    route: 'IV',
    billedCharge: '850.00',
    claimNumber: 'PCN-2004-1',
  });
  await seed(h, 'administrations:setStatus', { id: earlier.id, status: 'ready' });
  await seed(h, 'administrations:setStatus', { id: earlier.id, status: 'billed' });

  const page = await openApp('/administrations/new');
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  await field(page, 'Date of service').fill('2005-03-10');
  await select(page, 'Patient').click();
  await page.getByRole('option', { name: /Lee, Grace/ }).click();
  await expect(select(page, 'Payer')).toHaveValue('Aetna');
  await select(page, 'Drug').click();
  await page.getByRole('option', { name: /bevacizumab/ }).click();
  await expect(select(page, 'Lot')).toHaveValue(/^AV-1/);
  await field(page, 'Dose given').fill('100');

  // After J9035's date: the callout names the code, its descriptor, date, unit and this dose's units.
  const callout = page.getByTestId('specific-code-callout');
  await expect(callout).toBeVisible();
  await expect(callout.getByTestId('specific-code')).toHaveText('J9035');
  await expect(callout).toContainText('Injection, bevacizumab, 10 mg');
  await expect(callout.getByTestId('specific-code-date')).toHaveText('2005-01-01');
  await expect(callout).toContainText('10 mg');
  await expect(callout.getByTestId('specific-code-units')).toHaveText('10 units of J9035');
  await expect(callout.getByRole('button', { name: 'Use J9035' })).toBeVisible();
  await expect(callout).not.toContainText('SPECIFIC_CODE_EXISTS');
  await expect(callout).toContainText('CMS NDC-HCPCS crosswalk 2025Q1');
  await snapWidths(page, 'code-check-form-callout');

  // Before it: J3490 is right, no callout; a note says when J9035 starts.
  await field(page, 'Date of service').fill('2004-11-15');
  await expect(page.getByTestId('specific-code-upcoming')).toContainText('takes effect on 2005-01-01');
  await expect(callout).toHaveCount(0);

  // Back after the date, and everything else a claim needs.
  await field(page, 'Date of service').fill('2005-03-10');
  await expect(callout).toBeVisible();
  await select(page, 'Technique').click();
  await page.getByRole('option', { name: 'IV infusion' }).click();
  await field(page, 'Infusion start').fill('09:00');
  await field(page, 'Infusion stop').fill('09:30');
  await field(page, 'Ordering provider NPI').fill('1234567893');
  await field(page, 'Rendering provider NPI').fill('1987654328');
  await field(page, 'Ordering provider').fill('Jane Roe, MD');
  await field(page, 'Rendering provider').fill('Omar Haddad, NP');
  const diagnoses = select(page, 'ICD-10 diagnoses');
  await diagnoses.fill('C18.9');
  await diagnoses.press('Enter');
  await field(page, 'Medical necessity').fill('Metastatic colorectal cancer, cycle 2 with FOLFOX.');
  await field(page, 'Physician notes').fill('Infused over 30 minutes; no reaction.');
  await field(page, 'Billed charge').fill('900.00');
  const preview = page.getByTestId('preview');
  const previewItem = preview.locator('[data-testid="readiness-item"][data-key="hcpcs-code"]');
  await expect(previewItem).toHaveAttribute('data-ok', 'false');
  await expect(preview.getByTestId('readiness').getByTestId('readiness-badge')).toHaveText('1 missing');
  // The estimate's own warnings leave the code check to the callout.
  await expect(preview.getByTestId('estimate-warning').filter({ hasText: 'J9035' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save administration' }).click();

  // Saved: blocked by the code until the payer's instruction is on file.
  await expect(page.getByRole('heading', { name: 'bevacizumab (Avastin) · Lee, Grace' })).toBeVisible();
  const readiness = page.getByTestId('readiness');
  const codeItem = readiness.locator('[data-key="hcpcs-code"]');
  await expect(codeItem).toHaveAttribute('data-ok', 'false');
  await expect(readiness.getByTestId('readiness-badge')).toHaveText('1 missing');
  await expect(page.getByRole('button', { name: 'Mark ready to bill' })).toBeDisabled();
  const saved = page.getByTestId('specific-code-callout');
  await expect(saved.getByTestId('specific-code-units')).toHaveText('10 units of J9035');
  await expect(saved.getByRole('button', { name: 'Bill with J9035' })).toBeVisible();

  await saved.getByRole('button', { name: 'Payer said to bill J3490…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Payer said to bill J3490' });
  await dialog.getByRole('button', { name: 'Record instruction' }).click();
  await expect(dialog.getByText('Write who at the payer said so, when, and the reference number.')).toBeVisible();
  const note = 'Dana K., Aetna provider services, 2005-03-09, call reference 448172';
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Record instruction' }).click();
  await expect(dialog).toBeHidden();

  const instruction = saved.getByTestId('noc-instruction');
  await expect(instruction).toContainText(`Payer instruction recorded by ${desk.services.ctx.actor} on`);
  await expect(instruction).toContainText(note);
  await expect(saved).toHaveAttribute('data-settled', 'true');
  await expect(codeItem).toHaveAttribute('data-ok', 'true');
  await expect(codeItem).toContainText(note);
  await expect(readiness.getByTestId('readiness-badge')).toHaveText('Checklist complete');
  await snapWidths(page, 'code-check-detail-instructed');

  // Taken back, the block returns; recorded again, it lifts.
  await instruction.getByRole('button', { name: 'Take back' }).click();
  await expect(codeItem).toHaveAttribute('data-ok', 'false');
  await expect(saved.getByTestId('noc-instruction')).toHaveCount(0);
  await saved.getByRole('button', { name: 'Payer said to bill J3490…' }).click();
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Record instruction' }).click();
  await expect(codeItem).toHaveAttribute('data-ok', 'true');

  await page.getByRole('button', { name: 'Mark ready to bill' }).click();
  await expect(page.getByTestId('status-badge')).toHaveText('Ready to bill');

  // The tracker: the drug, its code and date, still billed under J3490 after that date.
  await page.getByRole('link', { name: 'Code transitions' }).click();
  await expect(page.getByRole('heading', { name: 'Code transitions' })).toBeVisible();
  const row = page.locator(`[data-testid="transition-row"][data-ndc="${AVASTIN_NDC11}"]`);
  await expect(row).toContainText('bevacizumab (Avastin)');
  await expect(row).toContainText('NDC 50242-0040-62');
  const noc = row.getByTestId('transition-noc');
  await expect(noc).toContainText('J3490');
  await expect(noc).toContainText('2004-11-15 to 2005-03-10');
  await expect(noc).toContainText('2 administrations');
  await expect(row).toContainText('$1,750.00');
  await expect(row.getByTestId('transition-code')).toContainText('J9035');
  await expect(row.getByTestId('transition-code')).toContainText('Injection, bevacizumab, 10 mg');
  await expect(row.getByTestId('transition-code')).toContainText('From 2005-01-01');
  await expect(row.getByTestId('transition-status')).toHaveText('In force — still billing J3490');
  await expect(row).toContainText('1 claim under J3490 dated on or after 2005-01-01.');

  const staffTold = row.locator('[data-item="staff-told"]');
  await expect(staffTold.getByRole('checkbox', { name: 'Staff told' })).not.toBeChecked();
  await staffTold.getByRole('checkbox', { name: 'Staff told' }).check();
  await expect(staffTold.getByRole('checkbox', { name: 'Staff told' })).toBeChecked();
  await expect(row.getByTestId('transition-checklist')).toContainText(`${desk.services.ctx.actor}, `);
  await expect(row.locator('[data-item="charge-master"]').getByRole('checkbox')).not.toBeChecked();
  await snapWidths(page, 'code-check-transitions');

  const csv = await savedDownload(
    await downloadBy(page, () => page.getByRole('button', { name: 'Export code transitions as CSV' }).click()),
  );
  const text = readFileSync(csv, 'utf8');
  expect(text).toContain('bevacizumab (Avastin)');
  expect(text).toContain('J9035');
  expect(text).toContain(`by ${desk.services.ctx.actor}`);
});

test('Amvuttra under J3490 after J0225’s date: “Bill with J0225” takes 25 units, and the Quick estimate’s “Use J0225” does the same', async ({
  openApp,
  desk,
}) => {
  const h = desk.services.handlers;
  const { payerId, patientId } = await seedPayerAndPatient(h);
  const lineId = await seedStockedDrug(h, AMVUTTRA, {
    awpPerPackage: '120000.00',
    awpFrom: '2024-01-01',
    invoiceNumber: 'SP-2024',
    invoiceDate: '2024-05-01',
    lotNumber: 'VU-1',
    expiryDate: '2026-12-31',
    cost: '100000.00',
  });
  const administration = await seed<{ id: number }>(h, 'administrations:create', {
    dateOfService: '2024-06-03',
    patientId,
    payerId,
    invoiceLineId: lineId,
    dose: { amount: '25', unit: 'mg' },
    route: 'SC',
    technique: 'injection',
    billedCharge: '150000.00',
  });

  const page = await openApp(`/administrations/${administration.id}`);
  const callout = page.getByTestId('specific-code-callout');
  await expect(callout.getByTestId('specific-code')).toHaveText('J0225');
  await expect(callout).toContainText('Injection, vutrisiran, 1 mg');
  await expect(callout.getByTestId('specific-code-date')).toHaveText('2023-01-01');
  await expect(callout).toContainText('not confirmed by a CMS file on record');
  await expect(callout.getByTestId('specific-code-units')).toHaveText('25 units of J0225');
  const given = page.getByTestId('estimate-panel').getByTestId('line-given');
  await expect(given).toContainText('J3490');

  await callout.getByRole('button', { name: 'Bill with J0225' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bill with J0225?' });
  await expect(confirm).toContainText('25 units of J0225 for this 25 mg dose');
  await confirm.getByRole('button', { name: 'Keep J3490' }).click();
  await expect(confirm).toBeHidden();
  await expect(given).toContainText('J3490');
  await callout.getByRole('button', { name: 'Bill with J0225' }).click();
  await confirm.getByRole('button', { name: 'Bill with J0225' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('administration-fields')).toContainText('J0225');
  await expect(given).toContainText('J0225');
  await expect(given.getByRole('cell').nth(2)).toHaveText('25');
  await expect(callout).toHaveCount(0);
  await expect(page.getByTestId('readiness').locator('[data-key="hcpcs-code"]')).toHaveAttribute('data-ok', 'true');

  // The Quick estimate: the same drug and date, J3490 → the callout; "Use J0225" re-prices in its units.
  await openApp('/estimate');
  await select(page, 'Pick from the catalog').click();
  await page.getByRole('option', { name: /vutrisiran/ }).click();
  await field(page, 'Date of service').fill('2024-06-03');
  await field(page, 'Dose given').fill('25');
  await field(page, 'Billed charge (given line)').fill('150000.00');
  await select(page, 'Payer').click();
  await page.getByRole('option', { name: 'Aetna' }).click();
  const estimateCallout = page.getByTestId('specific-code-callout');
  await expect(estimateCallout.getByTestId('specific-code-units')).toHaveText('25 units of J0225');
  await expect(page.getByTestId('terms-warning').filter({ hasText: 'J0225' })).toHaveCount(0);
  const line = page.getByTestId('line-given');
  await expect(line).toContainText('J3490');
  await snapWidths(page, 'code-check-quick-estimate');
  await estimateCallout.getByRole('button', { name: 'Use J0225' }).click();
  await expect(select(page, 'HCPCS')).toHaveValue('J0225');
  await expect(field(page, 'Billing unit (mg)')).toHaveValue('1');
  await expect(line).toContainText('J0225');
  await expect(line.getByRole('cell').nth(2)).toHaveText('25');
  await expect(estimateCallout).toHaveCount(0);
});
