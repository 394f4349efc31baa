/** Text normalization and line breaking against the real faces. */
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentFonts, embedFonts, findFontsDir } from '../../../electron/services/pdf/fonts';
import { cleanLine, cleanParagraphs } from '../../../electron/services/pdf/text-normalize';
import { textWidth, wrapText } from '../../../electron/services/pdf/text-wrap';

let fonts: DocumentFonts;
beforeAll(async () => {
  fonts = await embedFonts(await PDFDocument.create());
});

describe('findFontsDir', () => {
  it('finds resources/fonts from a folder deep inside the project, and says so when there is none', () => {
    expect(findFontsDir()).toMatch(/resources[/\\]fonts$/);
    expect(findFontsDir(`${__dirname}/a/b/c`)).toBe(findFontsDir());
    expect(() => findFontsDir('/')).toThrow(/PDF fonts/);
  });
});

describe('cleanLine / cleanParagraphs', () => {
  it('composes decomposed text (NFC) and keeps Latin, Vietnamese, Greek and Cyrillic', () => {
    const name = 'Nguyễn Thị Ánh Đặng Łukasiewicz Ωμέγα Жанна';
    expect(cleanLine(name.normalize('NFD'))).toBe(name);
    expect(cleanLine(name)).toBe(name);
  });

  it('turns tabs and line breaks into spaces on one line, drops controls and invisible format characters', () => {
    expect(cleanLine('a\tb\r\nc\rd\ne\u2028f')).toBe('a b c d e f');
    expect(cleanLine('x\u0000\u0007\u001b\u007f\u0085y')).toBe('x y');
    expect(cleanLine('zero\u200Bwidth\u200D \uFEFFbom \u202Eltr\u202C soft\u00ADhyphen ☺\uFE0F')).toBe(
      'zerowidth bom ltr softhyphen ☺',
    );
  });

  it('drops every bidi control (embeddings, overrides, isolates, marks) and keeps everything else as given', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(cleanLine(`CLM-${controls}123`)).toBe('CLM-123');
    expect(cleanLine('中文 👍 \uD800 ok')).toBe('中文 👍 \uD800 ok'); // refused or printed elsewhere, never replaced here
  });

  it('keeps hard line breaks of paragraphs, whatever their style', () => {
    expect(cleanParagraphs('one\r\ntwo\rthree\nfour\u2029five')).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(cleanParagraphs('')).toEqual(['']);
  });
});

describe('wrapText', () => {
  const size = 10;
  const width = (s: string): number => textWidth(fonts.regular, size, s);

  it('breaks on spaces so that every line fits, and loses no word', () => {
    const text = 'The quick brown fox jumps over the lazy dog '.repeat(20).trim();
    const lines = wrapText(text, fonts.regular, size, 200);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(200.01);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a word longer than the line between grapheme clusters', () => {
    const word = 'é'.normalize('NFD').repeat(120) + 'Ω'.repeat(60);
    const lines = wrapText(`start ${word} end`, fonts.regular, size, 150);
    expect(lines[0]).toBe('start');
    expect(lines.at(-1)?.endsWith(' end')).toBe(true);
    expect(lines.join('').replace('start', '').replace(' end', '')).toBe(word);
    for (const line of lines) {
      expect(width(line)).toBeLessThanOrEqual(150.01);
      expect(line.startsWith('\u0301')).toBe(false); // an accent never starts a line
    }
  });

  it('always makes progress: one cluster per line when the width is tiny; blank stays one blank line', () => {
    expect(wrapText('abc', fonts.regular, size, 0.1)).toEqual(['a', 'b', 'c']);
    expect(wrapText('   ', fonts.regular, size, 100)).toEqual(['']);
    expect(wrapText('a    b', fonts.regular, size, 100)).toEqual(['a b']);
  });
});
