// Lot stock rules without a database: expiry status, first-expiry-first-out suggestions, calendar
// days, and the exact micro-unit conversion every stock figure goes through.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../shared/domain/money';
import { daysBetween, lotStatus, suggestLots } from '../../../shared/domain/stock';
import { microFromUnits, packagesToMicro, unitsFromMicro } from '../../../shared/domain/stock-quantity';

describe('daysBetween', () => {
  it('counts calendar days forwards, backwards and across month ends', () => {
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(daysBetween('2024-12-31', '2025-12-31')).toBe(365);
  });

  it('counts 29 February in a leap year', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
  });

  it('is not moved by a daylight-saving change (US clocks sprang forward on 2025-03-09)', () => {
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(daysBetween('2025-11-01', '2025-11-03')).toBe(2);
  });
});

describe('lotStatus', () => {
  const today = '2025-03-01';

  it('calls a lot with nothing on hand empty, whatever its expiry', () => {
    expect(lotStatus(0, '2026-01-01', today, 60)).toBe('empty');
    expect(lotStatus(-1, '2026-01-01', today, 60)).toBe('empty');
    expect(lotStatus(0, '2024-01-01', today, 60)).toBe('empty');
  });

  it('calls a lot expired from the day after its expiry date', () => {
    expect(lotStatus(1, '2025-02-28', today, 60)).toBe('expired');
    expect(lotStatus(1, '2025-03-01', today, 60)).toBe('expiring');
  });

  it('counts the last day of the window as expiring and the day after as ok', () => {
    // 2025-03-01 + 60 days = 2025-04-30
    expect(lotStatus(2_500_000, '2025-04-30', today, 60)).toBe('expiring');
    expect(lotStatus(2_500_000, '2025-05-01', today, 60)).toBe('ok');
  });

  it('with a window of 0 days only a lot expiring today is expiring', () => {
    expect(lotStatus(1, '2025-03-01', today, 0)).toBe('expiring');
    expect(lotStatus(1, '2025-03-02', today, 0)).toBe('ok');
  });
});

describe('suggestLots', () => {
  const lot = (invoiceLineId: number, expiryDate: string, onHandMicro: number, receivedDate = '2024-12-01') => ({
    invoiceLineId,
    expiryDate,
    onHandMicro,
    receivedDate,
    lotNumber: `L${invoiceLineId}`,
  });

  it('offers unexpired lots with stock, soonest expiry first, then the older line', () => {
    const lots = [
      lot(1, '2025-09-30', 5_000_000),
      lot(2, '2025-04-30', 1_000_000),
      lot(3, '2025-02-28', 9_000_000), // expired before the date of service
      lot(4, '2025-04-30', 0), // empty
      lot(5, '2025-06-30', 250_000),
      lot(6, '2025-04-30', 750_000),
    ];
    expect(suggestLots(lots, '2025-03-01').map((l) => l.lotNumber)).toEqual(['L2', 'L6', 'L5', 'L1']);
    expect(lots.map((l) => l.invoiceLineId)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('still offers a lot on its expiry date, and not the day after', () => {
    const lots = [lot(7, '2025-01-31', 1_000_000)];
    expect(suggestLots(lots, '2025-01-31').map((l) => l.invoiceLineId)).toEqual([7]);
    expect(suggestLots(lots, '2025-02-01')).toEqual([]);
  });

  it('leaves out a lot received after the date of service, and offers it from its received day', () => {
    const lots = [lot(8, '2027-06-30', 1_000_000, '2026-12-05'), lot(9, '2027-09-30', 1_000_000, '2026-11-01')];
    expect(suggestLots(lots, '2026-11-25').map((l) => l.invoiceLineId)).toEqual([9]);
    expect(suggestLots(lots, '2026-12-05').map((l) => l.invoiceLineId)).toEqual([8, 9]);
  });

  it('returns nothing when there is nothing', () => {
    expect(suggestLots([], '2025-03-01')).toEqual([]);
  });
});

describe('microFromUnits and unitsFromMicro', () => {
  it('scales decimals by a million exactly', () => {
    expect(microFromUnits('2.25')).toBe(2_250_000);
    expect(microFromUnits('7.5')).toBe(7_500_000);
    expect(microFromUnits('0.000001')).toBe(1);
    expect(microFromUnits('-0.25')).toBe(-250_000);
    expect(microFromUnits('0')).toBe(0);
    // 0.1 + 0.2 in floats is 0.30000000000000004; as a decimal it is exactly 300000 micro-units.
    expect(microFromUnits(new Dec('0.1').plus('0.2'))).toBe(300_000);
  });

  it('refuses a seventh decimal instead of rounding it', () => {
    expect(microFromUnits('1.0000001')).toBeNull();
    expect(microFromUnits('0.0000005')).toBeNull();
    expect(microFromUnits('-2.5000001')).toBeNull();
  });

  it('keeps big quantities exact up to the largest safe integer and refuses beyond', () => {
    expect(microFromUnits('123456789.123456')).toBe(123_456_789_123_456);
    expect(microFromUnits('9007199254.740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(microFromUnits('9007199254.740992')).toBeNull();
    expect(microFromUnits('-9007199254.740992')).toBeNull();
  });

  it('writes micro-units back as the shortest decimal', () => {
    expect(unitsFromMicro(7_250_000)).toBe('7.25');
    expect(unitsFromMicro(7_000_000)).toBe('7');
    expect(unitsFromMicro(1)).toBe('0.000001');
    expect(unitsFromMicro(-250_000)).toBe('-0.25');
    expect(unitsFromMicro(0)).toBe('0');
    expect(unitsFromMicro(123_456_789_123_456)).toBe('123456789.123456');
    expect(unitsFromMicro(Number.MAX_SAFE_INTEGER)).toBe('9007199254.740991');
  });

  it('round-trips every value it accepts', () => {
    for (const units of ['3.5', '0.333333', '10', '999999999.999999', '-0.000001']) {
      const micro = microFromUnits(units);
      expect(micro).not.toBeNull();
      expect(unitsFromMicro(micro ?? 0)).toBe(units);
    }
  });

  it('multiplies packages by the package size exactly (3 × 2.5 ML = 7.5 ML)', () => {
    expect(packagesToMicro('3', '2.5')).toBe(7_500_000);
    expect(packagesToMicro('0.333', '3')).toBe(999_000);
    expect(packagesToMicro('0.5', '0.000003')).toBeNull();
  });
});
