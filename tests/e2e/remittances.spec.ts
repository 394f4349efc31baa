/**
 * Finance staff's path through an 835 (issue 12, item 9): four billed claims; the payer's file
 * pays one in full, underpays one (sequestration taken as it should be), denies one, and sends one
 * under a mistyped claim number. In the UI: the preview before anything is written, the import,
 * each claim line's status on its administration's page, the unmatched line matched by hand.
 */
import { writeFileSync } from 'node:fs';
import { remittance835 } from '../fixtures/era/remittance-835';
import { expect, snapWidths, test } from './fixtures';
import { seedFourBilledClaims } from './seed-administration';

test('an 835 paid, underpaid, denied and unmatched: preview, import, statuses, matching by hand', async ({
  desk,
  openApp,
}) => {
  const h = desk.services.handlers;
  const [paid, under, denied, typo] = await seedFourBilledClaims(h);
  const text = remittance835([
    { administration: paid, lines: [{ kind: 'given' }, { kind: 'wasted' }] },
    { administration: under, lines: [{ kind: 'given', allowed: '400.00' }, { kind: 'wasted' }] },
    {
      administration: denied,
      status: '4',
      lines: [
        { kind: 'given', deny: { group: 'CO', reason: '16', remarks: ['N350'] } },
        { kind: 'wasted', deny: { group: 'CO', reason: '16' } },
      ],
    },
    { administration: typo, claimNumber: 'CLM-4X', lines: [{ kind: 'given' }, { kind: 'wasted' }] },
  ]);
  const path = test.info().outputPath('medicare-2026-12-01.835');
  writeFileSync(path, text);

  const page = await openApp('/remittances');
  await expect(page.getByTestId('era-files-empty')).toBeVisible();
  await page.getByLabel('835 file (ERA)').setInputFiles(path);
  const preview = page.getByTestId('era-preview');
  await expect(preview).toContainText('Medicare Part B');
  await expect(page.getByTestId('era-matched')).toHaveText('6');
  await expect(page.getByTestId('era-unmatched')).toHaveText('2');
  await expect(preview).toContainText('Every line, claim and payment balances');
  await snapWidths(page, 'remittances-preview');
  await page.getByRole('button', { name: /^Import and post 4 claims$/ }).click();
  await expect(page.getByTestId('era-imported')).toContainText('6 lines matched and posted');
  await expect(page.getByTestId('era-file-row')).toHaveCount(1);

  // Each administration's page says what happened to its lines.
  const statuses = async (id: number) => {
    await openApp(`/administrations/${id}`);
    return page.getByTestId('variance-line').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  };
  await expect.poll(() => statuses(paid.id)).toEqual(['paid', 'paid']);
  await expect(page.getByTestId('status-badge')).toHaveText('Paid');
  await expect.poll(() => statuses(under.id)).toEqual(['underpaid', 'paid']);
  await expect(page.getByTestId('payments-card')).toContainText('Sequestration: reduction of the federal payment');
  await snapWidths(page, 'administration-underpaid');
  await expect.poll(() => statuses(denied.id)).toEqual(['denied', 'denied']);
  await expect(page.getByTestId('payments-card')).toContainText('lacks information');
  await expect(page.getByTestId('status-badge')).toHaveText('Denied');
  await expect.poll(() => statuses(typo.id)).toEqual(['unpaid', 'unpaid']);

  // The mistyped claim waits in the unmatched list; matched by hand, it pays.
  await openApp('/remittances/unmatched');
  const rows = page.getByTestId('unmatched-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('No administration of this payer has claim number CLM-4X.');
  await snapWidths(page, 'remittances-unmatched');
  for (const kind of ['Discarded (JW)', 'Dose given']) {
    await rows
      .first()
      .getByRole('button', { name: /Match the line/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Match a remittance line' });
    await dialog.getByRole('textbox', { name: 'Find the administration' }).fill('Kowalski');
    await dialog.getByRole('radio', { name: /Kowalski/ }).check();
    await dialog.getByRole('radio', { name: kind }).check();
    await dialog.getByRole('button', { name: 'Match', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('unmatched-none')).toBeVisible();
  await expect.poll(() => statuses(typo.id)).toEqual(['paid', 'paid']);

  // A wider tolerance re-rates every line: the underpayment now counts as paid, the denial stays.
  await openApp('/settings');
  const tolerance = page.getByRole('textbox', { name: 'Variance tolerance ($)' });
  await expect(tolerance).toHaveValue('1.00');
  await tolerance.fill('ten');
  await page.getByRole('button', { name: 'Save tolerance' }).click();
  await expect(page.getByText('Enter dollars and cents, e.g. 1.00')).toBeVisible();
  await tolerance.fill('1000');
  await page.getByRole('button', { name: 'Save tolerance' }).click();
  await page
    .getByRole('dialog', { name: 'Change the variance tolerance?' })
    .getByRole('button', { name: 'Change tolerance' })
    .click();
  await expect(page.getByText('Lines within $1,000.00 of the expected amount count as paid.')).toBeVisible();
  await snapWidths(page, 'settings-tolerance');
  await expect.poll(() => statuses(under.id)).toEqual(['paid', 'paid']);
  await expect.poll(() => statuses(denied.id)).toEqual(['denied', 'denied']);
});
