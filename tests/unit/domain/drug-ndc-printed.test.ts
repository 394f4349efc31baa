// The NDC as printed on the package, as the drug schema keeps it: from the NDC typed with hyphens,
// or given on its own beside an 11-digit NDC; each refusal's code on `ndcPrinted`.
import { describe, expect, it } from 'vitest';
import { drugInputSchema, drugUpdateSchema, printedNdcOf, type DrugInput } from '../../../shared/domain/drug-catalog';
import { ziconotide } from '../../fixtures/seed-inputs';

const drug = (changes: Partial<DrugInput>): DrugInput => ({ ...ziconotide(), ...changes });

function refusals(changes: Partial<DrugInput>): string[] {
  const r = drugInputSchema.safeParse(drug(changes));
  if (r.success) return [];
  return r.error.issues.map(
    (i) => `${i.path.join('.')} ${(i as { params?: { code?: string } }).params?.code ?? i.code}`,
  );
}

describe('ndcPrinted', () => {
  const typed: [format: string, typed: string, printed: string, ndc11: string][] = [
    ['4-4-2', '0002-7597-01', '0002-7597-01', '00002759701'],
    ['5-3-2', '50242-040-62', '50242-040-62', '50242004062'],
    ['5-4-1', '60575-4112-1', '60575-4112-1', '60575411201'],
    ['4-4-2 with its label prefix', ' NDC 0002-7597-01 ', '0002-7597-01', '00002759701'],
  ];
  for (const [format, ndc, printed, ndc11] of typed) {
    it(`is the NDC typed as printed (${format})`, () => {
      expect(drugInputSchema.parse(drug({ ndc }))).toMatchObject({ ndc: ndc11, ndcPrinted: printed });
    });
  }

  it('is empty for an NDC typed in 11 digits or as hyphenated 5-4-2, unless given', () => {
    expect(drugInputSchema.parse(drug({ ndc: '00002759701' })).ndcPrinted).toBe('');
    expect(drugInputSchema.parse(drug({ ndc: '00002-7597-01' })).ndcPrinted).toBe('');
    expect(drugInputSchema.parse(drug({ ndc: '00002759701', ndcPrinted: '0002-7597-01' })).ndcPrinted).toBe(
      '0002-7597-01',
    );
  });

  it('keeps the printed form given rather than the one typed as NDC, and refuses them if they disagree', () => {
    // 00002759701 could be printed 0002-7597-01 (4-4-2) or 00002-7597-1 (5-4-1): the label says which.
    expect(drugInputSchema.parse(drug({ ndc: '0002-7597-01', ndcPrinted: '00002-7597-1' })).ndcPrinted).toBe(
      '00002-7597-1',
    );
    expect(refusals({ ndc: '0002-7597-01', ndcPrinted: '50242-040-62' })).toEqual(['ndcPrinted NDC_PRINTED_MISMATCH']);
  });

  it('refuses a printed form for another NDC: NDC_PRINTED_MISMATCH', () => {
    expect(refusals({ ndc: '00002759701', ndcPrinted: '50242-040-62' })).toEqual(['ndcPrinted NDC_PRINTED_MISMATCH']);
  });

  it('refuses a printed form that is not a 10-digit one', () => {
    expect(refusals({ ndc: '00002759701', ndcPrinted: '00002759701' })).toEqual([
      'ndcPrinted NDC_PRINTED_NOT_10_DIGIT',
    ]);
    expect(refusals({ ndc: '00002759701', ndcPrinted: '00002-7597-01' })).toEqual([
      'ndcPrinted NDC_PRINTED_NOT_10_DIGIT',
    ]);
    expect(refusals({ ndc: '00002759701', ndcPrinted: '0002759701' })).toEqual(['ndcPrinted NDC_AMBIGUOUS']);
    expect(refusals({ ndc: '00002759701', ndcPrinted: '<script>' })).toEqual(['ndcPrinted NDC_INVALID']);
  });

  it('leaves a bad NDC to its own refusal', () => {
    expect(refusals({ ndc: '0002759701' })).toEqual(['ndc NDC_AMBIGUOUS']);
    expect(refusals({ ndc: '0002759701', ndcPrinted: '0002-7597-01' })).toEqual(['ndc NDC_AMBIGUOUS']);
  });

  it('works the same way on an update', () => {
    expect(drugUpdateSchema.parse({ ...drug({ ndc: '60575-4112-1' }), id: 3, version: 2 })).toMatchObject({
      id: 3,
      version: 2,
      ndc: '60575411201',
      ndcPrinted: '60575-4112-1',
    });
  });

  it('passes input that is not an object to the schema to refuse', () => {
    expect(drugInputSchema.safeParse(null).success).toBe(false);
    expect(drugInputSchema.safeParse([]).success).toBe(false);
    expect(drugInputSchema.safeParse('0002-7597-01').success).toBe(false);
  });
});

describe('printedNdcOf', () => {
  it('gives the canonical hyphenated 10-digit form, or null', () => {
    expect(printedNdcOf('NDC: 0002-7597-01')).toBe('0002-7597-01');
    expect(printedNdcOf('00002759701')).toBeNull();
    expect(printedNdcOf('garbage')).toBeNull();
  });
});
