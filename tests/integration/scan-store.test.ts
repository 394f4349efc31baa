/**
 * The scan store on a real temp folder: what counts as a scan (by its bytes, not its name), the
 * size limits, content-addressed names, the temp-file-then-rename write, and the hash check on
 * read. The service-level path (attach, link, view) is covered in invoices-service.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/services/app-error';
import { checkScan, MAX_SCAN_BYTES, scanStore, sniffScanType } from '../../electron/services/scan-store';
import { tinyJpeg, tinyPdf, tinyPng } from '../fixtures/scans/tiny-scans';
import { makeTempDir, removeTempDir } from './temp-dir';

let dir: string;

beforeEach(() => {
  dir = makeTempDir();
});

afterEach(() => {
  removeTempDir(dir);
});

const b64 = (bytes: Buffer): string => bytes.toString('base64');
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The AppError code `fn` throws (fails the test if it throws something else or nothing). */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('sniffScanType', () => {
  it('knows PDF, PNG and JPEG by their first bytes and nothing else', () => {
    expect(sniffScanType(tinyPdf())).toBe('application/pdf');
    expect(sniffScanType(tinyPng())).toBe('image/png');
    expect(sniffScanType(tinyJpeg())).toBe('image/jpeg');
    expect(sniffScanType(Buffer.from('Invoice 123'))).toBeNull();
    expect(sniffScanType(Buffer.from('%PDF'))).toBeNull(); // too short for the signature
    expect(sniffScanType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffScanType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffScanType(Buffer.from('II*\0'))).toBeNull(); // TIFF, which payers' portals rarely take
    expect(sniffScanType(Buffer.alloc(0))).toBeNull();
  });
});

describe('checkScan', () => {
  it('accepts each kind under a matching name, in any case, or under a name without an extension', () => {
    expect(checkScan('invoice.pdf', b64(tinyPdf())).mediaType).toBe('application/pdf');
    expect(checkScan('INVOICE.PNG', b64(tinyPng())).mediaType).toBe('image/png');
    for (const name of ['scan.jpg', 'scan.jpeg', 'scan.JPG', 'McKesson, Inc.', 'scan']) {
      expect(checkScan(name, b64(tinyJpeg())).mediaType).toBe('image/jpeg');
    }
    const { bytes } = checkScan('invoice.pdf', b64(tinyPdf()));
    expect(bytes.equals(tinyPdf())).toBe(true);
  });

  it('accepts a data URL and line-wrapped base64', () => {
    const pdf = tinyPdf();
    expect(checkScan('a.pdf', `data:application/pdf;base64,${b64(pdf)}`).bytes.equals(pdf)).toBe(true);
    const wrapped = b64(pdf).replace(/.{76}/g, '$&\r\n');
    expect(checkScan('a.pdf', wrapped).bytes.equals(pdf)).toBe(true);
  });

  it('refuses text, and a real scan under another type’s name, with SCAN_TYPE_UNSUPPORTED', () => {
    expect(codeOf(() => checkScan('invoice.pdf', b64(Buffer.from('not a pdf'))))).toBe('SCAN_TYPE_UNSUPPORTED');
    expect(codeOf(() => checkScan('invoice.pdf', b64(tinyPng())))).toBe('SCAN_TYPE_UNSUPPORTED');
    expect(codeOf(() => checkScan('invoice.png', b64(tinyJpeg())))).toBe('SCAN_TYPE_UNSUPPORTED');
    expect(codeOf(() => checkScan('invoice.tiff', b64(tinyPdf())))).toBe('SCAN_TYPE_UNSUPPORTED');
    expect(() => checkScan('notes.pdf', b64(Buffer.from('hello')))).toThrow(
      '"notes.pdf" is not a PDF, PNG or JPEG file. Attach a PDF, PNG or JPEG scan of the invoice.',
    );
  });

  it('refuses empty content with SCAN_EMPTY and text that is not base64 with SCAN_UNREADABLE', () => {
    expect(codeOf(() => checkScan('a.pdf', ''))).toBe('SCAN_EMPTY');
    expect(codeOf(() => checkScan('a.pdf', '   '))).toBe('SCAN_EMPTY');
    expect(codeOf(() => checkScan('a.pdf', 'JVBERi0*xLjQ='))).toBe('SCAN_UNREADABLE');
    expect(codeOf(() => checkScan('a.pdf', 'JVBER'))).toBe('SCAN_UNREADABLE');
  });

  it('takes exactly 25 MB and refuses one byte more with SCAN_TOO_LARGE', () => {
    const big = Buffer.alloc(MAX_SCAN_BYTES + 1, 0x20);
    big.write('%PDF-1.4\n', 0, 'latin1');
    expect(codeOf(() => checkScan('big.pdf', b64(big)))).toBe('SCAN_TOO_LARGE');
    expect(checkScan('big.pdf', b64(big.subarray(0, MAX_SCAN_BYTES))).bytes.length).toBe(MAX_SCAN_BYTES);
  });
});

