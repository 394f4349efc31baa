/**
 * A small flowing layout on US Letter pages: titles, headings, label/value fields in one or two
 * columns, wrapped paragraphs, tables and signature lines, top to bottom.
 *
 * Policy:
 * - Text is never cut and layout never fails: whatever does not fit flows onto a new page, one
 *   line at a time; a row of a few lines moves whole to the next page rather than split, and a
 *   heading never sits alone at the bottom of a page.
 * - Every string drawn goes through text-normalize first and is drawn run by run with the face
 *   that has its characters (draw-text.ts); the document's text was checked printable before
 *   layout began (printable-text.ts), so no input can make pdf-lib throw.
 * - Footers are not drawn here: the page count is known only when the document is complete
 *   (page-stamps.ts draws them at the end).
 * - Black text, bold headings, thin black rules.
 */
import { type PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { drawLine } from './draw-text';
import { type DocumentFonts, type Typeface } from './fonts';
import { cleanLine, cleanParagraphs } from './text-normalize';
import { textWidth, wrapText } from './text-wrap';

export const LETTER = { width: 612, height: 792 } as const;
/** Three quarters of an inch at the sides and bottom; the footer sits inside the bottom margin. */
export const MARGIN = 54;
/** A little less at the top, so that a one-line attachment fits on one page. */
const TOP_MARGIN = 42;

const BLACK = rgb(0, 0, 0);
const BODY_SIZE = 9;
const LEADING = 1.3;
/** A row of up to this many lines is kept on one page. */
const KEEP_WHOLE_LINES = 4;

export type TextStyle = { bold?: boolean; size?: number };

/** One cell of a row: its left edge and width in points, and its already-wrapped lines. */
type Cell = { x: number; width: number; lines: string[]; font: Typeface; size: number };

export type TableColumn = { header: string; width: number };

export class PageFlow {
  readonly pages: PDFPage[] = [];
  private page: PDFPage;
  /** Top of the next line box, in points from the bottom of the page. */
  private y = 0;
  private readonly top = LETTER.height - TOP_MARGIN;
  private readonly bottom = MARGIN;
  readonly left = MARGIN;
  readonly width = LETTER.width - 2 * MARGIN;
  /** Redraws a table's header after a page break inside the table. */
  private onPageBreak: (() => void) | null = null;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: DocumentFonts,
  ) {
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([LETTER.width, LETTER.height]);
    this.pages.push(page);
    this.page = page;
    this.y = this.top;
    return page;
  }

  private font(style: TextStyle = {}): Typeface {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Start a new page unless `height` points still fit on this one (or this page is still empty). */
  ensure(height: number): void {
    if (this.y - height >= this.bottom || this.y === this.top) return;
    this.addPage();
    this.onPageBreak?.();
  }

  space(points: number): void {
    // Space at the top of a page is pointless; space past the bottom simply ends the page.
    if (this.y === this.top) return;
    this.y = Math.max(this.y - points, this.bottom);
  }

  /** The lines `text` takes at `width` (hard line breaks kept, each paragraph wrapped). */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const font = this.font(style);
    const size = style.size ?? BODY_SIZE;
    return cleanParagraphs(text).flatMap((p) => wrapText(p, font, size, width));
  }

  /** Draw cells side by side, line by line, flowing onto new pages as needed. */
  private row(cells: Cell[], lineHeight: number): void {
    const count = Math.max(1, ...cells.map((c) => c.lines.length));
    if (count <= KEEP_WHOLE_LINES) this.ensure(count * lineHeight);
    for (let i = 0; i < count; i++) {
      this.ensure(lineHeight);
      for (const cell of cells) {
        const line = cell.lines[i];
        if (!line) continue;
        drawLine(this.page, line, {
          x: cell.x,
          y: this.y - cell.size,
          size: cell.size,
          typeface: cell.font,
          color: BLACK,
        });
      }
      this.y -= lineHeight;
    }
  }

  /** A paragraph (or several, separated by the line breaks in `text`). */
  text(text: string, style: TextStyle & { indent?: number } = {}): void {
    const size = style.size ?? BODY_SIZE;
    const indent = style.indent ?? 0;
    const width = this.width - indent;
    this.row(
      [{ x: this.left + indent, width, lines: this.wrap(text, width, style), font: this.font(style), size }],
      size * LEADING,
    );
  }

  /** A bold heading kept with at least three lines of what follows it. */
  heading(text: string, size = 11): void {
    this.space(size * 0.4);
    this.ensure(size * LEADING + 3 * BODY_SIZE * LEADING);
    this.text(text, { bold: true, size });
  }

  /** A thin rule across the text width. */
  rule(thickness = 0.5): void {
    this.ensure(6);
    this.y -= 3;
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.width, y: this.y },
      thickness,
      color: BLACK,
    });
    this.y -= 4;
  }

  /**
   * Label/value pairs in `columns` columns (1 or 2), labels at the left of each column. A value
   * may hold several lines (e.g. one diagnosis per line).
   */
  fields(pairs: readonly (readonly [string, string])[], opts: { columns?: 1 | 2; labelWidth?: number } = {}): void {
    const columns = opts.columns ?? 1;
    const gutter = 18;
    const columnWidth = (this.width - gutter * (columns - 1)) / columns;
    const labelWidth = opts.labelWidth ?? (columns === 1 ? 120 : 96);
    const valueWidth = columnWidth - labelWidth - 6;
    const size = BODY_SIZE;
    for (let i = 0; i < pairs.length; i += columns) {
      const cells: Cell[] = [];
      for (let c = 0; c < columns; c++) {
        const pair = pairs[i + c];
        if (!pair) continue;
        const x = this.left + c * (columnWidth + gutter);
        cells.push(
          { x, width: labelWidth, lines: this.wrap(pair[0], labelWidth), font: this.fonts.regular, size },
          {
            x: x + labelWidth + 6,
            width: valueWidth,
            lines: this.wrap(pair[1], valueWidth, { bold: false }),
            font: this.fonts.regular,
            size,
          },
        );
      }
      this.row(cells, size * LEADING);
    }
  }

  /** A table with a bold header row, repeated after a page break inside the table. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const size = BODY_SIZE - 0.5;
    const lineHeight = size * LEADING;
    const gap = 8;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = total > this.width ? this.width / total : 1;
    const xs: number[] = [];
    let x = this.left;
    for (const c of columns) {
      xs.push(x);
      x += c.width * scale;
    }
    const cellsOf = (texts: readonly string[], bold: boolean): Cell[] =>
      columns.map((c, i) => {
        const width = c.width * scale - gap;
        return {
          x: xs[i] ?? this.left,
          width,
          lines: this.wrap(texts[i] ?? '', width, { bold, size }),
          font: this.font({ bold }),
          size,
        };
      });
    const header = (): void => {
      this.row(
        cellsOf(
          columns.map((c) => c.header),
          true,
        ),
        lineHeight,
      );
      this.rule(0.4);
    };
    this.ensure(3 * lineHeight + 7);
    header();
    this.onPageBreak = header;
    try {
      for (const r of rows) this.row(cellsOf(r, false), lineHeight);
    } finally {
      this.onPageBreak = null;
    }
  }

  /**
   * Lines to fill in by hand ("Signature ______   Date ______"), kept together on one page. Each
   * row shares the text width among its labels, the first getting the most room.
   */
  signatureLines(rows: readonly (readonly string[])[]): void {
    const step = 24;
    this.ensure(rows.length * step + 6);
    const font = this.fonts.regular;
    for (const labels of rows) {
      this.y -= step;
      const shares = labels.length === 1 ? [0.62] : labels.map((_, i) => (i === 0 ? 0.62 : 0.38 / (labels.length - 1)));
      let x = this.left;
      labels.forEach((raw, i) => {
        const label = cleanLine(raw);
        const share = (shares[i] ?? 0) * this.width;
        const labelWidth = textWidth(font, BODY_SIZE, label) + 6;
        drawLine(this.page, label, { x, y: this.y + 2, size: BODY_SIZE, typeface: font, color: BLACK });
        this.page.drawLine({
          start: { x: x + labelWidth, y: this.y },
          end: { x: x + share - 14, y: this.y },
          thickness: 0.5,
          color: BLACK,
        });
        x += share;
      });
    }
    this.y -= 6;
  }
}
