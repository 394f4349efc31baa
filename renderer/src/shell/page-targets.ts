/**
 * What a shortcut acts on in the page as it is drawn, found without the pages having to register
 * anything: the form to save, the search box to go to, the first field of a new form. Pages may
 * mark a choice explicitly (`data-save-shortcut` on a submit button, `data-page-search` on a
 * search input); otherwise the usual shapes are recognised.
 */

/** The dialog open on top of the page (the last one opened), if any. */
export function openDialog(doc: Document): HTMLElement | null {
  const dialogs = [...doc.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')].filter(isShown);
  return dialogs.at(-1) ?? null;
}

/** Whether the element is drawn (not display:none, not in a closed part of the page). */
function isShown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** The submit button the form's Save is: one marked `data-save-shortcut`, else its last enabled submit button. */
function saveButtonOf(form: HTMLFormElement): HTMLButtonElement | null {
  const marked = form.querySelector<HTMLButtonElement>('button[data-save-shortcut]');
  if (marked) return marked;
  const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')].filter(isShown);
  return buttons.at(-1) ?? null;
}

export type SaveTarget =
  { kind: 'form'; form: HTMLFormElement; button: HTMLButtonElement | null } | { kind: 'none' } | { kind: 'several' };

/**
 * The form Ctrl+S saves: the one in an open dialog, else the one the cursor is in, else the only
 * form with a submit button on the page. Several forms and the cursor in none: the person says
 * which by clicking into it (a guess could save the wrong thing).
 */
export function saveTarget(doc: Document): SaveTarget {
  const scope: ParentNode = openDialog(doc) ?? doc.querySelector('main') ?? doc;
  const active = doc.activeElement;
  const around = active instanceof HTMLElement ? active.closest('form') : null;
  if (around && (scope as Node).contains(around)) return { kind: 'form', form: around, button: saveButtonOf(around) };
  const forms = [...scope.querySelectorAll<HTMLFormElement>('form')].filter(
    (f) => isShown(f) && saveButtonOf(f) !== null,
  );
  const only = forms.length === 1 ? forms[0] : undefined;
  if (only) return { kind: 'form', form: only, button: saveButtonOf(only) };
  return forms.length === 0 ? { kind: 'none' } : { kind: 'several' };
}

/** Submits the form as its Save button would (its own checks and messages run); false while it is busy. */
export function submitForm(target: { form: HTMLFormElement; button: HTMLButtonElement | null }): boolean {
  if (target.button?.disabled) return false;
  target.form.requestSubmit(target.button ?? undefined);
  return true;
}

/** The page's own search box: marked `data-page-search`, else a text field labelled or named "Search…". */
export function pageSearchField(doc: Document): HTMLInputElement | null {
  const main = doc.querySelector('main');
  if (!main) return null;
  const marked = main.querySelector<HTMLInputElement>('input[data-page-search]');
  if (marked && isShown(marked)) return marked;
  for (const input of main.querySelectorAll<HTMLInputElement>('input')) {
    if (input.disabled || !isShown(input)) continue;
    if (input.type === 'search') return input;
    const named = [
      input.getAttribute('aria-label'),
      input.labels?.[0]?.textContent,
      input.getAttribute('placeholder'),
    ].some((text) => /^\s*search/i.test(text ?? ''));
    if (named) return input;
  }
  return null;
}

/** The search in the header (`data-global-search`): the field itself, or the field or button inside it. */
export function globalSearchField(doc: Document): HTMLElement | null {
  const marked = doc.querySelector<HTMLElement>('[data-global-search]');
  if (!marked) return null;
  if (marked.matches('input, textarea, button')) return marked;
  return marked.querySelector<HTMLElement>('input, button') ?? marked;
}

/** The first field a person types in on the page (not a button, not a link), if one is drawn. */
export function firstField(doc: Document): HTMLElement | null {
  const main = doc.querySelector('main');
  if (!main) return null;
  const fields = main.querySelectorAll<HTMLElement>('form input:not([type="hidden"]), form textarea, form select');
  for (const f of fields) {
    if (!(f as HTMLInputElement).disabled && isShown(f)) return f;
  }
  return null;
}

/** Every link's address in the page's main area, in reading order. */
export function linkAddresses(doc: Document): string[] {
  const main = doc.querySelector('main');
  if (!main) return [];
  return [...main.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.getAttribute('href') ?? '');
}
