/**
 * Scans appended to the cost attachment: PDF pages copied as they are and stamped (whatever
 * their rotation and boxes), images on their own captioned page, page numbers across the whole
 * file, and a clear refusal naming a scan that cannot be appended.
 */
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { ScanAppendError } from '../../../electron/services/pdf/scan-append';
import { checkPdf, pdfPages, pdfPageTotal, pdfText, textBoxes } from '../../fixtures/pdf-read';
import { encryptedScanPdf, makeJpeg, makePng, makeScanPdf } from '../../fixtures/scan-files';
import { sampleAttachment, sampleLine } from './sample-models';

async function render(...args: Parameters<typeof renderAttachment>): Promise<Uint8Array> {
  const bytes = await renderAttachment(...args);
  await checkPdf(bytes);
  return bytes;
}

describe('renderAttachment: appended scans', () => {
  const invoiceLabel = 'Supplier invoice INV-884213 (McKesson), 2025-02-20';

  it('appends a 3-page PDF scan as 3 pages, stamped with the document ID and page X of Y', async () => {
    const bytes = await render(sampleAttachment(), [
      { label: invoiceLabel, mediaType: 'application/pdf', bytes: await makeScanPdf(3) },
    ]);
    expect(await pdfPageTotal(bytes)).toBe(4);
    const pages = await pdfPages(bytes);
    expect(pages[0]).toContain('Attached documents');
    expect(pages[0]).toMatch(/pages 2–4\s+Supplier invoice INV-884213 \(McKesson\), 2025-02-20/);
    expect(pages[0]).toContain('as supported by the attached supplier invoice');
    expect(pages[0]).toContain('Page 1 of 4');
    for (let i = 1; i <= 3; i++) {
      expect(pages[i]).toContain(`Supplier scan page ${i}`);
      expect(pages[i]).toContain(`Document ATT-000042-v1 · Page ${i + 1} of 4`);
    }
  });

  it('appends a PNG and a JPEG as one captioned page each', async () => {
    for (const scan of [
      { label: 'Packing slip photo', mediaType: 'image/png' as const, bytes: makePng(40, 60) },
      { label: 'Invoice page photo', mediaType: 'image/jpeg' as const, bytes: makeJpeg() },
      { label: 'Wide receipt', mediaType: 'image/png' as const, bytes: makePng(90, 30) },
    ]) {
      const bytes = await render(sampleAttachment(), [scan]);
      expect(await pdfPageTotal(bytes), scan.label).toBe(2);
      const pages = await pdfPages(bytes);
      expect(pages[0]).toMatch(new RegExp(`page 2\\s+${scan.label}`));
      expect(pages[1]).toContain(`Appended scan: ${scan.label}`);
      expect(pages[1]).toContain('Document ATT-000042-v1 · Page 2 of 2');
    }
  });

  it('numbers every page across the attachment and all its scans, in order', async () => {
    const scans = [
      { label: invoiceLabel, mediaType: 'application/pdf' as const, bytes: await makeScanPdf(3) },
      { label: 'Packing slip photo', mediaType: 'image/png' as const, bytes: makePng(40, 60) },
      { label: 'Invoice page photo', mediaType: 'image/jpeg' as const, bytes: makeJpeg() },
    ];
    const bytes = await render(sampleAttachment(), scans);
    const pages = await pdfPages(bytes);
    const own = pages.findIndex((p) => p.includes('Supplier scan page 1'));
    expect(own).toBeGreaterThanOrEqual(1);
    const total = own + 5;
    expect(await pdfPageTotal(bytes)).toBe(total);
    const text = pages.slice(0, own).join('\n');
    expect(text).toMatch(new RegExp(`pages ${own + 1}–${own + 3}\\s+Supplier invoice INV-884213`));
    expect(text).toMatch(new RegExp(`page ${own + 4}\\s+Packing slip photo`));
    expect(text).toMatch(new RegExp(`page ${own + 5}\\s+Invoice page photo`));
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${total}`));
    expect(pages[own + 3]).toContain('Appended scan: Packing slip photo');
    expect(pages[own + 4]).toContain('Appended scan: Invoice page photo');
  });

  it('stamps rotated pages and pages with offset boxes at their visual bottom, inside the visible box', async () => {
    for (const rotate of [0, 90, 180, 270, -90, 450]) {
      for (const cropOffset of [false, true]) {
        const what = `rotation ${rotate}${cropOffset ? ', offset boxes' : ''}`;
        const scan = {
          label: what,
          mediaType: 'application/pdf' as const,
          bytes: await makeScanPdf(1, { rotate, cropOffset }),
        };
        const bytes = await render(sampleAttachment(), [scan]);
        expect((await pdfPages(bytes))[1], what).toContain('Document ATT-000042-v1 · Page 2 of 2');
        // The page as displayed: pdf.js applies the rotation to the visible box.
        const page = (await textBoxes(bytes))[1];
        if (!page) throw new Error(`no second page: ${what}`);
        const sideways = ((rotate % 180) + 180) % 180 === 90;
        expect(page.width > page.height, `${what}: shown sideways`).toBe(sideways);
        const stamp = page.runs.find((r) => r.text.includes('ATT-000042-v1'));
        expect(stamp, what).toBeDefined();
        // Upright (one line of text, not a column), in the bottom 30 points, inside the page.
        expect((stamp?.yMax ?? 0) - (stamp?.yMin ?? 0), what).toBeLessThan(12);
        expect(stamp?.yMin ?? 0, what).toBeGreaterThan(page.height - 30);
        expect(stamp?.yMax ?? Infinity, what).toBeLessThan(page.height);
        expect(stamp?.xMin ?? -1, what).toBeGreaterThan(0);
        expect(stamp?.xMax ?? Infinity, what).toBeLessThan(page.width);
      }
    }
  });

  it('stamps a scan page that has no MediaBox or a broken CropBox', async () => {
    const doc = await PDFDocument.load(await makeScanPdf(2));
    const [first, second] = doc.getPages();
    first?.node.delete(PDFName.of('MediaBox'));
    second?.node.set(PDFName.of('CropBox'), doc.context.obj(['a', 'b']));
    const bytes = await render(sampleAttachment(), [
      { label: 'odd boxes', mediaType: 'application/pdf', bytes: await doc.save() },
    ]);
    const pages = await pdfPages(bytes);
    expect(pages[1]).toContain('Supplier scan page 1');
    expect(pages[1]).toContain('Document ATT-000042-v1 · Page 2 of 3');
    expect(pages[2]).toContain('Document ATT-000042-v1 · Page 3 of 3');
  });

  it('lays an attachment that runs past one page out again so the scan page numbers are right', async () => {
    const long = 'Word '.repeat(2500);
    const model = sampleAttachment({ lines: [sampleLine({ physicianNotes: long })] });
    const bytes = await render(model, [
      { label: 'Invoice', mediaType: 'application/pdf', bytes: await makeScanPdf(2) },
    ]);
    const total = await pdfPageTotal(bytes);
    const own = total - 2;
    expect(own).toBeGreaterThan(1);
    expect(await pdfText(bytes)).toMatch(new RegExp(`pages ${own + 1}–${own + 2}\\s+Invoice`));
  });

  it('refuses an encrypted scan PDF with an error naming the scan', async () => {
    const bytes = encryptedScanPdf(1);
    const scan = { label: 'Supplier invoice INV-9 (Cardinal)', mediaType: 'application/pdf' as const, bytes };
    const err = await renderAttachment(sampleAttachment(), [scan]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScanAppendError);
    expect((err as ScanAppendError).scanLabel).toBe('Supplier invoice INV-9 (Cardinal)');
    expect((err as ScanAppendError).reason).toBe('encrypted');
    expect((err as Error).message).toContain('"Supplier invoice INV-9 (Cardinal)"');
    expect((err as Error).message).toContain('encrypted');
  });

  it('refuses broken scans (not a PDF, truncated, a bad PNG, a bad JPEG) with an error naming the scan', async () => {
    const good = await makeScanPdf(1);
    const broken = [
      {
        label: 'garbage.pdf',
        mediaType: 'application/pdf' as const,
        bytes: new TextEncoder().encode('hello, not a pdf'),
      },
      { label: 'truncated.pdf', mediaType: 'application/pdf' as const, bytes: good.slice(0, 400) },
      {
        label: 'no-pages.pdf',
        mediaType: 'application/pdf' as const,
        bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF'),
      },
      { label: 'bad.png', mediaType: 'image/png' as const, bytes: makePng().slice(0, 30) },
      {
        label: 'bad.jpg',
        mediaType: 'image/jpeg' as const,
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2]),
      },
    ];
    for (const scan of broken) {
      const err = await renderAttachment(sampleAttachment(), [scan]).catch((e: unknown) => e);
      expect(err, scan.label).toBeInstanceOf(ScanAppendError);
      expect((err as Error).message).toContain(`"${scan.label}"`);
    }
  });
});
