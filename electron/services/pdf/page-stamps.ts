/**
 * The line at the foot of every page: "Document ATT-000042-v2 · generated Mar 2, 2025, 2:05 PM ·
 * Page 2 of 5", the time in the practice's own time zone (this computer's), as the app shows it.
 * Drawn after layout, when the page count is known.
 *
 * Policy:
 * - Pages are numbered across the whole file: the attachment's own pages, then every appended
 *   scan page. "Page X of Y" therefore matches what a payer's viewer shows, and a page that gets
 *   separated from the rest (a fax, a printout) still says where it belongs.
 * - On a scan page the stamp goes at the visual bottom of the page as a viewer shows it: the
 *   visible box (the CropBox clipped to the MediaBox, wherever its origin is) and the page's
 *   /Rotate are both honoured. The stamp is small plain text in the bottom margin with no background: it must
 *   never hide any part of the supplier's invoice.
 * - Too long a line is drawn smaller rather than cut (down to 5 pt).
 */
import { type PDFPage, rgb } from 'pdf-lib';
import { localTime } from '../../../shared/domain/local-time';
import { drawLine } from './draw-text';
import { type Typeface } from './fonts';
import { cleanLine } from './text-normalize';
import { textWidth } from './text-wrap';

const BLACK = rgb(0, 0, 0);

/** "Mar 2, 2025, 2:05 PM" from an ISO timestamp, in local time; the text as given when it is not one. */
export const formatGeneratedAt = (iso: string): string => localTime(iso);

export const footerText = (documentId: string, generatedAt: string, page: number, total: number): string =>
  `Document ${documentId} · generated ${formatGeneratedAt(generatedAt)} · Page ${page} of ${total}`;

export const stampText = (documentId: string, page: number, total: number): string =>
  `Document ${documentId} · Page ${page} of ${total}`;

type Box = { x: number; y: number; width: number; height: number };

/** A box with its corners in increasing order (a PDF may write them either way). */
const ordered = (b: Box): Box => ({
  x: Math.min(b.x, b.x + b.width),
  y: Math.min(b.y, b.y + b.height),
  width: Math.abs(b.width),
  height: Math.abs(b.height),
});

/** What a viewer shows: the CropBox clipped to the MediaBox (PDF 32000-1, 14.11.2). */
function visibleBox(page: PDFPage): Box {
  const media = ordered(page.getMediaBox());
  const crop = ordered(page.getCropBox());
  const x = Math.max(media.x, crop.x);
  const y = Math.max(media.y, crop.y);
  const width = Math.min(media.x + media.width, crop.x + crop.width) - x;
  const height = Math.min(media.y + media.height, crop.y + crop.height) - y;
  // Boxes that do not overlap are an error in the file; viewers fall back to the MediaBox.
  return width > 0 && height > 0 ? { x, y, width, height } : media;
}

/**
 * Draw `text` centred at `fromBottom` points above the visual bottom edge of `page`, within
 * `sideMargin` of either visual side.
 */
export function drawBottomLine(
  page: PDFPage,
  rawText: string,
  typeface: Typeface,
  opts: { size: number; fromBottom: number; sideMargin: number },
): void {
  const text = cleanLine(rawText);
  const box = visibleBox(page);
  const angle = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const sideways = angle === 90 || angle === 270;
  // The width of the page as the viewer shows it, turned or not.
  const visualWidth = sideways ? box.height : box.width;
  const available = Math.max(visualWidth - 2 * opts.sideMargin, 20);
  const natural = textWidth(typeface, opts.size, text);
  const size = natural > available ? Math.max(5, (opts.size * available) / natural) : opts.size;
  const width = textWidth(typeface, size, text);
  // (u, v) = distance from the visual left edge, height above the visual bottom edge.
  const u = Math.max((visualWidth - width) / 2, 0);
  const v = opts.fromBottom;
  const x0 = box.x;
  const y0 = box.y;
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  // Map the visual point to user space for each /Rotate (clockwise, as PDF defines it); the text
  // is turned counter-clockwise by the same angle so it reads left to right on screen.
  const at =
    angle === 90
      ? { x: x1 - v, y: y0 + u }
      : angle === 180
        ? { x: x1 - u, y: y1 - v }
        : angle === 270
          ? { x: x0 + v, y: y1 - u }
          : { x: x0 + u, y: y0 + v };
  drawLine(page, text, { ...at, size, typeface, color: BLACK, rotate: angle });
}
