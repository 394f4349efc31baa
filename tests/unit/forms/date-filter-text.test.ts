/**
 * A list's date filter (issue 14, item 7): while a date is typed only a whole date applies and
 * nothing is said; once the person is done with the field the text is the date it reads as, or
 * the shared sentence says why it is not one and no date filters the list.
 */
import { describe, expect, it } from 'vitest';
import { dateSettled, dateWhileTyping } from '../../../renderer/src/components/date-filter-text';

describe('a date filter while it is typed', () => {
  it('leaves the list as it is for a date on its way', () => {
    for (const partial of ['0', '01/', '01/0', '11/09/2', '11/09/202', '2026-11', '2026-11-0']) {
      expect(dateWhileTyping(partial, 'From'), partial).toBeNull();
    }
  });

  it('applies a whole date as soon as it reads as one, US or ISO', () => {
    expect(dateWhileTyping('11/09/2026', 'From')).toBe('2026-11-09');
    expect(dateWhileTyping('1/5/2026', 'From')).toBe('2026-01-05');
    expect(dateWhileTyping(' 2026-11-09 ', 'From')).toBe('2026-11-09');
  });

  it('does not apply a day the calendar does not have', () => {
    expect(dateWhileTyping('02/30/2026', 'From')).toBeNull();
    expect(dateWhileTyping('2026-02-30', 'From')).toBeNull();
  });

  it('drops the filter when the field is emptied', () => {
    expect(dateWhileTyping('', 'From')).toBe('');
    expect(dateWhileTyping('   ', 'From')).toBe('');
  });
});

describe('a date filter once settled (Enter, or leaving the field)', () => {
  it('shows and applies the date a US date reads as', () => {
    expect(dateSettled('11/09/2026', 'From')).toEqual({ apply: '2026-11-09', text: '2026-11-09', message: null });
  });

  it('says why text is not a date, keeps it as typed, and filters nothing', () => {
    expect(dateSettled('01/0', 'From')).toEqual({
      apply: '',
      text: '01/0',
      message: 'From "01/0" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.',
    });
    expect(dateSettled('2026-02-30', 'To')).toEqual({
      apply: '',
      text: '2026-02-30',
      message: 'To "2026-02-30" is not a real calendar date.',
    });
  });

  it('an empty field is no filter and says nothing', () => {
    expect(dateSettled('  ', 'From')).toEqual({ apply: '', text: '', message: null });
  });
});
