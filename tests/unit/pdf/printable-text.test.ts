/**
 * The check made before every document: each field's text printable as typed, or a refusal
 * naming the field and the character; and the fallback faces the text needs.
 */
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { fieldLabel, labelledTexts } from '../../../electron/services/pdf/field-labels';
import { checkPrintable, TextUnprintableError } from '../../../electron/services/pdf/printable-text';
import { renderWorksheet } from '../../../electron/services/pdf/worksheet-pdf';
import { tinyPdf } from '../../fixtures/scans/tiny-scans';
import { sampleAttachment, sampleLine, sampleWorksheet } from './sample-models';

const refusalOf = (fn: () => unknown): TextUnprintableError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TextUnprintableError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('checkPrintable', () => {
  it('passes Latin, Vietnamese, Greek, Cyrillic, Hebrew, Arabic and symbols with the faces every document has', () => {
    const texts = ['Nguyễn Thị Ánh', 'Αλέξανδρος', 'Дмитрий', 'דוד כהן', 'محمد', '≥ 10 µg · ☺ © ½ → ✓'];
    expect(checkPrintable(texts.map((text) => ({ label: 'Name', text })))).toEqual([]);
  });

  it('asks for the CJK face for Chinese, Japanese and Korean', () => {
    for (const text of ['王小明', '李華', 'やまだ', 'タロウ', '김민준']) {
      expect(checkPrintable([{ label: 'Name', text: `Dr ${text}` }]), text).toEqual(['cjk']);
    }
  });

  it('ignores what has no visible form: controls, zero-width and bidi characters, variation selectors', () => {
    expect(
      checkPrintable([{ label: 'Name', text: 'A\u0000\u200B\u200D\u202E\u2066\uFEFF\uFE0F\u00AD\tB\r\nC' }]),
    ).toEqual([]);
  });

  it('refuses an emoji even where a face has a glyph for it, and names the field and the character', () => {
    const e = refusalOf(() => checkPrintable([{ label: 'Patient name', text: 'Ana 😀' }]));
    expect(e.field).toBe('Patient name');
    expect(e.character).toBe('😀');
    expect(e.reason).toBe('emoji');
    expect(e.message).toContain('"😀" (U+1F600)');
    // A flag, and a text symbol asked to show as a picture is printed as the symbol.
    expect(refusalOf(() => checkPrintable([{ label: 'Site', text: 'US 🇺🇸' }])).message).toContain('U+1F1FA');
    expect(checkPrintable([{ label: 'Site', text: '☺\uFE0F' }])).toEqual([]);
  });

  it('refuses a character no face has, a private-use character and half a surrogate pair, first one first', () => {
    const thai = refusalOf(() =>
      checkPrintable([
        { label: 'Payer name', text: 'Bangkok ok' },
        { label: 'Patient name', text: 'สมชาย 😀' },
      ]),
    );
    expect(thai.message).toBe(
      'Patient name contains "ส" (U+0E2A), which none of the PDF fonts can print. Remove or replace it, then generate again.',
    );
    expect(refusalOf(() => checkPrintable([{ label: 'Lot number', text: 'L\uF8FF1' }])).reason).toBe('private-use');
    const broken = refusalOf(() => checkPrintable([{ label: 'Lot number', text: 'L\uDC001' }]));
    expect([broken.reason, broken.message]).toEqual([
      'broken',
      'Lot number contains a damaged character (U+DC00, half of a UTF-16 pair). Remove or replace it, then generate again.',
    ]);
  });
});

describe('field labels', () => {
  it('names model fields the way a biller reads them, including fields added later', () => {
    expect(fieldLabel(['patient', 'name'])).toBe('Patient name');
    expect(fieldLabel(['practice', 'addressLines', 1])).toBe('Practice address line 2');
    expect(fieldLabel(['lines', 0, 'drug', 'genericName'])).toBe('Line 1 generic name');
    expect(fieldLabel(['lines', 1, 'providers', 'ordering'])).toBe('Line 2 ordering provider');
    expect(fieldLabel(['lines', 0, 'diagnoses', 2])).toBe('Line 1 diagnosis 3');
    expect(fieldLabel(['lines', 0, 'cost', 'invoiceListPrice'])).toBe('Line 1 invoice list price');
    expect(fieldLabel(['lines', 0, 'drug'])).toBe('Line 1 drug');
    expect(fieldLabel(['practice', 'npi'])).toBe('Practice NPI');
  });

  it('walks every string of a model in order, leaving out what the caller skips', () => {
    const texts = labelledTexts(
      { a: 'x', b: [{ c: 'y', n: 1, ok: true, none: null }], skipMe: 'z' },
      (p) => p[0] === 'skipMe',
    );
    expect(texts).toEqual([
      { label: 'A', text: 'x' },
      { label: 'B 1 c', text: 'y' },
    ]);
  });
});

describe('documents refuse before they are made', () => {
  const base = sampleAttachment();

  it('checks the physician notes only when they are printed, and never who generated the document', async () => {
    const notes = sampleLine({ physicianNotes: 'Tolerated well 👍' });
    const withoutNotes = sampleAttachment({ lines: [notes], includePhysicianNotes: false, generatedBy: 'dana 😀' });
    await expect(renderAttachment(withoutNotes, [])).resolves.toBeInstanceOf(Uint8Array);
    await expect(renderAttachment({ ...withoutNotes, includePhysicianNotes: true }, [])).rejects.toThrow(
      /^Line 1 physician notes contains the emoji "👍"/,
    );
  });

  it('names a scan by its place when its label cannot be printed, before reading any scan', async () => {
    const scans = [
      { label: 'Invoice', mediaType: 'application/pdf' as const, bytes: tinyPdf() },
      { label: 'Invoice \uE123', mediaType: 'application/pdf' as const, bytes: new Uint8Array([1, 2, 3]) },
    ];
    await expect(renderAttachment(base, scans)).rejects.toThrow(/^Scan 2 label contains a private-use character/);
  });

  it('refuses the worksheet the same way, naming its field', async () => {
    const line = sampleWorksheet().lines[0];
    if (!line) throw new Error('sample has a line');
    const model = sampleWorksheet({ lines: [{ ...line, trace: ['Step one', 'Step 🚀'] }] });
    await expect(renderWorksheet(model)).rejects.toThrow(/^Line 1 trace step 2 contains the emoji "🚀" \(U\+1F680\)/);
  });
});
