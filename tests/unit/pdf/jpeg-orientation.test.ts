/** A phone photo's EXIF orientation: read from the bytes, applied on the appended page. */
import { describe, expect, it } from 'vitest';
import { renderAttachment } from '../../../electron/services/pdf/attachment-pdf';
import { jpegQuarterTurn } from '../../../electron/services/pdf/jpeg-orientation';
import { checkPdf, imagePlacements } from '../../fixtures/pdf-read';
import { BANDED, makeBandedJpeg, withExifOrientation } from '../../fixtures/scan-files';
import { sampleAttachment } from './sample-models';

describe('jpegQuarterTurn', () => {
  it('reads orientations 3, 6 and 8 in either byte order, and 0 for everything else', async () => {
    const jpeg = makeBandedJpeg();
    expect(jpegQuarterTurn(jpeg)).toBe(0);
    for (const order of ['MM', 'II'] as const) {
      expect(jpegQuarterTurn(withExifOrientation(jpeg, 1, order))).toBe(0);
      expect(jpegQuarterTurn(withExifOrientation(jpeg, 3, order))).toBe(180);
      expect(jpegQuarterTurn(withExifOrientation(jpeg, 6, order))).toBe(90);
      expect(jpegQuarterTurn(withExifOrientation(jpeg, 8, order))).toBe(270);
      expect(jpegQuarterTurn(withExifOrientation(jpeg, 5, order))).toBe(0); // mirrored: as stored
    }
  });

  it('never throws on damaged EXIF or non-JPEG bytes', () => {
    const damaged = withExifOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), 6);
    damaged[17] = 0xff; // IFD0 offset far past the end
    expect(jpegQuarterTurn(damaged)).toBe(0);
    expect(jpegQuarterTurn(damaged.subarray(0, 12))).toBe(0);
    expect(jpegQuarterTurn(new Uint8Array([1, 2, 3]))).toBe(0);
    expect(jpegQuarterTurn(new Uint8Array())).toBe(0);
  });
});

describe('appended JPEG photos are turned upright', () => {
  it('puts the stored bottom edge where EXIF says, on a page of the right orientation', async () => {
    const jpeg = makeBandedJpeg(); // landscape, black band along the stored bottom
    const cases = [
      { orientation: 1, landscape: true, band: (c: { x: number; y: number }) => c.y > 0.55 },
      { orientation: 3, landscape: true, band: (c: { x: number; y: number }) => c.y < 0.45 },
      { orientation: 6, landscape: false, band: (c: { x: number; y: number }) => c.x < 0.45 },
      { orientation: 8, landscape: false, band: (c: { x: number; y: number }) => c.x > 0.55 },
    ];
    for (const c of cases) {
      const bytes = await renderAttachment(sampleAttachment(), [
        { label: `photo ${c.orientation}`, mediaType: 'image/jpeg', bytes: withExifOrientation(jpeg, c.orientation) },
      ]);
      await checkPdf(bytes);
      // Where the middle of the band (stored at the bottom of the photo) is on the page as shown.
      const page = await imagePlacements(bytes, 2);
      expect(page.images, `orientation ${c.orientation}: one image`).toHaveLength(1);
      const centre = page.images[0]?.(0.5, BANDED.bandRows / 2 / BANDED.blocksHigh) ?? { x: NaN, y: NaN };
      expect(page.width > page.height, `orientation ${c.orientation}: page orientation`).toBe(c.landscape);
      expect(c.band(centre), `orientation ${c.orientation}: band at ${JSON.stringify(centre)}`).toBe(true);
    }
  });
});
