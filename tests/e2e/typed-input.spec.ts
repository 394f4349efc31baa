/**
 * Inputs that take what people type (issue 14, items 7 and 9): a drug saved with its strength
 * typed "20 mg" and its package size "10 mL" (the unit fields follow); an invoice line's cost
 * typed "$1,200.00", the invoice date "01/05/2026" and the expiry picked from the calendar; the
 * practice's State typed "illinois" and kept as IL when Tab leaves it, and its NPI typed with
 * spaces; on the administration form, placeholders that stay dimmed examples after an empty save
 * and the Route message that goes once choosing the drug fills the route; Escape on a dialog with
 * typed data asks "Discard what you typed?", and on an untouched one closes it at once.
 * Screenshots at 1440, 1366 and 1024 px.
 */
import { dispatch } from '../../electron/services/dispatch';
import { expect, snapWidths, test } from './fixtures';
import { AVASTIN_VIAL, seed } from './seed';
import { seedCatalog } from './seed-administration';

test('a drug typed "20 mg" and "10 mL"; Escape asks before discarding what was typed', async ({ openApp, desk }) => {
  const page = await openApp('/drugs');
  const open = async () => {
    await page.getByRole('button', { name: 'Add drug' }).first().click();
    return page.getByRole('dialog', { name: 'Add drug' });
  };

  // Untouched, Escape closes the dialog at once.
  let dialog = await open();
  await expect(dialog.getByRole('textbox', { name: 'NDC', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Discard what you typed?' })).toHaveCount(0);

  dialog = await open();
  const select = (name: string) => dialog.getByRole('combobox', { name, exact: true });
  await dialog.getByRole('textbox', { name: 'NDC', exact: true }).fill('0002-7597-01');
  await dialog.getByRole('textbox', { name: 'Generic name', exact: true }).fill('olanzapine');
  // Units chosen that the typed text will change.
  await select('NDC unit').click();
  await page.getByRole('option', { name: /^UN/ }).click();
  await select('Strength unit').click();
  await page.getByRole('option', { name: 'g', exact: true }).click();
  const strength = dialog.getByRole('textbox', { name: /^Strength per/ });
  const size = dialog.getByRole('textbox', { name: /^Package size/ });
  await expect(strength).toHaveAttribute('placeholder', 'e.g. 20 mg');
  await strength.fill('20 mg');
  await size.fill('10 mL');
  await size.press('Tab');
  await expect(strength).toHaveValue('20');
  await expect(select('Strength unit')).toHaveValue('mg');
  await expect(size).toHaveValue('10');
  await expect(select('NDC unit')).toHaveValue(/^ML/);
  await expect(dialog.getByRole('textbox', { name: 'Strength per ML' })).toBeVisible();

  // Escape with typed data asks; "Keep editing" (or Escape again) keeps everything as it was.
  await size.focus();
  await page.keyboard.press('Escape');
  const question = page.getByRole('dialog', { name: 'Discard what you typed?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Keep editing' }).last()).toBeFocused();
  await snapWidths(page, 'typed-input-discard-question');
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await question.getByRole('button', { name: 'Keep editing' }).last().click();
  await expect(question).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Generic name', exact: true })).toHaveValue('olanzapine');

  // Typed again "20 mg" and saved with Enter, straight from the field (no blur first).
  await strength.fill('20 mg');
  await strength.press('Enter');
  await expect(dialog).toBeHidden();
  const saved = await dispatch(desk.services.handlers, 'drugs:get', { ndc: '00002759701' });
  expect(saved).toMatchObject({
    ok: true,
    value: { strengthAmount: '20', strengthUnit: 'mg', packageSize: '10', ndcUnit: 'ML' },
  });

  // Escape with typed data, then "Discard": the dialog closes and nothing is saved.
  dialog = await open();
  await dialog.getByRole('textbox', { name: 'Generic name', exact: true }).fill('half typed');
  await page.keyboard.press('Escape');
  await expect(question.getByRole('button', { name: 'Keep editing' }).last()).toBeFocused();
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('drug-row')).toHaveCount(1);
});

test('an invoice with "$1,200.00", "01/05/2026" and an expiry picked from the calendar', async ({ openApp, desk }) => {
  const h = desk.services.handlers;
  await seed(h, 'drugs:create', AVASTIN_VIAL);
  await seed(h, 'suppliers:create', { name: 'McKesson Specialty' });
  const page = await openApp('/invoices');
  await page.getByRole('link', { name: 'New invoice' }).first().click();
  await page.getByRole('combobox', { name: 'Supplier', exact: true }).click();
  await page.getByRole('option', { name: 'McKesson Specialty' }).click();
  await page.getByRole('textbox', { name: 'Invoice number', exact: true }).fill('INV-2026-1');
  const invoiceDate = page.getByRole('textbox', { name: 'Invoice date', exact: true });
  await expect(invoiceDate).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  await invoiceDate.fill('01/05/2026');
  await invoiceDate.press('Tab');
  await expect(invoiceDate).toHaveValue('2026-01-05');
  await page.getByRole('textbox', { name: 'Invoice total', exact: true }).fill('$2,400.00');

  const cell = (column: string) => page.getByRole('textbox', { name: `${column}, line 1`, exact: true });
  await cell('NDC').fill('50242-040-62');
  await cell('Lot number').fill('B77');
  // The calendar opens on the month typed; a day is picked with the mouse.
  await cell('Expiry').fill('06/01/2027');
  await page.getByRole('button', { name: 'Pick the expiry, line 1 from a calendar' }).click();
  const june = page.getByRole('table', { name: 'June 2027' });
  await expect(june).toBeVisible();
  await expect(june.getByRole('button', { name: 'Tuesday, June 1, 2027' })).toHaveAttribute('aria-pressed', 'true');
  await snapWidths(page, 'typed-input-invoice-calendar');
  await june.getByRole('button', { name: 'Wednesday, June 30, 2027' }).click();
  await expect(june).toBeHidden();
  await expect(cell('Expiry')).toHaveValue('2027-06-30');
  // And with the keys: Alt+Down in the received date opens its calendar, a week on, Enter.
  const received = page.getByRole('textbox', { name: 'Received date', exact: true });
  await received.fill('1/6/2026');
  await received.press('Alt+ArrowDown');
  await expect(page.getByRole('button', { name: 'Tuesday, January 6, 2026' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(received).toHaveValue('2026-01-13');
  // Escape in the calendar closes the calendar only, not the invoice being typed.
  await page.getByRole('button', { name: 'Pick the received date from a calendar' }).click();
  await expect(page.getByRole('table', { name: 'January 2026' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'January 2026' })).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();

  await cell('Packages').fill('2');
  await cell('Cost per package').fill('$1,200.00');
  await cell('Cost per package').press('Tab');
  await expect(cell('Cost per package')).toHaveValue('1200.00');
  await expect(page.getByTestId('live-reconciliation')).toContainText('Reconciles');
  await snapWidths(page, 'typed-input-invoice');
  await page.getByRole('button', { name: 'Save invoice' }).click();
  await expect(page.getByText('Invoice saved')).toBeVisible();

  const list = await dispatch(h, 'invoices:list', {});
  const id = (list.ok ? (list.value as { rows: { id: number }[] }).rows[0]?.id : undefined) ?? 0;
  const stored = await dispatch(h, 'invoices:get', { id });
  expect(stored).toMatchObject({
    ok: true,
    value: {
      invoiceDate: '2026-01-05',
      receivedDate: '2026-01-13',
      total: '2400.00',
      lines: [{ expiryDate: '2027-06-30', costPerPackage: '1200.00', extendedCost: '2400.00' }],
    },
  });
});

test('State typed "illinois" and kept by Tab; an NPI typed with spaces', async ({ openApp, desk }) => {
  const page = await openApp('/settings');
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  await field('Practice name').fill('Riverbend Oncology');
  await field('Address').fill('100 Main St');
  await field('City').fill('Springfield');
  const state = page.getByRole('combobox', { name: 'State' });
  await state.fill('illinois');
  await state.press('Tab');
  await expect(state).toHaveValue('IL — Illinois');
  await expect(field('ZIP')).toBeFocused();
  // Two letters in lower case are read the same way.
  await state.fill('ny');
  await state.press('Tab');
  await expect(state).toHaveValue('NY — New York');
  await state.fill('il');
  await state.press('Tab');
  await expect(state).toHaveValue('IL — Illinois');
  await field('ZIP').fill('62701');
  await field('Phone').fill('217-555-0100');
  await field('Billing contact').fill('Dana Ruiz');
  await field('NPI').fill('1234 567 893');
  await field('NPI').press('Tab');
  await expect(field('NPI')).toHaveValue('1234567893');
  await field('TIN').fill('12-3456789');
  await snapWidths(page, 'typed-input-practice');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Practice settings saved')).toBeVisible();
  const stored = await dispatch(desk.services.handlers, 'practice:get', {});
  expect(stored).toMatchObject({ ok: true, value: { state: 'IL', npi: '1234567893' } });
});

test('after an empty save: placeholders stay dimmed examples, the Route message goes once the route is filled', async ({
  openApp,
  desk,
}) => {
  await seedCatalog(desk.services.handlers, { brandName: 'Exampla' });
  const page = await openApp('/administrations/new');
  await expect(page.getByRole('heading', { name: 'Record administration' })).toBeVisible();
  await page.getByRole('button', { name: 'Save administration' }).click();

  const route = page.getByRole('combobox', { name: 'Route', exact: true });
  await expect(route).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Choose the route.')).toBeVisible();
  const billed = page.getByRole('textbox', { name: 'Billed charge', exact: true });
  await expect(billed).toHaveAttribute('aria-invalid', 'true');
  await expect(billed).toHaveAttribute('placeholder', 'e.g. $1,200.00');
  // The field is in error, its example is not: the placeholder keeps the dimmed colour.
  // (Evaluated from a string: these tests are compiled without the DOM's types.)
  const colours = (await page.evaluate(`(() => {
    const input = document.querySelector('input[placeholder="e.g. $1,200.00"]');
    const probe = document.createElement('span');
    probe.style.color = 'var(--mantine-color-error)';
    document.body.append(probe);
    const error = getComputedStyle(probe).color;
    probe.remove();
    return { placeholder: getComputedStyle(input, '::placeholder').color, error };
  })()`)) as { placeholder: string; error: string };
  expect(colours.placeholder).toMatch(/^rgb/);
  expect(colours.placeholder).not.toBe(colours.error);
  await snapWidths(page, 'typed-input-empty-save');

  // Choosing the drug fills the route from the catalog: its message goes with it.
  await page.getByRole('combobox', { name: 'Drug', exact: true }).click();
  await page.getByRole('option', { name: /examplizumab/ }).click();
  await expect(route).toHaveValue('IV');
  await expect(page.getByText('Choose the route.')).toHaveCount(0);
  await expect(route).not.toHaveAttribute('aria-invalid', 'true');

  // The date typed the US way, the dose with its unit, the charge as printed.
  const date = page.getByRole('textbox', { name: 'Date of service', exact: true });
  await date.fill('11/02/2026');
  await date.press('Tab');
  await expect(date).toHaveValue('2026-11-02');
  const dose = page.getByRole('textbox', { name: 'Dose given', exact: true });
  await dose.fill('200 mg');
  await dose.press('Tab');
  await expect(dose).toHaveValue('200');
  await billed.fill('$1,200.00');
  await billed.press('Tab');
  await expect(billed).toHaveValue('1200.00');
  await expect(billed).not.toHaveAttribute('aria-invalid', 'true');
});
