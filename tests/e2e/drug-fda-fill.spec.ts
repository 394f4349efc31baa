/**
 * Adding a drug from the FDA NDC directory (issue 13 item 5): with the directory imported, the
 * practice administrator types the NDC from the package, fills the form from the directory,
 * checks it and saves it; ten digits without hyphens list the packages they could be (or offer
 * the one they are); an ended, excluded package is a warning; a drug the directory cannot say
 * everything about names what is left to enter.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';

const fda = (name: string) => ({
  fileName: name,
  contentBase64: readFileSync(resolve('tests/fixtures/reference/fda', name)).toString('base64'),
});

test('a drug added by NDC is filled from the FDA directory; bare digits and ended packages are told apart', async ({
  desk,
  openApp,
}) => {
  const staged = await seed<{ stagedId: string }>(desk.services.handlers, 'reference:preview', {
    kind: 'fda-ndc',
    files: [fda('product.txt'), fda('package.txt')],
    release: '2026-12-01',
  });
  await seed(desk.services.handlers, 'reference:commit', { stagedId: staged.stagedId, acceptRefused: true });

  const page = await openApp('/drugs');
  await page.getByRole('button', { name: 'Add drug' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add drug' });
  const ndc = dialog.getByRole('textbox', { name: 'NDC', exact: true });
  const found = dialog.getByTestId('fda-package');

  // Onpattro typed in its 11-digit billing form: leaving the field looks it up.
  await ndc.fill('71336-1000-01');
  await ndc.press('Tab');
  await expect(found).toContainText(
    'FDA directory (release 2026-12-01): Onpattro (patisiran), Alnylam Pharmaceuticals, Inc. — INJECTION, LIPID COMPLEX, INTRAVENOUS, 2 mg/mL',
  );
  await expect(found).toContainText('1 VIAL, SINGLE-DOSE in 1 CARTON (71336-1000-1) > 5 mL in 1 VIAL, SINGLE-DOSE');
  await expect(found.getByTestId('fda-warning')).toHaveCount(0);
  await snapWidths(page, 'drug-fda-found');

  await found.getByRole('button', { name: 'Fill in from the directory' }).click();
  await expect(found.getByTestId('fda-filled')).toContainText('Filled in from the directory');
  await expect(found.getByTestId('fda-fill-notes')).toHaveCount(0);
  // The NDC becomes the form the FDA prints (5-4-1), and every field the catalog needs is filled.
  await expect(ndc).toHaveValue('71336-1000-1');
  await expect(dialog.getByRole('textbox', { name: 'Generic name', exact: true })).toHaveValue('patisiran');
  await expect(dialog.getByRole('textbox', { name: 'Brand name', exact: true })).toHaveValue('Onpattro');
  await expect(dialog.getByRole('textbox', { name: 'Strength per ML' })).toHaveValue('2');
  await expect(dialog.getByRole('textbox', { name: 'Package size (ML)' })).toHaveValue('5');
  await expect(dialog.getByRole('combobox', { name: 'Strength unit' })).toHaveValue('mg');
  await expect(dialog.getByRole('combobox', { name: 'NDC unit' })).toHaveValue('ML — milliliter');
  await expect(dialog.getByRole('combobox', { name: 'Container' })).toHaveValue('single-dose');
  await expect(dialog.getByRole('combobox', { name: 'Usual route' })).toHaveValue('IV');
  await snapWidths(page, 'drug-fda-filled');

  // Filled fields stay editable, and nothing is saved until the person saves.
  await expect(page.getByTestId('drugs-empty')).toBeAttached();
  await dialog.getByRole('button', { name: 'Add drug' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('drug-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('71336-1000-01');
  await expect(row).toContainText('patisiran');
  await expect(row).toContainText('Onpattro');
  await expect(row).toContainText('2 mg/ML');
  await expect(row).toContainText('5 ML');
  await expect(row).toContainText('single-dose');
  await snapWidths(page, 'drug-fda-saved');
  const listed = await seed<{ rows: { ndc11: string; ndcPrinted: string; route: string }[] }>(
    desk.services.handlers,
    'drugs:list',
    {},
  );
  expect(listed.rows).toMatchObject([{ ndc11: '71336100001', ndcPrinted: '71336-1000-1', route: 'IV' }]);

  // Ten digits shared by two packages: both are listed to choose from, the ended one warned of.
  await page.getByRole('button', { name: 'Add drug' }).first().click();
  await ndc.fill('1234567890');
  await ndc.press('Tab');
  const candidates = dialog.getByTestId('fda-candidate');
  await expect(dialog.getByTestId('fda-candidates')).toContainText(
    '2 packages in the FDA directory (release 2026-12-01) have the digits 1234567890',
  );
  await expect(candidates).toHaveCount(2);
  await expect(candidates.nth(0)).toContainText('1234-5678-90 imatinib mesylate, Example Generics LLC');
  await expect(candidates.nth(1)).toContainText('12345-678-90 sodium chloride, Example Fluids Company');
  await expect(candidates.nth(1).getByTestId('fda-warning')).toHaveCount(2);
  await snapWidths(page, 'drug-fda-candidates');
  // Saving still says the bare digits are ambiguous.
  await dialog.getByRole('button', { name: 'Add drug' }).click();
  await expect(dialog.getByText('could be 4-4-2, 5-3-2 or 5-4-1')).toBeVisible();
  await candidates.nth(0).getByRole('button', { name: 'Use 1234-5678-90' }).click();
  await expect(ndc).toHaveValue('1234-5678-90');
  await expect(dialog.getByText('could be 4-4-2, 5-3-2 or 5-4-1')).toBeHidden();
  await expect(found).toContainText('imatinib mesylate, Example Generics LLC');

  // Ten digits one package has: its printed form is offered.
  await ndc.fill('5024204062');
  await dialog.getByRole('button', { name: 'Look up in the FDA directory' }).click();
  await expect(dialog.getByTestId('fda-did-you-mean')).toContainText('Did you mean 50242-040-62?');
  await snapWidths(page, 'drug-fda-did-you-mean');
  await dialog.getByRole('button', { name: 'Use 50242-040-62' }).click();
  await expect(ndc).toHaveValue('50242-040-62');
  await expect(found).toContainText('Xolair (omalizumab), Genentech, Inc.');
  await expect(dialog.getByTestId('fda-did-you-mean')).toHaveCount(0);

  // An NDC typed as printed that the directory lists as ended and excluded.
  await ndc.fill('12345-678-90');
  await ndc.press('Tab');
  await expect(found.getByTestId('fda-warning')).toHaveText([
    '⚠ The FDA directory lists this package as marketed until 2019-12-31.',
    '⚠ The FDA directory lists this package as excluded: check the NDC on the package before billing it.',
  ]);
  // A pack of ten vials: the size filled is one vial's, and the form says so.
  await found.getByRole('button', { name: 'Fill in from the directory' }).click();
  await expect(found.getByTestId('fda-fill-notes')).toHaveText(
    'This NDC is a pack (10 VIAL, SINGLE-DOSE in 1 TRAY): the package size filled is what one vial holds, 10 mL.',
  );
  await snapWidths(page, 'drug-fda-ended');

  // What the directory cannot say in the catalog's terms is left empty and named.
  await ndc.fill('60575-4112-1');
  await ndc.press('Tab');
  await found.getByRole('button', { name: 'Fill in from the directory' }).click();
  const notes = found.getByTestId('fda-fill-notes');
  await expect(notes).toContainText('Strength 160 ug/1; 4.5 ug/1 has two ingredients: enter it yourself.');
  await expect(notes).toContainText("Route RESPIRATORY (INHALATION) is not one of the catalog's routes");
  await expect(dialog.getByRole('textbox', { name: 'Strength per UN' })).toHaveValue('');
  await expect(dialog.getByRole('combobox', { name: 'Usual route' })).toHaveValue('');
  await snapWidths(page, 'drug-fda-left-for-you');

  // A printed NDC the directory does not have is a quiet line.
  await ndc.fill('0002-7597-05');
  await ndc.press('Tab');
  await expect(dialog.getByTestId('fda-none')).toHaveText('Not in the FDA directory on file (release 2026-12-01).');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);
});

test('without the FDA directory, a new drug says where to import it', async ({ openApp }) => {
  const page = await openApp('/drugs');
  await page.getByRole('button', { name: 'Add drug' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add drug' });
  await dialog.getByRole('textbox', { name: 'NDC', exact: true }).fill('71336-1000-01');
  await dialog.getByRole('button', { name: 'Look up in the FDA directory' }).click();
  await expect(dialog.getByTestId('fda-none')).toHaveText(
    'Import the FDA NDC directory (Reference data) to fill drugs from it.',
  );
});
