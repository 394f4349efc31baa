import { describe, expect, it } from 'vitest';
import type { PostingLine } from '../../../shared/domain/remittance';
import { matchClaimLines, type CandidateLine } from '../../../shared/domain/remittance-matching';

const candidate = (
  administrationId: number,
  lineKind: 'given' | 'wasted',
  billedChargeCents: number,
): CandidateLine => ({
  administrationId,
  lineKind,
  hcpcs: 'J3490',
  modifiers: lineKind === 'wasted' ? ['JW'] : [],
  dateOfService: '2025-03-03',
  billedChargeCents,
});
const line = (changes: Partial<PostingLine> = {}): PostingLine => ({
  code: 'J3490',
  modifiers: [],
  submittedCode: null,
  chargeCents: 150000,
  paidCents: 100000,
  allowedCents: null,
  units: '1',
  dateOfService: '2025-03-03',
  lineControlNumber: '',
  balanced: true,
  adjustments: [],
  remarks: [],
  ...changes,
});
const given = candidate(17, 'given', 150000);
const wasted = candidate(17, 'wasted', 50000);

describe('matching remittance lines to claim lines', () => {
  it('matches by HCPCS and date of service when one line fits', () => {
    expect(matchClaimLines([line()], [given])).toEqual([
      { matched: true, administrationId: 17, lineKind: 'given', how: 'claim+code+date' },
    ]);
  });

  it('E5 tells the JW line from the given line by the JW modifier', () => {
    expect(matchClaimLines([line({ modifiers: ['JW'], chargeCents: 50000 }), line()], [given, wasted])).toEqual([
      { matched: true, administrationId: 17, lineKind: 'wasted', how: 'claim+code+date+modifier' },
      { matched: true, administrationId: 17, lineKind: 'given', how: 'claim+code+date' },
    ]);
  });

  it('still matches when the payer dropped the modifiers: by the charge billed', () => {
    const result = matchClaimLines([line({ chargeCents: 50000 }), line({ chargeCents: 150000 })], [given, wasted]);
    expect(result.map((r) => r.matched && [r.lineKind, r.how])).toEqual([
      ['wasted', 'claim+code+date+charge'],
      ['given', 'claim+code+date'],
    ]);
  });

  it('still matches when the payer recoded the line (SVC06 holds the code billed)', () => {
    expect(matchClaimLines([line({ code: 'J9999', submittedCode: 'J3490' })], [given])).toEqual([
      { matched: true, administrationId: 17, lineKind: 'given', how: 'claim+code+date+submitted-code' },
    ]);
  });

  it('takes the line control number (REF*6R) first: "17-2" is the JW line', () => {
    expect(matchClaimLines([line({ lineControlNumber: '17-2', chargeCents: 1 })], [given, wasted])).toEqual([
      { matched: true, administrationId: 17, lineKind: 'wasted', how: 'line-control' },
    ]);
  });

  it('leaves unmatched, with the reason, what no line fits or what stays ambiguous', () => {
    const [other] = matchClaimLines([line({ code: 'J9263' })], [given]);
    expect(other).toEqual({ matched: false, reason: 'No line of this claim has code J9263 on 2025-03-03.' });
    const [ambiguous] = matchClaimLines([line({ chargeCents: 1 })], [given, candidate(18, 'given', 150000)]);
    expect(ambiguous?.matched).toBe(false);
    const [none] = matchClaimLines([line()], []);
    expect(none?.matched).toBe(false);
  });
});
