import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  addCents,
  asCents,
  centsFromDecimal,
  decimalFromCents,
  formatRate,
  formatUsd,
  MAX_AMOUNT_LENGTH,
  moneyString,
  parseAmount,
  parseCents,
  rateFromPercent,
  roundCents,
  roundToCents,
  usdText,
  type Cents,
} from '../../../shared/domain/money';
import { splitLines } from '../../../shared/domain/cost-share';
import { canonicalDecimal } from '../../../shared/domain/field-rules';
import { sequestrationRate } from '../../../shared/domain/sequestration';

const value = (s: string, opts = {}) => {
  const r = parseAmount(s, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.toFixed();
};

describe('parseAmount', () => {
  it('accepts plain decimal strings and keeps them exact', () => {
    expect(value('256.50')).toBe('256.5');
    expect(value('0')).toBe('0');
    expect(value('1200')).toBe('1200');
    expect(value('0.407', { maxDecimals: 6 })).toBe('0.407');
    expect(value('2.500')).toBe('2.5'); // trailing zeros do not count as decimals
    expect(value('-3.10', { allowNegative: true })).toBe('-3.1');
  });

  it.each(['1e3', '', ' ', '12.3.4', 'NaN', 'Infinity', '.5', '5.', '1,000', '0x10', ' 5', '$5', '+5'])(
    'refuses %j with AMOUNT_INVALID and a readable sentence',
    (input) => {
      const r = parseAmount(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('AMOUNT_INVALID');
        expect(r.error.message).toMatch(/[a-z].*\./);
      }
    },
  );

  it('refuses negatives, too many decimals, zero when not allowed, and too many digits', () => {
    expect(parseAmount('-1').ok).toBe(false);
    const dp = parseAmount('12.345', { label: 'Billed charge' });
    expect(dp.ok).toBe(false);
    if (!dp.ok)
      expect(dp.error.message).toBe('Billed charge: "12.345" has 3 decimal places; this amount takes at most 2.');
    expect(parseAmount('0', { allowZero: false }).ok).toBe(false);
    expect(parseAmount('12345678901234').ok).toBe(false);
    expect(parseAmount('1234567890123').ok).toBe(true);
  });

  it('refuses a number passed where a decimal string belongs (no float path in)', () => {
    const r = parseAmount(0.1 as unknown as string);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/written as text/);
  });

  it('refuses an amount longer than 40 characters by its length, quoting 80 characters of it', () => {
    expect(MAX_AMOUNT_LENGTH).toBe(40);
    expect(parseAmount(`1.${'0'.repeat(38)}`).ok).toBe(true);
    const million = `${'0'.repeat(999_999)}1`;
    const r = parseAmount(million, { label: 'Price per package' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('AMOUNT_INVALID');
      expect(r.error.message).toBe(
        `Price per package: "${'0'.repeat(80)}…" is 1000000 characters long; an amount is at most 40, such as 256.50.`,
      );
    }
    expect(parseAmount(`1.${'0'.repeat(39)}`).ok).toBe(false);
  });

  it('counts trailing and leading zeros in time linear in their number (no regex restarting at each zero)', () => {
    // "1." + 160,000 zeros + "1" took 10 s through /0+$/; canonicalDecimal trimmed the same way.
    const started = performance.now();
    const r = parseAmount(`1.${'0'.repeat(100_000)}1`, { maxDecimals: 6 });
    const canonical = canonicalDecimal(`${'0'.repeat(100_000)}7.${'0'.repeat(100_000)}1${'0'.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.ok).toBe(false);
    expect(canonical).toBe(`7.${'0'.repeat(100_000)}1`);
    expect(canonicalDecimal('020.500')).toBe('20.5');
    expect(canonicalDecimal('000')).toBe('0');
    expect(canonicalDecimal('3.000')).toBe('3');
  });

  it('never throws, and accepts exactly the plain decimal grammar (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseAmount(s, { maxDecimals: 20, maxIntegerDigits: 40 });
        expect(r.ok).toBe(/^\d+(\.\d+)?$/.test(s));
      }),
    );
  });
});

describe('cents', () => {
  it('converts exact amounts and refuses more than 2 decimals unless rounded first', () => {
    expect(centsFromDecimal(new Dec('256.50'))).toBe(25650);
    expect(centsFromDecimal(new Dec('-0.07'))).toBe(-7);
    expect(() => centsFromDecimal(new Dec('1.005'))).toThrow(RangeError);
    expect(roundToCents(new Dec('1.005'))).toBe(101);
    expect(() => centsFromDecimal(new Dec('90071992547409.92'))).toThrow(RangeError);
    expect(() => asCents(1.5)).toThrow(RangeError);
    expect(decimalFromCents(asCents(25650)).toFixed(2)).toBe('256.50');
  });

  it('roundCents is half-up at the cent (away from zero for negatives)', () => {
    expect(roundCents(new Dec('4.104')).toFixed(2)).toBe('4.10');
    expect(roundCents(new Dec('20.352')).toFixed(2)).toBe('20.35');
    expect(roundCents(new Dec('2.345')).toFixed(2)).toBe('2.35');
    expect(roundCents(new Dec('-2.345')).toFixed(2)).toBe('-2.35');
    expect(roundCents(new Dec('666.6666666666666')).toFixed(2)).toBe('666.67');
  });

  it('computes 0.95 × 6 × 45 as exactly 256.50, where floats give 256.4999…', () => {
    expect(0.95 * 6 * 45).not.toBe(256.5);
    expect(new Dec('0.95').times(6).times(45).toFixed()).toBe('256.5');
  });

  it('parseCents reads a money string straight into cents', () => {
    expect(parseCents('1840.00')).toEqual({ ok: true, cents: 184000 });
    expect(parseCents('18.405').ok).toBe(false);
  });

  it('round-trips any safe cents value through Decimal and text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), (n) => {
        const c = asCents(n);
        const d = decimalFromCents(c);
        expect(centsFromDecimal(d)).toBe(n);
        const text = moneyString(d);
        const back = parseCents(text, { allowNegative: true, maxIntegerDigits: 16 });
        expect(back).toEqual({ ok: true, cents: n });
      }),
    );
  });

  it('sums cents exactly like integer arithmetic (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 50 }), (parts) => {
        const viaDecimal = parts.reduce((acc, p) => acc.plus(decimalFromCents(p as Cents)), new Dec(0));
        const viaBigInt = parts.reduce((acc, p) => acc + BigInt(p), 0n);
        expect(viaDecimal.times(100).toFixed()).toBe(viaBigInt.toString());
        expect(BigInt(addCents(...(parts as Cents[])))).toBe(viaBigInt);
      }),
    );
  });

  it('rounds half-up exactly like integer arithmetic on mills (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (mills) => {
        const d = new Dec(mills.toString()).dividedBy(1000);
        const abs = mills < 0n ? -mills : mills;
        const cents = (abs + 5n) / 10n; // half away from zero
        const expected = (mills < 0n && cents !== 0n ? -cents : cents).toString();
        expect(roundCents(d).times(100).toFixed()).toBe(expected);
      }),
    );
  });
});

describe('formatting', () => {
  it('formats US dollars exactly', () => {
    expect(formatUsd(new Dec('1840'))).toBe('$1,840.00');
    expect(formatUsd(new Dec('0'))).toBe('$0.00');
    expect(formatUsd(new Dec('1234567.89'))).toBe('$1,234,567.89');
    expect(formatUsd(new Dec('-5'))).toBe('-$5.00');
    expect(formatUsd(asCents(25650))).toBe('$256.50');
    expect(formatUsd(new Dec('9007199254740993.01'))).toBe('$9,007,199,254,740,993.01'); // beyond float precision
  });

  it('usdText (the trace fast path) writes the same text as Intl formatUsd (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }), (n, scale) => {
        const d = new Dec(n.toString()).dividedBy(10 ** scale);
        expect(usdText(d)).toBe(formatUsd(d));
      }),
      { numRuns: 500 },
    );
  });

  it('moneyString equals toFixed(2) for any decimal (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const d = new Dec(n.toString()).dividedBy(10 ** scale);
        expect(moneyString(d)).toBe(d.toFixed(2));
      }),
      { numRuns: 500 },
    );
  });
});

describe('rates', () => {
  it('turns percents into exact fractions', () => {
    const r = rateFromPercent('95');
    expect(r.ok && r.rate.fraction.toFixed()).toBe('0.95');
    const wac = rateFromPercent('103');
    expect(wac.ok && wac.rate.fraction.toFixed()).toBe('1.03');
    const seq = rateFromPercent('2.5');
    expect(seq.ok && formatRate(seq.rate)).toBe('2.5%');
    expect(rateFromPercent('120', { max: '100', label: 'Coinsurance' }).ok).toBe(false);
    expect(rateFromPercent('95%').ok).toBe(false);
  });
});

describe('cost share', () => {
  it('parts sum to the whole on every line and in total, and the total is the sum of the lines (property)', () => {
    const seq = sequestrationRate('medicare', '2024-03-15');
    if (!seq.ok) throw new Error('rate');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10 ** 7 }),
        fc.integer({ min: 0, max: 10000 }),
        (allowedCents, deductibleCents, coinsBasisPoints) => {
          const coins = rateFromPercent(new Dec(coinsBasisPoints).dividedBy(100).toFixed());
          if (!coins.ok) throw new Error('coinsurance');
          const remaining = decimalFromCents(deductibleCents as Cents);
          const { lines, total } = splitLines(
            allowedCents.map((c) => decimalFromCents(c as Cents)),
            { deductibleRemaining: remaining, coinsurance: coins.rate, sequestration: seq.rate },
          );
          for (const share of [...lines, total]) {
            const parts = [share.deductible, share.coinsurance, share.sequestration, share.payerPays];
            for (const p of parts) {
              expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
              expect(p.isNegative() && !p.isZero()).toBe(false);
            }
            expect(parts.reduce((a, b) => a.plus(b)).equals(share.allowed)).toBe(true);
            expect(share.patientPays.equals(share.deductible.plus(share.coinsurance))).toBe(true);
          }
          for (const key of ['allowed', 'deductible', 'coinsurance', 'sequestration', 'payerPays'] as const) {
            expect(lines.reduce((a, l) => a.plus(l[key]), new Dec(0)).equals(total[key]), key).toBe(true);
          }
          // The deductible is used up in line order, never beyond what remains or what is allowed.
          expect(total.deductible.equals(Dec.min(remaining, total.allowed))).toBe(true);
        },
      ),
    );
  });
});

describe('no float path', () => {
  // The engine's own modules (the app skeleton's files in the same folder are not checked here).
  const engineFiles = [
    'money.ts',
    'ndc.ts',
    'units.ts',
    'waste.ts',
    'modifiers.ts',
    'claim-line.ts',
    'sequestration.ts',
    'methodology.ts',
    'cost-share.ts',
    'cost-allocation.ts',
    'scenario.ts',
    'estimate.ts',
    'estimate-quantities.ts',
    'estimate-lines.ts',
    'estimate-trace.ts',
    'hcpcs.ts',
    'iso-date.ts',
    'result.ts',
  ];
  const dir = join(__dirname, '../../../shared/domain');

  it('no engine module converts money through a float or imports a runtime', () => {
    const present = new Set(readdirSync(dir));
    for (const file of engineFiles) {
      expect(present.has(file), file).toBe(true);
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/parseFloat|Math\.round|\bNumber\(|toPrecision/);
      expect(code, file).not.toMatch(/from 'node:|from 'electron|better-sqlite3|console\.|window\.|document\./);
      const toNumber = code.match(/\.toNumber\(\)/g) ?? [];
      // The one use: integer cents already checked to be a safe integer.
      expect(toNumber.length, file).toBe(file === 'money.ts' ? 1 : 0);
    }
  });
});
