/**
 * How search compares text: a person types "zoe lukasiewicz" and finds "Zoë Łukasiewicz". Both
 * sides are folded the same way, in SQL (the `fold` function registered on every connection) and
 * in the renderer (lists filtered locally), so a name found in one place is found in all:
 *   - compatibility decomposition (NFKD) splits accented letters into letter + mark, and turns
 *     ligatures and full-width characters into plain ones ("ﬁ" → "fi", "１２" → "12");
 *   - lower case, then every combining mark removed ("Ñ" → "n", "İ" → "i");
 *   - the letters Unicode does not decompose get their usual Latin spelling ("ł" → "l",
 *     "ø" → "o", "æ" → "ae", "ß" → "ss", "đ" → "d", "ı" → "i");
 *   - typographic apostrophes and dashes become the plain ones a keyboard types ("O’Brien").
 * Text that is already plain ASCII only needs lower case: that shortcut keeps a search over every
 * row of a large table cheap, since almost every stored name and code is ASCII.
 */

const LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ſ: 's',
  ς: 'σ',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

const NOT_ASCII = /[^\p{ASCII}]/u;
const MARKS = /\p{M}+/gu;
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** `text` as search compares it: lower case, without accents, in plain Latin letters. */
export function foldForSearch(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(UNDECOMPOSED, (c) => LETTERS[c] ?? c);
}

/** True when every word of `search` is found in `text`, both folded (an empty search finds everything). */
export function foldedMatch(text: string, search: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(search)
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}
