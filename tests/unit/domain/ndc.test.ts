import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNdc542, ndc10Candidates, ndc11Candidates, parseNdc } from '../../../shared/domain/ndc';
import { estimateError, scenario } from './scenarios';

describe('NDC normalization (domain.md §3, §10 N)', () => {
  it('N1 "0002-7597-01" → "00002759701", format 4-4-2', () => {
    expect(parseNdc('0002-7597-01')).toEqual({ ok: true, ndc11: '00002759701', format: '4-4-2' });
  });

  it('N2 "50242-040-62" → "50242004062", format 5-3-2', () => {
    expect(parseNdc('50242-040-62')).toEqual({ ok: true, ndc11: '50242004062', format: '5-3-2' });
  });

  it('N3 "60575-4112-1" → "60575411201", format 5-4-1', () => {
    expect(parseNdc('60575-4112-1')).toEqual({ ok: true, ndc11: '60575411201', format: '5-4-1' });
  });

  it('N4 "71336-1000-01" stays "71336100001" (already 5-4-2)', () => {
    expect(parseNdc('71336-1000-01')).toEqual({ ok: true, ndc11: '71336100001', format: '5-4-2' });
    expect(parseNdc('00002759701')).toEqual({ ok: true, ndc11: '00002759701', format: '5-4-2' });
  });

  it('§3 more examples: 0574-4072-05, 51655-089-52, 58118-1397-3', () => {
    expect(parseNdc('0574-4072-05')).toMatchObject({ ok: true, ndc11: '00574407205', format: '4-4-2' });
    expect(parseNdc('51655-089-52')).toMatchObject({ ok: true, ndc11: '51655008952' });
    expect(parseNdc('58118-1397-3')).toMatchObject({ ok: true, ndc11: '58118139703' });
  });

  it('N5 "1234567890" without hyphens is NDC_AMBIGUOUS, never zero-padded', () => {
    const r = parseNdc('1234567890');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'NDC_AMBIGUOUS',
        message:
          'This NDC (1234567890) has 10 digits without hyphens, so it could be 4-4-2, 5-3-2 or 5-4-1; enter it with hyphens as printed on the package.',
      },
    });
    expect(parseNdc('1234567890', () => null).ok).toBe(false);
  });

  it('N5 resolves when the FDA directory names exactly one code', () => {
    const seen: string[] = [];
    const resolver = (digits: string) => {
      seen.push(digits);
      return '12345067890';
    };
    expect(parseNdc(' 1234567890 ', resolver)).toEqual({ ok: true, ndc11: '12345067890', format: '5-3-2' });
    expect(seen).toEqual(['1234567890']);
    // A resolver answer that is not one of the three paddings is not trusted.
    expect(parseNdc('1234567890', () => '99999999999')).toMatchObject({ ok: false, error: { code: 'NDC_AMBIGUOUS' } });
  });

  it.each([
    '12345-6789-012',
    'ABCDE-1234-12',
    '0002-7597-0A',
    '',
    '   ',
    '123-4567-89',
    '1234-567-89',
    '123456789012',
    '0002 7597 01',
    '0002-7597-01-1',
  ])('N6 %j → NDC_INVALID', (input) => {
    const r = parseNdc(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NDC_INVALID');
      expect(r.error.message).toMatch(/NDC|digits/);
    }
  });

  it('N7 "00002759701" displays as "00002-7597-01"; back to 10 digits needs an FDA lookup', () => {
    expect(formatNdc542('00002759701')).toBe('00002-7597-01');
    // Two hyphenated 10-digit forms fit this code, so only the directory can say which is printed.
    expect(ndc10Candidates('00002759701').map((c) => c.ndc10)).toEqual(['0002-7597-01', '00002-7597-1']);
    expect(formatNdc542('not an ndc')).toBe('not an ndc');
  });

  it('trims whitespace and accepts the "NDC" prefix printed on labels', () => {
    expect(parseNdc('  0002-7597-01\t')).toMatchObject({ ok: true, ndc11: '00002759701' });
    expect(parseNdc('NDC 0002-7597-01')).toMatchObject({ ok: true, ndc11: '00002759701' });
  });

  it('lists the three candidate 11-digit codes for 10 bare digits', () => {
    expect(ndc11Candidates('1234567890')).toEqual([
      { format: '4-4-2', ndc11: '01234567890' },
      { format: '5-3-2', ndc11: '12345067890' },
      { format: '5-4-1', ndc11: '12345678900' },
    ]);
  });

  it('N5 an ambiguous NDC stops the estimate with NDC_AMBIGUOUS', () => {
    estimateError(scenario({ drug: { ndc: '0002759701' } }), 'NDC_AMBIGUOUS');
  });
});

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

describe('NDC properties', () => {
  it('every valid 10-digit hyphenated form normalizes to 11 digits and back to its segments', () => {
    const shapes = [
      { format: '4-4-2', sizes: [4, 4, 2] },
      { format: '5-3-2', sizes: [5, 3, 2] },
      { format: '5-4-1', sizes: [5, 4, 1] },
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...shapes), digits(5), digits(4), digits(2), (shape, a, b, c) => {
        const segs = [a.slice(0, shape.sizes[0]), b.slice(0, shape.sizes[1]), c.slice(0, shape.sizes[2])];
        const printed = segs.join('-');
        const r = parseNdc(printed);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.format).toBe(shape.format);
        expect(r.ndc11).toMatch(/^\d{11}$/);
        // Back to the 5-4-2 display form, then strip the one padding zero: the printed segments.
        const [l, p, k] = formatNdc542(r.ndc11).split('-') as [string, string, string];
        expect(l.slice(5 - shape.sizes[0])).toBe(segs[0]);
        expect(p.slice(4 - shape.sizes[1])).toBe(segs[1]);
        expect(k.slice(2 - shape.sizes[2])).toBe(segs[2]);
        expect(ndc10Candidates(r.ndc11).map((x) => x.ndc10)).toContain(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('11 digits, bare or 5-4-2 hyphenated, are already normalized', () => {
    fc.assert(
      fc.property(digits(11), (d) => {
        expect(parseNdc(d)).toEqual({ ok: true, ndc11: d, format: '5-4-2' });
        expect(parseNdc(formatNdc542(d))).toEqual({ ok: true, ndc11: d, format: '5-4-2' });
      }),
    );
  });

  it('random strings never throw, and anything accepted is 11 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d-]{8,14}$/)), (s) => {
        const r = parseNdc(s);
        if (r.ok) expect(r.ndc11).toMatch(/^\d{11}$/);
        else expect(['NDC_AMBIGUOUS', 'NDC_INVALID']).toContain(r.error.code);
      }),
      { numRuns: 1000 },
    );
  });
});
