// A new catalog drug filled from its FDA directory package: what is filled, and what is left empty
// with a sentence saying so (shared/domain/fda-fill.ts).
import { describe, expect, it } from 'vitest';
import { drugInputSchema } from '../../../shared/domain/drug-catalog';
import {
  containerFromFda,
  drugFieldsFromFda,
  fdaPackageWarnings,
  packageSizeFromFda,
  routeFromFda,
  strengthFromFda,
  type FdaPackageFacts,
} from '../../../shared/domain/fda-fill';

// The rows of tests/fixtures/reference/fda as the look-up returns them.
const ONPATTRO: FdaPackageFacts = {
  packageCode: '71336-1000-1',
  packageDescription: '1 VIAL, SINGLE-DOSE in 1 CARTON (71336-1000-1)  > 5 mL in 1 VIAL, SINGLE-DOSE',
  proprietaryName: 'Onpattro',
  nonproprietaryName: 'patisiran',
  route: 'INTRAVENOUS',
  strength: '2 mg/mL',
  endMarketing: null,
  excluded: false,
};
const INHALER: FdaPackageFacts = {
  packageCode: '60575-4112-1',
  packageDescription: '1 INHALER in 1 CARTON (60575-4112-1)  > 120 AEROSOL, METERED in 1 INHALER',
  proprietaryName: 'Budesonide and Formoterol Fumarate Dihydrate',
  nonproprietaryName: 'budesonide and formoterol fumarate dihydrate',
  route: 'RESPIRATORY (INHALATION)',
  strength: '160 ug/1; 4.5 ug/1',
  endMarketing: null,
  excluded: false,
};

describe('drugFieldsFromFda', () => {
  it('fills Onpattro completely, and the filled fields pass the catalog schema with the printed NDC kept', () => {
    const fill = drugFieldsFromFda(ONPATTRO);
    expect(fill).toEqual({
      fields: {
        ndc: '71336-1000-1',
        genericName: 'patisiran',
        brandName: 'Onpattro',
        strengthAmount: '2',
        strengthUnit: 'mg',
        ndcUnit: 'ML',
        packageSize: '5',
        container: 'single-dose',
        route: 'IV',
      },
      notes: [],
    });
    expect(drugInputSchema.parse(fill.fields)).toMatchObject({ ndc: '71336100001', ndcPrinted: '71336-1000-1' });
  });

  it('leaves a two-ingredient strength, an unlisted route and an unsaid container empty, naming each', () => {
    const fill = drugFieldsFromFda(INHALER);
    expect(fill.fields).toMatchObject({
      strengthAmount: '',
      strengthUnit: '',
      ndcUnit: 'UN',
      packageSize: '120',
      container: '',
      route: '',
      // The generic's proprietary name is its generic name, not a brand.
      brandName: '',
    });
    expect(fill.notes).toEqual([
      'Strength 160 ug/1; 4.5 ug/1 has two ingredients: enter it yourself.',
      'The package description does not say single-dose or multi-dose: choose the container.',
      "Route RESPIRATORY (INHALATION) is not one of the catalog's routes: choose the usual one (OTHER when none fits).",
    ]);
  });

  it('leaves the route to the person when the directory lists several', () => {
    const fill = drugFieldsFromFda({ ...ONPATTRO, route: 'INTRAMUSCULAR; INTRAVENOUS' });
    expect(fill.fields.route).toBe('');
    expect(fill.notes).toEqual([
      'The directory lists several routes (INTRAMUSCULAR; INTRAVENOUS): choose the usual one.',
    ]);
  });

  it('asks for the NDC unit and package size when the strength does not say what one unit is', () => {
    const fill = drugFieldsFromFda({ ...ONPATTRO, strength: '5 mg/actuat' });
    expect(fill.fields).toMatchObject({ ndcUnit: '', packageSize: '', strengthAmount: '' });
    expect(fill.notes).toEqual([
      'Strength 5 mg/actuat is not per mL, per gram or per each: enter it yourself.',
      'Choose the NDC unit and enter the package size yourself.',
    ]);
  });

  it('says when the NDC is a pack of several vials and the size filled is one vial', () => {
    const fill = drugFieldsFromFda({
      ...ONPATTRO,
      packageDescription: '10 VIAL, SINGLE-DOSE in 1 TRAY (12345-678-90)  > 10 mL in 1 VIAL, SINGLE-DOSE',
    });
    expect(fill.fields.packageSize).toBe('10');
    expect(fill.notes).toEqual([
      'This NDC is a pack (10 VIAL, SINGLE-DOSE in 1 TRAY): the package size filled is what one vial holds, 10 mL.',
    ]);
  });
});

