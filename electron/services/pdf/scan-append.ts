/**
 * The supplier's scanned invoices, appended after the attachment pages.
 *
 * Policy:
 * - A PDF scan's pages are copied as they are: size, rotation, boxes and content untouched.
 * - A PNG or JPEG is placed on its own Letter page (landscape when the image is wider than
 *   tall), scaled to fit within the margins with its aspect ratio kept, under a small caption
 *   naming the scan. A phone photo's EXIF turn is applied (jpeg-orientation.ts). The type is
 *   taken from the file's first bytes, so a mislabelled image still prints.
 * - A scan that cannot be appended (encrypted, damaged, not the image it claims to be, or a PDF
 *   with no pages) stops the generation with a ScanAppendError naming the scan. An attachment
 *   sent to a payer without the invoice that proves the cost would be denied or clawed back, so
 *   a placeholder page is not an acceptable outcome: the biller must replace the scan. The
 *   service turns the error into a coded AppError.
 * - Scans are loaded before the attachment is laid out, so their page counts are known for the
 *   "Attached documents" list and for "Page X of Y".
 */
import { degrees, type PDFImage, type PDFPage, ParseSpeeds, PDFDocument, PDFName, rgb } from 'pdf-lib';
import { type AppendedScan } from './attachment-model';
import { drawLine } from './draw-text';
import { type DocumentFonts } from './fonts';
import { jpegQuarterTurn, type QuarterTurn } from './jpeg-orientation';
import { LETTER, MARGIN } from './page-layout';
import { cleanParagraphs } from './text-normalize';
import { wrapText } from './text-wrap';

export class ScanAppendError extends Error {
  constructor(
    readonly scanLabel: string,
    readonly reason: 'encrypted' | 'unreadable' | 'empty',
    detail: string,
  ) {
    super(`The scan "${scanLabel}" could not be appended: ${detail}`);
    this.name = 'ScanAppendError';
  }
}

