import { describe, expect, it } from 'vitest';
import { Dec } from '../../../shared/domain/money';
import {
  ceilDivide,
  convertForPayer,
  drugAmountIn,
  formatN4Quantity,
  fromNdcQuantity,
  packagesNeeded,
  reportedN4Quantity,
  toNdcQuantity,
  type DrugUnits,
} from '../../../shared/domain/units';
import { formatN4 } from '../../../shared/domain/claim-line';
import { estimateError, estimateOk, scenario } from './scenarios';

const d = (s: string) => new Dec(s);
const vial20mgPerMl: DrugUnits = { ndcUnit: 'ML', strength: { amount: d('20'), unit: 'mg' } };

const qty = (r: ReturnType<typeof toNdcQuantity>) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value.toFixed();
};

describe('dose → NDC quantity → packages', () => {
  it('divides the dose by the strength (45 mg at 20 mg/mL = 2.25 ML)', () => {
    expect(qty(toNdcQuantity({ amount: d('45'), unit: 'mg' }, vial20mgPerMl))).toBe('2.25');
  });

  it('converts mcg and g into the strength unit exactly', () => {
    expect(qty(toNdcQuantity({ amount: d('500'), unit: 'mcg' }, vial20mgPerMl))).toBe('0.025');
    expect(qty(toNdcQuantity({ amount: d('0.1'), unit: 'g' }, vial20mgPerMl))).toBe('5');
  });

  it('takes a dose in mL straight into ML when the strength is a mass', () => {
    expect(qty(toNdcQuantity({ amount: d('2.25'), unit: 'mL' }, vial20mgPerMl))).toBe('2.25');
  });

  it('handles units (F2) and each (UN)', () => {
    const insulin: DrugUnits = { ndcUnit: 'ML', strength: { amount: d('100'), unit: 'units' } };
    expect(qty(toNdcQuantity({ amount: d('10'), unit: 'units' }, insulin))).toBe('0.1');
    const syringe: DrugUnits = { ndcUnit: 'UN', strength: { amount: d('25'), unit: 'mg' } };
    expect(qty(toNdcQuantity({ amount: d('25'), unit: 'mg' }, syringe))).toBe('1');
  });

  it('refuses a dose that cannot be related to the NDC unit (UNIT_INCOMPATIBLE)', () => {
    const syringe: DrugUnits = { ndcUnit: 'UN', strength: { amount: d('25'), unit: 'mg' } };
    const r = toNdcQuantity({ amount: d('1'), unit: 'mL' }, syringe);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNIT_INCOMPATIBLE');
  });

  it('goes back from NDC quantity to drug amount, and across units through the strength', () => {
    const back = fromNdcQuantity(d('2.25'), vial20mgPerMl, 'mg');
    expect(back.ok && back.value.toFixed()).toBe('45');
    const inMl = drugAmountIn({ amount: d('45'), unit: 'mg' }, 'mL', vial20mgPerMl);
    expect(inMl.ok && inMl.value.toFixed()).toBe('2.25');
  });

  it('rounds packages and billing units up exactly', () => {
    expect(packagesNeeded(d('48'), d('5')).toFixed()).toBe('10');
    expect(packagesNeeded(d('48.001'), d('5')).toFixed()).toBe('10');
    expect(packagesNeeded(d('50.001'), d('5')).toFixed()).toBe('11');
    expect(ceilDivide(d('125'), d('0.5')).toFixed()).toBe('250');
    expect(ceilDivide(d('70'), d('100')).toFixed()).toBe('1');
    expect(ceilDivide(d('0.3'), d('0.1')).toFixed()).toBe('3'); // 3, not 4: no float 0.30000000000000004
  });
});

