/**
 * A provider as typed on the Providers page or in the administration form's "Add a provider":
 * the NPI read without the spaces and dashes it is copied with, then checked by its Luhn digit;
 * the name required; the name printed with its credentials as the attachment prints it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../shared/domain/npi';
import { npiAsTyped, providerInputSchema, providerPrintedName } from '../../../shared/domain/provider';

const parse = (input: Record<string, unknown>) => providerInputSchema.safeParse(input);
const problems = (input: Record<string, unknown>) => {
  const r = parse(input);
  return r.success
    ? []
    : r.error.issues.map((i) => ({
        field: i.path.join('.'),
        code: (i as { params?: { code?: string } }).params?.code,
        message: i.message,
      }));
};

describe('providerInputSchema', () => {
  it('reads an NPI typed with spaces, dashes or a non-breaking space as its ten digits', () => {
    for (const typed of ['1234567893', ' 123 456 7893 ', '123-456-7893', '1234\u00a0567\u00a0893', '12-34 56-78 93']) {
      const r = parse({ name: 'Jane Roe', npi: typed, credentials: 'MD' });
      expect(r.success, typed).toBe(true);
      if (r.success) expect(r.data.npi).toBe('1234567893');
    }
  });

  it('refuses an NPI whose check digit is wrong, naming the check digit', () => {
    expect(problems({ name: 'Jane Roe', npi: '123 456 7890' })).toEqual([
      {
        field: 'npi',
        code: 'NPI_INVALID',
        message: 'This NPI fails its check digit; compare it with the NPPES record.',
      },
    ]);
  });

  it('refuses nine or eleven digits, letters, and an empty NPI', () => {
    for (const typed of ['123456789', '12345678931', '12345678A3']) {
      expect(problems({ name: 'Jane Roe', npi: typed }), typed).toEqual([
        { field: 'npi', code: 'NPI_INVALID', message: 'An NPI is exactly 10 digits.' },
      ]);
    }
    expect(problems({ name: 'Jane Roe', npi: ' - ' })).toEqual([
      { field: 'npi', code: 'REQUIRED', message: 'NPI is required.' },
    ]);
  });

  it('requires a name, trims it and the credentials, and leaves credentials empty when not given', () => {
    expect(problems({ name: '   ', npi: '1987654328' }).map((p) => [p.field, p.message])).toEqual([
      ['name', 'Name is required.'],
    ]);
    const r = parse({ name: '  Omar Haddad ', npi: '1987654328' });
    expect(r.success && r.data).toEqual({ name: 'Omar Haddad', npi: '1987654328', credentials: '' });
    const withCredentials = parse({ name: 'Omar Haddad', npi: '1987654328', credentials: ' NP ' });
    expect(withCredentials.success && withCredentials.data.credentials).toBe('NP');
  });

  it('refuses a name or credentials too long for the 80 characters an administration keeps', () => {
    expect(problems({ name: 'x'.repeat(59), npi: '1987654328', credentials: 'y'.repeat(21) })).toEqual([
      { field: 'name', code: undefined, message: 'Name is at most 58 characters.' },
      { field: 'credentials', code: undefined, message: 'Credentials is at most 20 characters.' },
    ]);
    const longest = providerPrintedName({ name: 'x'.repeat(58), credentials: 'y'.repeat(20) });
    expect(longest.length).toBeLessThanOrEqual(80);
  });

  it('takes every nine-digit body with its Luhn digit, however it is spaced, and refuses every other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        const good = `${body}${luhnCheckDigit(`80840${body}`)}`;
        const spaced = `${good.slice(0, 3)} ${good.slice(3, 6)}-${good.slice(6)}`;
        const ok = parse({ name: 'A', npi: spaced });
        expect(ok.success && ok.data.npi).toBe(good);
        const wrong = `${body}${(luhnCheckDigit(`80840${body}`) + shift) % 10}`;
        expect(parse({ name: 'A', npi: wrong }).success).toBe(false);
      }),
    );
  });
});

describe('npiAsTyped and providerPrintedName', () => {
  it('drops only spaces and dashes (other characters are left for the check to refuse)', () => {
    expect(npiAsTyped(' 123-456 7893\t')).toBe('1234567893');
    expect(npiAsTyped('123.456.7893')).toBe('123.456.7893');
  });

  it('prints "Name, credentials", or the name alone', () => {
    expect(providerPrintedName({ name: 'Jane Roe', credentials: 'MD' })).toBe('Jane Roe, MD');
    expect(providerPrintedName({ name: 'Jane Roe', credentials: '' })).toBe('Jane Roe');
  });
});
