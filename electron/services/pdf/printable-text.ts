/**
 * Whether a document's text can be printed as typed, decided before anything is drawn.
 *
 * Policy: a document prints every character it was given, or it is not made. Every field's text
 * is cleaned as the layout will clean it (text-normalize.ts: invisible characters go), then each
 * character must be drawable by one of the faces (fonts.ts). Refused, with the field and the
 * character named, so the biller can correct the record:
 * - an emoji (a character shown as a picture by default, Unicode Emoji_Presentation, skin tones
 *   and flags included), even where a face has a black-and-white glyph for it: a claim document
 *   is read by people and payers' systems that expect the name as registered, and a face that
 *   has 😀 but not 👍 would make the rule depend on which picture was typed;
 * - a private-use character: its meaning belongs to the program that typed it;
 * - half of a UTF-16 surrogate pair: a damaged character;
 * - anything no face has (a script the fonts do not cover, an unassigned code point).
 * The check also says which fallback faces the document needs, so only those are embedded.
 */
import { CHAINS, type FaceId, FALLBACK_FACES, faceCoverage, faceFor } from './fonts';
import { cleanParagraphs } from './text-normalize';

export type UnprintableReason = 'emoji' | 'private-use' | 'broken' | 'no-font';

const codePointName = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function describe(ch: string, reason: UnprintableReason): string {
  const code = codePointName(ch);
  switch (reason) {
    case 'emoji':
      return `the emoji "${ch}" (${code}), and emoji are not printed on claim documents`;
    case 'private-use':
      return `a private-use character (${code}), which has no agreed meaning outside the program that typed it`;
    case 'broken':
      return `a damaged character (${code}, half of a UTF-16 pair)`;
    case 'no-font':
      return `"${ch}" (${code}), which none of the PDF fonts can print`;
  }
}

/** A field holds a character the PDF cannot print: the generation is refused, naming both. */
export class TextUnprintableError extends Error {
  readonly reason: UnprintableReason;

  constructor(
    readonly field: string,
    readonly character: string,
    reason?: UnprintableReason,
  ) {
    const why = reason ?? reasonFor(character) ?? 'no-font';
    super(`${field} contains ${describe(character, why)}. Remove or replace it, then generate again.`);
    this.name = 'TextUnprintableError';
    this.reason = why;
  }
}

const REFUSED = /[\p{Cs}\p{Co}\p{Emoji_Presentation}]/u;

/** Why one character (a code point) cannot be printed, or null when a face draws it. */
function reasonFor(ch: string): UnprintableReason | null {
  if (/\p{Cs}/u.test(ch)) return 'broken';
  if (/\p{Co}/u.test(ch)) return 'private-use';
  if (/\p{Emoji_Presentation}/u.test(ch)) return 'emoji';
  return faceFor(CHAINS.regular, [ch.codePointAt(0) ?? 0]) === null ? 'no-font' : null;
}

export type LabelledText = { label: string; text: string };

/**
 * Throws TextUnprintableError for the first field (in the order given) holding a character that
 * cannot be printed; otherwise returns the fallback faces the text needs.
 */
export function checkPrintable(fields: readonly LabelledText[]): FaceId[] {
  // The faces every document embeds: most text never needs to look further.
  const always = [faceCoverage('regular'), faceCoverage('bold')];
  const needed = new Set<FaceId>();
  for (const { label, text } of fields) {
    for (const line of cleanParagraphs(text)) {
      const mayRefuse = REFUSED.test(line);
      for (const ch of line) {
        const cp = ch.codePointAt(0) ?? 0;
        if (!mayRefuse && always.some((set) => set.has(cp))) continue;
        const reason = reasonFor(ch);
        if (reason) throw new TextUnprintableError(label, ch, reason);
        const face = faceFor(CHAINS.regular, [cp]);
        if (face && FALLBACK_FACES.includes(face)) needed.add(face);
      }
    }
  }
  return FALLBACK_FACES.filter((f) => needed.has(f));
}
