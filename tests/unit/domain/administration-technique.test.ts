// The technique and an infusion's times as the administration schema checks them, without a
// database: each refusal's code and the field it sits on.
import { describe, expect, it } from 'vitest';
import { techniqueText } from '../../../shared/domain/administration-technique';
import { administrationInputSchema, type AdministrationInput } from '../../../shared/domain/administration';

const input = (changes: Partial<AdministrationInput> = {}): AdministrationInput => ({
  dateOfService: '2025-03-02',
  patientId: 1,
  payerId: 1,
  invoiceLineId: 1,
  dose: { amount: '200', unit: 'mg' },
  route: 'IV',
  billedCharge: '300',
  ...changes,
});

/** Each issue as "field CODE". */
function refusals(changes: Partial<AdministrationInput>): string[] {
  const r = administrationInputSchema.safeParse(input(changes));
  if (r.success) return [];
  return r.error.issues.map(
    (i) => `${i.path.join('.')} ${(i as { params?: { code?: string } }).params?.code ?? i.code}`,
  );
}

const parsed = (changes: Partial<AdministrationInput>) => administrationInputSchema.parse(input(changes));

describe('administration technique', () => {
  it('may be left unchosen on a draft, and is then stored as empty', () => {
    expect(parsed({})).toMatchObject({ technique: '', infusionStart: '', infusionStop: '', infusionMinutes: '' });
  });

  it('takes IV push, injection and other without times', () => {
    for (const technique of ['iv-push', 'injection', 'other'] as const) {
      expect(refusals({ technique })).toEqual([]);
    }
  });

  it('refuses a technique that is not on the list', () => {
    expect(refusals({ technique: 'drip' as never })).toEqual(['technique invalid_value']);
    const r = administrationInputSchema.safeParse(input({ technique: 'drip' as never }));
    expect(r.error?.issues[0]?.message).toBe('Choose the technique: IV push, IV infusion, injection or other.');
  });

  it('takes an IV infusion with its start and stop times, writing 9:05 as 09:05', () => {
    expect(parsed({ technique: 'iv-infusion', infusionStart: '9:05', infusionStop: '09:50' })).toMatchObject({
      technique: 'iv-infusion',
      infusionStart: '09:05',
      infusionStop: '09:50',
      infusionMinutes: '',
    });
  });

  it('takes an IV infusion with its duration alone, in whole minutes', () => {
    expect(parsed({ technique: 'iv-infusion', infusionMinutes: '045' })).toMatchObject({ infusionMinutes: '45' });
  });

  it('refuses an IV infusion with neither times nor duration: INFUSION_TIMES_REQUIRED on the start', () => {
    expect(refusals({ technique: 'iv-infusion' })).toEqual(['infusionStart INFUSION_TIMES_REQUIRED']);
  });

  it('refuses a start without a stop (and the other way round) on the missing one', () => {
    expect(refusals({ technique: 'iv-infusion', infusionStart: '14:05' })).toEqual([
      'infusionStop INFUSION_TIMES_REQUIRED',
    ]);
    expect(refusals({ technique: 'iv-infusion', infusionStop: '14:50' })).toEqual([
      'infusionStart INFUSION_TIMES_REQUIRED',
    ]);
    expect(refusals({ technique: 'iv-infusion', infusionStop: '14:50', infusionMinutes: '45' })).toEqual([
      'infusionStart INFUSION_TIMES_REQUIRED',
    ]);
  });

  it('refuses a stop time that is not after the start: INFUSION_TIMES_INVALID on the stop', () => {
    expect(refusals({ technique: 'iv-infusion', infusionStart: '14:50', infusionStop: '14:05' })).toEqual([
      'infusionStop INFUSION_TIMES_INVALID',
    ]);
    expect(refusals({ technique: 'iv-infusion', infusionStart: '14:05', infusionStop: '14:05' })).toEqual([
      'infusionStop INFUSION_TIMES_INVALID',
    ]);
    const r = administrationInputSchema.safeParse(
      input({ technique: 'iv-infusion', infusionStart: '23:30', infusionStop: '00:15' }),
    );
    expect(r.error?.issues[0]?.message).toContain('past midnight, give the duration instead');
  });

  it('refuses times that are not 24-hour HH:MM: INFUSION_TIME_INVALID on that time', () => {
    for (const bad of ['24:00', '14:60', '2pm', '14.05', '1405', '-1:00', '14:05:00', '１４:０５']) {
      expect(refusals({ technique: 'iv-infusion', infusionStart: bad, infusionStop: '15:00' }), bad).toEqual([
        'infusionStart INFUSION_TIME_INVALID',
      ]);
    }
  });

  it('refuses a duration that is not whole minutes from 1 to a week: INFUSION_MINUTES_INVALID', () => {
    for (const bad of ['0', '000', '45.5', '-45', '1e3', '10081', 'forty', '4 5']) {
      expect(refusals({ technique: 'iv-infusion', infusionMinutes: bad }), bad).toEqual([
        'infusionMinutes INFUSION_MINUTES_INVALID',
      ]);
    }
    expect(refusals({ technique: 'iv-infusion', infusionMinutes: '10080' })).toEqual([]);
  });

  it('refuses times and a duration that disagree: INFUSION_DURATION_MISMATCH on the duration', () => {
    expect(
      refusals({ technique: 'iv-infusion', infusionStart: '14:05', infusionStop: '14:50', infusionMinutes: '60' }),
    ).toEqual(['infusionMinutes INFUSION_DURATION_MISMATCH']);
    expect(
      refusals({ technique: 'iv-infusion', infusionStart: '14:05', infusionStop: '14:50', infusionMinutes: '45' }),
    ).toEqual([]);
  });

  it('refuses infusion times on a technique that is not an infusion, on each time given', () => {
    expect(refusals({ technique: 'iv-push', infusionStart: '14:05', infusionMinutes: '2' })).toEqual([
      'infusionStart INFUSION_TIMES_NOT_INFUSION',
      'infusionMinutes INFUSION_TIMES_NOT_INFUSION',
    ]);
    expect(refusals({ infusionStop: '14:05' })).toEqual(['infusionStop INFUSION_TIMES_NOT_INFUSION']);
  });

  it('says what is wrong with the infusion even when another field is wrong too', () => {
    expect(refusals({ technique: 'iv-infusion', billedCharge: 'abc' })).toEqual([
      'billedCharge AMOUNT_INVALID',
      'infusionStart INFUSION_TIMES_REQUIRED',
    ]);
  });
});

