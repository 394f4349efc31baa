import { describe, expect, it } from 'vitest';
import { splitLines, shareLine, type ClaimShare, type ShareTerms } from '../../../shared/domain/cost-share';
import { Dec, rateOf } from '../../../shared/domain/money';
import { sequestrationRate } from '../../../shared/domain/sequestration';

const medicare2024 = (() => {
  const r = sequestrationRate('medicare', '2024-03-15');
  if (!r.ok) throw new Error('rate');
  return r.rate;
})();
const terms = (deductible: string): ShareTerms => ({
  deductibleRemaining: new Dec(deductible),
  coinsurance: rateOf(new Dec('20')),
  sequestration: medicare2024,
});
const show = (share: ClaimShare) => ({
  deductible: share.deductible.toFixed(2),
  coinsurance: share.coinsurance.toFixed(2),
  sequestration: share.sequestration.toFixed(2),
  payerPays: share.payerPays.toFixed(2),
  patientPays: share.patientPays.toFixed(2),
});

describe('cost sharing per line (domain.md §10)', () => {
  it('two lines allowed 12.53 and 7.53 at 20% → coinsurance 2.51 + 1.51 = 4.02, not 4.01 from the total', () => {
    const { lines, total } = splitLines([new Dec('12.53'), new Dec('7.53')], terms('0'));
    expect(lines.map(show)).toEqual([
      { deductible: '0.00', coinsurance: '2.51', sequestration: '0.20', payerPays: '9.82', patientPays: '2.51' },
      { deductible: '0.00', coinsurance: '1.51', sequestration: '0.12', payerPays: '5.90', patientPays: '1.51' },
    ]);
    expect(show(total)).toEqual({
      deductible: '0.00',
      coinsurance: '4.02',
      sequestration: '0.32',
      payerPays: '15.72',
      patientPays: '4.02',
    });
  });

  it('the deductible is taken from the lines in order until it is used up', () => {
    const { lines, total } = splitLines([new Dec('12.53'), new Dec('7.53')], terms('15.00'));
    expect(lines.map(show)).toEqual([
      { deductible: '12.53', coinsurance: '0.00', sequestration: '0.00', payerPays: '0.00', patientPays: '12.53' },
      { deductible: '2.47', coinsurance: '1.01', sequestration: '0.08', payerPays: '3.97', patientPays: '3.48' },
    ]);
    expect(show(total)).toEqual({
      deductible: '15.00',
      coinsurance: '1.01',
      sequestration: '0.08',
      payerPays: '3.97',
      patientPays: '16.01',
    });
  });

  it('P6 one line: approved $100, $50 deductible → paid 39.20 (FCSO)', () => {
    expect(show(shareLine(new Dec('100.00'), new Dec('50.00'), terms('50.00')))).toEqual({
      deductible: '50.00',
      coinsurance: '10.00',
      sequestration: '0.80',
      payerPays: '39.20',
      patientPays: '60.00',
    });
  });
});
