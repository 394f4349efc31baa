/**
 * Contract versions in time: inclusive date spans, which version is in force on a date, the most
 * specific scope winning (NDC, then HCPCS, then all drugs), and the input schema's refusals.
 */
import { describe, expect, it } from 'vitest';
import {
  contractInputSchema,
  inForce,
  pickContract,
  spansOverlap,
  type ContractInput,
  type ScopeKind,
} from '../../../shared/domain/contract-terms';
import { contractTerms } from '../../fixtures/seed-inputs';

const span = (effectiveFrom: string, effectiveTo: string | null) => ({ effectiveFrom, effectiveTo });

/** Both orders, since overlap is symmetric and the implementation is not written symmetrically. */
const overlapBothWays = (a: ReturnType<typeof span>, b: ReturnType<typeof span>): [boolean, boolean] => [
  spansOverlap(a, b),
  spansOverlap(b, a),
];

describe('spansOverlap (inclusive dates; an open end runs forever)', () => {
  it('ranges that share one day (touching ends) overlap', () => {
    expect(overlapBothWays(span('2024-01-01', '2024-06-30'), span('2024-06-30', '2024-12-31'))).toEqual([true, true]);
  });

  it('adjacent days do not overlap: one ends 2024-12-31, the next starts 2025-01-01', () => {
    expect(overlapBothWays(span('2024-01-01', '2024-12-31'), span('2025-01-01', null))).toEqual([false, false]);
    expect(overlapBothWays(span('2024-01-01', '2024-12-31'), span('2025-01-01', '2025-12-31'))).toEqual([false, false]);
  });

  it('identical ranges overlap, closed or open', () => {
    expect(overlapBothWays(span('2024-01-01', '2024-12-31'), span('2024-01-01', '2024-12-31'))).toEqual([true, true]);
    expect(overlapBothWays(span('2024-01-01', null), span('2024-01-01', null))).toEqual([true, true]);
  });

  it('one range inside another overlaps', () => {
    expect(overlapBothWays(span('2024-01-01', '2024-12-31'), span('2024-03-01', '2024-03-31'))).toEqual([true, true]);
    expect(overlapBothWays(span('2005-01-01', null), span('2024-03-01', '2024-03-31'))).toEqual([true, true]);
  });

  it('a one-day range overlaps only the ranges that contain that day', () => {
    const day = span('2024-07-01', '2024-07-01');
    expect(overlapBothWays(day, span('2024-07-01', null))).toEqual([true, true]);
    expect(overlapBothWays(day, span('2024-01-01', '2024-06-30'))).toEqual([false, false]);
    expect(overlapBothWays(day, span('2024-07-02', null))).toEqual([false, false]);
  });

  it('an open end overlaps anything starting later, and nothing that ended before it began', () => {
    expect(overlapBothWays(span('2024-01-01', null), span('2030-05-01', '2030-05-31'))).toEqual([true, true]);
    expect(overlapBothWays(span('2024-01-01', null), span('2030-05-01', null))).toEqual([true, true]);
    expect(overlapBothWays(span('2024-01-01', null), span('2020-01-01', '2023-12-31'))).toEqual([false, false]);
    expect(overlapBothWays(span('2024-01-01', null), span('2020-01-01', '2024-01-01'))).toEqual([true, true]);
  });

  it('ranges with a gap between them do not overlap', () => {
    expect(overlapBothWays(span('2023-01-01', '2023-06-30'), span('2024-01-01', '2024-06-30'))).toEqual([false, false]);
  });
});

describe('inForce', () => {
  const closed = span('2024-07-01', '2024-12-31');
  const open = span('2024-07-01', null);

  it('includes both the first and the last day', () => {
    expect(
      ['2024-06-30', '2024-07-01', '2024-09-15', '2024-12-31', '2025-01-01'].map((d) => inForce(closed, d)),
    ).toEqual([false, true, true, true, false]);
  });

  it('an open-ended version is in force from its first day on', () => {
    expect(['2024-06-30', '2024-07-01', '2099-12-31'].map((d) => inForce(open, d))).toEqual([false, true, true]);
  });
});

type Version = {
  id: string;
  scopeKind: ScopeKind;
  scopeValue: string;
  effectiveFrom: string;
  effectiveTo: string | null;
};