describe('input that is not an administration', () => {
  it('is refused as invalid, never thrown on', () => {
    for (const hostile of [null, undefined, [], 'iv-infusion', 42, { technique: 'iv-infusion' }]) {
      expect(administrationInputSchema.safeParse(hostile).success).toBe(false);
    }
  });
});

describe('provider names', () => {
  it('are optional, trimmed, and at most 80 characters', () => {
    expect(parsed({ orderingProviderName: '  Jane Roe, MD ' })).toMatchObject({
      orderingProviderName: 'Jane Roe, MD',
      renderingProviderName: '',
    });
    expect(refusals({ renderingProviderName: 'x'.repeat(81) })).toEqual(['renderingProviderName too_big']);
  });
});

describe('techniqueText', () => {
  const none = { technique: '', infusionStart: '', infusionStop: '', infusionMinutes: '' } as const;
  it('reads as a reviewer reads it', () => {
    expect(techniqueText(none)).toBe('');
    expect(techniqueText({ ...none, technique: 'iv-push' })).toBe('IV push');
    expect(techniqueText({ ...none, technique: 'injection' })).toBe('Injection');
    expect(
      techniqueText({ technique: 'iv-infusion', infusionStart: '14:05', infusionStop: '14:50', infusionMinutes: '' }),
    ).toBe('IV infusion, 14:05–14:50 (45 minutes)');
    expect(techniqueText({ ...none, technique: 'iv-infusion', infusionMinutes: '1' })).toBe('IV infusion, 1 minute');
  });
});
