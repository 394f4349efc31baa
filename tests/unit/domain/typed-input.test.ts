/**
 * What people type, read by the one set of rules the forms and the imports share (issue 14, item
 * 7). No domain.md case covers typed text; the amounts keep domain.md's money policy (section 10:
 * exact decimals, never a float), and the imports' cells read through the same functions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { US_STATES } from '../../../shared/domain/practice-settings';
import { npiAsTyped as providerNpiAsTyped } from '../../../shared/domain/provider';
import {
  npiAsTyped,
  readDateText,
  readDoseText,
  readMoneyText,
  readNpiText,
  readPackageSizeText,
  readStateText,
  readStrengthText,
  stateLabel,
} from '../../../shared/domain/typed-input';
import { US_STATE_NAMES } from '../../../shared/domain/us-states';
import { readAmount, readDate, readDoseUnit } from '../../../electron/services/imports/cells';

const money = (raw: string, options = {}) => {
  const r = readMoneyText(raw, options);
  return r.ok ? r.text : r.error.code;
};
const cents = { maxDecimals: 2 };

describe('readMoneyText', () => {
  it('reads "$1,200.00", "1200", "1,200" and " 1200.5 " as exact decimal text', () => {
    expect(money('$1,200.00', cents)).toBe('1200.00');
    expect(money('1200', cents)).toBe('1200');
    expect(money('1,200', cents)).toBe('1200');
    expect(money(' 1200.5 ', cents)).toBe('1200.5');
    expect(money('$ 1,234,567.89', cents)).toBe('1234567.89');
    expect(money('10.60', cents)).toBe('10.60');
  });

  it('refuses cents beyond the field, misplaced commas, letters and empty text', () => {
    const r = readMoneyText('12.345', { ...cents, label: 'Billed charge' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe('Billed charge: "12.345" has 3 decimal places; this amount takes at most 2.');
    const commas = readMoneyText('1,20,0', { ...cents, label: 'Total' });
    expect(commas.ok ? '' : commas.error.message).toBe(
      'Total: "1,20,0": commas go between groups of three digits, as in 1,200.00.',
    );
    for (const bad of ['12a', 'twelve', '$', '1.2.3', '.5', '5.', '1e3', '0x10', '$$5', '--5', '']) {
      expect(money(bad, cents), bad).toBe('AMOUNT_INVALID');
    }
  });

  it('takes more decimals where the field does (a cost per package has 4)', () => {
    expect(money('$1,234.5678', { maxDecimals: 4 })).toBe('1234.5678');
    expect(money('$1,234.56789', { maxDecimals: 4 })).toBe('AMOUNT_INVALID');
  });

  it('reads a credit only where a credit may be entered', () => {
    expect(money('-$25.00', { ...cents, allowNegative: true })).toBe('-25.00');
    expect(money('$-25.00', { ...cents, allowNegative: true })).toBe('-25.00');
    expect(money('-$25.00', cents)).toBe('AMOUNT_INVALID');
    expect(money('-$-25', { ...cents, allowNegative: true })).toBe('AMOUNT_INVALID');
  });

  it('gives the same digits as a plain amount for any grouping of them (no float on the way)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }), fc.integer({ min: 0, max: 99 }), (whole, c) => {
        const plain = `${whole}.${String(c).padStart(2, '0')}`;
        const grouped = `$${whole.toLocaleString('en-US')}.${String(c).padStart(2, '0')}`;
        expect(money(grouped, cents)).toBe(plain);
      }),
    );
  });

  it('is what an import cell reads, message and all', () => {
    expect(readAmount('$1,170.00', 'Cost', { allowZero: true })).toEqual({ ok: true, value: '1170.00' });
    const typed = readMoneyText('1,20,0', { maxIntegerDigits: 13, maxDecimals: 6, allowZero: true, label: 'Cost' });
    const cell = readAmount('1,20,0', 'Cost', { allowZero: true });
    expect(cell.ok).toBe(false);
    if (!cell.ok && !typed.ok) expect(cell.message).toBe(typed.error.message);
  });
});

describe('readDateText', () => {
  const date = (raw: string) => {
    const r = readDateText(raw, 'Invoice date');
    return r.ok ? r.date : r.error.message;
  };

  it('reads US and ISO dates, and an export’s midnight time, as ISO', () => {
    expect(date('01/01/2026')).toBe('2026-01-01');
    expect(date('2026-01-01')).toBe('2026-01-01');
    expect(date('1/5/2026')).toBe('2026-01-05');
    expect(date(' 01/05/2026 ')).toBe('2026-01-05');
    expect(date('2026-01-05T00:00:00')).toBe('2026-01-05');
    expect(date('02/29/2024')).toBe('2024-02-29');
  });

  it('refuses days that are not on the calendar and text that is not a date', () => {
    expect(date('02/30/2026')).toBe('Invoice date "02/30/2026" is not a real calendar date.');
    expect(date('02/29/2025')).toBe('Invoice date "02/29/2025" is not a real calendar date.');
    expect(date('13/01/2026')).toBe('Invoice date "13/01/2026" is not a real calendar date.');
    expect(date('2026-13-01')).toBe('Invoice date "2026-13-01" is not a real calendar date.');
    expect(date('1/5/26')).toBe('Invoice date "1/5/26" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.');
    expect(date('Jan 5')).toBe('Invoice date "Jan 5" is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.');
    expect(readDateText('', 'Expiry').ok).toBe(false);
  });

  it('is what an import cell reads', () => {
    expect(readDate('01/05/2026', 'Expiry date')).toEqual({ ok: true, value: '2026-01-05' });
    expect(readDate('02/30/2026', 'Expiry date')).toEqual({
      ok: false,
      code: 'DATE_INVALID',
      message: 'Expiry date "02/30/2026" is not a real calendar date.',
    });
  });
});

describe('amounts of drug with their units', () => {
  it('reads "20 mg" as 20 mg, with or without the space, and a bare amount with no unit', () => {
    expect(readDoseText('20 mg', 'Dose')).toEqual({ ok: true, amount: '20', unit: 'mg' });
    expect(readDoseText('20mg', 'Dose')).toEqual({ ok: true, amount: '20', unit: 'mg' });
    expect(readDoseText('0.50 MCG', 'Dose')).toEqual({ ok: true, amount: '0.5', unit: 'mcg' });
    expect(readDoseText('100 units', 'Dose')).toEqual({ ok: true, amount: '100', unit: 'units' });
    expect(readDoseText('200', 'Dose')).toEqual({ ok: true, amount: '200', unit: null });
  });

  it('refuses an unknown unit, zero and text that is not an amount', () => {
    const r = readDoseText('20 mgs', 'Dose');
    expect(r.ok ? '' : r.error.code).toBe('UNIT_INVALID');
    expect(readDoseText('0 mg', 'Dose').ok).toBe(false);
    expect(readDoseText('mg', 'Dose').ok).toBe(false);
    expect(readDoseText('', 'Dose').ok).toBe(false);
  });

  it('reads a strength with what it is per: "20 mg/mL" and "20 mg per mL"', () => {
    expect(readStrengthText('20 mg')).toEqual({ ok: true, amount: '20', unit: 'mg', per: null });
    expect(readStrengthText('20 mg/mL')).toEqual({ ok: true, amount: '20', unit: 'mg', per: 'ML' });
    expect(readStrengthText('25 mg / 1 g')).toEqual({ ok: true, amount: '25', unit: 'mg', per: 'GR' });
    expect(readStrengthText('100 units per mL')).toEqual({ ok: true, amount: '100', unit: 'units', per: 'ML' });
    const bad = readStrengthText('20 mg/vial?');
    expect(bad.ok).toBe(false);
  });

  it('reads a package size "10 mL" as 10 in the NDC unit ML', () => {
    expect(readPackageSizeText('10 mL')).toEqual({ ok: true, amount: '10', unit: 'ML' });
    expect(readPackageSizeText('10ml')).toEqual({ ok: true, amount: '10', unit: 'ML' });
    expect(readPackageSizeText('30 g')).toEqual({ ok: true, amount: '30', unit: 'GR' });
    expect(readPackageSizeText('1 each')).toEqual({ ok: true, amount: '1', unit: 'UN' });
    expect(readPackageSizeText('10')).toEqual({ ok: true, amount: '10', unit: null });
    expect(readPackageSizeText('10 vials').ok).toBe(false);
  });

  it('is what an import cell reads as a dose unit', () => {
    expect(readDoseUnit('MG', 'Per unit')).toEqual({ ok: true, value: 'mg' });
    expect(readDoseUnit('cc', 'Per unit')).toEqual({ ok: true, value: 'mL' });
    expect(readDoseUnit('constructor', 'Per unit').ok).toBe(false);
  });
});

describe('readStateText', () => {
  it('reads "IL", "il", "Illinois" and "illinois" as IL', () => {
    for (const typed of ['IL', 'il', 'Illinois', 'illinois', ' ILLINOIS ']) {
      expect(readStateText(typed), typed).toEqual({ ok: true, state: 'IL' });
    }
    expect(readStateText('new york')).toEqual({ ok: true, state: 'NY' });
    expect(readStateText('US Virgin Islands')).toEqual({ ok: true, state: 'VI' });
    expect(readStateText('district of columbia')).toEqual({ ok: true, state: 'DC' });
  });

  it('refuses what names no state or territory', () => {
    const r = readStateText('Ilinois');
    expect(r.ok ? '' : r.error.message).toBe(
      '"Ilinois" is not a US state or territory; type its two letters, such as IL, or its name.',
    );
    expect(readStateText('XX').ok).toBe(false);
    expect(readStateText('constructor').ok).toBe(false);
    expect(readStateText('').ok).toBe(false);
  });

  it('names every state the practice settings accept, and only those', () => {
    expect(Object.keys(US_STATE_NAMES).sort()).toEqual([...US_STATES].sort());
    expect(stateLabel('IL')).toBe('IL — Illinois');
  });
});

describe('readNpiText', () => {
  it('reads an NPI typed with spaces or dashes as its 10 digits, Luhn-checked', () => {
    expect(readNpiText('1234 567 893')).toEqual({ ok: true, npi: '1234567893' });
    expect(readNpiText('123-456-7893')).toEqual({ ok: true, npi: '1234567893' });
    expect(readNpiText('1234 567 894').ok).toBe(false);
    expect(readNpiText('123 456').ok).toBe(false);
  });

  it('is the rule the provider records use', () => {
    expect(providerNpiAsTyped).toBe(npiAsTyped);
  });
});
