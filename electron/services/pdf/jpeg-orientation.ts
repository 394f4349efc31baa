/**
 * The EXIF orientation of a JPEG: how many degrees clockwise the stored pixels must be turned to
 * be seen upright. A phone photo of an invoice is usually stored sideways with orientation 6;
 * PDF ignores EXIF, so without this it would print sideways.
 *
 * Policy: only the turns are honoured (orientations 3, 6, 8). The mirrored orientations (2, 4, 5,
 * 7) come from front cameras and editing tools, not from photographing paper; they print as
 * stored. Anything unreadable means 0: the EXIF block is a hint, never a reason to fail.
 */

export type QuarterTurn = 0 | 90 | 180 | 270;

const TURNS: Record<number, QuarterTurn> = { 3: 180, 6: 90, 8: 270 };
const ORIENTATION_TAG = 0x0112;

function exifOrientation(bytes: Uint8Array, start: number, end: number): number {
  // "Exif\0\0", then a TIFF header: byte order, 42, offset of IFD0.
  if (end - start < 14 || String.fromCharCode(...bytes.subarray(start, start + 4)) !== 'Exif') return 1;
  const tiff = start + 6;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[tiff] === 0x49 && bytes[tiff + 1] === 0x49;
  if (!little && !(bytes[tiff] === 0x4d && bytes[tiff + 1] === 0x4d)) return 1;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === ORIENTATION_TAG) return view.getUint16(entry + 8, little);
  }
  return 1;
}

/** Degrees clockwise to turn the JPEG's pixels so that it reads upright; 0 when unknown. */
export function jpegQuarterTurn(bytes: Uint8Array): QuarterTurn {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 0;
  let at = 2;
  // Walk the marker segments up to the image data; EXIF lives in an APP1 segment near the start.
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) break; // start of scan, end of image
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) break;
    const end = Math.min(at + 2 + length, bytes.length);
    if (marker === 0xe1) {
      try {
        return TURNS[exifOrientation(bytes, at + 4, end)] ?? 0;
      } catch {
        return 0; // an offset pointing outside the file
      }
    }
    at = end;
  }
  return 0;
}
