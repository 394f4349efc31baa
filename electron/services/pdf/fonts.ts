/**
 * The faces every generated PDF draws with, found, read and parsed once per process, and the
 * fallback order that lets a document print any name it is given.
 *
 * Faces (resources/fonts, licences and sources in its README.md):
 * - DejaVu Sans, regular and bold: Latin (Vietnamese included), Greek, Cyrillic, Hebrew, Arabic
 *   and most symbols. Every document embeds both.
 * - WenQuanYi Micro Hei: one pan-CJK TrueType face for Chinese (simplified and traditional),
 *   Japanese kana and kanji, and Korean hangul. It has no bold, so bold text uses it as it is.
 *   It is read, parsed and embedded only when a document has a character DejaVu lacks: a
 *   Latin-only document never touches its 4.6 MB.
 * A character is drawn with the first face of its style's chain that has it: regular text with
 * DejaVu, DejaVu Bold (a few mathematical letters only it has), then the CJK face; bold text with
 * DejaVu Bold, DejaVu, then the CJK face. What no face has is refused before drawing
 * (printable-text.ts).
 *
 * Policy:
 * - The fonts are found by walking up from this module's folder to `resources/fonts`, so the same
 *   code works from the bundled Electron main (out/main), from tsx (the CLI) and under vitest; a
 *   packaged app also looks under Electron's `process.resourcesPath` (resources-dir.ts).
 * - pdf-lib calls `fontkit.create(bytes)` on every `embedFont`, which parses the TrueType file
 *   and throws away every glyph and layout cache fontkit built for the previous document. The
 *   fontkit handed to pdf-lib here returns the already-parsed font for the same bytes. That is
 *   safe: pdf-lib keeps its per-document state (subset, glyph id map) in its own embedder, and
 *   fontkit's font only caches values derived from the file. Measured on one page of 50 lines:
 *   embedding 4 ms → 0.2 ms, drawing 30 ms → 10 ms, saving 12 ms → 8 ms.
 * - fontkit caches a glyph with the code points of the first request for it, and pdf-lib writes
 *   those code points into the ToUnicode map (what copy-paste, search and text extraction read).
 *   A process-wide font would let one document's text decide another's map, so right after
 *   parsing every glyph in the cmap is requested once, in code point order. The Arabic and
 *   Hebrew presentation forms (the joined shapes that shaping substitutes) come last and read as
 *   the letters they are forms of, so "محمد" drawn with its joined glyphs is found by a search
 *   for "محمد", not for U+FEE3 U+FEA4 U+FEE4 U+FEAA; a ligature such as "لا" reads as its two
 *   letters in drawing order (see readsAs).
 * - Fonts are embedded as subsets (only the glyphs used), which keeps a one-page attachment small
 *   and a page with a Chinese name a few KB larger, not megabytes.
 * - Layout features: ligatures are off (a payer's system searching for "office" must find it,
 *   not a U+FB03 glyph), and so is every positioning feature (kerning, mark placement): pdf-lib
 *   draws glyph ids with their advance widths and ignores positions, so computing them is
 *   wasted time (layout is ~2.5 times faster without). Substitutions a script needs (ccmp, locl,
 *   rlig, Arabic joining forms) stay on.
 * - Glyph order: fontkit would reverse the glyphs of a run it takes for right-to-left, on its own
 *   guess of the script and only for fonts with OpenType layout tables. Here fontkit always
 *   shapes left to right in logical order, and the glyphs are reversed exactly when the caller
 *   draws a right-to-left run (`inRightToLeft`), so the bidi algorithm alone decides the order
 *   (text-runs.ts).
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PDFDocument, type PDFFont } from 'pdf-lib';
import { findResourcesDir } from '../resources-dir';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;

/** The faces, by the name the rest of the code uses. */
export type FaceId = 'regular' | 'bold' | 'cjk';

const FACE_FILES: Record<FaceId, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  cjk: 'WenQuanYiMicroHei.ttf',
};

/** Faces embedded only when a document needs them. */
export const FALLBACK_FACES: readonly FaceId[] = ['cjk'];

/** Which faces draw regular and bold text, in the order they are tried. */
export const CHAINS = {
  regular: ['regular', 'bold', 'cjk'],
  bold: ['bold', 'regular', 'cjk'],
} as const satisfies Record<string, readonly FaceId[]>;

export type TextStyleName = keyof typeof CHAINS;

/** One face embedded in a document, with the code points it has. */
export type EmbeddedFace = { id: FaceId; font: PDFFont; covered: ReadonlySet<number> };

/**
 * A style (regular or bold) as a document draws it: its chain of embedded faces. `key` is the
 * same object for the style in every document of the process, for caches of widths.
 */
export type Typeface = { key: object; style: TextStyleName; faces: readonly EmbeddedFace[] };

export type DocumentFonts = { regular: Typeface; bold: Typeface };

/** The folder holding the TTFs: the first `resources/fonts` found walking up from here. */
export function findFontsDir(start: string = __dirname): string {
  const dir = findResourcesDir('fonts', FACE_FILES.regular, start);
  if (dir === null) {
    throw new Error(`The PDF fonts (resources/fonts/${FACE_FILES.regular}) were not found above ${start}.`);
  }
  return dir;
}

const files = new Map<FaceId, Uint8Array>();

/** The TTF bytes of a face, read once per process, when first needed. */
export function faceBytes(id: FaceId): Uint8Array {
  let bytes = files.get(id);
  if (!bytes) {
    bytes = readFileSync(join(findFontsDir(), FACE_FILES[id]));
    files.set(id, bytes);
  }
  return bytes;
}

