/**
 * The cost attachment read back as a payer would read it, with pdf.js (tests/fixtures/pdf-read.ts):
 * text laid out in lines, page count, document info. Every test runs the structural check on
 * what it generated.
 */
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { TextUnprintableError } from '../../../electron/services/pdf/printable-text';
import { renderWorksheet } from '../../../electron/services/pdf/worksheet-pdf';
import { checkPdf, pdfInfo, pdfPages, pdfPageTotal, pdfText, squash } from '../../fixtures/pdf-read';
import { makePng } from '../../fixtures/scan-files';
import { WORKSHEET_ONLY, lineWithNarrative, sampleAttachment, sampleLine, sampleWorksheet } from './sample-models';

// The footer prints the time in the computer's own zone: pinned here so the words are known.
process.env.TZ = 'UTC';

async function render(...args: Parameters<typeof renderAttachment>): Promise<Uint8Array> {
  const bytes = await renderAttachment(...args);
  await checkPdf(bytes);
  return bytes;
}

describe('renderAttachment: content', () => {
  it('prints every field a payer needs, on one page of at most 80 KB', async () => {
    const bytes = await render(sampleAttachment(), []);
    const text = await pdfText(bytes);
    const expected = [
      'Riverbend Family Medicine',
      '1200 Riverbend Parkway, Suite 300',
      'Springfield, IL 62704',
      '(217) 555-0142',
      'NPI 1669473521',
      'TIN 37-1234567',
      'Marta Kowalski, (217) 555-0143',
      'Drug cost attachment — HCPCS J3490, unclassified drugs',
      'Ana Díaz',
      '1961-11-23',
      'PSH88421907',
      'ACC-10442',
      'CLM-2025-000871',
      'Prairie State Health Plan',
      '2025-03-02',
      'Line 1 of 1 — Ketorolac tromethamine',
      'Toradol',
      '00409-3795-01',
      '00409379501',
      '30 mg per ML',
      '1 ML single-dose vial',
      'LOT-7Q2281',
      '2026-08-31',
      '15 mg (0.5 ML)',
      'Intramuscular',
      'Left deltoid',
      'Amount wasted',
      'J3490 JW',
      'N400409379501 ML0.5',
      'Ketorolac tromethamine (Toradol) 15 mg IM NDC 00409379501',
      'Ketorolac tromethamine (Toradol) 15 mg discarded NDC 00409379501',
      'Dana Whitfield, MD — NPI 1234567893',
      'Omar Haddad, NP — NPI 1245319599',
      '00409-3795-01 · 11-digit 00409379501 · as printed: 0409-3795-01',
      'Injection',
      'McKesson Medical-Surgical',
      'INV-884213',
      '2025-02-20',
      '$4.86',
      '$2.43',
      'Cost of waste',
      'M54.50 Low back pain, unspecified',
      'M62.830 Muscle spasm of back',
      'oral NSAIDs not tolerated (gastritis)',
      'I certify that the drug described above was administered to this patient as documented',
      'Signature',
      'Printed name',
      'Date',
      'Document ATT-000042-v1 · generated Mar 4, 2025, 3:07 PM · Page 1 of 1',
    ];
    for (const s of expected) expect(text, s).toContain(s);
    // The claim lines table: the given line and the JW line, each with its N4 string.
    expect(text).toMatch(/Dose given\s+J3490\s+1\s+N400409379501 ML0\.5/);
    expect(text).toMatch(/Amount wasted\s+J3490 JW\s+1\s+N400409379501 ML0\.5/);
    expect(await pdfPageTotal(bytes)).toBe(1);
    expect(bytes.length).toBeLessThanOrEqual(80 * 1024);
  });

  it('lists a JZ line, says "not assigned yet" for a missing claim number and leaves out a null waste cost', async () => {
    const line = sampleLine({
      dose: { given: '30 mg (1 ML)', route: 'Intramuscular', technique: 'Injection', site: '', wasted: 'None' },
      claimLines: [
        {
          kind: 'given',
          hcpcs: 'J3490',
          modifiers: ['JZ'],
          units: '1',
          n4: 'N400409379501 ML1',
          narrative: 'Ketorolac tromethamine (Toradol) 30 mg IM NDC 00409379501',
        },
      ],
      cost: { ...sampleLine().cost, wastedCost: null },
    });
    const text = await pdfText(await render(sampleAttachment({ claimNumber: '', lines: [line] }), []));
    expect(text).toMatch(/Dose given\s+J3490 JZ\s+1\s+N400409379501 ML1/);
    expect(text).toContain('not assigned yet');
    expect(text).toContain('Not recorded'); // the site
    expect(text).not.toContain('Cost of waste');
  });

  it('reconciles the cost with the invoice line: packages, list price, extended cost, discount, net per package', async () => {
    const text = await pdfText(await render(sampleAttachment(), []));
    expect(text).toMatch(/Packages bought\s+25/);
    expect(text).toMatch(/List price \/ package\s+\$5\.40/);
    expect(text).toMatch(/Discount \(line total\)\s+\$13\.50/);
    expect(text).toMatch(/Net cost \/ package\s+\$4\.86/);
    expect(squash(text)).toContain(
      squash(
        'Extended cost on the invoice line $135.00; net cost per package = ($135.00 less discount $13.50) ÷ 25 = $4.86.',
      ),
    );
  });

  it('prints each claim line with its own narrative, the technique with its times, and what the record lacks', async () => {
    const line = sampleLine({
      drug: { ...sampleLine().drug, ndcPrinted: '' },
      dose: { ...sampleLine().dose, technique: 'IV infusion, 14:05–14:50 (45 minutes)' },
      providers: { ordering: 'NPI 1234567893', rendering: 'Omar Haddad, NP — NPI 1245319599' },
    });
    const text = await pdfText(await render(sampleAttachment({ lines: [line] }), []));
    expect(text).toMatch(/Narrative, J3490\s+Ketorolac tromethamine \(Toradol\) 15 mg IM NDC 00409379501/);
    expect(text).toMatch(/Narrative, J3490 JW\s+Ketorolac tromethamine \(Toradol\) 15 mg discarded NDC/);
    expect(squash(text)).toContain(squash('IV infusion, 14:05–14:50 (45 minutes)'));
    expect(text).toContain('00409-3795-01 · 11-digit 00409379501 · as printed: not recorded');
    expect(text).toMatch(/Ordering provider\s+NPI 1234567893/);
  });

  it('titles a claim with two NOC codes with both, and numbers its lines', async () => {
    const second = sampleLine({
      administrationId: 43,
      hcpcs: 'J9999',
      hcpcsDescriptor: 'Not otherwise classified, antineoplastic drugs',
      drug: { ...sampleLine().drug, genericName: 'Examplecitabine' },
    });
    const text = await pdfText(await render(sampleAttachment({ lines: [sampleLine(), second] }), []));
    expect(squash(text)).toContain(
      squash(
        'Drug cost attachment — HCPCS J3490, unclassified drugs; J9999, not otherwise classified, antineoplastic drugs',
      ),
    );
    expect(text).toContain('Line 1 of 2 — Ketorolac tromethamine');
    expect(text).toContain('Line 2 of 2 — Examplecitabine');
  });

  it('prints the physician notes only when the biller chose to', async () => {
    const notes = 'Patient tolerated injection well.';
    const withNotes = await pdfText(await render(sampleAttachment({ includePhysicianNotes: true }), []));
    const without = await pdfText(await render(sampleAttachment({ includePhysicianNotes: false }), []));
    const emptyNotes = await pdfText(
      await render(
        sampleAttachment({ includePhysicianNotes: true, lines: [sampleLine({ physicianNotes: '  ' })] }),
        [],
      ),
    );
    expect(withNotes).toContain(notes);
    expect(withNotes).toContain('Physician notes');
    expect(without).not.toContain(notes);
    expect(without).not.toContain('Physician notes');
    expect(emptyNotes).not.toContain('Physician notes');
  });

  it('never shows what only the worksheet may show', async () => {
    const attachment = await pdfText(await render(sampleAttachment(), []));
    const worksheet = await pdfText(await renderWorksheet(sampleWorksheet()));
    for (const s of WORKSHEET_ONLY) {
      expect(worksheet, `the worksheet shows ${s}`).toContain(s);
      expect(attachment.toLowerCase(), `the attachment must not show ${s}`).not.toContain(s.toLowerCase());
    }
  });

  it('prints Vietnamese, Polish and other Latin names exactly, also when typed decomposed', async () => {
    const names = ['Nguyễn Thị Ánh', "Zoë Łukasiewicz-O'Brien", 'Đặng'];
    const model = sampleAttachment({
      patient: { ...sampleAttachment().patient, name: names[0]?.normalize('NFD') ?? '' },
      practice: { ...sampleAttachment().practice, billingContact: names[1] ?? '' },
      lines: [sampleLine({ providers: { ordering: names[2] ?? '', rendering: 'Søren Ærøe, Ýmir Þór' } })],
    });
    const text = await pdfText(await render(model, []));
    for (const name of [...names, 'Søren Ærøe, Ýmir Þór']) expect(text).toContain(name);
  });
});

