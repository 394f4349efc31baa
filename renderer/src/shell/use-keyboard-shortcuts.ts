/**
 * The biller's day without the mouse (shortcut-keys.ts says which key does what): N records an
 * administration, Ctrl/⌘+S saves the form, / goes to the search box, J and K move through the
 * records of the list a record was opened from, ? lists them. Listened for once, on the window,
 * for every page; each acts on the page as drawn (page-targets.ts).
 */
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { call } from '../api';
import {
  firstField,
  globalSearchField,
  linkAddresses,
  openDialog,
  pageSearchField,
  saveTarget,
  submitForm,
} from './page-targets';
import { neighbour, recordAddress, rememberedSequences, rememberSequences, sequencesFrom } from './record-sequence';
import { isTypingIn, modKeyLabel, shortcutFor, type ShortcutAction } from './shortcut-keys';

const NEW_ADMINISTRATION = '/administrations/new';

export function useKeyboardShortcuts(onHelp: () => void): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The listeners are added once; what they read changes with every page.
  const current = useRef({ pathname, navigate, onHelp });
  useEffect(() => {
    current.current = { pathname, navigate, onHelp };
  }, [pathname, navigate, onHelp]);

  useEffect(() => {
    // A click in a list (or Enter on one of its links) remembers its records' order for J and K.
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('main')) {
        rememberSequences(sessionStorage, sequencesFrom(linkAddresses(document)));
      }
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = shortcutFor(e, {
        typing: isTypingIn(e.target instanceof HTMLElement ? e.target : null),
        dialogOpen: openDialog(document) !== null,
      });
      if (action === null) return;
      if (run(action, current.current)) e.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}

type Page = { pathname: string; navigate: ReturnType<typeof useNavigate>; onHelp: () => void };

/** Does what the shortcut asks on this page; false when it means nothing here (the key then does what it always does). */
function run(action: ShortcutAction, page: Page): boolean {
  switch (action) {
    case 'help':
      page.onHelp();
      return true;
    case 'new-administration':
      if (page.pathname !== NEW_ADMINISTRATION) void page.navigate(NEW_ADMINISTRATION);
      whenDrawn(
        () => (window.location.hash.startsWith(`#${NEW_ADMINISTRATION}`) ? firstField(document) : null),
        (f) => f.focus(),
      );
      return true;
    case 'save':
      save();
      // Always taken: the browser's own Ctrl+S would offer to save the page as a file.
      return true;
    case 'search': {
      const field = pageSearchField(document) ?? globalSearchField(document);
      if (!field) return false;
      field.focus();
      if (field instanceof HTMLInputElement) field.select();
      return true;
    }
    case 'next-record':
    case 'previous-record': {
      const here = recordAddress(page.pathname);
      if (!here) return false;
      void step(here, action === 'next-record' ? 1 : -1, page.navigate);
      return true;
    }
  }
}

function save(): void {
  const target = saveTarget(document);
  if (target.kind === 'form') {
    submitForm(target);
    return;
  }
  hint(
    target.kind === 'none'
      ? 'There is nothing to save on this page.'
      : `Click into the form you want to save (or Tab to one of its fields), then press ${modKey()}+S again.`,
  );
}

/** The next (1) or previous (−1) record of the list `here` was opened from. */
async function step(
  here: { list: string; path: string },
  by: 1 | -1,
  navigate: ReturnType<typeof useNavigate>,
): Promise<void> {
  let sequence = rememberedSequences(sessionStorage)[here.list];
  if (!sequence?.includes(here.path)) {
    sequence = await defaultSequence(here.list);
    if (sequence) rememberSequences(sessionStorage, { [here.list]: sequence });
  }
  if (!sequence?.includes(here.path)) {
    hint('Open this record from its list to move through that list with J and K.');
    return;
  }
  const to = neighbour(sequence, here.path, by);
  if (!to) {
    hint(
      by === 1 ? 'This is the last record of the list you opened it from.' : 'This is the first record of the list.',
    );
    return;
  }
  await navigate(to);
  window.scrollTo(0, 0);
  // From the top of the new record's page, so Tab goes through it from its first link.
  document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
}

/** Administrations opened without their list: the list's own first order (newest date of service first). */
async function defaultSequence(list: string): Promise<string[] | undefined> {
  if (list !== '/administrations') return undefined;
  try {
    const { rows } = await call('administrations:list', { limit: 500 });
    return rows.map((r) => `/administrations/${r.id}`);
  } catch {
    return undefined;
  }
}

function hint(message: string): void {
  notifications.show({ id: 'keyboard-shortcut-hint', color: 'gray', message, autoClose: 4000 });
}

function modKey(): string {
  return modKeyLabel(navigator.platform);
}

/** Calls `then` with what `find` finds once the page draws it (a page opened by a shortcut draws a moment later). */
function whenDrawn(find: () => HTMLElement | null, then: (el: HTMLElement) => void, timeoutMs = 3000): void {
  const until = Date.now() + timeoutMs;
  const look = () => {
    const el = find();
    if (el) then(el);
    else if (Date.now() < until) window.setTimeout(look, 50);
  };
  look();
}
