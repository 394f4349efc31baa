/**
 * The warnings of one reading, in segment order. A file of 10,000 lines without SVC05 would
 * otherwise carry 10,000 identical warnings into the preview, so each code is listed at most
 * WARNINGS_PER_CODE times, followed by one WARNINGS_TRUNCATED saying how many more there were.
 * Nothing is lost by the cap: out-of-balance items stay flagged on the items themselves and in
 * the reading's `outOfBalance` list.
 */
import { type EraWarning, type EraWarningCode } from './era-types';

export const WARNINGS_PER_CODE = 200;

export class EraWarnings {
  private readonly listed: EraWarning[] = [];
  private readonly counts = new Map<EraWarningCode, { count: number; firstOmitted: number }>();

  add(code: EraWarningCode, segment: number, message: string): void {
    const seen = this.counts.get(code);
    if (seen === undefined) {
      this.counts.set(code, { count: 1, firstOmitted: 0 });
    } else {
      seen.count++;
      if (seen.count > WARNINGS_PER_CODE) {
        if (seen.firstOmitted === 0) seen.firstOmitted = segment;
        return;
      }
    }
    this.listed.push({ code, segment, message });
  }

  /** How many warnings of `code` were raised, listed or not. */
  count(code: EraWarningCode): number {
    return this.counts.get(code)?.count ?? 0;
  }

  /** Sorted by segment (stable, so the order of raising holds within a segment). */
  list(): EraWarning[] {
    const out = [...this.listed];
    for (const [code, { count, firstOmitted }] of this.counts) {
      if (count <= WARNINGS_PER_CODE) continue;
      const more = count - WARNINGS_PER_CODE;
      out.push({
        code: 'WARNINGS_TRUNCATED',
        segment: firstOmitted,
        message: `${more.toLocaleString('en-US')} more warning${more === 1 ? '' : 's'} of this kind (${code}) ${more === 1 ? 'is' : 'are'} not listed one by one; the first ${WARNINGS_PER_CODE} are.`,
      });
    }
    return out.sort((a, b) => a.segment - b.segment);
  }
}