export type LoadedScan = {
  scan: AppendedScan;
  kind: 'pdf' | 'png' | 'jpeg';
  /** The parsed scan when it is a PDF. */
  pdf: PDFDocument | null;
  pageCount: number;
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

function sniff(scan: AppendedScan): LoadedScan['kind'] {
  if (startsWith(scan.bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(scan.bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (scan.mediaType === 'image/png') return 'png';
  if (scan.mediaType === 'image/jpeg') return 'jpeg';
  return 'pdf';
}

const reasonText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 300);

const encrypted = (label: string): ScanAppendError =>
  new ScanAppendError(
    label,
    'encrypted',
    'the PDF is encrypted (password- or copy-protected). Save or print it as an unprotected PDF and attach that.',
  );

async function loadPdf(scan: AppendedScan): Promise<PDFDocument> {
  let pdf: PDFDocument;
  try {
    // Loaded with ignoreEncryption so that encryption is told apart from damage by the parsed
    // file itself (pdf-lib's EncryptedPDFError does not survive its ES5 build as a class).
    pdf = await PDFDocument.load(scan.bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (e) {
    throw new ScanAppendError(scan.label, 'unreadable', `the file is not a readable PDF (${reasonText(e)}).`);
  }
  if (pdf.isEncrypted) throw encrypted(scan.label);
  let pages = 0;
  try {
    pages = pdf.getPageCount();
  } catch (e) {
    throw new ScanAppendError(scan.label, 'unreadable', `the PDF's page tree is damaged (${reasonText(e)}).`);
  }
  if (pages === 0) throw new ScanAppendError(scan.label, 'empty', 'the PDF has no pages.');
  return pdf;
}

/** Parse every scan and count its pages, before layout. Throws ScanAppendError. */
export async function loadScans(scans: readonly AppendedScan[]): Promise<LoadedScan[]> {
  const loaded: LoadedScan[] = [];
  for (const scan of scans) {
    const kind = sniff(scan);
    if (kind === 'pdf') {
      const pdf = await loadPdf(scan);
      loaded.push({ scan, kind, pdf, pageCount: pdf.getPageCount() });
    } else {
      loaded.push({ scan, kind, pdf: null, pageCount: 1 });
    }
  }
  return loaded;
}

async function embedImage(doc: PDFDocument, scan: LoadedScan): Promise<PDFImage> {
  const what = scan.kind === 'png' ? 'PNG' : 'JPEG';
  let image: PDFImage;
  try {
    image = scan.kind === 'png' ? await doc.embedPng(scan.scan.bytes) : await doc.embedJpg(scan.scan.bytes);
  } catch (e) {
    throw new ScanAppendError(
      scan.scan.label,
      'unreadable',
      `the file is not a readable ${what} image (${reasonText(e)}).`,
    );
  }
  if (!(image.width > 0 && image.height > 0)) {
    throw new ScanAppendError(scan.scan.label, 'unreadable', `the ${what} image has no pixels.`);
  }
  return image;
}

function imagePage(doc: PDFDocument, image: PDFImage, turn: QuarterTurn, label: string, fonts: DocumentFonts): PDFPage {
  const sideways = turn === 90 || turn === 270;
  // The image as it is seen, after its EXIF turn.
  const shownWidth = sideways ? image.height : image.width;
  const shownHeight = sideways ? image.width : image.height;
  const landscape = shownWidth > shownHeight;
  const width = landscape ? LETTER.height : LETTER.width;
  const height = landscape ? LETTER.width : LETTER.height;
  const page = doc.addPage([width, height]);
  const size = 8;
  const lineHeight = size * 1.3;
  const captionWidth = width - 2 * MARGIN;
  const caption = cleanParagraphs(`Appended scan: ${label}`).flatMap((p) =>
    wrapText(p, fonts.regular, size, captionWidth),
  );
  // The caption sits in the top margin and pushes the image down when it needs more lines.
  let y = height - MARGIN + 6;
  for (const line of caption.slice(0, 4)) {
    y -= lineHeight;
    drawLine(page, line, { x: MARGIN, y, size, typeface: fonts.regular, color: rgb(0, 0, 0) });
  }
  const boxTop = Math.min(height - MARGIN, y - 6);
  const boxHeight = boxTop - MARGIN;
  const scale = Math.min(captionWidth / shownWidth, boxHeight / shownHeight);
  const w = image.width * scale;
  const h = image.height * scale;
  // The shown image's lower-left corner, centred across and hung from the top of the box.
  const left = MARGIN + (captionWidth - shownWidth * scale) / 2;
  const bottom = boxTop - shownHeight * scale;
  // pdf-lib turns an image about the corner it is placed at, counter-clockwise for positive
  // degrees; each case puts that corner where the turned image's lower-left lands.
  const placement =
    turn === 90
      ? { x: left, y: bottom + w, rotate: degrees(-90) }
      : turn === 180
        ? { x: left + w, y: bottom + h, rotate: degrees(180) }
        : turn === 270
          ? { x: left + h, y: bottom, rotate: degrees(90) }
          : { x: left, y: bottom, rotate: degrees(0) };
  page.drawImage(image, { ...placement, width: w, height: h });
  return page;
}

const usable = (read: () => { x: number; y: number; width: number; height: number }): boolean => {
  try {
    const b = read();
    return [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width !== 0 && b.height !== 0;
  } catch {
    return false; // missing, or not an array of four numbers
  }
};

/**
 * A page whose MediaBox is missing or unreadable gets a Letter one, the size viewers assume; an
 * unreadable CropBox is dropped, as viewers ignore it. Then the stamp can be placed.
 */
function saneBoxes(page: PDFPage): PDFPage {
  if (!usable(() => page.getMediaBox())) {
    page.node.delete(PDFName.of('CropBox'));
    page.setMediaBox(0, 0, LETTER.width, LETTER.height);
  } else if (!usable(() => page.getCropBox())) {
    page.node.delete(PDFName.of('CropBox'));
  }
  return page;
}

/** Append every scan to `doc`, in order; the pages added. Throws ScanAppendError. */
export async function appendScans(
  doc: PDFDocument,
  scans: readonly LoadedScan[],
  fonts: DocumentFonts,
): Promise<PDFPage[]> {
  const added: PDFPage[] = [];
  for (const scan of scans) {
    if (scan.pdf) {
      const src = scan.pdf;
      try {
        const copies = await doc.copyPages(src, src.getPageIndices());
        for (const page of copies) added.push(doc.addPage(saneBoxes(page)));
      } catch (e) {
        throw new ScanAppendError(scan.scan.label, 'unreadable', `its pages could not be copied (${reasonText(e)}).`);
      }
    } else {
      const image = await embedImage(doc, scan);
      const turn = scan.kind === 'jpeg' ? jpegQuarterTurn(scan.scan.bytes) : 0;
      added.push(imagePage(doc, image, turn, scan.scan.label, fonts));
    }
  }
  return added;
}
