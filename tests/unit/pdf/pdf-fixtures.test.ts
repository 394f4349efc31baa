/**
 * The test fixtures that stand in for poppler and qpdf, proved on their own: the structural
 * check rejects damaged files, the encrypted scans really need their password, and the JPEGs
 * decode to the picture they were made of.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { blockJpeg } from '../../fixtures/block-jpeg';
import { checkPdf, decodedImage, openWithPassword } from '../../fixtures/pdf-read';
import { BANDED, encryptedScanPdf, makeBandedJpeg, makeJpeg, makeScanPdf } from '../../fixtures/scan-files';
import { tinyPdf } from '../../fixtures/scans/tiny-scans';
import { sampleAttachment } from './sample-models';

describe('checkPdf', () => {
  it('passes what pdf-lib writes and the hand-made tiny scan', async () => {
    await expect(checkPdf(await renderAttachment(sampleAttachment(), []))).resolves.toBeUndefined();
    await expect(checkPdf(await makeScanPdf(2))).resolves.toBeUndefined();
    await expect(checkPdf(tinyPdf())).resolves.toBeUndefined();
  });

  it('fails a wrong cross-reference offset, a shifted object, a truncated file and a damaged content stream', async () => {
    const text = tinyPdf('Invoice 9').toString('latin1');
    // The classic table: the entry of object 3 (the page) points one byte too far.
    const entry = /(\d{10}) 00000 n \n(?=(?:\d{10} 00000 n \n){2}trailer)/.exec(text);
    if (!entry?.[1]) throw new Error('tiny PDF layout changed');
    const shifted = text.replace(entry[0], `${String(Number(entry[1]) + 1).padStart(10, '0')} 00000 n \n`);
    await expect(checkPdf(Buffer.from(shifted, 'latin1'))).rejects.toThrow();
    // pdf-lib's cross-reference stream: a byte inserted before object 3 moves every later object.
    const rendered = Buffer.from(await renderAttachment(sampleAttachment(), []));
    const source = rendered.toString('latin1');
    const at = source.indexOf('\n3 0 obj') + 1;
    const xref = Number(/startxref\s+(\d+)/.exec(source.slice(-64))?.[1]);
    const moved = `${source.slice(0, at)} ${source.slice(at, source.lastIndexOf('startxref'))}startxref\n${xref + 1}\n%%EOF\n`;
    await expect(checkPdf(Buffer.from(moved, 'latin1'))).rejects.toThrow(/3 0|Indexing/);
    await expect(checkPdf(rendered.subarray(0, Math.floor(rendered.length * 0.7)))).rejects.toThrow();
    await expect(checkPdf(Buffer.from(text.replace('Tj ET', 'Tj XX ET'), 'latin1'))).rejects.toThrow(/XX/);
  });
});

describe('encryptedScanPdf', () => {
  it('is AES-256 encrypted: pdf.js asks for the user password and with it reads every page', async () => {
    for (const objectStreams of [true, false]) {
      const locked = await openWithPassword(encryptedScanPdf(3, 'secret', { objectStreams }), 'secret');
      expect(locked.needsPassword, `object streams ${objectStreams}`).toBe(true);
      expect(locked.text).toBe('Supplier scan page 1\nSupplier scan page 2\nSupplier scan page 3');
      await expect(openWithPassword(encryptedScanPdf(1, 'secret', { objectStreams }), 'wrong')).rejects.toThrow();
    }
    const open = await openWithPassword(encryptedScanPdf(1), '');
    expect(open).toEqual({ needsPassword: false, text: 'Supplier scan page 1' });
    const doc = await PDFDocument.load(encryptedScanPdf(1), { ignoreEncryption: true, updateMetadata: false });
    expect(doc.isEncrypted).toBe(true);
  });
});

describe('block JPEGs', () => {
  async function decode(jpeg: Uint8Array) {
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(jpeg);
    doc.addPage([100, 100]).drawImage(image, { x: 0, y: 0, width: 100, height: 100 });
    return decodedImage(await doc.save(), 1);
  }

  it('the banded photo decodes white above and black along its stored bottom edge', async () => {
    const image = await decode(makeBandedJpeg());
    expect([image.width, image.height]).toEqual([BANDED.blocksWide * 8, BANDED.blocksHigh * 8]);
    const bandTop = (BANDED.blocksHigh - BANDED.bandRows) * 8;
    for (const x of [0, 100, image.width - 1]) {
      expect(image.grey(x, 0)).toBeGreaterThan(250);
      expect(image.grey(x, bandTop - 1)).toBeGreaterThan(250);
      expect(image.grey(x, bandTop)).toBeLessThan(5);
      expect(image.grey(x, image.height - 1)).toBeLessThan(5);
    }
  });

  it('a textured block decodes around its shade', async () => {
    const image = await decode(
      blockJpeg(
        2,
        1,
        (bx) => (bx === 0 ? 60 : 200),
        () => [5, -3, 2, -1, 7],
      ),
    );
    expect([image.width, image.height]).toEqual([16, 8]);
    let [left, right] = [0, 0];
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        left += image.grey(x, y);
        right += image.grey(x + 8, y);
      }
    }
    expect(left / 64).toBeCloseTo(60, -1);
    expect(right / 64).toBeCloseTo(200, -1);
    expect(new Set([0, 1, 2, 3].map((x) => image.grey(x, 0))).size).toBeGreaterThan(1); // not flat
  });

  it('the invoice photo decodes to its size with dark blocks on white', async () => {
    const image = await decode(makeJpeg());
    expect([image.width, image.height]).toEqual([72, 88]);
    expect(image.grey(0, 0)).toBeGreaterThan(250);
    expect(image.grey(12, 20)).toBeLessThan(50);
  });
});
