/**
 * Layout and keyboard (issue 14, items 12 and 13). With realistic data, Home, Administrations,
 * Invoices, Payers and an invoice import preview are looked at 1440, 1366 and 1024 px wide:
 * no badge is cut short ("Ready to bill" in full), nothing runs off the right of the page, the
 * preview's sample table scrolls inside its dialog, and at 1024 the sidebar folds behind a menu
 * button while the administrations list keeps its date, patient and status in view. The
 * keyboard: "?" lists the shortcuts (and is only a character inside a field), N opens a new
 * administration with the cursor in its first field, Tab moves on, Ctrl+S saves or shows what is
 * missing (nothing half-saved), "/" goes to the list's search, J and K follow the list's own order.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dispatch } from '../../electron/services/dispatch';
import { CHECKED_WIDTHS, expect, snap, snapWidths, test } from './fixtures';
import { seed } from './seed';
import { NDC } from './seed-administration';
import { seedWeek } from './seed-week';

/** Every badge on the page whose words do not fit it (drawn with "…"). */
async function cutBadges(page: Page): Promise<string[]> {
  // Run in the page, hence a string (the tests compile without the DOM's types).
  return page.evaluate(`[...document.querySelectorAll('.mantine-Badge-root')]
    .filter((b) => b.getClientRects().length > 0)
    .filter((b) => {
      const label = b.querySelector('.mantine-Badge-label') ?? b;
      return label.scrollWidth > label.clientWidth + 1 || b.scrollWidth > b.clientWidth + 1;
    })
    .map((b) => b.textContent)`);
}

/** How far the page is wider than the window (0 when nothing runs off the right). */
async function overflowRight(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
}

/** At each checked width: the screenshots, no cut badge, nothing off the page. */
async function checkWidths(page: Page, name: string): Promise<void> {
  await snapWidths(page, name);
  for (const width of CHECKED_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await cutBadges(page), `${name} at ${width} px`).toEqual([]);
    expect(await overflowRight(page), `${name} at ${width} px`).toBeLessThanOrEqual(0);
  }
}

test('nothing is cut off at 1440, 1366 and 1024 px; at 1024 the sidebar folds behind the menu button', async ({
  openApp,
  desk,
}) => {
  await seedWeek(desk);
  const page = await openApp('/');
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await checkWidths(page, 'home');

  await page.goto(`${desk.url}#/administrations`);
  await expect(page.getByTestId('administration-row')).toHaveCount(5);
  await checkWidths(page, 'administrations');
  // The badges read in full: "Ready to bill", not "READY T…".
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByTestId('status-badge').filter({ hasText: 'Ready to bill' })).toHaveCount(2);
  const readyBadge = page.getByTestId('status-badge').filter({ hasText: 'Ready to bill' }).first();
  await expect(readyBadge).toHaveCSS('text-transform', 'none');

  // 1024: the sidebar is folded away; the list keeps date, patient and status in view.
  await page.setViewportSize({ width: 1024, height: 768 });
  const sidebar = page.getByRole('navigation', { name: 'Areas' });
  const menu = page.getByRole('button', { name: 'Open the menu' });
  await expect(menu).toBeVisible();
  await expect(sidebar).toBeHidden();
  const firstRow = page.getByTestId('administration-row').first();
  for (const cell of [firstRow.getByRole('link', { name: '2026-11-10' }), firstRow.getByTestId('status-badge')]) {
    await expect(cell).toBeInViewport({ ratio: 1 });
  }
  await menu.click();
  await expect(sidebar).toBeInViewport();
  await snap(page, 'sidebar-open-1024');
  await sidebar.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await expect(sidebar).toBeHidden();
  // 1440: the sidebar is always there and there is no menu button.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(sidebar).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Open the menu' })).toBeHidden();

  await expect(page.getByTestId('invoice-row')).toHaveCount(1);
  await checkWidths(page, 'invoices');

  await page.goto(`${desk.url}#/payers`);
  await expect(page.getByRole('link', { name: 'Blue Cross Blue Shield of Illinois PPO' })).toBeVisible();
  await checkWidths(page, 'payers');
});

test('the invoice import preview scrolls inside its dialog at every width', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  await seed(h, 'suppliers:create', { name: 'McKesson Specialty' });
  await seed(h, 'drugs:create', {
    ndc: NDC,
    genericName: 'examplizumab',
    strengthAmount: '50',
    strengthUnit: 'mg',
    packageSize: '5',
    ndcUnit: 'ML',
    container: 'single-dose',
    route: 'IV',
  });
  const file = test.info().outputPath('mckesson-week.csv');
  const lines = ['Invoice Number,Invoice Date,NDC,Lot,Expiration Date,Qty,Unit Cost,Extended Price'];
  for (let i = 1; i <= 12; i++) {
    lines.push(
      `MCK-20${10 + i},2026-10-${String(i).padStart(2, '0')},70121-1568-01,LOT-${i}00-LONGER,2028-06-30,2,400.00,800.00`,
    );
  }
  writeFileSync(file, lines.join('\n'));

  const page = await openApp('/invoices');
  await page.getByRole('button', { name: 'Import invoices' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import invoices' });
  await dialog.getByRole('combobox', { name: 'Supplier', exact: true }).click();
  await page.getByRole('option', { name: 'McKesson Specialty' }).click();
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('import-sample-row').first()).toBeVisible();
  await snapWidths(page, 'import-preview');
  for (const width of CHECKED_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await cutBadges(page), `import preview at ${width} px`).toEqual([]);
    // The dialog stays inside the window; a table wider than the dialog scrolls inside it.
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width, `dialog inside ${width} px`).toBe(true);
    // The table's scrolling frame (the scroll area around it) ends inside the dialog.
    const frameBox = await dialog
      .locator('.mantine-ScrollArea-root')
      .filter({ has: page.getByRole('table', { name: 'Sample rows' }) })
      .boundingBox();
    const frame = frameBox ? frameBox.x + frameBox.width : Infinity;
    expect(frame, `the sample table's frame at ${width} px`).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0));
  }
  // At 1024 the rows are wider than the dialog: the frame shows its scrollbar, not only on hover.
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.mouse.move(0, 0);
  const sampleFrame = dialog
    .locator('.mantine-ScrollArea-root')
    .filter({ has: page.getByRole('table', { name: 'Sample rows' }) });
  await expect(sampleFrame.locator('.mantine-ScrollArea-scrollbar[data-orientation="horizontal"]')).toBeVisible();
});

