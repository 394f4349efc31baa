import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents } from '../../../shared/domain/cost-allocation';
import { Dec } from '../../../shared/domain/money';

const fixed = (xs: InstanceType<typeof Dec>[]) => xs.map((x) => x.toFixed(2));

describe('allocateCents: a total split over lines adds up to the total', () => {
  it('a $925.00 vial over 45 mg given and 155 mg wasted of 200 mg is 208.13 + 716.87, not 208.13 + 716.88', () => {
    const perMg = new Dec('925.00').dividedBy(200);
    const a = allocateCents([perMg.times(45), perMg.times(155)]);
    expect(fixed(a.lines)).toEqual(['208.13', '716.87']);
    expect(a.total.toFixed(2)).toBe('925.00');
  });

  it('rounds the total once: three thirds of $100.00 are 33.33 + 33.34 + 33.33', () => {
    const third = new Dec(100).dividedBy(3);
    const a = allocateCents([third, third, third]);
    expect(fixed(a.lines)).toEqual(['33.33', '33.34', '33.33']);
    expect(a.total.toFixed(2)).toBe('100.00');
  });

  it('shares already in cents are kept as they are', () => {
    const a = allocateCents([new Dec('213.75'), new Dec('0.25')]);
    expect(fixed(a.lines)).toEqual(['213.75', '0.25']);
  });

  it('lines sum to the rounded total, never go below zero and stay within a cent of their share (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 997 }))
            .map(([n, d]) => new Dec(n).dividedBy(d).dividedBy(100)),
          { minLength: 1, maxLength: 5 },
        ),
        (shares) => {
          const a = allocateCents(shares);
          const exact = shares.reduce((x, y) => x.plus(y), new Dec(0));
          expect(a.total.equals(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
          expect(a.lines.reduce((x, y) => x.plus(y), new Dec(0)).equals(a.total)).toBe(true);
          a.lines.forEach((line, i) => {
            expect(line.decimalPlaces()).toBeLessThanOrEqual(2);
            expect(line.isNegative()).toBe(false);
            expect(
              line
                .minus(shares[i] ?? 0)
                .abs()
                .lessThanOrEqualTo('0.01'),
            ).toBe(true);
          });
        },
      ),
    );
  });
});
