/** NPI check digit (Luhn over the 80840 prefix) and TIN forms. Pure domain, no database. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNpi, luhnCheckDigit } from '../../../shared/domain/npi';
import { checkTin, formatTin } from '../../../shared/domain/tin';

const VALID_NPI = '1234567893'; // CMS's worked example of the NPI check digit

describe('luhnCheckDigit', () => {
  it('matches the CMS worked example: 80840 + 123456789 → 3', () => {
    expect(luhnCheckDigit('80840123456789')).toBe(3);
  });

  it('matches textbook Luhn values', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3); // 79927398713 is the classic valid number
    expect(luhnCheckDigit('0')).toBe(0);
    expect(luhnCheckDigit('1')).toBe(8);
  });
});

describe('checkNpi', () => {
  it(`accepts ${VALID_NPI}, trimming spaces`, () => {
    expect(checkNpi(VALID_NPI)).toEqual({ ok: true, npi: VALID_NPI });
    expect(checkNpi(`  ${VALID_NPI}\n`)).toEqual({ ok: true, npi: VALID_NPI });
  });

  it('refuses 1234567890 with NPI_INVALID and a check-digit message', () => {
    const r = checkNpi('1234567890');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('NPI_INVALID');
    expect(r.message).toContain('check digit');
  });

  it('refuses every single-digit change of a valid NPI (all 90 of them)', () => {
    const accepted: string[] = [];
    let tried = 0;
    for (let position = 0; position < 10; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        const changed = VALID_NPI.slice(0, position) + String(digit) + VALID_NPI.slice(position + 1);
        if (changed === VALID_NPI) continue;
        tried++;
        const r = checkNpi(changed);
        if (r.ok) accepted.push(changed);
        else expect(r.code).toBe('NPI_INVALID');
      }
    }
    expect(tried).toBe(90);
    expect(accepted).toEqual([]);
  });

  it('refuses swapping two adjacent different digits (Luhn catches most transpositions)', () => {
    // 09↔90 is the one transposition Luhn cannot see; this NPI has none.
    const swapped: string[] = [];
    for (let i = 0; i < 9; i++) {
      const a = VALID_NPI[i] ?? '';
      const b = VALID_NPI[i + 1] ?? '';
      if (a === b) continue;
      swapped.push(VALID_NPI.slice(0, i) + b + a + VALID_NPI.slice(i + 2));
    }
    expect(swapped).toHaveLength(9);
    for (const npi of swapped) expect(checkNpi(npi).ok).toBe(false);
  });

  it('refuses anything that is not exactly 10 digits, with its own message', () => {
    for (const bad of [
      '',
      '123456789',
      '12345678931',
      '123456789a',
      '12345 67893',
      '123-456-7893',
      '１２３４５６７８９３',
    ]) {
      const r = checkNpi(bad);
      expect(r).toEqual({ ok: false, code: 'NPI_INVALID', message: 'An NPI is exactly 10 digits.' });
    }
  });

  it('property: nine digits plus their computed check digit is always valid; any other last digit never', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), (body, delta) => {
        const check = luhnCheckDigit(`80840${body}`);
        expect(checkNpi(`${body}${check}`)).toEqual({ ok: true, npi: `${body}${check}` });
        expect(checkNpi(`${body}${(check + delta) % 10}`).ok).toBe(false);
      }),
    );
  });
});

describe('checkTin / formatTin', () => {
  it('accepts 12-3456789 and 123456789, storing the bare nine digits', () => {
    expect(checkTin('12-3456789')).toEqual({ ok: true, tin: '123456789' });
    expect(checkTin('123456789')).toEqual({ ok: true, tin: '123456789' });
    expect(checkTin('  98-7654321 ')).toEqual({ ok: true, tin: '987654321' });
  });

  it('refuses other shapes with TIN_INVALID', () => {
    for (const bad of [
      '',
      '12345678',
      '1234567890',
      '1-23456789',
      '123-456789',
      '123-45-6789', // an SSN layout, not an EIN
      '12-345678',
      '12-34567890',
      '12 3456789',
      '12–3456789', // en dash
      'ab-cdefghi',
      '12-3456789x',
    ]) {
      const r = checkTin(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe('TIN_INVALID');
    }
  });

  it('formats stored digits the way people write them, and round-trips', () => {
    expect(formatTin('123456789')).toBe('12-3456789');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (digits) => {
        expect(checkTin(formatTin(digits))).toEqual({ ok: true, tin: digits });
      }),
    );
  });
});
