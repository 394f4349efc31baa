/** The internal reimbursement worksheet, read back with pdf.js and checked (tests/fixtures/pdf-read.ts). */
import { describe, expect, it } from 'vitest';
import { renderWorksheet } from '../../../electron/services/pdf/worksheet-pdf';
import { checkPdf, pdfPages, pdfPageTotal, pdfText, squash } from '../../fixtures/pdf-read';
import { sampleWorksheet } from './sample-models';

// The footer prints the time in the computer's own zone: pinned here so the words are known.
process.env.TZ = 'UTC';

describe('renderWorksheet', () => {
  it('says it is internal and shows the figures, claim lines, warnings and trace', async () => {
    const bytes = await renderWorksheet(sampleWorksheet());
    await checkPdf(bytes);
    const text = await pdfText(bytes);
    for (const s of [
      'Reimbursement worksheet — internal, do not send to the payer',
      'Riverbend Family Medicine',
      'Prairie State Health Plan',
      'Ana Díaz',
      'CLM-2025-000871',
      'Line 1 of 1 — Ketorolac tromethamine (Toradol)',
      '00409379501',
      'Contract version 3: 110% of invoice cost',
      'live: follows the data',
      'J3490 JW 10 units: basis $2.43, allowed $2.68',
      'Payer requires the invoice for every J3490 line.',
      '3. Allowed = $2.43 × 110% = $2.67 (rounded half-up to cents).',
      'Document WKS-000042-v1 · generated Mar 4, 2025, 3:07 PM · Page 1 of 1',
    ]) {
      expect(squash(text), s).toContain(squash(s));
    }
    expect(text).toMatch(/Expected payment \(payer pays\)\s+\$4\.28/);
    expect(text).toMatch(/Expected margin\s+\$0\.49/);
  });

  it('prints the refusal when there is no estimate, and says when the estimate is frozen', async () => {
    const base = sampleWorksheet().lines[0];
    if (!base) throw new Error('sample has a line');
    const bytes = await renderWorksheet(
      sampleWorksheet({
        lines: [
          { ...base, figures: [], claimLines: [], trace: [], refusal: 'No contract on file for this payer and date.' },
          { ...base, administrationId: 43, frozen: true },
        ],
      }),
    );
    await checkPdf(bytes);
    const text = await pdfText(bytes);
    expect(text).toContain('No estimate');
    expect(text).toContain('No contract on file for this payer and date.');
    expect(text).toContain('frozen: claim billed');
    expect(text).toContain('Line 2 of 2');
  });

  it('flows a long trace onto further pages with a footer on each, and survives empty input', async () => {
    const base = sampleWorksheet().lines[0];
    if (!base) throw new Error('sample has a line');
    const trace = Array.from({ length: 150 }, (_, i) => `Step ${i + 1}: ${'carry the figure forward '.repeat(4)}`);
    const bytes = await renderWorksheet(sampleWorksheet({ lines: [{ ...base, trace }] }));
    await checkPdf(bytes);
    const pages = await pdfPageTotal(bytes);
    expect(pages).toBeGreaterThan(1);
    (await pdfPages(bytes)).forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages}`));
    expect(await pdfText(bytes)).toContain('150. Step 150:');

    const empty = await renderWorksheet(
      sampleWorksheet({ documentId: '', practiceName: '', payerName: '', patientName: '', claimNumber: '', lines: [] }),
    );
    await checkPdf(empty);
    expect(await pdfText(empty)).toContain('No lines.');
  });

  it('gives the same bytes for the same model', async () => {
    const a = await renderWorksheet(sampleWorksheet());
    const b = await renderWorksheet(sampleWorksheet());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
