/**
 * Names in every script the practice meets print as typed: read back from the PDF with pdf.js
 * (logical order, as search and copy-paste get it), Arabic with its letters joined, Hebrew and
 * Arabic right to left within left-to-right lines, CJK from the fallback face, in bold too.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { type DocumentFonts, embedFonts, faceBytes } from '../../../electron/services/pdf/fonts';
import { visualRuns } from '../../../electron/services/pdf/text-runs';
import { renderWorksheet } from '../../../electron/services/pdf/worksheet-pdf';
import { checkPdf, drawnLines, embeddedFontFiles, pdfText } from '../../fixtures/pdf-read';
import { lineWithNarrative, sampleAttachment, sampleLine, sampleWorksheet, withPatient } from './sample-models';

const NAMES = [
  'Nguyễn Thị Ánh',
  "Zoë Łukasiewicz-O'Brien",
  'Αλέξανδρος Παπαδόπουλος',
  'Дмитрий Иванов',
  '王小明',
  '李華',
  '山田太郎',
  'やまだ タロウ',
  '김민준',
  'محمد عبد الله',
  'דוד כהן',
];

describe('names in every script', () => {
  it('reads back each name exactly as typed, beside its label, from a document that passes the structural check', async () => {
    for (const name of NAMES) {
      const bytes = await renderAttachment(withPatient(name), []);
      await checkPdf(bytes);
      const text = await pdfText(bytes);
      expect(text, name).toMatch(new RegExp(`Patient ${name}\\s+Payer Prairie State Health Plan`));
      expect(text, name).not.toContain('?');
    }
  });

  it('prints CJK in bold headings with the regular CJK face, and Arabic in bold with DejaVu Bold', async () => {
    const line = sampleLine({ drug: { ...sampleLine().drug, genericName: '酮咯酸 كيتورولاك' } });
    const bytes = await renderAttachment(sampleAttachment({ lines: [line] }), []);
    expect(await pdfText(bytes)).toContain('Line 1 of 1 — 酮咯酸 كيتورولاك');
    const subsets = await embeddedFontFiles(bytes);
    const holds = (name: RegExp, face: 'bold' | 'cjk', ch: string): boolean => {
      const file = subsets.find((f) => name.test(f.name));
      if (!file) return false;
      const subset = fontkit.create(Buffer.from(file.bytes));
      const outline = fontkit
        .create(Buffer.from(faceBytes(face)))
        .glyphForCodePoint(ch.codePointAt(0) ?? 0)
        .path.toSVG();
      return Array.from({ length: subset.numGlyphs }, (_, id) => subset.getGlyph(id).path.toSVG()).includes(outline);
    };
    expect(holds(/WenQuanYiMicroHei-\d+$/, 'cjk', '酮')).toBe(true);
    expect(holds(/DejaVuSans-Bold-\d+$/, 'bold', '\uFEDB')).toBe(true); // kaf, initial form, bold
  });

  it('draws Arabic with its joined letter forms, never the isolated ones', async () => {
    const bytes = await renderAttachment(withPatient('محمد عبد الله'), []);
    const dejavu = fontkit.create(Buffer.from(faceBytes('regular')));
    const outline = (cp: number): string => dejavu.glyphForCodePoint(cp).path.toSVG();
    const regular = (await embeddedFontFiles(bytes)).find((f) => /DejaVuSans-\d+$/.test(f.name));
    if (!regular) throw new Error('DejaVu Sans is not embedded');
    const subset = fontkit.create(Buffer.from(regular.bytes));
    const drawn = new Set(Array.from({ length: subset.numGlyphs }, (_, id) => subset.getGlyph(id).path.toSVG()));
    // محمد: meem initial, hah medial, meem medial, dal final.
    for (const joined of [0xfee3, 0xfea4, 0xfee4, 0xfeaa]) {
      expect(drawn.has(outline(joined)), `U+${joined.toString(16)}`).toBe(true);
    }
    for (const isolated of [0x0645, 0x062d]) {
      expect(drawn.has(outline(isolated)), `U+${isolated.toString(16)}`).toBe(false);
    }
  });

  it('lays right-to-left names out right to left inside a left-to-right line, Latin parts in order', async () => {
    // pdf.js reads a line mixing directions as one piece and guesses its direction by majority,
    // so the order is checked as drawn: glyph by glyph, left to right on the page.
    const reversed = (s: string): string => [...s].reverse().join('');
    const narrative = 'Patient: דוד כהן, MRN 123 and محمد عبد الله, DOB 1980';
    const bytes = await renderAttachment(sampleAttachment({ lines: [lineWithNarrative(narrative)] }), []);
    // The narrative is drawn after its label ("Narrative, J3490") in the same row.
    expect(await drawnLines(bytes, 1)).toContain(
      `Narrative, J3490Patient: ${reversed('דוד כהן')}, MRN 123 and ${reversed('محمد عبد الله')}, DOB 1980`,
    );
  });

  it('prints the worksheet in any script too', async () => {
    const bytes = await renderWorksheet(sampleWorksheet({ patientName: '김민준 (דוד כהן)' }));
    await checkPdf(bytes);
    expect((await drawnLines(bytes, 1)).some((l) => l.startsWith('Patient김민준 (ןהכ דוד)'))).toBe(true);
  });
});

describe('visualRuns', () => {
  let fonts: DocumentFonts;
  beforeAll(async () => {
    fonts = await embedFonts(await PDFDocument.create(), ['cjk']);
  });
  const runs = (text: string, bold = false) =>
    visualRuns(text, bold ? fonts.bold : fonts.regular).map((r) => [r.text, r.face.id, r.rightToLeft]);

  it('keeps a Latin-only line one run of the first face', () => {
    expect(runs('Nguyễn Thị Ánh — 15 mg (0.5 ML)')).toEqual([['Nguyễn Thị Ánh — 15 mg (0.5 ML)', 'regular', false]]);
  });

  it('orders runs left to right as printed, right-to-left runs in logical order, mirrored brackets swapped', () => {
    expect(runs('MRN 7 דוד כהן (בן) end')).toEqual([
      ['MRN 7 ', 'regular', false],
      ['דוד כהן )בן(', 'regular', true],
      [' end', 'regular', false],
    ]);
    // Numbers inside right-to-left text stay left to right, after the words they follow.
    expect(runs('דוד 123 כהן')).toEqual([
      [' כהן', 'regular', true],
      ['123', 'regular', false],
      ['דוד ', 'regular', true],
    ]);
  });

  it('gives each character the first face of the chain that has it; bold falls back to the regular CJK face', () => {
    expect(runs('Dr 王小明 MD')).toEqual([
      ['Dr ', 'regular', false],
      ['王小明', 'cjk', false],
      [' MD', 'regular', false],
    ]);
    expect(runs('Dr 王小明', true)).toEqual([
      ['Dr ', 'bold', false],
      ['王小明', 'cjk', false],
    ]);
  });
});
