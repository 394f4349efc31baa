/**
 * Where the variance report is cut for readers working at once (day-ranges.ts): whole days only,
 * in the report's order, about as many lines in each run, never more runs than asked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayRanges } from '../../../electron/services/repositories/day-ranges';

describe('day ranges of a report', () => {
  it('cuts newest-first days into runs of about equal lines, each day in one run', () => {
    const days = [
      ['2025-03-04', 10],
      ['2025-03-03', 10],
      ['2025-03-01', 10],
      ['2025-02-28', 10],
    ] as const;
    expect(dayRanges(days, 2)).toEqual([
      { first: '2025-03-04', last: '2025-03-03' },
      { first: '2025-03-01', last: '2025-02-28' },
    ]);
    // One busy day is never split: it is a run by itself.
    expect(
      dayRanges(
        [
          ['2025-01-02', 1],
          ['2025-01-01', 1000],
        ],
        4,
      ),
    ).toEqual([{ first: '2025-01-02', last: '2025-01-01' }]);
    expect(dayRanges([], 4)).toEqual([]);
  });

  it('covers every day once, in order, in at most the runs asked for', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 16 }),
        (counts, count) => {
          const days = counts.map((lines, i) => [`day-${String(1000 - i).padStart(4, '0')}`, lines] as const);
          const ranges = dayRanges(days, count);
          expect(ranges.length).toBeLessThanOrEqual(count);
          // Walking the runs gives back the days, each once, in the order given.
          const covered: string[] = [];
          for (const { first, last } of ranges) {
            const from = days.findIndex(([day]) => day === first);
            const to = days.findIndex(([day]) => day === last);
            expect(from).toBe(covered.length);
            expect(to).toBeGreaterThanOrEqual(from);
            covered.push(...days.slice(from, to + 1).map(([day]) => day));
          }
          expect(covered).toEqual(days.map(([day]) => day));
        },
      ),
    );
  });
});