/** The faces this process has read so far (a Latin-only document reads no fallback). */
export const facesRead = (): FaceId[] => [...files.keys()];

/** Arabic and Hebrew presentation forms: the shapes joining and ligatures substitute. */
const PRESENTATION_FORM = /[\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_FORM = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/**
 * The code points a glyph first reached from `cp` should read as (see the header). An Arabic
 * ligature ("لا" as one glyph) reads as its letters in the order it is drawn, right to left, as
 * readers reverse a right-to-left run glyph by glyph to get back to the typed order.
 */
function readsAs(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  if (!PRESENTATION_FORM.test(ch)) return [cp];
  const base = ch.normalize('NFKC');
  if (base === ch || base === '') return [cp];
  const letters = [...base].map((c) => c.codePointAt(0) ?? cp);
  return ARABIC_FORM.test(ch) ? letters.reverse() : letters;
}

/** Settle every cmap glyph's code points in a fixed order (see the header). */
function settleGlyphs(font: ParsedFont): void {
  const codePoints = [...font.characterSet].sort((a, b) => a - b);
  const forms = new Set(codePoints.filter((cp) => PRESENTATION_FORM.test(String.fromCodePoint(cp))));
  for (const cp of codePoints) if (!forms.has(cp)) font.glyphForCodePoint(cp);
  // A presentation form's glyph not already reached from a letter reads as that letter.
  const cmap = (font as unknown as { _cmapProcessor: { lookup(cp: number): number } })._cmapProcessor;
  for (const cp of forms) font.getGlyph(cmap.lookup(cp), readsAs(cp));
}

let rightToLeft = false;

/**
 * Run `draw` (a pdf-lib drawText or measure) with the glyphs of every layout in it reversed:
 * a right-to-left run, given in logical order, comes out in visual order.
 */
export function inRightToLeft<T>(draw: () => T): T {
  const before = rightToLeft;
  rightToLeft = true;
  try {
    return draw();
  } finally {
    rightToLeft = before;
  }
}

/** Shape in logical order, never reversed by fontkit's own guess; reversed when asked. */
function controlDirection(font: ParsedFont): void {
  const layout = font.layout.bind(font) as (...args: unknown[]) => ReturnType<ParsedFont['layout']>;
  (font as { layout: unknown }).layout = (text: string, features?: unknown, script?: unknown, language?: unknown) => {
    const run = layout(text, features, script, language, 'ltr');
    if (rightToLeft) {
      run.glyphs.reverse();
      run.positions.reverse();
    }
    return run;
  };
}

const parsed = new WeakMap<Uint8Array, ParsedFont>();

function parseOnce(bytes: Uint8Array, postscriptName?: string): ParsedFont {
  // Only the module's own buffers are cached (a WeakMap keyed by identity): other bytes, or a
  // collection's named face, go straight to fontkit.
  if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
  const hit = parsed.get(bytes);
  if (hit) return hit;
  const font = fontkit.create(bytes);
  settleGlyphs(font);
  controlDirection(font);
  parsed.set(bytes, font);
  return font;
}

/** A fontkit for pdf-lib that parses each font buffer once per process. */
export const cachingFontkit: Fontkit = { create: parseOnce };

const coverage = new Map<FaceId, ReadonlySet<number>>();

/** The code points a face has (reads and parses the face the first time). */
export function faceCoverage(id: FaceId): ReadonlySet<number> {
  let set = coverage.get(id);
  if (!set) {
    set = new Set(parseOnce(faceBytes(id)).characterSet);
    coverage.set(id, set);
  }
  return set;
}

/**
 * The first face of `chain` that has every one of `codePoints`, or null. Fallback faces are
 * looked at only when the faces before them lack something, so they are not read for nothing.
 */
export function faceFor(chain: readonly FaceId[], codePoints: readonly number[]): FaceId | null {
  for (const id of chain) {
    const set = faceCoverage(id);
    if (codePoints.every((cp) => set.has(cp))) return id;
  }
  return null;
}

/** A new object per embed: fontkit writes the features it applied back into the object it is given. */
const layoutFeatures = (): Record<string, boolean> => ({
  liga: false,
  clig: false,
  calt: false,
  dlig: false,
  kern: false,
  mark: false,
  mkmk: false,
  curs: false,
});

const typefaceKeys: Record<TextStyleName, object> = { regular: {}, bold: {} };

/**
 * Embed the regular and bold faces into `doc` as subsets, plus the fallback faces in `fallbacks`
 * (those the document's text needs: printable-text.ts says which).
 */
export async function embedFonts(doc: PDFDocument, fallbacks: Iterable<FaceId> = []): Promise<DocumentFonts> {
  doc.registerFontkit(cachingFontkit);
  const wanted = new Set<FaceId>(['regular', 'bold', ...fallbacks]);
  const embedded = new Map<FaceId, EmbeddedFace>();
  // Always in the same order, so the same text gives the same object numbers and bytes.
  for (const id of ['regular', 'bold', ...FALLBACK_FACES] as const) {
    if (!wanted.has(id)) continue;
    const font = await doc.embedFont(faceBytes(id), { subset: true, features: layoutFeatures() });
    embedded.set(id, { id, font, covered: faceCoverage(id) });
  }
  const typeface = (style: TextStyleName): Typeface => ({
    key: typefaceKeys[style],
    style,
    faces: CHAINS[style].flatMap((id) => embedded.get(id) ?? []),
  });
  return { regular: typeface('regular'), bold: typeface('bold') };
}
