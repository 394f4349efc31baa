/**
 * A drug used by administrations keeps what it was billed with (issue 11, item 5): its NDC, unit,
 * strength, package size and container cannot change in place once invoice lines or
 * administrations use it (DRUG_IN_USE, naming how many); the explicit correction recomputes the
 * open administrations and is refused when any is billed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration, AdministrationInput } from '../../shared/domain/administration';
import type { Drug, DrugUsage } from '../../shared/domain/drug-catalog';
import { oneLotAdministration, onHandOf, seedOneLot, type OneLot } from '../fixtures/one-lot-seed';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { services, value, refusal, version: storedVersion } = serviceHarness();

const OLANZAPINE = {
  ndc: '0002-7597-01',
  genericName: 'Olanzapine',
  brandName: 'Zyprexa Relprevv',
  strengthAmount: '20',
  strengthUnit: 'mg',
  packageSize: '10',
  ndcUnit: 'ML',
  container: 'multi-dose',
  route: 'IM',
};

let drug: Drug;
let seeded: OneLot;
let lot: number;

beforeEach(async () => {
  seeded = await seedOneLot(value, OLANZAPINE, {
    lotNumber: 'OL-1',
    packageQuantity: '5',
    costPerPackage: '950.00',
    awpPerPackage: '1200.00',
  });
  lot = seeded.lot;
  drug = await value<Drug>('drugs:get', { ndc: OLANZAPINE.ndc });
});

const give = (changes: Partial<AdministrationInput> = {}) =>
  value<Administration>(
    'administrations:create',
    oneLotAdministration(seeded, { dose: { amount: '200', unit: 'mg' }, billedCharge: '1500.00', ...changes }),
  );
const onHand = (): Promise<string> => onHandOf(value, lot);
const halfStrength = { ...OLANZAPINE, strengthAmount: '10' };

describe('a drug in use keeps what it was billed with', () => {
  it('refuses a new strength with DRUG_IN_USE naming what uses it, next to the field, and changes nothing', async () => {
    const a = await give();
    expect(a.givenQuantity).toBe('10');
    const error = await refusal('drugs:update', {
      id: drug.id,
      version: storedVersion('drugs', drug.id),
      ...halfStrength,
    });
    expect(error.code).toBe('DRUG_IN_USE');
    expect(error.message).toContain('Olanzapine is used by 1 invoice line and 1 administration');
    expect(error.message).toContain('its strength');
    expect(fieldCodes(error)).toEqual([{ field: 'strengthAmount', code: 'DRUG_IN_USE' }]);
    expect((await value<Drug>('drugs:get', { id: drug.id })).strengthAmount).toBe('20');
    expect((await value<Administration>('administrations:get', { id: a.id })).givenQuantity).toBe('10');
    expect(await onHand()).toBe('40');
  });

  it('still lets the names and the default route change, and says what uses the drug', async () => {
    await give();
    const renamed = await value<Drug>('drugs:update', {
      id: drug.id,
      version: storedVersion('drugs', drug.id),
      ...OLANZAPINE,
      brandName: 'Zyprexa',
      route: 'IV',
    });
    expect([renamed.brandName, renamed.route]).toEqual(['Zyprexa', 'IV']);
    expect(await value<DrugUsage>('drugs:usage', { id: drug.id })).toEqual({
      invoiceLines: 1,
      openAdministrations: 1,
      billedAdministrations: 0,
      prices: 1,
    });
  });

  it('a drug only on an invoice is in use too (its lots were counted in its NDC unit)', async () => {
    const error = await refusal('drugs:update', {
      id: drug.id,
      version: storedVersion('drugs', drug.id),
      ...OLANZAPINE,
      ndcUnit: 'UN',
    });
    expect(error.message).toContain('used by 1 invoice line');
  });

  it('the delete refusal says what uses the drug', async () => {
    await give();
    const error = await refusal('drugs:delete', { id: drug.id });
    expect(error.code).toBe('DRUG_IN_USE');
    expect(error.message).toContain('used by 1 invoice line, 1 administration, 1 AWP/WAC price');
  });
});

describe('correcting a drug entered wrong', () => {
  it('recomputes the open administrations: 200 mg at 10 mg/mL is 20 ML on the page, the trace and the stock', async () => {
    const a = await give();
    const result = await value<{ drug: Drug; recomputed: number }>('drugs:correct', {
      id: drug.id,
      ...halfStrength,
      openAdministrations: 1,
    });
    expect([result.drug.strengthAmount, result.recomputed]).toEqual(['10', 1]);
    const after = await value<Administration>('administrations:get', { id: a.id });
    expect(after.givenQuantity).toBe('20');
    expect(after.estimate?.trace).toContain('Dose 200 mg at 10 mg per ML = 20 ML');
    expect(after.estimate?.lines[0]?.n4).toBe('N400002759701 ML20');
    expect(await onHand()).toBe('30');
  });

  it('is refused while any administration is billed, and when the number of open ones moved', async () => {
    await give();
    const stale = await refusal('drugs:correct', { id: drug.id, ...halfStrength, openAdministrations: 0 });
    expect(stale.code).toBe('DRUG_CORRECTION_STALE');
    const billed = await give({ claimNumber: 'CLM-1' });
    services().ctx.db.prepare(`UPDATE administrations SET status = 'billed' WHERE id = ?`).run(billed.id);
    const error = await refusal('drugs:correct', { id: drug.id, ...halfStrength, openAdministrations: 1 });
    expect(error.code).toBe('DRUG_CORRECTION_BILLED');
    expect((await value<Drug>('drugs:get', { id: drug.id })).strengthAmount).toBe('20');
  });

  it('recounts the lots for a corrected package size, and refuses one that would leave a lot short', async () => {
    await give(); // 10 ML of the 50 ML lot
    const result = await value<{ drug: Drug }>('drugs:correct', {
      id: drug.id,
      ...OLANZAPINE,
      packageSize: '5',
      openAdministrations: 1,
    });
    expect(result.drug.packageSize).toBe('5');
    expect(await onHand()).toBe('15');
    const error = await refusal('drugs:correct', {
      id: drug.id,
      ...OLANZAPINE,
      packageSize: '1',
      openAdministrations: 1,
    });
    expect(error.code).toBe('DRUG_CORRECTION_STOCK');
    expect(await onHand()).toBe('15');
  });

  it('keeps the NDC: a different NDC is a new catalog entry', async () => {
    const error = await refusal('drugs:correct', {
      id: drug.id,
      ...OLANZAPINE,
      ndc: '0002-7597-02',
      openAdministrations: 0,
    });
    expect(fieldCodes(error)).toEqual([{ field: 'ndc', code: 'DRUG_CORRECTION_NDC' }]);
  });
});