describe('scanStore', () => {
  it('writes a scan once under <sha256>.<ext>, leaving no temporary file', () => {
    const store = scanStore(dir);
    const png = tinyPng();
    const first = store.save(png, 'image/png');
    expect(first).toEqual({ sha256: sha256(png), path: join(dir, 'scans', `${sha256(png)}.png`), written: true });
    expect(readFileSync(first.path).equals(png)).toBe(true);
    const writtenAt = statSync(first.path).mtimeMs;

    const second = store.save(Buffer.from(png), 'image/png');
    expect(second).toEqual({ ...first, written: false });
    expect(statSync(first.path).mtimeMs).toBe(writtenAt);
    expect(readdirSync(store.folder)).toEqual([`${sha256(png)}.png`]);

    store.save(tinyJpeg(), 'image/jpeg');
    expect(readdirSync(store.folder).sort()).toEqual([`${sha256(png)}.png`, `${sha256(tinyJpeg())}.jpg`].sort());
  });

  it('rewrites a stored scan that was truncated on disk', () => {
    const store = scanStore(dir);
    const pdf = tinyPdf();
    const { path } = store.save(pdf, 'application/pdf');
    writeFileSync(path, pdf.subarray(0, 10));
    expect(store.save(pdf, 'application/pdf').written).toBe(true);
    expect(readFileSync(path).equals(pdf)).toBe(true);
  });

  it('leaves neither a partial scan nor a temporary file when the final rename fails', () => {
    const store = scanStore(dir);
    const pdf = tinyPdf();
    // A folder squatting on the scan's name makes the rename fail after the bytes were written.
    mkdirSync(store.pathOf(sha256(pdf), 'application/pdf'), { recursive: true });
    expect(() => store.save(pdf, 'application/pdf')).toThrow();
    expect(readdirSync(store.folder)).toEqual([`${sha256(pdf)}.pdf`]);
    expect(statSync(store.pathOf(sha256(pdf), 'application/pdf')).isDirectory()).toBe(true);
  });

  it('reads a scan back checked against its hash: SCAN_NOT_FOUND when gone, SCAN_DAMAGED when altered', () => {
    const store = scanStore(dir);
    const jpeg = tinyJpeg();
    const { sha256: hash, path } = store.save(jpeg, 'image/jpeg');
    expect(store.load(hash, 'image/jpeg', 'invoice 1').equals(jpeg)).toBe(true);

    expect(codeOf(() => store.load(hash, 'image/png', 'invoice 1'))).toBe('SCAN_NOT_FOUND');
    writeFileSync(path, Buffer.concat([jpeg, Buffer.from([0])]));
    expect(codeOf(() => store.load(hash, 'image/jpeg', 'invoice 1'))).toBe('SCAN_DAMAGED');
  });

  it('builds paths only from a SHA-256 in hex', () => {
    const store = scanStore(dir);
    expect(() => store.pathOf('../../etc/passwd', 'application/pdf')).toThrow(RangeError);
    expect(() => store.pathOf('A'.repeat(64), 'application/pdf')).toThrow(RangeError);
    expect(store.pathOf('a'.repeat(64), 'image/jpeg')).toBe(join(dir, 'scans', `${'a'.repeat(64)}.jpg`));
  });
});
