/**
 * How many pages a PDF has, as stored with each generated document. An encrypted file is counted
 * when its page tree can be read without decrypting (it cannot when it sits in an encrypted
 * object stream); a file pdf-lib cannot read throws.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  return doc.getPageCount();
}
