import { dispatch } from '../../electron/services/dispatch';
import { runCli } from '../../electron/cli';
import { writeFileSync } from 'node:fs';
import { E2E_PASSPHRASE, expect, snap, test } from './fixtures';

test('a new practice: empty state, settings with validation, header shows the name', async ({ openApp, desk }) => {
  const page = await openApp('/');
  await expect(page.getByRole('heading', { name: 'Welcome to J3490 Desk' })).toBeVisible();
  await expect(page.getByTestId('header-practice-name')).toHaveText('No practice set up yet');
  await snap(page, 'home-empty');

  await page.getByRole('link', { name: 'Enter your practice settings' }).click();
  await page.getByRole('textbox', { name: 'Practice name', exact: true }).fill('Riverbend Oncology');
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill('100 Main St');
  await page.getByRole('textbox', { name: 'City', exact: true }).fill('Springfield');
  await page.getByRole('combobox', { name: 'State' }).fill('IL');
  await page.getByRole('option', { name: 'IL' }).click();
  await page.getByRole('textbox', { name: 'ZIP', exact: true }).fill('62701');
  await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('217-555-0100');
  await page.getByRole('textbox', { name: 'Billing contact', exact: true }).fill('Dana Ruiz');
  await page.getByRole('textbox', { name: 'NPI', exact: true }).fill('1234567890'); // wrong check digit
  await page.getByRole('textbox', { name: 'TIN', exact: true }).fill('12-34567');
  await page.getByRole('button', { name: 'Save settings' }).click();

  await expect(page.getByText('This NPI fails its check digit')).toBeVisible();
  await expect(page.getByText('A TIN is 9 digits')).toBeVisible();
  await snap(page, 'settings-errors');
  expect(
    (await dispatch(desk.services.handlers, 'practice:get', {})).ok &&
      (await dispatch(desk.services.handlers, 'practice:get', {})),
  ).toEqual({ ok: true, value: null });

  await page.getByRole('textbox', { name: 'NPI', exact: true }).fill('1234567893');
  await page.getByRole('textbox', { name: 'TIN', exact: true }).fill('12-3456789');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Practice settings saved')).toBeVisible();
  await expect(page.getByTestId('header-practice-name')).toHaveText('Riverbend Oncology');

  const stored = await dispatch(desk.services.handlers, 'practice:get', {});
  expect(stored).toMatchObject({
    ok: true,
    value: { npi: '1234567893', tin: '123456789', phone: '(217) 555-0100', state: 'IL' },
  });

  // Reload: the saved values come back into the form.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Practice name', exact: true })).toHaveValue('Riverbend Oncology');
  await expect(page.getByRole('textbox', { name: 'TIN', exact: true })).toHaveValue('12-3456789');
});

test('drug catalog: add with errors next to fields, edit, sort, search, delete with undo', async ({
  openApp,
  desk,
}) => {
  const page = await openApp('/drugs');
  await expect(page.getByTestId('drugs-empty')).toBeVisible();

  const addDrug = async (d: { ndc: string; generic: string; brand?: string; strength: string; size: string }) => {
    await page.getByRole('button', { name: 'Add drug' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add drug' });
    await dialog.getByRole('textbox', { name: 'NDC', exact: true }).fill(d.ndc);
    await dialog.getByRole('textbox', { name: 'Generic name', exact: true }).fill(d.generic);
    if (d.brand) await dialog.getByRole('textbox', { name: 'Brand name', exact: true }).fill(d.brand);
    await dialog.getByRole('textbox', { name: /^Strength per/ }).fill(d.strength);
    await dialog.getByRole('textbox', { name: /^Package size/ }).fill(d.size);
    await dialog.getByRole('button', { name: 'Add drug' }).click();
    return dialog;
  };

  // An unhyphenated 10-digit NDC is refused as ambiguous, next to the field; nothing is written.
  let dialog = await addDrug({ ndc: '0002759701', generic: 'olanzapine', strength: '20', size: '10' });
  await expect(dialog.getByText('could be 4-4-2, 5-3-2 or 5-4-1')).toBeVisible();
  await snap(page, 'drug-ndc-ambiguous');
  await dialog.getByRole('textbox', { name: 'NDC', exact: true }).fill('0002-7597-01');
  await dialog.getByRole('textbox', { name: /^Strength per/ }).fill('abc');
  await dialog.getByRole('button', { name: 'Add drug' }).click();
  await expect(dialog.getByText('Strength "abc" is not an amount; write it as 20 or 20 mg.')).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Strength per/ }).fill('20');
  await dialog.getByRole('button', { name: 'Add drug' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('drug-row')).toHaveCount(1);
  await expect(page.getByTestId('drug-row').first()).toContainText('00002-7597-01');

  // A second drug, then the same NDC again: the service refuses it and the form shows why.
  dialog = await addDrug({ ndc: '50242-040-62', generic: 'bevacizumab', brand: 'Avastin', strength: '25', size: '4' });
  await expect(dialog).toBeHidden();
  dialog = await addDrug({ ndc: '00002-7597-01', generic: 'duplicate', strength: '1', size: '1' });
  await expect(dialog.getByText('is already in the catalog as olanzapine')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('drug-row')).toHaveCount(2);

  // Sort by generic name descending, then search by hyphenated NDC fragment.
  await page.getByRole('button', { name: /^Generic name/ }).click();
  await expect(page.getByTestId('drug-row').first()).toContainText('olanzapine');
  await page.getByRole('button', { name: /^Generic name/ }).click();
  await expect(page.getByTestId('drug-row').first()).toContainText('bevacizumab');
  await page.getByRole('textbox', { name: 'Search drugs', exact: true }).fill('50242-0040');
  await expect(page.getByTestId('drug-row')).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Search drugs', exact: true }).fill('');
  await expect(page.getByTestId('drug-row')).toHaveCount(2);

  // Edit.
  await page.getByRole('button', { name: 'Edit olanzapine' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit drug' });
  await dialog.getByRole('textbox', { name: 'Brand name', exact: true }).fill('Zyprexa Relprevv');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /olanzapine/ })).toContainText('Zyprexa Relprevv');

  // Delete asks first; Undo brings it back.
  await page.getByRole('button', { name: 'Delete olanzapine' }).click();
  await page.getByRole('dialog', { name: 'Delete this drug?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('drug-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('drug-row')).toHaveCount(2);
  await snap(page, 'drugs-list');

  // The CLI on the same (encrypted) data folder sees the same catalog, given the passphrase in a file.
  const passphraseFile = test.info().outputPath('passphrase.txt');
  writeFileSync(passphraseFile, `${E2E_PASSPHRASE}\n`);
  const out: string[] = [];
  const code = await runCli(['--data-dir', desk.dataDir, '--passphrase-file', passphraseFile, 'drugs', 'list'], {
    out: (t) => out.push(t),
    err: () => {},
    readStdin: () => '',
  });
  expect(code).toBe(0);
  const listed = JSON.parse(out.join('')) as { total: number; rows: { ndc11: string; brandName: string }[] };
  expect(listed.total).toBe(2);
  expect(listed.rows.map((r) => r.ndc11).sort()).toEqual(['00002759701', '50242004062']);
  expect(listed.rows.find((r) => r.ndc11 === '00002759701')?.brandName).toBe('Zyprexa Relprevv');
});
