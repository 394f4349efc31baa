/**
 * The Suppliers page (issue 14): the list with account numbers, notes, invoice counts and the
 * newest invoice's date; search ignoring case and accents; adding and editing with a taken name
 * refused next to the field; merging a duplicate with a confirmation that says what moves; and
 * the invoice import wizard adding the supplier it needs. Screenshots at 1440, 1366 and 1024 px.
 */
import { writeFileSync } from 'node:fs';
import { expect, snapWidths, test } from './fixtures';
import { AVASTIN_VIAL, seed, type Handlers } from './seed';

type Supplier = { id: number; name: string };

const invoice = (supplierId: number, invoiceNumber: string, invoiceDate: string) => ({
  supplierId,
  invoiceNumber,
  invoiceDate,
  lines: [
    {
      ndc: AVASTIN_VIAL.ndc,
      lotNumber: `LOT-${invoiceNumber}`,
      expiryDate: '2027-06-30',
      packageQuantity: '1',
      costPerPackage: '850.00',
    },
  ],
});

/** McKesson (2 invoices), its duplicate "Mckesson Corp." (3 invoices and remembered import columns), and a pharmacy. */
async function seedSuppliers(h: Handlers) {
  await seed(h, 'drugs:create', AVASTIN_VIAL);
  const mckesson = await seed<Supplier>(h, 'suppliers:create', { name: 'McKesson', accountNumber: 'ACCT-77' });
  const duplicate = await seed<Supplier>(h, 'suppliers:create', {
    name: 'Mckesson Corp.',
    accountNumber: '99-1',
    notes: 'Old account from before the 2024 contract; orders by fax.',
  });
  await seed(h, 'suppliers:create', { name: 'Pharmacie Zoë Łukasiewicz', notes: 'Compounded drugs, Tuesdays' });
  await seed(h, 'invoices:create', invoice(mckesson.id, 'A-1', '2025-01-05'));
  await seed(h, 'invoices:create', invoice(mckesson.id, 'A-2', '2025-02-20'));
  await seed(h, 'invoices:create', invoice(duplicate.id, 'D-1', '2024-11-02'));
  await seed(h, 'invoices:create', invoice(duplicate.id, 'D-2', '2024-12-14'));
  const csv = [
    'Inv No,Inv Date,NDC,Lot,Expiration Date,Qty,Unit Cost',
    'D-3,2025-01-30,50242-040-62,L3,2027-01-31,1,850',
  ];
  const preview = await seed<{ stagedId: string }>(h, 'imports:preview', {
    kind: 'invoices',
    fileName: 'corp.csv',
    contentBase64: Buffer.from(csv.join('\n')).toString('base64'),
    supplierId: duplicate.id,
  });
  await seed(h, 'imports:commit', { stagedId: preview.stagedId });
  return { mckesson, duplicate };
}

