/**
 * The keyboard shortcuts of the biller's day and which key press means which. Kept free of React
 * and of the DOM's types so the rules are tested on plain objects: a single letter never fires
 * while someone types in a field (it is their text), and only Ctrl/⌘+S does, because saving is
 * what a person in a form wants. Keys the browser or the system keep (Ctrl+N, Ctrl+F, Ctrl+L,
 * F-keys) are left alone.
 */

export type ShortcutAction = 'new-administration' | 'save' | 'search' | 'next-record' | 'previous-record' | 'help';

/** A line of the overlay: the shortcuts above, and the header search's own Ctrl/⌘+K (its box listens for it). */
export type ShortcutListed = ShortcutAction | 'find-anything';

/** The parts of a KeyboardEvent the rules read. */
export interface KeyPress {
  key: string;
  /** The physical key ("KeyN"): Alt+N types "˜" on a Mac keyboard, so Alt shortcuts match by it. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Where the key press lands: in a field being typed in, and whether a dialog is open over the page. */
export interface KeyContext {
  typing: boolean;
  dialogOpen: boolean;
}

/** One line of the "?" overlay: the keys as they are pressed, and what they do. */
export interface ShortcutHelp {
  action: ShortcutListed;
  keys: readonly (readonly string[])[];
  does: string;
}

/** The overlay's list, in the order of a day's work. `mod` is "Ctrl" or "⌘". */
export function shortcutHelp(mod: string): readonly ShortcutHelp[] {
  return [
    { action: 'new-administration', keys: [['N'], ['Alt', 'N']], does: 'Record a new administration' },
    { action: 'save', keys: [[mod, 'S']], does: 'Save the form you are in (also while typing in it)' },
    { action: 'search', keys: [['/']], does: 'Go to the search box of the page, or the search in the header' },
    {
      action: 'find-anything',
      keys: [[mod, 'K']],
      does: 'Find a patient, claim, invoice, lot or NDC from the search in the header',
    },
    {
      action: 'next-record',
      keys: [['J']],
      does: 'On a record’s page: the next one in the list you opened it from',
    },
    { action: 'previous-record', keys: [['K']], does: 'On a record’s page: the previous one in that list' },
    { action: 'help', keys: [['?']], does: 'Show this list of shortcuts' },
  ];
}

/** What a key press asks for, or null when it is not a shortcut here (the key then does what it always does). */
export function shortcutFor(press: KeyPress, context: KeyContext): ShortcutAction | null {
  const mod = press.ctrlKey || press.metaKey;
  // Ctrl+S and ⌘+S, never with Shift (Save As) or Alt: the one shortcut that works inside a field.
  if (mod && !press.altKey && !press.shiftKey && (press.code === 'KeyS' || press.key.toLowerCase() === 's')) {
    return 'save';
  }
  if (mod || context.typing || context.dialogOpen) return null;
  if (press.altKey) {
    return press.code === 'KeyN' && !press.shiftKey ? 'new-administration' : null;
  }
  switch (press.key) {
    case '?':
      return 'help';
    case '/':
      return 'search';
    case 'n':
    case 'N':
      return press.shiftKey ? null : 'new-administration';
    case 'j':
      return 'next-record';
    case 'k':
      return 'previous-record';
    default:
      return null;
  }
}

/** The parts of an element that say whether keys pressed in it are someone's typing. */
export interface FocusedElement {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  readOnly?: boolean;
  getAttribute?: (name: string) => string | null;
}

/** Input types where a letter is not text: a checkbox, a button, a radio. */
const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** Whether a key pressed in `el` is typing (an input, a text area, a select, an editable area, a combobox). */
export function isTypingIn(el: FocusedElement | null | undefined): boolean {
  if (!el) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  if (el.isContentEditable) return true;
  const role = el.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

/** "⌘" on a Mac (the Command key), else "Ctrl", from the platform string the browser reports. */
export function modKeyLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}
