import { describe, expect, it } from 'vitest';
import { Dec } from '../../../shared/domain/money';
import { planUnits } from '../../../shared/domain/waste';
import { checkModifiers, resolveModifiers, type ModifierContext } from '../../../shared/domain/modifiers';
import type { ScenarioInput } from '../../../shared/domain/scenario';
import { estimateError, estimateOk, scenario, warningCodes } from './scenarios';

const d = (s: string) => new Dec(s);

/** W1: a 100 mg single-dose vial (10 mL at 10 mg/mL), 1 unit = 100 mg, 70 mg given, 30 mg discarded. */
const w1 = (changes: Partial<ScenarioInput> = {}): ScenarioInput =>
  scenario({
    drug: { container: 'single-dose', packageSize: '10', strength: { amount: '10', unit: 'mg' } },
    dose: { amount: '70', unit: 'mg' },
    wasted: { amount: '30', unit: 'mg' },
    billingUnit: { amount: '100', unit: 'mg' },
    billedCharge: '1500.00',
    ...changes,
  });

/** W2: oxaliplatin J9263, 0.5 mg per unit, 125 mg given from three 50 mg vials (10 mL at 5 mg/mL). */
const w2 = (): ScenarioInput =>
  scenario({
    hcpcs: 'J9263',
    drug: { name: 'Oxaliplatin', container: 'single-dose', packageSize: '10', strength: { amount: '5', unit: 'mg' } },
    dose: { amount: '125', unit: 'mg' },
    wasted: { amount: '25', unit: 'mg' },
    billingUnit: { amount: '0.5', unit: 'mg' },
    wastedBilledCharge: undefined, // default: $300 ÷ 25 ML × 5 ML = $60.00
    prices: { paymentLimit: { amount: '0.25', per: { amount: '0.5', unit: 'mg' } } },
    contract: { basis: 'ASP', percent: '100' },
  });

const singleDoseNoWaste = (dateOfService: string, changes: Partial<ScenarioInput> = {}): ScenarioInput =>
  scenario({
    dateOfService,
    drug: { container: 'single-dose', packageSize: '2.25', strength: { amount: '20', unit: 'mg' } },
    prices: { awpPerPackage: '270.00' },
    ...changes,
  });

describe('W: waste and JW/JZ (domain.md §4, §10)', () => {
  it('W1 100 mg single-dose vial, unit 100 mg, 70 mg given → one line, 1 unit, JZ', () => {
    const r = estimateOk(w1());
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ kind: 'given', units: '1', modifiers: ['JZ'], n4: 'N400002759701 ML7' });
    // The payer pays the whole unit (100 mg = the vial), which covers the 30 mg discarded.
    expect(r.lines[0]).toMatchObject({ basis: '1200.00', allowed: '1140.00', acquisitionCost: '950.00' });
    expect(r.trace).toContain(
      'Billing unit 100 mg: given 70 mg → 1 unit, which already covers the 30 mg discarded: no JW line',
    );
    expect(
      planUnits({ container: 'single-dose', given: d('70'), wasted: d('30'), billingUnit: d('100') }),
    ).toMatchObject({
      ok: true,
      hasWastedLine: false,
    });
  });

  it('W1 a JW line there is an error (it would be an overpayment)', () => {
    const err = estimateError(
      w1({ modifierOverride: { given: [], wasted: ['JW'], reason: 'Biller added waste line' } }),
      'JW_NOT_BILLABLE',
    );
    expect(err.message).toMatch(/overpayment/);
  });

  it('W2 J9263, 125 mg given + 25 mg discarded at 0.5 mg per unit → 250 units + 50 units JW', () => {
    const r = estimateOk(w2());
    expect(r.lines.map((l) => [l.kind, l.hcpcs, l.units, l.modifiers, l.n4])).toEqual([
      ['given', 'J9263', '250', [], 'N400002759701 ML25'],
      ['wasted', 'J9263', '50', ['JW'], 'N400002759701 ML5'],
    ]);
    expect(r.lines.map((l) => l.allowed)).toEqual(['62.50', '12.50']);
    expect(r.lines.map((l) => l.billedCharge)).toEqual(['300.00', '60.00']);
    expect(r.lines[0]?.narrative).toBeUndefined(); // J9263 is not a NOC code
    const plan = planUnits({ container: 'single-dose', given: d('125'), wasted: d('25'), billingUnit: d('0.5') });
    expect(plan.ok && [plan.givenUnits.toFixed(), plan.wastedUnits.toFixed()]).toEqual(['250', '50']);
  });

  it('W3 a multi-dose vial with waste entered → WASTE_ON_MULTI_DOSE', () => {
    estimateError(scenario({ wasted: { amount: '5', unit: 'mg' } }), 'WASTE_ON_MULTI_DOSE');
  });

  it('W3 a multi-dose vial with JW or JZ → MODIFIER_ON_MULTI_DOSE', () => {
    estimateError(
      scenario({ modifierOverride: { given: ['JZ'], reason: 'Payer asked for JZ' } }),
      'MODIFIER_ON_MULTI_DOSE',
    );
    const ctx: ModifierContext = { container: 'multi-dose', dateOfService: '2024-03-15', hasWastedLine: false };
    expect(checkModifiers(ctx, ['JW'], null)).toMatchObject({ ok: false, error: { code: 'MODIFIER_ON_MULTI_DOSE' } });
    expect(checkModifiers(ctx, [], null)).toEqual({ ok: true, warnings: [] });
  });

  it('W4 JW and JZ on one line → MODIFIERS_JW_JZ_TOGETHER', () => {
    estimateError(
      singleDoseNoWaste('2024-03-15', { modifierOverride: { given: ['JW', 'JZ'], reason: 'test' } }),
      'MODIFIERS_JW_JZ_TOGETHER',
    );
    const ctx: ModifierContext = { container: 'single-dose', dateOfService: '2024-03-15', hasWastedLine: true };
    expect(checkModifiers(ctx, [], ['JW', 'JZ'])).toMatchObject({
      ok: false,
      error: { code: 'MODIFIERS_JW_JZ_TOGETHER' },
    });
  });

  it('W5 single-dose, DOS ≥ 2023-07-01, no waste: JZ is added; an override without it warns JZ_REQUIRED', () => {
    const auto = estimateOk(singleDoseNoWaste('2023-07-01'));
    expect(auto.lines[0]?.modifiers).toEqual(['JZ']);
    expect(warningCodes(auto)).not.toContain('JZ_REQUIRED');

    const dropped = estimateOk(
      singleDoseNoWaste('2024-03-15', { modifierOverride: { given: [], reason: 'Commercial payer rejects JZ' } }),
    );
    expect(dropped.lines[0]?.modifiers).toEqual([]);
    expect(warningCodes(dropped)).toContain('JZ_REQUIRED');
    expect(dropped.trace).toContain(
      'Modifiers overridden by the biller (Commercial payer rejects JZ): given line none',
    );
  });

  it('W5 before 2023-07-01 JZ is not required and not added', () => {
    const r = estimateOk(singleDoseNoWaste('2023-06-30'));
    expect(r.lines[0]?.modifiers).toEqual([]);
    expect(warningCodes(r)).not.toContain('JZ_REQUIRED');
  });
});

