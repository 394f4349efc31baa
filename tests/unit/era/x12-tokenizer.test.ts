/** Delimiters, segments, elements and composites (domain.md §7, E1). */
import { describe, expect, it } from 'vitest';
import {
  bareDelimiters,
  components,
  element,
  isaDelimiters,
  MAX_X12_LENGTH,
  tokenizeX12,
  type X12Segment,
} from '../../../shared/domain/era/x12-tokenizer';
import { fixture } from './era-test-helpers';

const ISA =
  'ISA*00*          *00*          *ZZ*PAYERID        *ZZ*RECEIVERID     *250328*1200*^*00501*000000042*0*P*:~';

function segments(text: string): X12Segment[] {
  const tokens = tokenizeX12(text);
  if (!tokens.ok) throw new Error(tokens.error.message);
  return tokens.segments;
}

describe('delimiters from the ISA', () => {
  it('E1 takes them from index 3, 104 and 105 of a standard 106-character ISA, and ISA11', () => {
    expect(ISA).toHaveLength(106);
    expect([ISA[3], ISA[104], ISA[105], ISA[82]]).toEqual(['*', ':', '~', '^']);
    expect(isaDelimiters(ISA, 0)).toEqual({
      ok: true,
      delimiters: { element: '*', component: ':', repetition: '^', segment: '~' },
      end: 105,
    });
  });

  it('E1 reads | ^ ~ (and { as repetition) from the pipe fixture', () => {
    const text = fixture('e1-pipe-caret.835');
    expect(isaDelimiters(text, 0)).toMatchObject({
      ok: true,
      delimiters: { element: '|', component: '^', repetition: '{', segment: '~' },
    });
  });

  it('E1 reads > as the component separator and CR as the terminator', () => {
    const text = fixture('e1-angle-crlf-terminator.835');
    expect(isaDelimiters(text, 0)).toMatchObject({
      ok: true,
      delimiters: { element: '*', component: '>', repetition: '^', segment: '\r' },
    });
    const svc = segments(text).find((s) => s.id === 'SVC');
    expect(svc && components(svc, 1)).toEqual(['HC', 'J3490', 'JW']);
  });

  it('finds the 16th element separator of a short ISA (fields not padded)', () => {
    const short = 'ISA*00**00**ZZ*P*ZZ*R*250328*1200*^*00501*1*0*P*>~GS*HP~';
    expect(isaDelimiters(short, 0)).toEqual({
      ok: true,
      delimiters: { element: '*', component: '>', repetition: '^', segment: '~' },
      end: short.indexOf('~'),
    });
  });

  it('has no repetition separator for a 4010 ISA (ISA11 = U)', () => {
    const isa4010 = ISA.replace('*^*00501*', '*U*00401*');
    expect(isaDelimiters(isa4010, 0)).toMatchObject({ ok: true, delimiters: { repetition: null } });
  });

  it('refuses separators that are letters, digits, blanks, or the same character twice', () => {
    expect(isaDelimiters('ISAA00', 0)).toMatchObject({ ok: false });
    expect(isaDelimiters(ISA.replace('*:~', '***'), 0)).toMatchObject({ ok: false });
    expect(isaDelimiters(ISA.replace('*:~', '*A~'), 0)).toMatchObject({ ok: false });
    expect(isaDelimiters(ISA.replace('*:~', '*: '), 0)).toMatchObject({ ok: false });
    expect(isaDelimiters(ISA.replace('*:~', '*::'), 0)).toMatchObject({ ok: false });
    expect(isaDelimiters(ISA.slice(0, 104), 0)).toMatchObject({ ok: false });
  });

  it('never looks further than 200 characters for the 16 elements', () => {
    const long = `ISA*${'0'.repeat(100_000)}*`;
    expect(isaDelimiters(long, 0)).toEqual({ ok: false, reason: 'it has 1 of the 16 elements an ISA must have' });
  });
});

describe('delimiters of a file that starts at ST or GS', () => {
  it('takes the element separator after ST, the terminator after ST, the component from SVC01', () => {
    expect(bareDelimiters('ST*835*0001~\nBPR*I*5~SVC*HC>J3490*5*5~', 0)).toEqual({
      ok: true,
      delimiters: { element: '*', component: '>', repetition: null, segment: '~' },
    });
  });

  it('reads a newline as the terminator, and ":" when the file has no SVC', () => {
    expect(bareDelimiters('ST|835|0001\nBPR|I|5\n', 0)).toEqual({
      ok: true,
      delimiters: { element: '|', component: ':', repetition: null, segment: '\n' },
    });
  });

  it('does not take a hyphen inside ST02 for the terminator', () => {
    expect(bareDelimiters('ST*835*12-34~BPR*I*5~', 0)).toMatchObject({ ok: true, delimiters: { segment: '~' } });
  });

  it('refuses an ST with no terminator in sight', () => {
    expect(bareDelimiters(`ST*835*${'1'.repeat(1_000)}`, 0)).toMatchObject({ ok: false });
  });
});

describe('segments and elements', () => {
  it('numbers segments from 1 and splits elements; element(seg, n) is "" past the end', () => {
    const segs = segments(`${ISA}\nGS*HP*A*B~ST*835*0001~SE*2*0001~`);
    expect(segs.map((s) => [s.index, s.id])).toEqual([
      [1, 'ISA'],
      [2, 'GS'],
      [3, 'ST'],
      [4, 'SE'],
    ]);
    expect(element(segs[2] as X12Segment, 1)).toBe('835');
    expect(element(segs[2] as X12Segment, 9)).toBe('');
    expect(element(segs[0] as X12Segment, 16)).toBe(':');
  });

  it('skips blank lines, spaces and a byte-order mark between segments, and keeps a last segment without terminator', () => {
    const segs = segments(`\ufeff  ST*835*1~\r\n\r\n  BPR*I*5~\n\nSE*3*1`);
    expect(segs.map((s) => s.elements)).toEqual([
      ['ST', '835', '1'],
      ['BPR', 'I', '5'],
      ['SE', '3', '1'],
    ]);
  });

  it('re-reads the delimiters at every ISA, and notes one that cannot be read', () => {
    const second = ISA.replace(/\*/g, '|').replace('|:~', '|>~');
    const segs = segments(`${ISA}\nIEA*1*1~\n${second}\nSVC|HC>J3490|1~`);
    const svc = segs.at(-1) as X12Segment;
    expect(svc.delimiters).toMatchObject({ element: '|', component: '>' });
    expect(components(svc, 1)).toEqual(['HC', 'J3490']);

    const broken = tokenizeX12(`${ISA}\nIEA*1*1~\nISA*00~SVC*HC:J3490*1~`);
    expect(broken).toMatchObject({ ok: true, notes: [{ index: 3 }] });
  });

  it('refuses text over the size limit before reading it', () => {
    expect(tokenizeX12('x'.repeat(MAX_X12_LENGTH + 1))).toMatchObject({ ok: false, error: { code: 'ERA_TOO_LARGE' } });
  });
});

describe('bounded splits', () => {
  it('keeps at most 100 elements of a segment and 20 components of a composite', () => {
    const segs = segments(`ST*835*1~CAS*CO${'*45'.repeat(1_000)}~SVC*HC${':X'.repeat(1_000)}*1~`);
    expect(segs[1]?.elements).toHaveLength(100);
    expect(components(segs[2] as X12Segment, 1)).toHaveLength(20);
  });
});
