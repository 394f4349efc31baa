/**
 * Bytes → text. CMS publishes its pricing files in Windows-1252 / ISO-8859-1, payers mostly in
 * UTF-8 (often with a BOM, as Excel writes "CSV UTF-8"), and Excel's "Unicode text" is UTF-16LE.
 * Policy: a BOM decides; otherwise the bytes are UTF-8 when they are valid UTF-8, else
 * Windows-1252 (a superset of ISO-8859-1 for printable text). Guessing per file, never per line,
 * so one file never mixes two readings.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1: bytes 0x80–0x9F come out as C1
// control characters (U+0092) instead of what Windows-1252 puts there (’ € – …). Those 27
// characters are mapped here; the five bytes Windows-1252 leaves undefined keep their code point,
// as the WHATWG encoding standard says.
const CP1252_HIGH: Record<number, string> = {
  0x80: '\u20ac',
  0x82: '\u201a',
  0x83: '\u0192',
  0x84: '\u201e',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02c6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8e: '\u017d',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201c',
  0x94: '\u201d',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02dc',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203a',
  0x9c: '\u0153',
  0x9e: '\u017e',
  0x9f: '\u0178',
};
const C1 = /[\u0080-\u009f]/g;

// Buffer's latin1 is the same ISO-8859-1 reading as Node 20's TextDecoder('windows-1252'), at a
// fifth of the time on a 56 MB FDA product.txt.
function decodeCp1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0)] ?? c);
}

export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' };

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // TextDecoder drops the BOM itself; a BOM'd file that is not valid UTF-8 is still read leniently.
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  }
}

/** True when the bytes look like a binary file rather than text (a NUL in the first 8 KB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}