describe('modifier overrides', () => {
  const ctx: ModifierContext = { container: 'single-dose', dateOfService: '2024-03-15', hasWastedLine: true };

  it('needs a reason', () => {
    expect(resolveModifiers(ctx, { given: ['59'], reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'OVERRIDE_REASON_REQUIRED' },
    });
    estimateError(
      singleDoseNoWaste('2024-03-15', { modifierOverride: { given: [], reason: '' } }),
      'OVERRIDE_REASON_REQUIRED',
    );
  });

  it('keeps the defaults for the line it does not override, and normalizes case', () => {
    const r = resolveModifiers(ctx, { given: ['rt'], reason: 'right side' });
    expect(r).toEqual({ ok: true, given: ['RT'], wasted: ['JW'], warnings: [] });
  });

  it('refuses JW on the given line, JZ next to a JW line, and malformed modifiers', () => {
    expect(resolveModifiers(ctx, { given: ['JW'], reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'JW_ON_GIVEN_LINE' },
    });
    expect(resolveModifiers(ctx, { given: ['JZ'], reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'JZ_WITH_WASTE' },
    });
    expect(resolveModifiers(ctx, { given: ['J'], reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'MODIFIER_INVALID' },
    });
    expect(resolveModifiers(ctx, { given: ['59', '59'], reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'MODIFIER_INVALID' },
    });
  });

  it('warns when an override drops JW from the discarded-amount line', () => {
    const r = resolveModifiers(ctx, { wasted: [], reason: 'payer-specific' });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['JW_REQUIRED']);
  });
});

describe('waste without a billing unit (the usual J3490 convention)', () => {
  it('bills any single-dose waste as its own 1-unit JW line', () => {
    const r = estimateOk(
      scenario({
        drug: { container: 'single-dose', packageSize: '10', strength: { amount: '10', unit: 'mg' } },
        dose: { amount: '70', unit: 'mg' },
        wasted: { amount: '30', unit: 'mg' },
        wastedBilledCharge: undefined,
        billedCharge: '700.00',
      }),
    );
    expect(r.lines.map((l) => [l.units, l.modifiers, l.n4, l.billedCharge])).toEqual([
      ['1', [], 'N400002759701 ML7', '700.00'],
      ['1', ['JW'], 'N400002759701 ML3', '300.00'],
    ]);
    expect(r.lines[1]?.narrative).toBe('Examplemab (Exampla) 30 mg discarded NDC 00002759701');
  });

  it('warns when given + discarded is not a whole number of single-dose packages', () => {
    const r = estimateOk(
      scenario({
        drug: { container: 'single-dose', packageSize: '10', strength: { amount: '10', unit: 'mg' } },
        dose: { amount: '70', unit: 'mg' },
        wasted: { amount: '0', unit: 'mg' },
      }),
    );
    const w = r.warnings.find((x) => x.code === 'WASTE_NOT_WHOLE_PACKAGES');
    expect(w?.message).toContain('Given plus discarded is 7 ML, 0.7 packages of 10 ML');
  });
});