test('lists suppliers with their invoices, searches ignoring accents, adds and edits one', async ({
  openApp,
  desk,
}) => {
  await seedSuppliers(desk.services.handlers);
  const page = await openApp('/suppliers');

  const rows = page.getByTestId('supplier-row');
  await expect(rows).toHaveCount(3);
  const mckesson = rows.filter({ hasText: 'ACCT-77' });
  await expect(mckesson.getByRole('cell')).toHaveText([
    'McKessonMaybe the same supplier as Mckesson Corp.',
    'ACCT-77',
    'None',
    '2',
    'Feb 20, 2025',
    'EditMerge…',
  ]);
  const corp = rows.filter({ hasText: '99-1' });
  await expect(corp).toContainText('Maybe the same supplier as McKesson');
  await expect(corp).toContainText('Old account from before the 2024 contract');
  await expect(corp.getByRole('cell').nth(3)).toHaveText('3');
  await expect(corp.getByRole('cell').nth(4)).toHaveText('Jan 30, 2025');
  const pharmacy = rows.filter({ hasText: 'Pharmacie' });
  await expect(pharmacy.getByRole('cell').nth(4)).toHaveText('None yet');
  await expect(pharmacy.getByTestId('supplier-similar')).toHaveCount(0);
  await expect(page.getByTestId('suppliers-count')).toHaveText('3 suppliers');
  await snapWidths(page, 'suppliers-list');

  // Search: case and accents do not matter, and notes are searched too.
  const search = page.getByRole('textbox', { name: 'Search suppliers' });
  await search.fill('zoe LUKASIEWICZ');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Pharmacie Zoë Łukasiewicz');
  await expect(page.getByTestId('suppliers-count')).toHaveText('1 of 3 suppliers');
  await search.fill('fax');
  await expect(rows).toHaveText([/Mckesson Corp\./]);
  await search.fill('Cencora');
  await expect(page.getByText('No supplier matches “Cencora”.')).toBeVisible();
  await search.fill('');

  // Add: the keyboard alone, Enter saves.
  await page.getByRole('button', { name: 'Add supplier' }).click();
  const add = page.getByRole('dialog', { name: 'Add supplier' });
  await expect(add.getByLabel('Supplier name')).toBeFocused();
  await add.getByLabel('Supplier name').fill('Cardinal Health');
  await add.getByLabel('Account number').fill('CH-5521');
  await add.getByLabel('Account number').press('Enter');
  await expect(add).toBeHidden();
  await expect(page.getByText('Supplier added')).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Cardinal Health' })).toContainText('CH-5521');

  // Edit: a name another supplier has is refused next to the name field, and nothing is saved.
  await page.getByRole('button', { name: 'Edit Cardinal Health' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit supplier' });
  await expect(edit.getByLabel('Supplier name')).toHaveValue('Cardinal Health');
  await edit.getByLabel('Supplier name').fill('MCKESSON');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('There is already a supplier named McKesson.')).toBeVisible();
  await expect(edit.getByLabel('Supplier name')).toHaveAttribute('aria-invalid', 'true');
  await snapWidths(page, 'suppliers-name-taken');
  await edit.getByLabel('Supplier name').fill('Cardinal Health Specialty');
  await expect(edit.getByText('There is already a supplier named McKesson.')).toBeHidden();
  await edit.getByLabel('Notes').fill('Rep: Dana, ext. 204');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(rows.filter({ hasText: 'Cardinal Health Specialty' })).toContainText('Rep: Dana, ext. 204');
});

test('merges a duplicate after saying what moves; its invoices then belong to the kept supplier', async ({
  openApp,
  desk,
}) => {
  await seedSuppliers(desk.services.handlers);
  const page = await openApp('/suppliers');

  await page.getByRole('button', { name: 'Merge Mckesson Corp. into another supplier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge duplicate suppliers' });
  await expect(dialog.getByRole('combobox', { name: 'Duplicate to remove' })).toHaveValue('Mckesson Corp.');
  const merge = dialog.getByRole('button', { name: /^Merge/ });
  await expect(merge).toBeDisabled();

  // The names like the duplicate's come first.
  await dialog.getByRole('combobox', { name: 'Supplier to keep' }).click();
  await expect(page.getByRole('option')).toHaveText(['McKesson', 'Pharmacie Zoë Łukasiewicz']);
  await expect(page.getByText('Names like this one')).toBeVisible();
  await page.getByRole('option', { name: 'McKesson', exact: true }).click();

  const summary = dialog.getByTestId('merge-summary');
  await expect(summary).toContainText(
    '3 invoices and the remembered column choices for invoice files move to McKesson; Mckesson Corp. is removed.',
  );
  await expect(summary).toContainText(
    'Mckesson Corp.’s account number (99-1) and notes are not kept: copy them to McKesson first if you still need them.',
  );
  await expect(summary).toContainText('This cannot be undone.');
  await snapWidths(page, 'suppliers-merge-confirm');

  await dialog.getByRole('button', { name: 'Merge and remove Mckesson Corp.' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('3 invoices moved to McKesson; Mckesson Corp. was removed.')).toBeVisible();

  const rows = page.getByTestId('supplier-row');
  await expect(rows).toHaveCount(2);
  const mckesson = rows.filter({ hasText: 'McKesson' });
  await expect(mckesson.getByRole('cell').nth(3)).toHaveText('5');
  await expect(mckesson.getByTestId('supplier-similar')).toHaveCount(0);

  await openApp('/invoices');
  await expect(page.getByTestId('invoices-count')).toHaveText('5 invoices');
  await expect(page.getByTestId('invoice-row').filter({ hasText: 'McKesson' })).toHaveCount(5);
});

test('a merge is refused while both suppliers have the same invoice number', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  const { mckesson } = await seedSuppliers(h);
  await seed(h, 'invoices:create', invoice(mckesson.id, 'D-2', '2024-12-14'));
  const page = await openApp('/suppliers');

  await page.getByRole('button', { name: 'Merge Mckesson Corp. into another supplier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge duplicate suppliers' });
  await dialog.getByRole('combobox', { name: 'Supplier to keep' }).click();
  await page.getByRole('option', { name: 'McKesson', exact: true }).click();
  await expect(dialog.getByTestId('merge-clash')).toContainText('Both have an invoice numbered D-2.');
  await expect(dialog.getByTestId('merge-summary')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Merge and remove Mckesson Corp.' })).toBeDisabled();
  await snapWidths(page, 'suppliers-merge-clash');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('supplier-row')).toHaveCount(3);
});

test('the invoice import wizard adds the supplier it needs and imports for it', async ({ openApp, desk }) => {
  await seed(desk.services.handlers, 'drugs:create', AVASTIN_VIAL);
  const file = test.info().outputPath('besse-invoices.csv');
  writeFileSync(
    file,
    [
      'Invoice Number,Invoice Date,NDC,Lot,Expiration Date,Qty,Unit Cost,Extended Price',
      'BM-77,2025-02-10,50242-0040-62,LOT-A,2026-06-30,2,1170.00,2340.00',
    ].join('\n'),
  );

  const page = await openApp('/invoices');
  await page.getByRole('button', { name: 'Import invoices' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import invoices' });
  await wizard.getByRole('button', { name: 'Add a supplier' }).click();
  const add = page.getByRole('dialog', { name: 'Add a supplier' });

  // Escape leaves the new supplier, not the wizard.
  await expect(add.getByLabel('Supplier name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();
  await expect(wizard).toBeVisible();

  await wizard.getByRole('button', { name: 'Add a supplier' }).click();
  await add.getByLabel('Supplier name').fill('Besse Medical');
  await snapWidths(page, 'import-wizard-add-supplier');
  await add.getByLabel('Supplier name').press('Enter');
  await expect(add).toBeHidden();
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('combobox', { name: 'Supplier', exact: true })).toHaveValue('Besse Medical');
  await snapWidths(page, 'import-wizard-supplier-added');

  await wizard.locator('input[type="file"]').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Preview' }).click();
  await wizard.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(wizard.getByTestId('import-summary')).toContainText('1 row imported from besse-invoices.csv');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('invoice-row')).toContainText('Besse Medical');

  await openApp('/suppliers');
  const row = page.getByTestId('supplier-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await expect(row.getByRole('cell').nth(4)).toHaveText('Feb 10, 2025');
});
