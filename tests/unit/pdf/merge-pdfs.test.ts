/** Merging generated documents into one file, and counting pages. */
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { mergePdfs } from '../../../electron/services/pdf/merge-pdfs';
import { pdfPageCount } from '../../../electron/services/pdf/page-count';
import { checkPdf, pdfPages, pdfPageTotal } from '../../fixtures/pdf-read';
import { encryptedScanPdf, makeScanPdf } from '../../fixtures/scan-files';
import { GENERATED_AT, sampleAttachment } from './sample-models';

describe('mergePdfs', () => {
  it('keeps every page of every part, in order, and the same parts give the same bytes', async () => {
    const first = await renderAttachment(sampleAttachment({ documentId: 'ATT-000001-v1' }), []);
    const second = await renderAttachment(sampleAttachment({ documentId: 'ATT-000002-v1' }), [
      { label: 'Invoice', mediaType: 'application/pdf', bytes: await makeScanPdf(2) },
    ]);
    const meta = { title: 'Attachments for Prairie State Health Plan', generatedAt: GENERATED_AT };
    const merged = await mergePdfs([first, second], meta);
    await checkPdf(merged);
    const pages = await pdfPages(merged);
    expect(pages).toHaveLength((await pdfPageTotal(first)) + (await pdfPageTotal(second)));
    expect(pages[0]).toContain('Document ATT-000001-v1');
    expect(pages[1]).toContain('Document ATT-000002-v1');
    expect(pages.at(-1)).toContain('Supplier scan page 2');
    const again = await mergePdfs([first, second], meta);
    expect(Buffer.from(again).equals(Buffer.from(merged))).toBe(true);
    const other = await mergePdfs([first, second], { ...meta, generatedAt: '2025-03-05T00:00:00.000Z' });
    expect(Buffer.from(other).equals(Buffer.from(merged))).toBe(false);
  });

  it('merges nothing into a valid empty document and names a part that is not a PDF', async () => {
    expect(await pdfPageCount(await mergePdfs([], { title: 'none', generatedAt: GENERATED_AT }))).toBe(0);
    await expect(
      mergePdfs([new TextEncoder().encode('nope')], { title: 't', generatedAt: GENERATED_AT }),
    ).rejects.toThrow(/Part 1 of 1 is not a readable PDF/);
  });
});

describe('pdfPageCount', () => {
  it('counts pages, also of an encrypted file whose page tree is readable, and throws on garbage', async () => {
    const three = await makeScanPdf(3);
    expect(await pdfPageCount(three)).toBe(3);
    expect(await pdfPageCount(encryptedScanPdf(3, 'secret', { objectStreams: false }))).toBe(3);
    await expect(pdfPageCount(new TextEncoder().encode('not a pdf'))).rejects.toThrow();
    expect(await pdfPageCount(await renderAttachment(sampleAttachment(), []))).toBe(1);
  });
});
