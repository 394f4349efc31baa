/**
 * When a date filter's text changes the list. While it is typed, only a whole date (or an empty
 * field) applies, and nothing is said: "01/0" is a date on its way, not a mistake. Once settled
 * (Enter, or leaving the field) the text is the date it reads as, or the shared sentence says why
 * it is not one and the filter is dropped rather than left on a date the field no longer shows.
 */
import { readDateText } from '../../../shared/domain/typed-input';

/** The filter to apply as the text stands while typing (ISO, or '' for none); null leaves the list as it is. */
export function dateWhileTyping(text: string, label: string): string | null {
  if (text.trim() === '') return '';
  const r = readDateText(text, label);
  return r.ok ? r.date : null;
}

/** The filter, the text to show and the sentence to say once the person is done with the field. */
export function dateSettled(text: string, label: string): { apply: string; text: string; message: string | null } {
  if (text.trim() === '') return { apply: '', text: '', message: null };
  const r = readDateText(text, label);
  return r.ok ? { apply: r.date, text: r.date, message: null } : { apply: '', text, message: r.error.message };
}