describe('renderAttachment: long text flows onto further pages', () => {
  it('prints 8,000 characters of notes and necessity and a 300-character word, to the last word', async () => {
    const sentence = 'The patient reports persistent pain despite conservative therapy and physical treatment. ';
    const long = sentence.repeat(Math.ceil(8000 / sentence.length)).slice(0, 8000);
    const word = 'X'.repeat(150) + 'Y'.repeat(150);
    const model = sampleAttachment({
      lines: [
        sampleLine({
          medicalNecessity: `${long} ${word} necessity-ends-here`,
          physicianNotes: `${long}\n\nSecond paragraph.\r\nThird line ${word} notes-end-here`,
        }),
      ],
    });
    const bytes = await render(model, []);
    const pages = await pdfPageTotal(bytes);
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(bytes);
    expect(text).toContain('necessity-ends-here');
    expect(text).toContain('notes-end-here');
    expect(text).toContain('Second paragraph.');
    // Nothing is cut: with the footers taken out, every character of both texts is there, in order.
    const body = squash(text.replace(/^.*Document ATT-000042-v1 · generated.*$/gm, ''));
    expect(body).toContain(word);
    expect(body).toContain(squash(long));
    expect(body.split(squash(long)).length - 1).toBe(2);
    // Every page carries the footer with the right count, and the certification is still last.
    const perPage = await pdfPages(bytes);
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages}`));
    expect(perPage.at(-1)).toContain('Printed name');
  });
});

describe('renderAttachment: reproducible bytes', () => {
  it('gives the same bytes for the same model, also after other documents, and other bytes for another time', async () => {
    const model = sampleAttachment({ patient: { ...sampleAttachment().patient, name: 'Nguyễn Thị Ánh' } });
    const scans = [{ label: 'Invoice', mediaType: 'image/png' as const, bytes: makePng() }];
    const first = await render(model, scans);
    // Other documents in between use other glyphs (and a ligature-prone word) in another order.
    await renderAttachment(sampleAttachment({ practice: { ...model.practice, name: 'ﬁnance ŋ ı office Ωmega' } }), []);
    await renderWorksheet(sampleWorksheet());
    const second = await renderAttachment(model, scans);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const later = await renderAttachment({ ...model, generatedAt: '2025-03-04T15:08:09.000Z' }, scans);
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
    expect(await pdfText(later)).toContain('generated Mar 4, 2025, 3:08 PM');
  });

  it('gives the same bytes when several documents are rendered at once (the fonts are shared)', async () => {
    const models = [
      sampleAttachment(),
      sampleAttachment({ documentId: 'ATT-2' }),
      sampleAttachment({ claimNumber: '' }),
    ];
    const sequential: Uint8Array[] = [];
    for (const m of models) sequential.push(await renderAttachment(m, []));
    const concurrent = await Promise.all(models.map((m) => renderAttachment(m, [])));
    concurrent.forEach((bytes, i) => expect(Buffer.from(bytes).equals(Buffer.from(sequential[i] ?? []))).toBe(true));
  });

  it('keeps "office" and "fi" searchable (no ligature glyphs)', async () => {
    const model = sampleAttachment({
      lines: [sampleLine({ physicianNotes: 'office staff confirmed the fill volume' })],
    });
    expect(await pdfText(await render(model, []))).toContain('office staff confirmed the fill volume');
  });
});

describe('renderAttachment: metadata', () => {
  it('names the document and the practice, dates it generatedAt, and carries no patient data', async () => {
    const info = await pdfInfo(await render(sampleAttachment(), []));
    expect(info.Title).toBe('Drug cost attachment ATT-000042-v1');
    expect(info.Author).toBe('Riverbend Family Medicine');
    expect(info.Subject).toContain('Unclassified drug');
    expect(info.Creator).toBe('J3490 Desk');
    expect(info.Producer).toBe('J3490 Desk PDF writer (pdf-lib 1.17)');
    expect(info.CreationDate).toBe('2025-03-04T15:07:09Z');
    expect(info.ModDate).toBe('2025-03-04T15:07:09Z');
    expect(info['Page size']).toBe('612 x 792 pts'); // US letter
    expect(Object.values(info).join(' ')).not.toContain('Díaz');
  });
});

describe('renderAttachment: input that must not break it', () => {
  it('prints control characters, tabs, bidi controls, right-to-left text and CJK around what it drops', async () => {
    const weird = 'Pain \u0007bell\u0000nul\ttab\u200Bzw\u202Ertl\u202C שלום مرحبا 中文 ☺️ end';
    const line = sampleLine({
      claimLines: sampleLine().claimLines.map((c) => ({ ...c, narrative: weird })),
      providers: { ordering: `${weird} — NPI 1234567893`, rendering: weird },
      dose: { ...sampleLine().dose, technique: weird },
      medicalNecessity: `${weird}\r\n${weird}\n\n\n`,
      physicianNotes: weird,
      diagnoses: [weird, ''],
      drug: { ...sampleLine().drug, genericName: weird },
    });
    const bytes = await render(
      sampleAttachment({
        documentId: `ATT-${weird}`,
        practice: { ...sampleAttachment().practice, name: weird },
        lines: [line],
      }),
      [],
    );
    const text = await pdfText(bytes);
    // The zero-width space and the bidi override vanish; the override reorders nothing.
    expect(text).toContain('Pain bellnul tabzwrtl שלום مرحبا 中文 ☺ end');
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('?');
  });

  it('refuses, before making anything, a field holding an emoji, a lone surrogate or a private-use character', async () => {
    const refusal = (model: ReturnType<typeof sampleAttachment>) =>
      renderAttachment(model, []).then(
        () => null,
        (e: unknown) => e,
      );
    const base = sampleAttachment();
    const emoji = await refusal(sampleAttachment({ patient: { ...base.patient, name: 'Ana 😀 Díaz' } }));
    expect(emoji).toBeInstanceOf(TextUnprintableError);
    expect((emoji as Error).message).toBe(
      'Patient name contains the emoji "😀" (U+1F600), and emoji are not printed on claim documents. Remove or replace it, then generate again.',
    );
    const surrogate = await refusal(sampleAttachment({ lines: [lineWithNarrative('Pain \uD800 noted')] }));
    expect((surrogate as Error).message).toMatch(
      /^Line 1 claim line 1 NOC narrative contains a damaged character \(U\+D800/,
    );
    const privateUse = await refusal(sampleAttachment({ practice: { ...base.practice, name: 'Clinic \uE000' } }));
    expect((privateUse as Error).message).toMatch(/^Practice name contains a private-use character \(U\+E000\)/);
    const skinTone = await refusal(sampleAttachment({ lines: [sampleLine({ diagnoses: ['ok', 'thumbs 👍🏽'] })] }));
    expect((skinTone as Error).message).toMatch(/^Line 1 diagnosis 2 contains the emoji "👍" \(U\+1F44D\)/);
  });

  it('prints a model with every string empty and no lines', async () => {
    const empty = sampleAttachment({
      documentId: '',
      generatedAt: '',
      generatedBy: '',
      practice: { name: '', addressLines: [], phone: '', npi: '', tin: '', billingContact: '' },
      payerName: '',
      patient: { name: '', dateOfBirth: '', memberId: '', accountNumber: '' },
      claimNumber: '',
      lines: [],
    });
    const bytes = await render(empty, []);
    expect(await pdfText(bytes)).toContain('Drug cost attachment');
    const emptyLine = sampleLine({
      dateOfService: '',
      hcpcs: '',
      hcpcsDescriptor: '',
      drug: {
        genericName: '',
        brandName: '',
        ndc542: '',
        ndc11: '',
        ndcPrinted: '',
        strength: '',
        packageDescription: '',
      },
      lot: { number: '', expiry: '' },
      dose: { given: '', route: '', technique: '', site: '', wasted: '' },
      claimLines: [],
      providers: { ordering: '', rendering: '' },
      cost: {
        supplier: '',
        invoiceNumber: '',
        invoiceDate: '',
        packages: '',
        listPricePerPackage: '',
        extendedCost: '',
        discount: '',
        netCostPerPackage: '',
        givenCost: '',
        wastedCost: null,
      },
      diagnoses: [],
      medicalNecessity: '',
      physicianNotes: '',
    });
    const text = await pdfText(await render({ ...empty, lines: [emptyLine] }, []));
    expect(text).toContain('Line 1 of 1 — —');
  });
});