describe('pickContract', () => {
  const NDC = '50242004062';
  const v = (id: string, scopeKind: ScopeKind, scopeValue: string, from: string, to: string | null): Version => ({
    id,
    scopeKind,
    scopeValue,
    effectiveFrom: from,
    effectiveTo: to,
  });
  const versions: Version[] = [
    v('all-2024', 'all', '', '2024-01-01', '2024-12-31'),
    v('all-2025', 'all', '', '2025-01-01', null),
    v('hcpcs-J3490', 'hcpcs', 'J3490', '2024-01-01', null),
    v('ndc-2025', 'ndc', NDC, '2025-01-01', '2025-06-30'),
    v('ndc-other', 'ndc', '00002759701', '2020-01-01', null),
    v('hcpcs-J9999', 'hcpcs', 'J9999', '2020-01-01', null),
  ];
  const pick = (date: string, hcpcs = 'J3490', ndc11 = NDC): string | null =>
    pickContract(versions, { ndc11, hcpcs, date })?.id ?? null;

  it('the NDC version wins over HCPCS and all-drugs versions in force the same day', () => {
    expect(pick('2025-03-02')).toBe('ndc-2025');
  });

  it('the HCPCS version wins over all drugs once the NDC version has ended', () => {
    expect(pick('2025-07-01')).toBe('hcpcs-J3490');
    expect(pick('2024-05-01')).toBe('hcpcs-J3490');
  });

  it('all drugs applies when no more specific version matches the drug or the code', () => {
    expect(pick('2024-05-01', 'J3590')).toBe('all-2024');
    expect(pick('2025-07-01', 'J3590')).toBe('all-2025');
    // Another NDC's version and another code's version are never picked.
    expect(pick('2025-03-02', 'J3590', '60575411201')).toBe('all-2025');
  });

  it('ignores versions out of force on the date', () => {
    const onlyEnded = [v('ended', 'ndc', NDC, '2020-01-01', '2020-12-31'), v('all', 'all', '', '2020-01-01', null)];
    expect(pickContract(onlyEnded, { ndc11: NDC, hcpcs: 'J3490', date: '2021-01-01' })?.id).toBe('all');
    expect(pickContract(onlyEnded, { ndc11: NDC, hcpcs: 'J3490', date: '2020-12-31' })?.id).toBe('ended');
    const notYet = [v('future', 'all', '', '2026-01-01', null)];
    expect(pickContract(notYet, { ndc11: NDC, hcpcs: 'J3490', date: '2025-12-31' })).toBeNull();
  });

  it('returns null when nothing matches, and for no versions at all', () => {
    expect(pick('2023-06-01', 'J3590')).toBeNull();
    expect(pickContract([], { ndc11: NDC, hcpcs: 'J3490', date: '2025-03-02' })).toBeNull();
  });

  it('does not depend on the order the versions are listed in', () => {
    const reversed = [...versions].reverse();
    expect(pickContract(reversed, { ndc11: NDC, hcpcs: 'J3490', date: '2025-03-02' })?.id).toBe('ndc-2025');
    expect(pickContract(reversed, { ndc11: NDC, hcpcs: 'J3490', date: '2025-07-01' })?.id).toBe('hcpcs-J3490');
  });
});

