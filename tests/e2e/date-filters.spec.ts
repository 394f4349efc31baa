/**
 * Dates typed as people write them in the list filters and the paper EOB (issue 14, item 7).
 * A filter applies a date only once it is whole: "01/0" half typed leaves the list as it was and
 * says nothing; "11/09/2026" filters as soon as it reads as a day and shows as 2026-11-09 on
 * leaving the field; text that is not a date says so beside the field on Enter and filters
 * nothing; a day picked from the calendar filters too. The paper EOB takes "11/20/2026" (left
 * with Tab, or posted straight away with Enter) and stores the day it reads as.
 */
import { expect, snapWidths, test } from './fixtures';
import { seedBilledClaim, seedBillingSetup } from './seed-administration';
import { seedWeek } from './seed-week';

test('the administrations list filtered by dates typed the US way and picked from the calendar', async ({
  page,
  desk,
}) => {
  await seedWeek(desk);
  // The calendar opens on the browser's today: November 2026, where the doses are.
  await page.clock.setFixedTime(new Date(2026, 10, 20, 10, 0, 0));
  await page.goto(`${desk.url}#/administrations`);
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  const rows = page.getByTestId('administration-row');
  const dates = rows.locator('td:first-child');
  await expect(rows).toHaveCount(5);

  const from = page.getByRole('textbox', { name: 'From', exact: true });
  const to = page.getByRole('textbox', { name: 'To', exact: true });
  await expect(from).toHaveAttribute('placeholder', 'MM/DD/YYYY');

  // Half typed: the list stays, and nothing is said yet.
  await from.pressSequentially('01/0');
  await expect(rows).toHaveCount(5);
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/is not a date/)).toHaveCount(0);

  // A whole US date filters as soon as it reads as a day, and reads back as the stored date.
  await from.fill('');
  await from.pressSequentially('11/09/2026');
  await expect(dates).toHaveText(['2026-11-10', '2026-11-09']);
  await expect(from).toHaveValue('11/09/2026');
  await from.press('Tab');
  await expect(from).toHaveValue('2026-11-09');
  await expect(dates).toHaveText(['2026-11-10', '2026-11-09']);

  // Text that is not a date: said beside the field on Enter, and the list is not filtered by it.
  await from.fill('next week');
  await from.press('Enter');
  await expect(page.getByText('From "next week" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.')).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(5);

  // Corrected, the sentence goes and the date applies.
  await from.fill('11/8/2026');
  await expect(page.getByText(/is not a date/)).toHaveCount(0);
  await expect(dates).toHaveText(['2026-11-10', '2026-11-09', '2026-11-08']);

  // To picked from the calendar.
  await page.getByRole('button', { name: 'Pick the to date from a calendar' }).click();
  const month = page.getByRole('table', { name: 'November 2026' });
  await month.getByRole('button', { name: /November 9, 2026$/ }).click();
  await expect(month).toBeHidden();
  await expect(to).toHaveValue('2026-11-09');
  await expect(dates).toHaveText(['2026-11-09', '2026-11-08']);
  await expect(page.getByTestId('administrations-count')).toContainText('2');

  // Emptied, a filter no longer applies.
  await to.fill('');
  await expect(dates).toHaveText(['2026-11-10', '2026-11-09', '2026-11-08']);
  await to.fill('2026-11-09');
  await expect(dates).toHaveText(['2026-11-09', '2026-11-08']);

  // The filter row wraps at every width rather than running off the page.
  await snapWidths(page, 'date-filters-administrations');
  for (const width of [1440, 1366, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, `page wider than ${width} px`).toBeLessThanOrEqual(0);
    // Every filter ends inside the filter row (the last, the checklist's "Missing", included).
    const row = await page.getByTestId('administration-filters').boundingBox();
    const rowRight = (row?.x ?? 0) + (row?.width ?? 0);
    for (const field of [to, page.getByText('Missing', { exact: true })]) {
      const box = await field.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), `filter inside the row at ${width} px`).toBeLessThanOrEqual(
        rowRight + 1,
      );
    }
  }
});

test('a paper EOB takes its payment date typed the US way', async ({ page, desk, openApp }) => {
  const h = desk.services.handlers;
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-9', lotNumber: 'A100', packages: '4' });
  const a = await seedBilledClaim(h, {
    payerId: payer.id,
    lineId,
    lastName: 'Rivera',
    claimNumber: 'CLM-1',
    dateOfService: '2026-11-02',
  });
  await openApp(`/administrations/${a.id}`);
  const card = page.getByTestId('payments-card');

  // Left with Tab: the field shows the stored date before anything is posted.
  await card.getByRole('button', { name: 'Post a paper EOB' }).click();
  let dialog = page.getByRole('dialog', { name: 'Post a paper EOB' });
  const paymentDate = () => dialog.getByRole('textbox', { name: 'Payment date' });
  await expect(paymentDate()).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  await paymentDate().fill('11/20/2026');
  await paymentDate().press('Tab');
  await expect(paymentDate()).toHaveValue('2026-11-20');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Posted straight from the field with Enter: the day it reads as is what is stored.
  await card.getByRole('button', { name: 'Post a paper EOB' }).click();
  dialog = page.getByRole('dialog', { name: 'Post a paper EOB' });
  await dialog.getByRole('textbox', { name: 'Paid' }).fill('100.00');
  await paymentDate().fill('11/20/2026');
  await paymentDate().press('Enter');
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('2026-11-20');

  // Opened again to correct it, the date reads as stored.
  await card.getByRole('button', { name: 'Correct' }).click();
  dialog = page.getByRole('dialog', { name: 'Correct a paper EOB' });
  await expect(paymentDate()).toHaveValue('2026-11-20');
});
