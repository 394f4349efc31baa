/**
 * Text as the PDF can draw it. Policy: nothing a person typed, pasted or imported may make
 * generation fail, and nothing may silently disappear except what has no visible form:
 * - NFC first, so "Nguyễn" typed as e + U+0302 + U+0303 uses DejaVu's precomposed glyph;
 * - a tab is a space; CR LF, CR, LF, U+2028/2029, NEL, VT and FF end a line of a paragraph and
 *   are a space in one-line fields;
 * - control characters, format characters (zero-width joiners, bidi controls, BOM, soft hyphen)
 *   and variation selectors are removed: they have no glyph of their own;
 * - any other character the face has no glyph for (emoji, CJK, a lone surrogate) prints as '?'
 *   so the reader can see that something was there.
 */
import { type PDFFont } from 'pdf-lib';
import { faceKey } from './fonts';

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
const INVISIBLE = /[\p{Cc}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

const coverage = new WeakMap<object, Set<number>>();

function coveredBy(font: PDFFont): Set<number> {
  const key = faceKey(font);
  let set = coverage.get(key);
  if (!set) {
    set = new Set(font.getCharacterSet());
    coverage.set(key, set);
  }
  return set;
}

function cleanSegment(text: string, covered: Set<number>): string {
  const visible = text.replace(/\t/g, ' ').replace(INVISIBLE, '');
  let out = '';
  for (const ch of visible) {
    out += covered.has(ch.codePointAt(0) ?? 0) ? ch : '?';
  }
  return out;
}

/** One-line text (a name, a label, a value): line breaks become spaces. */
export function cleanLine(text: string, font: PDFFont): string {
  const covered = coveredBy(font);
  return text
    .normalize('NFC')
    .split(LINE_BREAK)
    .map((part) => cleanSegment(part, covered))
    .join(' ');
}

/** Paragraph text: its lines as typed (hard breaks kept), each cleaned. Always at least one line. */
export function cleanParagraphs(text: string, font: PDFFont): string[] {
  const covered = coveredBy(font);
  return text
    .normalize('NFC')
    .split(LINE_BREAK)
    .map((part) => cleanSegment(part, covered));
}
