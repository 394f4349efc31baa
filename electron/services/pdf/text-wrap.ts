/**
 * Line breaking by measured width. Policy: break on spaces; a word wider than the line (a
 * 300-character reference number, a pasted URL, a sentence of Chinese, which has no spaces) is
 * cut between grapheme clusters, never inside one, so an accent is never separated from its
 * letter; every line holds at least one cluster, so wrapping always ends. Runs of spaces collapse
 * to one where a line is wrapped. Lines are broken in logical order; the bidi algorithm orders
 * each printed line afterwards (text-runs.ts), as the Unicode algorithm prescribes.
 *
 * Widths come from pdf-lib's own measure (the glyphs the text will be drawn with, each part by
 * the face that draws it), per word, and are cached per style for the life of the process:
 * labels and common words repeat across documents, and a fontkit layout costs ~0.06 ms.
 * Ligatures and kerning are off (see fonts.ts), so a line is as wide as the sum of its words and
 * spaces.
 */
import { type Typeface } from './fonts';
import { logicalRuns } from './text-runs';

const MAX_CACHED = 50_000;
const widths = new WeakMap<object, Map<string, number>>();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Width of `text` at size 1 (multiply by the font size). */
export function unitWidth(typeface: Typeface, text: string): number {
  let cache = widths.get(typeface.key);
  if (!cache) {
    cache = new Map();
    widths.set(typeface.key, cache);
  }
  let w = cache.get(text);
  if (w === undefined) {
    w = 0;
    for (const run of logicalRuns(text, typeface)) w += run.face.font.widthOfTextAtSize(run.text, 1);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, w);
  }
  return w;
}

export const textWidth = (typeface: Typeface, size: number, text: string): number => {
  // Long strings are measured word by word so that repeated words hit the cache.
  if (text.length <= 24 || !text.includes(' ')) return unitWidth(typeface, text) * size;
  const space = unitWidth(typeface, ' ');
  let total = 0;
  const words = text.split(' ');
  for (const word of words) total += word === '' ? 0 : unitWidth(typeface, word);
  return (total + space * (words.length - 1)) * size;
};

/** Cut a word wider than `maxWidth` into pieces that fit, between grapheme clusters. */
function hardBreak(word: string, typeface: Typeface, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const { segment } of graphemes.segment(word)) {
    const w = unitWidth(typeface, segment) * size;
    if (piece !== '' && pieceWidth + w > maxWidth) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += segment;
    pieceWidth += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * The lines of one paragraph (no line breaks inside `text`) at `size` within `maxWidth` points.
 * An empty or blank paragraph is one empty line, so a blank line typed by the user stays blank.
 */
export function wrapText(text: string, typeface: Typeface, size: number, maxWidth: number): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length === 0) return [''];
  const space = unitWidth(typeface, ' ') * size;
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const w = unitWidth(typeface, word) * size;
    if (line !== '' && lineWidth + space + w <= maxWidth) {
      line += ' ' + word;
      lineWidth += space + w;
      continue;
    }
    if (line !== '') lines.push(line);
    if (w <= maxWidth) {
      line = word;
      lineWidth = w;
      continue;
    }
    const pieces = hardBreak(word, typeface, size, maxWidth);
    const last = pieces.pop() ?? '';
    lines.push(...pieces);
    line = last;
    lineWidth = unitWidth(typeface, last) * size;
  }
  if (line !== '') lines.push(line);
  return lines;
}
