/**
 * Drawing one printed line: its runs (text-runs.ts) one after another along the baseline, each
 * with its face, right-to-left runs with their glyphs reversed. A line of one run (every
 * Latin-only line) is a single drawText, as before fallback faces existed.
 */
import { type Color, degrees, type PDFPage } from 'pdf-lib';
import { inRightToLeft, type Typeface } from './fonts';
import { visualRuns } from './text-runs';

export type LineOptions = {
  x: number;
  y: number;
  size: number;
  typeface: Typeface;
  color: Color;
  /** Counter-clockwise, in degrees, about (x, y): the baseline's direction. */
  rotate?: number;
};

/** Draw `line` (already cleaned, no line breaks) starting at (x, y) on its baseline. */
export function drawLine(page: PDFPage, line: string, opts: LineOptions): void {
  const angle = ((opts.rotate ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const runs = visualRuns(line, opts.typeface);
  let advance = 0;
  runs.forEach((run, i) => {
    const { font } = run.face;
    const draw = (): void =>
      page.drawText(run.text, {
        x: opts.x + advance * cos,
        y: opts.y + advance * sin,
        size: opts.size,
        font,
        color: opts.color,
        rotate: degrees(opts.rotate ?? 0),
      });
    if (run.rightToLeft) inRightToLeft(draw);
    else draw();
    if (i < runs.length - 1) advance += font.widthOfTextAtSize(run.text, opts.size);
  });
}
