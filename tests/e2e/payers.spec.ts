/**
 * Payers: Medicare Part B from its template, requirements confirmed, the contract timeline
 * (a version for one NDC, an overlapping version refused, a version ended and a new one after
 * it, a version deleted), and a commercial payer typed by hand.
 */
import { dispatch } from '../../electron/services/dispatch';
import { expect, snap, test } from './fixtures';

test('Medicare Part B from the template: confirm requirements, contract timeline, overlap refused', async ({
  openApp,
  desk,
}) => {
  const page = await openApp('/payers');
  await expect(page.getByTestId('payers-empty')).toBeVisible();

  // The template shows its three documented alternatives with their reasons; keep the default.
  await page.getByRole('button', { name: 'Add from template' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add payer from template' });
  await expect(dialog.getByRole('radio', { name: /95% of AWP \(default\)/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /CMS payment limit \(ASP \+ 6%\)/ })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /WAC \+ 3%/ })).toBeVisible();
  await expect(dialog.getByText('How MACs commonly price J3490 drugs')).toBeVisible();
  await expect(dialog.getByText('New drugs with no ASP yet, from 2019-01-01')).toBeVisible();
  await snap(page, 'payer-template');
  await dialog.getByRole('button', { name: 'Create payer' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('payer-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Medicare Part B');
  await expect(row).toContainText('95% of AWP since 2005-01-01');
  await expect(row).toContainText('Never');
  await snap(page, 'payers-list');

  // Open it: never confirmed is a visible warning; confirming records today.
  await page.getByRole('link', { name: 'Medicare Part B' }).click();
  await expect(page.getByRole('heading', { name: 'Medicare Part B' })).toBeVisible();
  await expect(page.getByTestId('profile-unconfirmed')).toBeVisible();
  await page.getByRole('button', { name: 'Review requirements' }).click();
  await expect(page.getByRole('checkbox', { name: /Requires the acquisition invoice/ })).toBeChecked();
  await page.getByRole('button', { name: 'Confirm requirements' }).click();
  // The day in words, in the practice's own calendar (issue 14): "Dec 7, 2026".
  const today = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date());
  await expect(page.getByTestId('profile-confirmed')).toHaveText(`Requirements confirmed on ${today}.`);
  await expect(page.getByTestId('profile-unconfirmed')).toBeHidden();
  const payerId = await (async () => {
    const listed = await dispatch(desk.services.handlers, 'payers:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const [p] = listed.value as { id: number; profileConfirmedAt: string | null }[];
    expect(p?.profileConfirmedAt).not.toBeNull();
    return p?.id ?? 0;
  })();
  const storedVersions = async () => {
    const got = await dispatch(desk.services.handlers, 'payers:get', { id: payerId });
    if (!got.ok) throw new Error(got.error.message);
    return (got.value as { contracts: { scopeKind: string; effectiveFrom: string; effectiveTo: string | null }[] })
      .contracts;
  };

  await page.getByRole('tab', { name: /Contract terms/ }).click();
  const allDrugs = page.getByRole('table', { name: 'Contract versions: All drugs' });
  await expect(allDrugs.getByTestId('contract-row')).toHaveCount(1);
  await expect(allDrugs.getByTestId('contract-row')).toContainText('2005-01-01 – open');
  await expect(allDrugs.getByTestId('contract-row')).toContainText('95% of AWP');

  const openVersionForm = async (scope: string, from: string) => {
    await page.getByRole('button', { name: 'Add contract version' }).click();
    const d = page.getByRole('dialog', { name: 'Add contract version' });
    if (scope !== 'All drugs') {
      await d.getByRole('combobox', { name: 'Applies to' }).click();
      await page.getByRole('option', { name: scope }).click();
    }
    await d.getByRole('textbox', { name: 'Effective from', exact: true }).fill(from);
    return d;
  };

  // A version for one NDC: WAC + 3%.
  dialog = await openVersionForm('One NDC', '2024-01-01');
  await dialog.getByRole('textbox', { name: 'NDC', exact: true }).fill('00002-7597-01');
  await dialog.getByRole('combobox', { name: 'Basis' }).click();
  await page.getByRole('option', { name: /^WAC/ }).click();
  await dialog.getByRole('textbox', { name: 'Percent of the basis', exact: true }).fill('103');
  await expect(dialog.getByTestId('contract-form-summary')).toContainText('WAC + 3%');
  await dialog.getByRole('button', { name: 'Add version' }).click();
  await expect(dialog).toBeHidden();
  const ndcTable = page.getByRole('table', { name: 'Contract versions: NDC 00002-7597-01' });
  await expect(ndcTable.getByTestId('contract-row')).toContainText('WAC + 3%');
  await expect(ndcTable.getByTestId('contract-row')).toContainText('2024-01-01 – open');

  // An all-drugs version from 2024 overlaps the open 2005 version: refused, shown, nothing saved.
  dialog = await openVersionForm('All drugs', '2024-01-01');
  await dialog.getByRole('textbox', { name: 'Percent of the basis', exact: true }).fill('90');
  await dialog.getByRole('button', { name: 'Add version' }).click();
  const overlap = dialog.getByTestId('contract-overlap');
  await expect(overlap).toBeVisible();
  await expect(overlap).toContainText('These dates overlap the version for all drugs in force 2005-01-01 to open');
  await expect(overlap).toContainText('Overlaps: All drugs, 95% of AWP, 2005-01-01 – open');
  await expect(dialog.getByText('Overlaps another version of the same scope').first()).toBeVisible();
  await snap(page, 'contract-overlap');
  expect(await storedVersions()).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // End the 2005 version, then add the new one after it.
  await page.getByRole('button', { name: 'Edit All drugs from 2005-01-01' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit contract version' });
  await dialog.getByRole('textbox', { name: 'Effective to', exact: true }).fill('2023-12-31');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(allDrugs.getByTestId('contract-row')).toContainText('2005-01-01 – 2023-12-31');

  dialog = await openVersionForm('All drugs', '2024-01-01');
  await dialog.getByRole('textbox', { name: 'Percent of the basis', exact: true }).fill('90');
  await dialog.getByRole('button', { name: 'Add version' }).click();
  await expect(dialog).toBeHidden();
  await expect(allDrugs.getByTestId('contract-row')).toHaveCount(2);
  await expect(allDrugs.getByTestId('contract-row').nth(0)).toContainText('2005-01-01 – 2023-12-31');
  await expect(allDrugs.getByTestId('contract-row').nth(1)).toContainText('2024-01-01 – open');
  await expect(allDrugs.getByTestId('contract-row').nth(1)).toContainText('90% of AWP');
  await snap(page, 'contract-timeline');

  // Delete the NDC version, after confirming.
  await page.getByRole('button', { name: 'Delete NDC 00002-7597-01 from 2024-01-01' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete this contract version?' });
  await expect(dialog).toContainText('NDC 00002-7597-01, WAC + 3%, 2024-01-01 – open');
  await dialog.getByRole('button', { name: 'Delete version' }).click();
  await expect(dialog).toBeHidden();
  await expect(ndcTable).toBeHidden();
  const versions = await storedVersions();
  expect(versions.map((v) => [v.scopeKind, v.effectiveFrom, v.effectiveTo])).toEqual([
    ['all', '2005-01-01', '2023-12-31'],
    ['all', '2024-01-01', null],
  ]);
});

test('a commercial payer typed by hand: errors next to the fields, then saved; delete asks first', async ({
  openApp,
  desk,
}) => {
  const page = await openApp('/payers');
  await page.getByRole('button', { name: 'Add payer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add payer' });
  await dialog.getByRole('textbox', { name: 'Timely filing (days)', exact: true }).fill('ninety');
  await dialog.getByRole('button', { name: 'Add payer' }).click();
  await expect(dialog.getByText('Payer name is required.')).toBeVisible();
  await expect(dialog.getByText('Choose the payer type.')).toBeVisible();
  await expect(dialog.getByText('Timely filing is a whole number of days')).toBeVisible();
  await snap(page, 'payer-form-errors');
  expect(await dispatch(desk.services.handlers, 'payers:list', {})).toEqual({ ok: true, value: [] });

  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Aetna Commercial');
  await dialog.getByRole('combobox', { name: 'Payer type' }).click();
  await page.getByRole('option', { name: 'Commercial' }).click();
  await dialog.getByRole('textbox', { name: 'Payer ID', exact: true }).fill('60054');
  await dialog.getByRole('textbox', { name: 'Timely filing (days)', exact: true }).fill('90');
  await dialog.getByRole('checkbox', { name: /Requires the acquisition invoice/ }).check();
  await dialog.getByRole('checkbox', { name: /^ME/ }).uncheck();
  await dialog.getByRole('button', { name: 'Add payer' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('payer-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Aetna Commercial');
  await expect(row).toContainText('Commercial');
  await expect(row).toContainText('60054');
  const listed = await dispatch(desk.services.handlers, 'payers:list', {});
  expect(listed).toMatchObject({
    ok: true,
    value: [
      {
        name: 'Aetna Commercial',
        payerType: 'commercial',
        timelyFilingDays: 90,
        requiresInvoice: true,
        ndcUnits: ['UN', 'ML', 'GR', 'F2'],
        contractCount: 0,
      },
    ],
  });

  // Its page: no contract terms yet; delete asks first, "Keep it" keeps it.
  await page.getByRole('link', { name: 'Aetna Commercial' }).click();
  await expect(page.getByTestId('contracts-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Delete payer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this payer?' });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Delete payer' }).click();
  await confirm.getByRole('button', { name: 'Delete payer' }).click();
  await expect(page.getByTestId('payers-empty')).toBeVisible();
  expect(await dispatch(desk.services.handlers, 'payers:list', {})).toEqual({ ok: true, value: [] });
});
