/**
 * Text as the layout takes it. Policy:
 * - NFC first, so "Nguyễn" typed as e + U+0302 + U+0303 uses the precomposed glyph;
 * - a tab is a space; CR LF, CR, LF, U+2028/2029, NEL, VT and FF end a line of a paragraph and
 *   are a space in one-line fields;
 * - control characters, format characters (zero-width joiners, BOM, soft hyphen, bidi controls)
 *   and variation selectors are removed: they have no visible form. Bidi controls included: the
 *   order of right-to-left text comes from its characters alone (text-runs.ts), so an invisible
 *   override can never make "CLM-123" print as "321-MLC";
 * - everything else is kept as given. Whether it can be printed is decided before a document is
 *   made (printable-text.ts): a character no face has stops the generation, naming the field,
 *   instead of printing a substitute.
 */

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
const INVISIBLE = /[\p{Cc}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

const cleanSegment = (text: string): string => text.replace(/\t/g, ' ').replace(INVISIBLE, '');

/** One-line text (a name, a label, a value): line breaks become spaces. */
export const cleanLine = (text: string): string => text.normalize('NFC').split(LINE_BREAK).map(cleanSegment).join(' ');

/** Paragraph text: its lines as typed (hard breaks kept), each cleaned. Always at least one line. */
export const cleanParagraphs = (text: string): string[] => text.normalize('NFC').split(LINE_BREAK).map(cleanSegment);
