/**
 * Where a report ordered by date of service can be cut so its parts are read at once
 * (db/parallel-ordered-read.ts): at day boundaries, so each line of a day stays in one part and
 * the parts written one after another keep the report's order.
 */
export type DayRange = { first: string; last: string };

/**
 * `days` (each with its number of lines, in the report's order) cut into at most `count` runs of
 * consecutive days, each about as many lines as the others; the runs in the report's order.
 */
export function dayRanges(days: readonly (readonly [day: string, lines: number])[], count: number): DayRange[] {
  const total = days.reduce((sum, [, lines]) => sum + lines, 0);
  const ranges: DayRange[] = [];
  let first: string | null = null;
  let seen = 0;
  for (const [day, lines] of days) {
    first ??= day;
    seen += lines;
    // Exact in integers: (total × k) / count reaches total on the last day at the latest.
    if (seen * count >= total * (ranges.length + 1)) {
      ranges.push({ first, last: day });
      first = null;
    }
  }
  return ranges;
}
