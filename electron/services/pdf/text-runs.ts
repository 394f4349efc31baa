/**
 * A line of text cut into runs that one face draws in one direction, in the order they appear
 * on the page.
 *
 * Policy:
 * - Faces: each grapheme cluster (a letter with its accents) is drawn by the first face of the
 *   style's chain that has all of it (fonts.ts); a cluster no single face has is split into its
 *   code points. A code point no embedded face has throws TextUnprintableError: the check made
 *   before every document (printable-text.ts) makes that unreachable, and a substitute glyph is
 *   never drawn.
 * - Direction: the Unicode bidirectional algorithm (bidi-js), run on each printed line with a
 *   left-to-right base direction, as the documents are English and left-aligned. A Hebrew or
 *   Arabic name prints right to left within it, and in "Patient: דוד כהן, MRN 123" the Latin
 *   parts keep their order. Characters mirrored in right-to-left text ("(" and ")") are swapped.
 *   A right-to-left run is handed to the font in logical order, so Arabic letters take their
 *   joined forms, and its glyphs are reversed as it is drawn (fonts.ts `inRightToLeft`).
 * - Text with no right-to-left character and one face (every Latin-only line) is one run, drawn
 *   exactly as a plain drawText would.
 */
import bidiFactory from 'bidi-js';
import { type EmbeddedFace, type Typeface } from './fonts';
import { TextUnprintableError } from './printable-text';

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Where right-to-left characters live: Hebrew to Arabic Extended-A, their presentation forms, and the right-to-left planes. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export type TextRun = { text: string; face: EmbeddedFace; rightToLeft: boolean };

/** True when the first face has every character of `text`. */
function allInFirstFace(text: string, typeface: Typeface): boolean {
  const covered = typeface.faces[0]?.covered;
  if (!covered) return false;
  for (const ch of text) if (!covered.has(ch.codePointAt(0) ?? 0)) return false;
  return true;
}

/** The face drawing each UTF-16 code unit of `text`. */
function facePerCodeUnit(text: string, typeface: Typeface): EmbeddedFace[] {
  const faces: EmbeddedFace[] = new Array<EmbeddedFace>(text.length);
  const first = (codePoints: number[]): EmbeddedFace | undefined =>
    typeface.faces.find((f) => codePoints.every((cp) => f.covered.has(cp)));
  for (const { segment, index } of graphemes.segment(text)) {
    const codePoints = [...segment].map((ch) => ch.codePointAt(0) ?? 0);
    const whole = first(codePoints);
    let at = index;
    for (const ch of segment) {
      const face = whole ?? first([ch.codePointAt(0) ?? 0]);
      if (!face) throw new TextUnprintableError('A printed text', ch);
      faces.fill(face, at, at + ch.length);
      at += ch.length;
    }
  }
  return faces;
}

/** Consecutive slices of `text` drawn by one face, in logical order (for measuring). */
export function logicalRuns(text: string, typeface: Typeface): { text: string; face: EmbeddedFace }[] {
  const only = typeface.faces[0];
  if (only && allInFirstFace(text, typeface)) return text === '' ? [] : [{ text, face: only }];
  const faces = facePerCodeUnit(text, typeface);
  const runs: { text: string; face: EmbeddedFace }[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || faces[i] !== faces[start]) {
      const face = faces[start];
      if (face) runs.push({ text: text.slice(start, i), face });
      start = i;
    }
  }
  return runs;
}

/** The runs of one printed line, left to right as they appear on the page. */
export function visualRuns(text: string, typeface: Typeface): TextRun[] {
  if (!RIGHT_TO_LEFT.test(text)) return logicalRuns(text, typeface).map((r) => ({ ...r, rightToLeft: false }));
  const faces = facePerCodeUnit(text, typeface);
  const embedding = bidi.getEmbeddingLevels(text, 'ltr');
  const { levels } = embedding;
  const order = bidi.getReorderedIndices(text, embedding);
  const mirrors = bidi.getMirroredCharactersMap(text, levels);
  const runs: TextRun[] = [];
  // Walk the code units in visual order; a run continues while the face, the direction and the
  // logical adjacency (next index up for left-to-right, down for right-to-left) all hold.
  let i = 0;
  while (i < order.length) {
    const startIndex = order[i] ?? 0;
    const face = faces[startIndex];
    const rightToLeft = ((levels[startIndex] ?? 0) & 1) === 1;
    const step = rightToLeft ? -1 : 1;
    let j = i + 1;
    while (
      j < order.length &&
      order[j] === (order[j - 1] ?? 0) + step &&
      faces[order[j] ?? 0] === face &&
      ((levels[order[j] ?? 0] ?? 0) & 1) === (rightToLeft ? 1 : 0)
    ) {
      j++;
    }
    const endIndex = order[j - 1] ?? startIndex;
    const from = Math.min(startIndex, endIndex);
    const to = Math.max(startIndex, endIndex) + 1;
    let slice = '';
    for (let k = from; k < to; k++) slice += mirrors.get(k) ?? text[k];
    if (face) runs.push({ text: slice, face, rightToLeft });
    i = j;
  }
  return runs;
}
