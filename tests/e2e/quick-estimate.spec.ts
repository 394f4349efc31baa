import { dispatch } from '../../electron/services/dispatch';
import { expect, snap, test } from './fixtures';

test('quick estimate: worked example B, waste and JW, JZ, refusals, copy N4, pick from catalog', async ({
  openApp,
  desk,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await dispatch(desk.services.handlers, 'drugs:create', {
    ndc: '73292-0011-01',
    genericName: 'viltolarsen',
    brandName: 'Viltepso',
    strengthAmount: '50',
    strengthUnit: 'mg',
    packageSize: '5',
    ndcUnit: 'ML',
    container: 'single-dose',
    route: 'IV',
  });
  await openApp('/estimate');
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });

  // Domain.md §9 B: 95% of AWP, $6/mg × 45 mg = $256.50; paid $201.10 after 20% and 2%.
  await page.getByRole('button', { name: 'Load the worked example' }).click();
  await expect(page.getByTestId('totals-allowed')).toHaveText('$256.50');
  await expect(page.getByTestId('totals-coinsurance')).toHaveText('$51.30');
  await expect(page.getByTestId('totals-sequestration')).toHaveText('$4.10');
  await expect(page.getByTestId('totals-payer')).toHaveText('$201.10');
  await expect(page.getByTestId('totals-margin')).toHaveText('$38.65');
  await expect(page.getByTestId('line-given').getByTestId('n4')).toHaveText('N400002759701 ML2.25');
  await expect(page.getByTestId('line-wasted')).toHaveCount(0);
  await expect(page.getByTestId('estimate-trace')).toContainText('95%');
  await snap(page, 'estimate-example-b');

  // Copy N4 puts the exact string on the clipboard.
  await page.getByRole('button', { name: 'Copy N4 given' }).click();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe('N400002759701 ML2.25');

  // Waste on a multi-dose vial is refused with its code.
  await field('Discarded (mg)').fill('5');
  await expect(page.getByTestId('estimate-refused')).toContainText('WASTE_ON_MULTI_DOSE');

  // Single-dose: the discarded 5 mg (0.25 ML) becomes a JW line.
  await page.getByRole('combobox', { name: 'Container' }).click();
  await page.getByRole('option', { name: 'single-dose' }).click();
  await expect(page.getByTestId('line-wasted')).toContainText('JW');
  await expect(page.getByTestId('line-wasted').getByTestId('n4')).toHaveText('N400002759701 ML0.25');
  await expect(page.getByTestId('line-given')).not.toContainText('JZ');
  await snap(page, 'estimate-jw');

  // Nothing discarded from a single-dose container on/after 2023-07-01: JZ on the given line.
  await field('Discarded (mg)').fill('');
  await expect(page.getByTestId('line-wasted')).toHaveCount(0);
  await expect(page.getByTestId('line-given')).toContainText('JZ');

  // Bad input shows next to its field; an emptied required field is listed as still needed.
  await field('Billed charge (given line)').fill('abc');
  await expect(page.getByTestId('estimate-incomplete')).toBeVisible();
  await expect(field('Billed charge (given line)')).toHaveAttribute('aria-invalid', 'true');
  await field('Billed charge (given line)').fill('');
  await expect(page.getByTestId('estimate-incomplete')).toContainText('Still needed: Billed charge');
  await field('Billed charge (given line)').fill('300.00');
  await expect(page.getByTestId('estimate-result')).toBeVisible();

  // Sequestration follows the date of service: suspended in 2021 (P4).
  await field('Date of service').fill('2021-01-15');
  await expect(page.getByTestId('totals-sequestration')).toHaveText('$0.00');

  // Picking a catalog drug fills the drug fields.
  await page.getByRole('combobox', { name: 'Pick from the catalog' }).click();
  await page.getByRole('option', { name: /viltolarsen/ }).click();
  await expect(field('NDC')).toHaveValue('73292-0011-01');
  await expect(field('Drug name')).toHaveValue('viltolarsen');
  await expect(page.getByTestId('line-given').getByTestId('n4')).toHaveText('N473292001101 ML0.9');
});