describe('strengthFromFda', () => {
  const cases: [string, string, string, string][] = [
    ['2 mg/mL', '2', 'mg', 'ML'],
    ['400 mg/1', '400', 'mg', 'UN'],
    ['500 ug/mL', '500', 'mcg', 'ML'],
    ['1 g/100mL', '0.01', 'g', 'ML'],
    ['150 mg/1.2mL', '125', 'mg', 'ML'],
    ['25 mg/g', '25', 'mg', 'GR'],
    ["100 [USP'U]/mL", '100', 'units', 'ML'],
    ['10000 [iU]/1', '10000', 'units', 'UN'],
  ];
  for (const [fda, amount, unit, ndcUnit] of cases) {
    it(`reads ${fda} as ${amount} ${unit} per ${ndcUnit}`, () => {
      expect(strengthFromFda(fda)).toEqual({ ok: true, amount, unit, ndcUnit });
    });
  }

  it('refuses a per-volume strength that does not divide exactly, rather than rounding it', () => {
    expect(strengthFromFda('100 mg/3mL')).toEqual({
      ok: false,
      ndcUnit: 'ML',
      problem: 'Strength 100 mg/3mL is not an exact amount per mL the catalog can write: enter it yourself.',
    });
  });

  it('refuses units the catalog has no word for, and an empty strength', () => {
    expect(strengthFromFda('2 meq/mL')).toMatchObject({
      ok: false,
      problem: 'Strength 2 meq/mL is in meq; the catalog writes strengths in mg, mcg, g or units: enter it yourself.',
    });
    expect(strengthFromFda('')).toMatchObject({ ok: false, ndcUnit: null });
  });
});

describe('packageSizeFromFda', () => {
  it('takes the last level measured in the NDC unit, or the last countable level for each-units', () => {
    expect(packageSizeFromFda(ONPATTRO.packageDescription, 'ML')).toEqual({ ok: true, size: '5', note: null });
    expect(packageSizeFromFda('30 TABLET, FILM COATED in 1 BOTTLE (1234-5678-90)', 'UN')).toEqual({
      ok: true,
      size: '30',
      note: null,
    });
    // A powder vial sold per vial: the vial is the each, not the mL it is mixed to.
    expect(
      packageSizeFromFda('1 VIAL, SINGLE-DOSE in 1 CARTON (1-2-3)  > 1.2 mL in 1 VIAL, SINGLE-DOSE', 'UN'),
    ).toEqual({ ok: true, size: '1', note: null });
  });

  it('refuses a kit and a description without the unit', () => {
    expect(packageSizeFromFda('1 KIT in 1 CARTON * 1 VIAL in 1 CARTON * 5 mL in 1 VIAL', 'ML')).toEqual({
      ok: false,
      problem: 'The package is a kit: enter the package size yourself.',
    });
    expect(packageSizeFromFda('30 TABLET in 1 BOTTLE', 'ML')).toEqual({
      ok: false,
      problem: 'The package description does not say how many mL one package holds: enter the package size yourself.',
    });
  });
});

describe('routes, containers and warnings', () => {
  it('maps the FDA route names the catalog has, and no others', () => {
    expect(
      ['INTRAVENOUS', 'SUBCUTANEOUS', 'INTRAMUSCULAR', 'INTRADERMAL', 'INTRATHECAL', 'INTRAVITREAL'].map(routeFromFda),
    ).toEqual(['IV', 'SC', 'IM', 'ID', 'IT', 'INTRAVITREAL']);
    expect(routeFromFda('INTRA-ARTICULAR')).toBe('INTRA-ARTICULAR');
    expect(routeFromFda('INTRALESIONAL')).toBe('INTRALESIONAL');
    expect(routeFromFda('ORAL')).toBeNull();
    expect(routeFromFda('RESPIRATORY (INHALATION)')).toBeNull();
  });

  it('reads single- or multi-dose from the package description, and neither when it says both', () => {
    expect(containerFromFda('1 VIAL, MULTI-DOSE in 1 CARTON > 10 mL in 1 VIAL, MULTI-DOSE')).toBe('multi-dose');
    expect(containerFromFda('1 VIAL, SINGLE-USE in 1 CARTON')).toBe('single-dose');
    expect(containerFromFda('1 VIAL, SINGLE-DOSE in 1 KIT * 1 VIAL, MULTI-DOSE in 1 KIT')).toBeNull();
  });

  it('warns of an end of marketing and of an exclusion', () => {
    expect(fdaPackageWarnings({ endMarketing: '2019-12-31', excluded: true })).toEqual([
      'The FDA directory lists this package as marketed until 2019-12-31.',
      'The FDA directory lists this package as excluded: check the NDC on the package before billing it.',
    ]);
    expect(fdaPackageWarnings({ endMarketing: null, excluded: false })).toEqual([]);
  });
});