describe('N4 quantity and unit (domain.md §3, §10 C)', () => {
  it('C1 ndc 00002759701, ML, 2.25 → "N400002759701 ML2.25"', () => {
    expect(formatN4('00002759701', 'ML', '2.25')).toEqual({
      ok: true,
      text: 'N400002759701 ML2.25',
      quantity: '2.25',
    });
  });

  it('C2 quantity 2 UN → "…UN2", no decimal point, also from "2.000"', () => {
    const r = formatN4('00002759701', 'UN', '2');
    expect(r.ok && r.text).toBe('N400002759701 UN2');
    expect(formatN4Quantity(d('2.000'))).toEqual({ ok: true, text: '2' });
    expect(formatN4Quantity(d('1500'))).toEqual({ ok: true, text: '1500' }); // no commas
    expect(formatN4Quantity(d('0.025'))).toEqual({ ok: true, text: '0.025' });
  });

  it.each(['1.2345', '123456789', '0', '100000000'])(
    'C3 %s is refused with NDC_QUANTITY_UNWRITABLE, never rounded',
    (q) => {
      const r = formatN4Quantity(q);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('NDC_QUANTITY_UNWRITABLE');
    },
  );

  it('C3 the limits themselves are writable: 8 integer digits and 3 decimals', () => {
    expect(formatN4Quantity('99999999.999')).toEqual({ ok: true, text: '99999999.999' });
    expect(formatN4Quantity('12345678')).toEqual({ ok: true, text: '12345678' });
  });

  it('reportedN4Quantity rounds a repeating quantity half-up to 3 decimals and says so; exact ones pass untouched', () => {
    const r = reportedN4Quantity(d('10').dividedBy('3'));
    expect(r.ok && [r.quantity.toFixed(), r.rounded]).toEqual(['3.333', true]);
    const up = reportedN4Quantity(d('2').dividedBy('3'));
    expect(up.ok && up.quantity.toFixed()).toBe('0.667');
    const half = reportedN4Quantity(d('1.2345'));
    expect(half.ok && half.quantity.toFixed()).toBe('1.235');
    const exact = reportedN4Quantity(d('2.25'));
    expect(exact.ok && [exact.quantity.toFixed(), exact.rounded]).toEqual(['2.25', false]);
  });

  it('reportedN4Quantity refuses only a quantity that would report as 0 (NDC_QUANTITY_UNWRITABLE)', () => {
    const r = reportedN4Quantity(d('0.0004'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NDC_QUANTITY_UNWRITABLE');
    const smallest = reportedN4Quantity(d('0.0005'));
    expect(smallest.ok && smallest.quantity.toFixed()).toBe('0.001');
  });

  it('C4 a payer without ME gets grams: 25 mg → GR0.025', () => {
    const r = convertForPayer(d('25'), 'ME', ['UN', 'ML', 'GR', 'F2']);
    expect(r.ok && [r.unit, r.quantity.toFixed(), r.convertedFrom]).toEqual(['GR', '0.025', 'ME']);
    const g = convertForPayer(d('0.5'), 'GR', ['ME']);
    expect(g.ok && [g.unit, g.quantity.toFixed()]).toEqual(['ME', '500']);
    expect(convertForPayer(d('2'), 'ML', ['ML']).ok).toBe(true);
  });

  it('C4 a unit that cannot be converted is refused (NDC_UNIT_NOT_ACCEPTED)', () => {
    const r = convertForPayer(d('2.25'), 'ML', ['UN', 'GR']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NDC_UNIT_NOT_ACCEPTED');
      expect(r.error.message).toContain('ML (milliliter)');
    }
  });

  it('C4 through the estimate: "Medicaid-no-ME" profile writes GR0.025 and traces the conversion', () => {
    const r = estimateOk(
      scenario({
        drug: { ndcUnit: 'ME', packageSize: '100', strength: { amount: '1', unit: 'mg' } },
        dose: { amount: '25', unit: 'mg' },
        prices: { awpPerPackage: '1000.00' },
        payerProfile: { name: 'Medicaid-no-ME', ndcUnits: ['UN', 'ML', 'GR', 'F2'] },
      }),
    );
    const line = r.lines[0];
    expect(line?.n4).toBe('N400002759701 GR0.025');
    expect([line?.ndcUnit, line?.ndcQuantity]).toEqual(['GR', '0.025']);
    expect(line?.basis).toBe('250.00'); // pricing still uses the drug's own unit: $1,000 per 100 ME × 25 ME
    expect(r.trace).toContain('Payer does not accept ME: 25 ME = GR0.025');
    estimateError(scenario({ payerProfile: { name: 'No ML', ndcUnits: ['UN', 'GR'] } }), 'NDC_UNIT_NOT_ACCEPTED');
  });
});
