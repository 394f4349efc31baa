// Vials bought but never billed, worked by hand without a database: where a lot's unbilled stock
// went and what it cost, to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsText } from '../../../shared/domain/cents-text';
import { asCents } from '../../../shared/domain/money';
import { costOfShare, ndcQuantityText, stockLoss, type LotDraws } from '../../../shared/domain/stock-loss';

const VIAL = 1_000_000; // one UN (or one mL) in micro-units
const TODAY = '2025-03-01';
const NONE = { expired: 0, returned: 0, damaged: 0, correction: 0 };

/** A lot bought on an invoice, nothing drawn yet, not expired; each test changes what it is about. */
const lot = (changes: Partial<LotDraws>): LotDraws => ({
  receivedMicro: 10 * VIAL,
  netCostCents: 925_000,
  billedMicro: 0,
  notBilledMicro: 0,
  writtenOffMicro: NONE,
  onHandMicro: 0,
  expiryDate: '2026-06-30',
  today: TODAY,
  ...changes,
});

describe('stockLoss', () => {
  it('a $925.00 single 200 mg vial given and billed leaves nothing unbilled and costs nothing', () => {
    const loss = stockLoss(lot({ receivedMicro: VIAL, netCostCents: 92_500, billedMicro: VIAL }));
    expect(loss).toEqual({
      unbilledMicro: 0,
      administeredNotBilledMicro: 0,
      expiredOnShelfMicro: 0,
      onShelfMicro: 0,
      returnedMicro: 0,
      damagedMicro: 0,
      expiredWrittenOffMicro: 0,
      correctedMicro: 0,
      unexplainedMicro: 0,
      lostMicro: 0,
      netCostCents: 92_500,
      unbilledCostCents: 0,
    });
  });

  it('10 vials at $925.00: 7 billed, 1 damaged, 2 expired on the shelf → 3 vials unbilled, $2,775.00 (30%)', () => {
    const loss = stockLoss(
      lot({
        billedMicro: 7 * VIAL,
        writtenOffMicro: { ...NONE, damaged: VIAL },
        onHandMicro: 2 * VIAL,
        expiryDate: '2025-02-28',
      }),
    );
    expect(loss).toMatchObject({
      unbilledMicro: 3 * VIAL,
      damagedMicro: VIAL,
      expiredOnShelfMicro: 2 * VIAL,
      onShelfMicro: 0,
      unexplainedMicro: 0,
      lostMicro: 3 * VIAL,
    });
    expect(centsText(loss.unbilledCostCents)).toBe('2775.00');
  });

  it('prices the unbilled share of the net cost: extended $9,250.00 less a $500.00 discount → 30% of $8,750.00', () => {
    const loss = stockLoss(
      lot({ netCostCents: 925_000 - 50_000, billedMicro: 7 * VIAL, onHandMicro: 3 * VIAL, expiryDate: '2025-01-31' }),
    );
    expect(centsText(loss.unbilledCostCents)).toBe('2625.00');
  });

  it('a 10 mL vial at $925.00 with 7 mL drawn by a billed dose and 3 mL left past expiry → $277.50', () => {
    const loss = stockLoss(
      lot({
        receivedMicro: 10 * VIAL,
        netCostCents: 92_500,
        billedMicro: 7 * VIAL,
        onHandMicro: 3 * VIAL,
        expiryDate: '2025-02-01',
      }),
    );
    expect([loss.expiredOnShelfMicro, centsText(loss.unbilledCostCents)]).toEqual([3 * VIAL, '277.50']);
  });

  it('counts a dose given but still draft or ready as administered not billed, and its cost as unbilled', () => {
    const loss = stockLoss(
      lot({ receivedMicro: 5 * VIAL, netCostCents: 50_000, billedMicro: 3 * VIAL, notBilledMicro: 2 * VIAL }),
    );
    expect(loss).toMatchObject({ unbilledMicro: 2 * VIAL, administeredNotBilledMicro: 2 * VIAL, unexplainedMicro: 0 });
    expect(centsText(loss.unbilledCostCents)).toBe('200.00');
  });

  it('lists returned stock but costs nothing for it: the supplier credited it', () => {
    const loss = stockLoss(lot({ billedMicro: 6 * VIAL, writtenOffMicro: { ...NONE, returned: 4 * VIAL } }));
    expect(loss).toMatchObject({ unbilledMicro: 4 * VIAL, returnedMicro: 4 * VIAL, lostMicro: 0 });
    expect(loss.unbilledCostCents).toBe(0);
  });

  it('costs expired write-offs and count corrections that took stock out, but not the returned vial beside them', () => {
    const loss = stockLoss(
      lot({
        billedMicro: 6 * VIAL,
        writtenOffMicro: { expired: 2 * VIAL, returned: VIAL, damaged: 0, correction: VIAL },
      }),
    );
    expect(loss).toMatchObject({
      unbilledMicro: 4 * VIAL,
      expiredWrittenOffMicro: 2 * VIAL,
      correctedMicro: VIAL,
      returnedMicro: VIAL,
      unexplainedMicro: 0,
      lostMicro: 3 * VIAL,
    });
    expect(centsText(loss.unbilledCostCents)).toBe('2775.00');
  });

  it('keeps a correction that put a vial back as a negative part, so the parts still add up', () => {
    const loss = stockLoss(
      lot({
        billedMicro: 8 * VIAL,
        writtenOffMicro: { ...NONE, correction: -VIAL },
        onHandMicro: 3 * VIAL,
        expiryDate: '2025-01-01',
      }),
    );
    expect(loss).toMatchObject({
      unbilledMicro: 2 * VIAL,
      correctedMicro: -VIAL,
      expiredOnShelfMicro: 3 * VIAL,
      unexplainedMicro: 0,
    });
    expect(centsText(loss.unbilledCostCents)).toBe('1850.00');
  });

  it('calls unexplained what no record accounts for (a lot counted empty with nothing written off)', () => {
    const loss = stockLoss(lot({ billedMicro: 5 * VIAL, onHandMicro: 0 }));
    expect([loss.unexplainedMicro, centsText(loss.unbilledCostCents)]).toEqual([5 * VIAL, '4625.00']);
  });

  it('does not count stock still usable on the shelf as lost; on its expiry day it is still usable', () => {
    for (const expiryDate of ['2026-06-30', TODAY]) {
      const loss = stockLoss(lot({ billedMicro: 7 * VIAL, onHandMicro: 3 * VIAL, expiryDate }));
      expect(loss).toMatchObject({
        unbilledMicro: 3 * VIAL,
        onShelfMicro: 3 * VIAL,
        expiredOnShelfMicro: 0,
        lostMicro: 0,
      });
      expect(loss.unbilledCostCents).toBe(0);
    }
    const dayAfter = stockLoss(lot({ billedMicro: 7 * VIAL, onHandMicro: 3 * VIAL, expiryDate: '2025-02-28' }));
    expect(dayAfter.expiredOnShelfMicro).toBe(3 * VIAL);
  });

  it('costs nothing and claims no unexplained stock for a lot drawn beyond what it received', () => {
    const loss = stockLoss(lot({ receivedMicro: VIAL, billedMicro: VIAL, notBilledMicro: VIAL, onHandMicro: -VIAL }));
    expect(loss).toMatchObject({
      unbilledMicro: 0,
      administeredNotBilledMicro: VIAL,
      unexplainedMicro: 0,
      lostMicro: 0,
    });
    expect(loss.unbilledCostCents).toBe(0);
  });

  it('parts add up to the unbilled stock, and the cost never passes the net cost, for any lot the records allow', () => {
    const micro = fc.integer({ min: 0, max: 5_000 * VIAL });
    fc.assert(
      fc.property(
        fc.record({
          billed: micro,
          notBilled: micro,
          expired: micro,
          returned: micro,
          damaged: micro,
          correction: micro,
          left: micro,
        }),
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.boolean(),
        (q, netCostCents, pastExpiry) => {
          const receivedMicro = q.billed + q.notBilled + q.expired + q.returned + q.damaged + q.correction + q.left;
          fc.pre(receivedMicro > 0);
          const loss = stockLoss({
            receivedMicro,
            netCostCents,
            billedMicro: q.billed,
            notBilledMicro: q.notBilled,
            writtenOffMicro: { expired: q.expired, returned: q.returned, damaged: q.damaged, correction: q.correction },
            onHandMicro: q.left,
            expiryDate: pastExpiry ? '2025-02-28' : TODAY,
            today: TODAY,
          });
          const parts =
            loss.administeredNotBilledMicro +
            loss.expiredOnShelfMicro +
            loss.onShelfMicro +
            loss.returnedMicro +
            loss.damagedMicro +
            loss.expiredWrittenOffMicro +
            loss.correctedMicro +
            loss.unexplainedMicro;
          expect(parts).toBe(loss.unbilledMicro);
          expect(loss.unexplainedMicro).toBe(0);
          expect(loss.unbilledCostCents).toBeLessThanOrEqual(netCostCents);
          expect(loss.unbilledCostCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('costOfShare', () => {
  it('rounds half-up to the cent once, on the exact share', () => {
    expect(costOfShare(asCents(10_000), VIAL, 3 * VIAL)).toBe(3_333); // $33.333… → $33.33
    expect(costOfShare(asCents(10_000), 2 * VIAL, 3 * VIAL)).toBe(6_667); // $66.666… → $66.67
    expect(costOfShare(asCents(5), VIAL, 2 * VIAL)).toBe(3); // $0.025 → $0.03
    expect(costOfShare(asCents(92_500), 333_333, VIAL)).toBe(30_833); // 0.333333 mL of $925.00 = $308.333…
  });

  it('costs nothing of a lot that received nothing or of no stock', () => {
    expect(costOfShare(asCents(92_500), VIAL, 0)).toBe(0);
    expect(costOfShare(asCents(92_500), 0, VIAL)).toBe(0);
  });
});

describe('ndcQuantityText', () => {
  it('writes stock as the stock list does, in the NDC unit', () => {
    expect(ndcQuantityText(3 * VIAL, 'UN')).toBe('3 UN');
    expect(ndcQuantityText(2_500_000, 'ML')).toBe('2.5 ML');
    expect(ndcQuantityText(333_333, 'ML')).toBe('0.333333 ML');
    expect(ndcQuantityText(-VIAL, 'UN')).toBe('-1 UN');
  });
});