describe('contractInputSchema', () => {
  const terms = (changes: Partial<ContractInput> = {}): ContractInput =>
    contractTerms(1, { label: 'Commercial 2025', effectiveFrom: '2025-01-01', ...changes });

  /** path and coded problem of every issue, as the dispatcher reports them */
  const issues = (input: unknown): { path: string; code: string }[] => {
    const r = contractInputSchema.safeParse(input);
    if (r.success) return [];
    return r.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      code: String((i as { params?: { code?: string } }).params?.code ?? 'INVALID_INPUT'),
    }));
  };

  it('accepts all-drugs terms; an empty effectiveTo becomes null (open-ended)', () => {
    const parsed = contractInputSchema.parse(terms());
    expect(parsed).toMatchObject({
      scopeKind: 'all',
      scopeValue: '',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      basis: 'AWP',
      percent: '85',
      lesserOfBilled: true,
    });
  });

  it('drops a stray scope value on all-drugs terms', () => {
    expect(contractInputSchema.parse(terms({ scopeValue: 'J3490' })).scopeValue).toBe('');
  });

  it('normalizes an NDC scope to 11 digits, whatever form was typed', () => {
    for (const typed of ['50242-040-62', '50242004062', '50242-0040-62', ' NDC 50242-040-62 ']) {
      expect(contractInputSchema.parse(terms({ scopeKind: 'ndc', scopeValue: typed })).scopeValue).toBe('50242004062');
    }
    expect(contractInputSchema.parse(terms({ scopeKind: 'ndc', scopeValue: '0002-7597-01' })).scopeValue).toBe(
      '00002759701',
    );
  });

  it('refuses an ambiguous or invalid NDC scope on scopeValue', () => {
    expect(issues(terms({ scopeKind: 'ndc', scopeValue: '5024204062' }))).toEqual([
      { path: 'scopeValue', code: 'NDC_AMBIGUOUS' },
    ]);
    expect(issues(terms({ scopeKind: 'ndc', scopeValue: '' }))).toEqual([{ path: 'scopeValue', code: 'NDC_INVALID' }]);
  });

  it('upper-cases a HCPCS scope and refuses a bad one with HCPCS_INVALID', () => {
    expect(contractInputSchema.parse(terms({ scopeKind: 'hcpcs', scopeValue: ' j3490 ' })).scopeValue).toBe('J3490');
    for (const bad of ['J349', 'J34900', '3490J', '', 'JJ490']) {
      expect(issues(terms({ scopeKind: 'hcpcs', scopeValue: bad }))).toEqual([
        { path: 'scopeValue', code: 'HCPCS_INVALID' },
      ]);
    }
  });

  it('refuses effectiveTo before effectiveFrom with DATE_RANGE_INVALID on effectiveTo', () => {
    expect(issues(terms({ effectiveFrom: '2025-01-01', effectiveTo: '2024-12-31' }))).toEqual([
      { path: 'effectiveTo', code: 'DATE_RANGE_INVALID' },
    ]);
  });

  it('accepts a one-day version (effectiveTo = effectiveFrom)', () => {
    expect(contractInputSchema.parse(terms({ effectiveTo: '2025-01-01' })).effectiveTo).toBe('2025-01-01');
  });

  it('refuses 2025-02-30 (not a calendar day) as effectiveFrom or effectiveTo', () => {
    expect(issues(terms({ effectiveFrom: '2025-02-30' }))).toEqual([{ path: 'effectiveFrom', code: 'DATE_INVALID' }]);
    expect(issues(terms({ effectiveTo: '2025-02-30' }))).toEqual([{ path: 'effectiveTo', code: 'DATE_INVALID' }]);
    expect(issues(terms({ effectiveFrom: '03/01/2025' }))).toEqual([{ path: 'effectiveFrom', code: 'DATE_INVALID' }]);
  });

  it('accepts a percent up to 1000 and refuses one above it', () => {
    expect(contractInputSchema.parse(terms({ percent: '1000' })).percent).toBe('1000');
    expect(issues(terms({ percent: '1000.01' }))).toEqual([{ path: 'percent', code: 'AMOUNT_INVALID' }]);
    expect(issues(terms({ percent: '1001' }))).toEqual([{ path: 'percent', code: 'AMOUNT_INVALID' }]);
    expect(issues(terms({ percent: '-5' }))).toEqual([{ path: 'percent', code: 'AMOUNT_INVALID' }]);
  });

  it('refuses coinsurance above 100%', () => {
    expect(issues(terms({ coinsurancePercent: '100.5' }))).toEqual([
      { path: 'coinsurancePercent', code: 'AMOUNT_INVALID' },
    ]);
  });

  it('checks a contract fee schedule rate and its "per" amount only when a rate is given', () => {
    const fee = terms({ basis: 'FEE_SCHEDULE', percent: '100' });
    expect(contractInputSchema.parse(fee).feeScheduleRate).toBe('');
    expect(
      contractInputSchema.parse({
        ...fee,
        feeScheduleRate: '6.09',
        feeSchedulePerAmount: '1',
        feeSchedulePerUnit: 'mg',
      }),
    ).toMatchObject({ feeScheduleRate: '6.09', feeSchedulePerAmount: '1', feeSchedulePerUnit: 'mg' });
    expect(issues({ ...fee, feeScheduleRate: '6.09', feeSchedulePerAmount: '0' })).toEqual([
      { path: 'feeSchedulePerAmount', code: 'AMOUNT_INVALID' },
    ]);
    expect(issues({ ...fee, feeScheduleRate: 'six', feeSchedulePerAmount: '1' })).toEqual([
      { path: 'feeScheduleRate', code: 'AMOUNT_INVALID' },
    ]);
  });
});