test('the app has its icon: the favicon is served and the app icon is 512 px', async ({ openApp, desk }) => {
  const page = await openApp('/');
  for (const type of ['image/svg+xml', 'image/png']) {
    const href = await page.locator(`link[rel="icon"][type="${type}"]`).getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain(type);
  }
  const { readFileSync } = await import('node:fs');
  const png = readFileSync('resources/icon.png');
  // The PNG header's width and height.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  void desk;
});

test('"?" lists the keyboard shortcuts; inside a field it is only a character', async ({ openApp, desk }) => {
  await seedWeek(desk);
  const page = await openApp('/administrations');
  await expect(page.getByTestId('administration-row')).toHaveCount(5);
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  for (const words of [
    'Record a new administration',
    'Save the form',
    'search box',
    'the next one',
    'the previous one',
  ]) {
    await expect(overlay.getByTestId('shortcuts-table')).toContainText(words);
  }
  await snapWidths(page, 'shortcuts-overlay');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // "/" goes to the list's own search; "?" there is typed, not a shortcut.
  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Rivera?');
  await expect(search).toHaveValue('Rivera?');
  await expect(overlay).toBeHidden();
  // The header's button opens the same list.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(overlay).toBeVisible();
});

test('keyboard only: N opens a new administration, Tab moves on, Ctrl+S shows what is missing or saves', async ({
  openApp,
  desk,
}) => {
  const { ids } = await seedWeek(desk);
  const count = async () => {
    const r = await dispatch(desk.services.handlers, 'administrations:list', {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { total: number }).total;
  };
  const page = await openApp('/');
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  const date = page.getByRole('textbox', { name: 'Date of service', exact: true });
  await expect(date).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2026-11-12');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Patient', exact: true })).toBeFocused();
  // "n" typed in a field is a letter, not a new form.
  await page.keyboard.type('n');
  await expect(page.getByRole('combobox', { name: 'Patient', exact: true })).toHaveValue('n');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+s');
  // The form's own check runs: errors next to the fields, nothing saved.
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  await expect(page).toHaveURL(/#\/administrations\/new$/);
  expect(await count()).toBe(5);
  await snap(page, 'keyboard-new-administration-errors');

  // Ctrl+S in the editor saves: the record's page opens with the new charge.
  const draft = ids[0] ?? 0;
  await page.goto(`${desk.url}#/administrations/${draft}/edit`);
  const charge = page.getByRole('textbox', { name: 'Billed charge', exact: true });
  await expect(charge).toHaveValue('500.00');
  await charge.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('650.00');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page).toHaveURL(new RegExp(`#/administrations/${draft}$`));
  await expect(page.getByText('$650.00').first()).toBeVisible();
  expect(await count()).toBe(5);
});

test('J and K move through the administrations in the list order the biller was looking at', async ({
  openApp,
  desk,
}) => {
  await seedWeek(desk);
  const page = await openApp('/administrations');
  const rows = page.getByTestId('administration-row');
  await expect(rows).toHaveCount(5);
  // Sorted by patient (not the first order, newest first): J and K follow what is on the screen.
  await page.getByRole('button', { name: /^Patient/ }).click();
  await expect(rows.first()).toContainText('Abernathy');
  const order = await rows.locator('td:nth-child(2)').allTextContents();
  expect(order).toHaveLength(5);
  const [first, second, third] = order as [string, string, string];
  const heading = page.getByRole('heading', { level: 2 });
  await rows.first().getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(heading).toContainText(first);
  await page.keyboard.press('j');
  await expect(heading).toContainText(second);
  await page.keyboard.press('j');
  await expect(heading).toContainText(third);
  await page.keyboard.press('k');
  await expect(heading).toContainText(second);
  await page.keyboard.press('k');
  await expect(heading).toContainText(first);
  await page.keyboard.press('k');
  await expect(page.getByText('This is the first record of the list.')).toBeVisible();
  await expect(heading).toContainText(first);

  // Opened without its list (a bookmark, a link from elsewhere): the list's first order, newest
  // date of service first: after Rivera (Nov 9) comes Abernathy (Nov 8).
  await page.goto(`${desk.url}#/administrations`);
  await rows.filter({ hasText: 'Rivera' }).getByRole('link').click();
  await expect(heading).toContainText('Rivera');
  await page.evaluate('sessionStorage.clear()');
  await page.keyboard.press('j');
  await expect(heading).toContainText('Abernathy');
});
