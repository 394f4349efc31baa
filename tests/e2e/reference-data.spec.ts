/**
 * Reference data (issue 13 item 7): a practice administrator imports the CMS crosswalk and the
 * HCPCS update through the page (preview, refused rows left out on purpose, the release typed
 * when the file does not say it), sees them in use, the same file refused a second time next to
 * the file field, and a biller checks an NDC that has its own code before and after its date.
 */
import { resolve } from 'node:path';
import { expect, snapWidths, test } from './fixtures';
import { seed } from './seed';

const CROSSWALK = resolve('tests/fixtures/reference/asp-ndc-hcpcs-crosswalk-ndc2.csv');
const HCPCS = resolve('tests/fixtures/reference/hcpcs-anweb.txt');

test('crosswalk and HCPCS update imported through the page, then an NDC checked against them', async ({
  desk,
  openApp,
}) => {
  const page = await openApp('/reference');
  const history = (kind: string) => page.getByTestId(`reference-history-${kind}`);
  await expect(history('hcpcs')).toContainText(
    'No HCPCS update imported yet: codes cannot be checked against the code set until one is.',
  );
  await expect(history('crosswalk')).toContainText('No crosswalk imported yet');
  await expect(history('fda-ndc')).toContainText('No FDA NDC directory imported yet');
  await expect(page.getByTestId('quarter-summary-hcpcs')).toContainText('nothing to compare');
  await snapWidths(page, 'reference-empty');

  // The crosswalk: its quarter is in its title row; two rows are refused.
  await expect(page.getByRole('radio', { name: 'CMS NDC-HCPCS crosswalk' })).toBeChecked();
  await page.getByLabel('File', { exact: true }).setInputFiles(CROSSWALK);
  await page.getByRole('button', { name: 'Read the file' }).click();
  const preview = page.getByTestId('reference-preview');
  await expect(page.getByTestId('reference-preview-counts')).toHaveText('9 rows read: 7 can be imported, 2 refused.');
  await expect(page.getByTestId('reference-preview-release')).toHaveText('2025Q1');
  await expect(preview).toContainText('This is the first crosswalk on file.');
  await expect(page.getByTestId('reference-sample-row')).toHaveCount(7);
  await expect(page.getByTestId('reference-sample-row').first()).toContainText('71336-1000-01');
  const refused = page.getByTestId('reference-refused-row');
  await expect(refused).toHaveCount(2);
  await expect(refused.first()).toContainText('17');
  await expect(refused.first()).toContainText('"J30" is not a HCPCS code');
  const importCrosswalk = page.getByRole('button', { name: 'Import 7 rows' });
  await expect(importCrosswalk).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Leave out the 2 refused rows' }).check();
  await expect(importCrosswalk).toBeEnabled();
  await snapWidths(page, 'reference-crosswalk-preview');
  await importCrosswalk.click();
  await expect(page.getByTestId('reference-imported')).toContainText(
    '7 rows imported from asp-ndc-hcpcs-crosswalk-ndc2.csv; 2 refused rows were left out.',
  );
  await expect(preview).toBeHidden();
  const crosswalkRow = history('crosswalk').getByTestId('reference-import-row');
  await expect(crosswalkRow).toHaveCount(1);
  await expect(crosswalkRow).toContainText('2025Q1');
  await expect(crosswalkRow.getByTestId('reference-in-use')).toHaveText('In use');

  // The same file again is refused, and the sentence sits next to the file field.
  await page.getByLabel('File', { exact: true }).setInputFiles(CROSSWALK);
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByTestId('reference-file-field')).toContainText('was already imported');
  await expect(preview).toBeHidden();

  // The HCPCS update: the fixed-width file does not say its quarter, so it is asked for.
  await page.getByRole('radio', { name: 'HCPCS quarterly update' }).check();
  await page.getByLabel('File', { exact: true }).setInputFiles(HCPCS);
  await page.getByRole('button', { name: 'Read the file' }).click();
  const release = page.getByRole('textbox', { name: 'Release (optional)' });
  await expect(page.getByText('Say which quarter this HCPCS quarterly update is for')).toBeVisible();
  await expect(release).toBeFocused();
  await release.fill('2025 q1');
  await release.press('Enter');
  await expect(page.getByTestId('reference-preview-counts')).toHaveText('8 rows read: 6 can be imported, 2 refused.');
  await expect(page.getByTestId('reference-preview-release')).toHaveText('2025Q1');
  await expect(refused).toHaveCount(2);
  await expect(refused.nth(1)).toContainText('"J99X9" is not a HCPCS code');
  await page.getByRole('checkbox', { name: 'Leave out the 2 refused rows' }).check();
  await page.getByRole('button', { name: 'Import 6 rows' }).click();
  await expect(page.getByTestId('reference-imported')).toContainText('HCPCS quarterly update 2025Q1 imported');
  const hcpcsRow = history('hcpcs').getByTestId('reference-import-row');
  await expect(hcpcsRow).toContainText('hcpcs-anweb.txt');
  await expect(hcpcsRow.getByTestId('reference-in-use')).toHaveText('In use');
  await expect(crosswalkRow.getByTestId('reference-in-use')).toHaveText('In use');
  await expect(page.getByTestId('quarter-summary-hcpcs')).toContainText('is the first HCPCS update on file');
  await expect(page.getByTestId('quarter-summary-hcpcs')).toContainText('C9047');

  const imports = await seed<{ kind: string; release: string; current: boolean }[]>(
    desk.services.handlers,
    'reference:imports',
    {},
  );
  expect(imports.map((i) => [i.kind, i.release, i.current]).sort()).toEqual([
    ['crosswalk', '2025Q1', true],
    ['hcpcs', '2025Q1', true],
  ]);

  // A biller checks patisiran (ONPATTRO) billed as J3490 after J0222's first date: Enter submits.
  await page.getByRole('textbox', { name: 'NDC' }).fill('71336-1000-01');
  await page.getByRole('textbox', { name: 'Date of service' }).fill('2025-02-01');
  await expect(page.getByRole('textbox', { name: 'HCPCS code billed' })).toHaveValue('J3490');
  const dose = page.getByRole('textbox', { name: 'Dose given (optional)' });
  await dose.fill('30');
  await dose.press('Enter');
  const specific = page.getByTestId('ndc-check-specific');
  await expect(specific).toContainText('It has its own code: J0222');
  await expect(specific).toContainText('Injection, patisiran, 0.1 mg');
  await expect(specific).toContainText('2019-10-01');
  await expect(specific.getByRole('row', { name: /Units for this dose/ })).toContainText('300');
  await expect(page.getByTestId('ndc-check-warnings')).toContainText('likely to be denied');
  await snapWidths(page, 'reference-check');

  // Before J0222's first date of service J3490 was right, and the coming code is named.
  await page.getByRole('textbox', { name: 'Date of service' }).fill('2019-06-30');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('ndc-check-none')).toHaveText('No specific code covers this NDC on that date.');
  await expect(page.getByTestId('ndc-check-upcoming')).toContainText('Coming: J0222, from 2019-10-01');
});
