import { expect, snap, test } from './fixtures';
import { OLANZAPINE_VIAL, seed } from './seed';

test('quick estimate with a payer: the terms and prices in force on the date of service', async ({
  openApp,
  desk,
  page,
}) => {
  const h = desk.services.handlers;
  await seed(h, 'payers:createFromTemplate', { template: 'medicare-part-b' });
  await seed(h, 'drugs:create', OLANZAPINE_VIAL);
  await seed(h, 'prices:create', {
    ndc: '0002-7597-01',
    priceType: 'AWP',
    pricePerPackage: '1200.00',
    effectiveFrom: '2024-01-01',
  });
  await seed(h, 'prices:create', {
    ndc: '0002-7597-01',
    priceType: 'AWP',
    pricePerPackage: '1300.00',
    effectiveFrom: '2025-01-01',
  });

  await openApp('/estimate');
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  await page.getByRole('combobox', { name: 'Pick from the catalog' }).click();
  await page.getByRole('option', { name: /olanzapine/ }).click();
  await field('Dose given').fill('45');
  await field('Billed charge (given line)').fill('300.00');
  // Start from terms that are not Medicare's, to see the payer's replace them.
  await field('Percent of basis').fill('50');
  await field('AWP per package').fill('');
  // Typed as people write it; the terms in force on that day still fill the form.
  await field('Date of service').fill('03/15/2024');

  await page.getByRole('combobox', { name: 'Payer', exact: true }).click();
  await page.getByRole('option', { name: 'Medicare Part B' }).click();
  await expect(page.getByTestId('terms-in-force')).toContainText('95% of AWP');
  await expect(page.getByTestId('terms-in-force')).toContainText('AWP $1,200.00 from 2024-01-01');
  await expect(field('Percent of basis')).toHaveValue('95');
  await expect(page.getByTestId('totals-allowed')).toHaveText('$256.50');
  await expect(page.getByTestId('totals-payer')).toHaveText('$201.10');
  await snap(page, 'estimate-medicare-2024');

  // A later date of service: the 2025 AWP applies.
  await field('Date of service').fill('2025-03-02');
  await expect(page.getByTestId('terms-in-force')).toContainText('AWP $1,300.00 from 2025-01-01');
  await expect(page.getByTestId('totals-allowed')).toHaveText('$277.88');

  // Before any AWP on file: the gap is named, with the NDC and the date.
  await field('Date of service').fill('2023-06-01');
  await expect(
    page.getByTestId('terms-warning').filter({ hasText: 'No AWP for 00002-7597-01 on 2023-06-01' }),
  ).toBeVisible();
  await snap(page, 'estimate-medicare-no-awp');
});
