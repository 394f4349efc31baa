/**
 * Hostile input: whatever the bytes, reading ends in a reading or a coded refusal, never a throw,
 * and in time linear in the size of the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eraPreview } from '../../../shared/domain/era/era-preview';
import { readEra } from '../../../shared/domain/era/era-reader';
import { type EraReadResult } from '../../../shared/domain/era/era-types';
import { fixture } from './era-test-helpers';

const REFUSALS = ['ERA_EMPTY', 'ERA_NOT_835', 'ERA_ENVELOPE_INVALID', 'ERA_TOO_LARGE'];

/** The result is a well-formed reading or a refusal with a code and a sentence. */
function wellFormed(result: EraReadResult): void {
  if (!result.ok) {
    expect(REFUSALS).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(10);
    return;
  }
  const { reading } = result;
  expect(reading.transactions.length).toBeGreaterThan(0);
  for (const w of reading.warnings) {
    expect(Number.isInteger(w.segment) && w.segment >= 0 && w.segment <= reading.segments).toBe(true);
    expect(w.message.length).toBeGreaterThan(10);
  }
  const claims = reading.transactions.reduce((n, t) => n + t.claims.length, 0);
  expect(reading.summary.claims).toBe(claims);
  expect(reading.summary.outOfBalance).toBe(reading.outOfBalance.length);
  expect(reading.summary.totalPaid).toMatch(/^-?\d+\.\d\d$/);
  expect(() => JSON.stringify(eraPreview(reading))).not.toThrow();
}

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** Text made of 835 pieces, so the reader gets past the first checks and into its loops. */
const pieces = fc.constantFrom(
  'ISA*00*          *00*          *ZZ*PAYERID        *ZZ*RECEIVERID     *250328*1200*^*00501*000000042*0*P*:~',
  'GS*HP*A*B*20250328*1200*1*X*005010X221A1~',
  'ST*835*0001~',
  'ST*837*0002~',
  'SE*5*0001~',
  'GE*1*1~',
  'IEA*1*000000042~',
  'BPR*I*',
  'TRN*1*',
  'N1*PR*',
  'N1*PE*',
  'LX*1~',
  'CLP*',
  'SVC*HC:J3490:JW*',
  'CAS*CO*45*',
  'CAS*PR*',
  'DTM*472*',
  'REF*6R*',
  'AMT*B6*',
  'LQ*HE*',
  'PLB*1*20251231*WO:',
  'MOA***',
  'NM1*QC*1*',
  '*',
  ':',
  '~',
  '\r\n',
  '-',
  '.',
  '12.5',
  '1087.92',
  '-0',
  '99999999999999',
  '20250230',
  'ZZZ*',
);
const soup = fc.array(pieces, { maxLength: 80 }).map((xs) => xs.join(''));

describe('never a throw, always a reading or a coded refusal', () => {
  it('random text (2,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => wellFormed(readEra(text))),
      { numRuns: 2_000 },
    );
  });

  it('random bytes read as Latin-1 (2,000 runs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => wellFormed(readEra(latin1(bytes)))),
      { numRuns: 2_000 },
    );
  });

  it('random sequences of 835 pieces (2,000 runs)', () => {
    fc.assert(
      fc.property(soup, (text) => wellFormed(readEra(text))),
      { numRuns: 2_000 },
    );
  });

  it('a real remittance with characters cut, doubled or replaced (2,000 runs)', () => {
    const base = fixture('preview-example.835');
    const edit = fc.tuple(
      fc.nat({ max: base.length }),
      fc.nat({ max: 20 }),
      fc.string({ maxLength: 5, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let text = base;
        for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
        wellFormed(readEra(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses anything that is not a string as ERA_NOT_835', () => {
    expect(readEra(42 as unknown as string)).toMatchObject({ ok: false, error: { code: 'ERA_NOT_835' } });
  });
});

describe('pathological sizes stay linear', () => {
  const MB = 1024 * 1024;
  const cases: [string, string][] = [
    ['an ISA followed by 8 MB of element separators', `ISA*${'*'.repeat(8 * MB)}`],
    ['8 MB of terminators after ST', `ST*835*1~${'~'.repeat(8 * MB)}`],
    ['one 8 MB segment of separators in a transaction', `ST*835*1~CAS*CO${'*'.repeat(8 * MB)}~SE*3*1~`],
    ['one 8 MB SVC composite', `ST*835*1~CLP*A*1*1*1~SVC*HC${':'.repeat(8 * MB)}*1*1~SE*4*1~`],
    ['200,000 unknown segments', `ST*835*1~${'ZZ*1~'.repeat(200_000)}SE*3*1~`],
    ['100,000 SVC without CLP', `ST*835*1~${'SVC*HC:J3490*1*1~'.repeat(100_000)}SE*3*1~`],
    ['an 8 MB amount', `ST*835*1~BPR*I*${'9'.repeat(8 * MB)}~SE*3*1~`],
    ['8 MB of CR/LF', `ST*835*1~${'\r\n'.repeat(4 * MB)}SE*2*1~`],
  ];
  for (const [label, text] of cases) {
    it(`${label}: read within a few seconds, warnings capped`, () => {
      const start = performance.now();
      const result = readEra(text);
      const elapsed = performance.now() - start;
      wellFormed(result);
      if (result.ok) expect(result.reading.warnings.length).toBeLessThan(40 * 201);
      expect(elapsed).toBeLessThan(5_000);
    });
  }
});
