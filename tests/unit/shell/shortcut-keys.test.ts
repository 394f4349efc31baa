/**
 * Which key press is which shortcut: a letter never while typing in a field or under a dialog,
 * Ctrl/⌘+S always (also in a field), Alt+N by its physical key, the browser's own combinations
 * left alone; and which focused elements count as typing.
 */
import { describe, expect, it } from 'vitest';
import {
  isTypingIn,
  modKeyLabel,
  shortcutFor,
  shortcutHelp,
  type KeyContext,
  type KeyPress,
} from '../../../renderer/src/shell/shortcut-keys';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  code: k.length === 1 && /[a-z]/i.test(k) ? `Key${k.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const onPage: KeyContext = { typing: false, dialogOpen: false };
const inField: KeyContext = { typing: true, dialogOpen: false };
const underDialog: KeyContext = { typing: false, dialogOpen: true };

describe('shortcutFor', () => {
  it('maps the single keys on the page to their actions', () => {
    expect(shortcutFor(key('n'), onPage)).toBe('new-administration');
    expect(shortcutFor(key('/'), onPage)).toBe('search');
    expect(shortcutFor(key('j'), onPage)).toBe('next-record');
    expect(shortcutFor(key('k'), onPage)).toBe('previous-record');
    expect(shortcutFor(key('?', { shiftKey: true }), onPage)).toBe('help');
  });

  it('leaves every letter, "/" and "?" to the text while typing in a field', () => {
    for (const k of ['n', 'j', 'k', '/', '?']) expect(shortcutFor(key(k), inField)).toBeNull();
    expect(shortcutFor(key('n', { altKey: true }), inField)).toBeNull();
  });

  it('saves with Ctrl+S and ⌘+S, also from inside a field and over a dialog', () => {
    for (const ctx of [onPage, inField, underDialog]) {
      expect(shortcutFor(key('s', { ctrlKey: true }), ctx)).toBe('save');
      expect(shortcutFor(key('s', { metaKey: true }), ctx)).toBe('save');
    }
    // Caps Lock on: the key reads "S", the physical key is still KeyS.
    expect(shortcutFor(key('S', { ctrlKey: true }), inField)).toBe('save');
  });

  it('does not take Save As (Ctrl+Shift+S) or Ctrl+Alt+S', () => {
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }), onPage)).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true, altKey: true }), onPage)).toBeNull();
  });

  it('leaves the browser its own Ctrl/⌘ combinations (Ctrl+N, Ctrl+K, Ctrl+J)', () => {
    for (const k of ['n', 'k', 'j', '/']) {
      expect(shortcutFor(key(k, { ctrlKey: true }), onPage)).toBeNull();
      expect(shortcutFor(key(k, { metaKey: true }), onPage)).toBeNull();
    }
  });

  it('reads Alt+N by the physical key, as a Mac types "˜" for it', () => {
    expect(shortcutFor(key('˜', { altKey: true, code: 'KeyN' }), onPage)).toBe('new-administration');
    expect(shortcutFor(key('n', { altKey: true }), onPage)).toBe('new-administration');
    expect(shortcutFor(key('j', { altKey: true }), onPage)).toBeNull();
  });

  it('does nothing but save while a dialog is open over the page', () => {
    for (const k of ['n', 'j', 'k', '/', '?']) expect(shortcutFor(key(k), underDialog)).toBeNull();
  });

  it('ignores Shift+N and the keys that are not shortcuts', () => {
    expect(shortcutFor(key('N', { shiftKey: true }), onPage)).toBeNull();
    for (const k of ['a', 'Enter', 'Escape', 'Tab', 'ArrowDown']) expect(shortcutFor(key(k), onPage)).toBeNull();
  });
});

describe('isTypingIn', () => {
  const el = (tagName: string, more: Record<string, unknown> = {}) => ({ tagName, ...more });

  it('counts text inputs, text areas, selects and editable areas as typing', () => {
    expect(isTypingIn(el('INPUT'))).toBe(true);
    expect(isTypingIn(el('input', { type: 'search' }))).toBe(true);
    expect(isTypingIn(el('INPUT', { type: 'email' }))).toBe(true);
    expect(isTypingIn(el('TEXTAREA'))).toBe(true);
    expect(isTypingIn(el('SELECT'))).toBe(true);
    expect(isTypingIn(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingIn(el('DIV', { getAttribute: (n: string) => (n === 'role' ? 'combobox' : null) }))).toBe(true);
  });

  it('does not count buttons, checkboxes, links or nothing focused', () => {
    expect(isTypingIn(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingIn(el('INPUT', { type: 'radio' }))).toBe(false);
    expect(isTypingIn(el('BUTTON'))).toBe(false);
    expect(isTypingIn(el('A', { getAttribute: () => null }))).toBe(false);
    expect(isTypingIn(el('BODY'))).toBe(false);
    expect(isTypingIn(null)).toBe(false);
  });
});

describe('the overlay list', () => {
  it('names the Command key on a Mac and Ctrl elsewhere', () => {
    expect(modKeyLabel('MacIntel')).toBe('⌘');
    expect(modKeyLabel('Win32')).toBe('Ctrl');
    expect(modKeyLabel('Linux x86_64')).toBe('Ctrl');
    expect(shortcutHelp('⌘').find((s) => s.action === 'save')?.keys).toEqual([['⌘', 'S']]);
  });

  it('lists every shortcut the keys give, once', () => {
    const listed = shortcutHelp('Ctrl').map((s) => s.action);
    expect(new Set(listed).size).toBe(listed.length);
    for (const action of ['new-administration', 'save', 'search', 'next-record', 'previous-record', 'help']) {
      expect(listed).toContain(action);
    }
  });
});
