/**
 * Several generated documents as one PDF (a batch of attachments to print or upload at once).
 * Policy: every page of every part, in order, untouched (each part already carries its own
 * footers); the metadata is set from `meta` with the same rules as every generated document, so
 * the same parts give the same bytes. A part that is not a readable PDF is a bug in the caller
 * (parts are this app's own output), so the error is thrown as it is, naming the part's index.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { newDocument, saveDocument, setDocumentInfo } from './document-info';

export async function mergePdfs(
  parts: readonly Uint8Array[],
  meta: { title: string; generatedAt: string },
): Promise<Uint8Array> {
  const merged = await newDocument();
  for (const [i, bytes] of parts.entries()) {
    let part: PDFDocument;
    try {
      part = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    } catch (e) {
      throw new Error(`Part ${i + 1} of ${parts.length} is not a readable PDF: ${e instanceof Error ? e.message : e}`);
    }
    const pages = await merged.copyPages(part, part.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  setDocumentInfo(merged, { title: meta.title, generatedAt: meta.generatedAt });
  return saveDocument(merged);
}
