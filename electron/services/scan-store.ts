/**
 * The supplier's scanned invoices, kept beside the database in `<dataDir>/scans/`. Policy:
 * - A scan travels with a J3490 claim as proof of acquisition cost, so only what a payer's portal
 *   or fax takes is kept: PDF, PNG or JPEG, known by the file's first bytes, never by its name. A
 *   name that claims another type than the content ("invoice.pdf" holding text) is refused too:
 *   the person picked the wrong file.
 * - Files are content-addressed: `<sha256>.<pdf|png|jpg>`. The same bytes attached to two invoices
 *   are one file, and a file is never changed or deleted once written (another invoice may name it).
 * - A scan is written durably (durable-file.ts): a crash leaves either no scan or the whole
 *   scan, never half of one.
 * - Reading checks the bytes against their SHA-256, so a scan damaged on disk is reported rather
 *   than sent to a payer.
 * Plain node:fs and node:crypto only: the CLI and browser mode run this without Electron.
 */
import { join } from 'node:path';
import { AppError } from './app-error';
import { contentPath, readContent, saveContent } from './content-file';

export const MAX_SCAN_BYTES = 25 * 1024 * 1024;

export const SCAN_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'a PDF', nameExtensions: ['pdf'] },
  'image/png': { extension: 'png', label: 'a PNG image', nameExtensions: ['png'] },
  'image/jpeg': { extension: 'jpg', label: 'a JPEG image', nameExtensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
} as const;
export type ScanMediaType = keyof typeof SCAN_TYPES;

const UNSUPPORTED = 'Attach a PDF, PNG or JPEG scan of the invoice.';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// FileReader.readAsDataURL puts this in front of the base64; accept it rather than make every
// caller strip it.
const DATA_URL_PREFIX = /^data:[\w.+-]+\/[\w.+-]+;base64,/;

export const isScanMediaType = (s: string): s is ScanMediaType => Object.hasOwn(SCAN_TYPES, s);

/** The real type of a file from its first bytes, or null when it is not a PDF, PNG or JPEG. */
export function sniffScanType(bytes: Uint8Array): ScanMediaType | null {
  const starts = (signature: Buffer) =>
    bytes.length >= signature.length && signature.equals(Buffer.from(bytes.subarray(0, signature.length)));
  if (starts(PDF_SIGNATURE)) return 'application/pdf';
  if (starts(PNG_SIGNATURE)) return 'image/png';
  if (starts(JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

/** "Invoice 123.PDF" → "pdf"; null when the name has no extension ("McKesson, Inc." has none). */
function nameExtension(fileName: string): string | null {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * Decode what the UI sent and decide whether it is a scan we keep. Refusals: SCAN_UNREADABLE (not
 * base64), SCAN_EMPTY, SCAN_TOO_LARGE, SCAN_TYPE_UNSUPPORTED (not a PDF/PNG/JPEG, or named as
 * another type than it is).
 */
export function checkScan(fileName: string, contentBase64: string): { bytes: Buffer; mediaType: ScanMediaType } {
  const text = contentBase64.replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) {
    throw new AppError('SCAN_UNREADABLE', `"${fileName}" did not arrive intact; attach it again.`);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) {
    throw new AppError('SCAN_EMPTY', `"${fileName}" is empty. ${UNSUPPORTED}`);
  }
  if (bytes.length > MAX_SCAN_BYTES) {
    throw new AppError(
      'SCAN_TOO_LARGE',
      `"${fileName}" is over 25 MB, the most a scan may be; scan it again at a lower resolution or in grayscale.`,
    );
  }
  const mediaType = sniffScanType(bytes);
  if (mediaType === null) {
    throw new AppError('SCAN_TYPE_UNSUPPORTED', `"${fileName}" is not a PDF, PNG or JPEG file. ${UNSUPPORTED}`);
  }
  const named = nameExtension(fileName);
  const accepted: readonly string[] = SCAN_TYPES[mediaType].nameExtensions;
  if (named !== null && !accepted.includes(named)) {
    throw new AppError(
      'SCAN_TYPE_UNSUPPORTED',
      `"${fileName}" is named as a .${named} file but holds ${SCAN_TYPES[mediaType].label}; check that this is the right file. ${UNSUPPORTED}`,
    );
  }
  return { bytes, mediaType };
}

/** `key`: the data key when the folder is encrypted (scans are then sealed on disk). */
export function scanStore(dataDir: string, key?: Buffer) {
  const folder = join(dataDir, 'scans');

  const pathOf = (sha256: string, mediaType: ScanMediaType): string =>
    contentPath(folder, sha256, SCAN_TYPES[mediaType].extension);

  return {
    folder,
    pathOf,

    /** Store the bytes under their hash; `written` is false when that scan was already there. */
    save: (bytes: Buffer, mediaType: ScanMediaType): { sha256: string; path: string; written: boolean } =>
      saveContent(folder, bytes, SCAN_TYPES[mediaType].extension, key),

    /** The stored bytes, checked against their hash. SCAN_NOT_FOUND when the file is gone. */
    load(sha256: string, mediaType: string, describe: string): Buffer {
      if (!isScanMediaType(mediaType)) throw new RangeError(`${mediaType} is not a scan type this store keeps.`);
      const bytes = readContent(folder, sha256, SCAN_TYPES[mediaType].extension, key);
      if (bytes === 'missing') {
        throw new AppError(
          'SCAN_NOT_FOUND',
          `The scan of ${describe} is missing from the data folder (scans/${sha256.slice(0, 12)}…); attach it again.`,
        );
      }
      if (bytes === 'damaged') {
        throw new AppError(
          'SCAN_DAMAGED',
          `The scan of ${describe} has changed on disk since it was attached, so it is not sent anywhere; attach it again.`,
        );
      }
      return bytes;
    },
  };
}
export type ScanStore = ReturnType<typeof scanStore>;
