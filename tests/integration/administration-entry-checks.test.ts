/**
 * What an administration may not contradict (issue 11, items 2, 6 and 10): a dose whose NDC
 * quantity repeats is saved and draws its exact quantity, a lot used up in such doses ends at 0, a
 * lot cannot be given before it arrived, and nobody is treated before they were born.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration, AdministrationInput } from '../../shared/domain/administration';
import type { Invoice, Supplier } from '../../shared/domain/invoice';
import type { Patient } from '../../shared/domain/patient';
import type { Lot } from '../../shared/domain/stock';
import { oneLotAdministration, onHandOf, seedOneLot, type OneLot } from '../fixtures/one-lot-seed';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { services, value, refusal, version: storedVersion } = serviceHarness();

/** 3 mg per mL, 20 mL multi-dose vials: a 10 mg dose is 3.333… mL. */
const THREEMAB = {
  ndc: '11111-2222-33',
  genericName: 'Threemab',
  brandName: '',
  strengthAmount: '3',
  strengthUnit: 'mg',
  packageSize: '20',
  ndcUnit: 'ML',
  container: 'multi-dose',
  route: 'IM',
};

let seeded: OneLot;
let supplier: Supplier;
let lot: number;

beforeEach(async () => {
  seeded = await seedOneLot(value, THREEMAB, {
    lotNumber: 'TM-1',
    packageQuantity: '1',
    costPerPackage: '500.00',
    awpPerPackage: '600.00',
  });
  ({ supplier, lot } = seeded);
});

const input = (changes: Partial<AdministrationInput> = {}): AdministrationInput =>
  oneLotAdministration(seeded, changes);
const onHand = (): Promise<string> => onHandOf(value, lot);

describe('a dose whose NDC quantity repeats', () => {
  it('is saved: the claim reports ML3.333 with NDC_QUANTITY_ROUNDED, the stock draws 3.333333 mL', async () => {
    const a = await value<Administration>('administrations:create', input());
    expect(a.givenQuantity).toBe('3.333333');
    expect(a.estimate?.lines[0]?.n4).toBe('N411111222233 ML3.333');
    expect(a.estimate?.warnings.map((w) => w.code)).toContain('NDC_QUANTITY_ROUNDED');
    expect(await onHand()).toBe('16.666667');
  });

  it('used up in three 20 mg doses, the 20 mL lot ends at exactly 0, and a fourth is refused', async () => {
    for (let i = 0; i < 3; i++) await value('administrations:create', input({ dose: { amount: '20', unit: 'mg' } }));
    expect(await onHand()).toBe('0');
    const more = await refusal('administrations:create', input({ dose: { amount: '0.1', unit: 'mg' } }));
    expect(more.code).toBe('LOT_INSUFFICIENT');
  });
});

describe('a lot cannot be given before it was bought', () => {
  it('refuses a date of service before the invoice date (LOT_NOT_YET_RECEIVED on the lot), writing nothing', async () => {
    const error = await refusal('administrations:create', input({ dateOfService: '2025-01-25' }));
    expect(fieldCodes(error)).toEqual([{ field: 'invoiceLineId', code: 'LOT_NOT_YET_RECEIVED' }]);
    expect(error.message).toContain('arrived on 2025-02-01');
    const { n } = services().ctx.db.prepare('SELECT count(*) AS n FROM administrations').get() as { n: number };
    expect(n).toBe(0);
  });

  it('counts from the received date when the invoice has one, and leaves such lots out of the picker', async () => {
    const late = await value<Invoice>('invoices:create', {
      supplierId: supplier.id,
      invoiceNumber: 'INV-4',
      invoiceDate: '2025-02-01',
      receivedDate: '2025-02-10',
      lines: [
        {
          ndc: THREEMAB.ndc,
          lotNumber: 'TM-2',
          expiryDate: '2026-01-31',
          packageQuantity: '1',
          costPerPackage: '500.00',
        },
      ],
    });
    const lateLot = late.lines[0]?.id ?? 0;
    const suggested = (dateOfService: string) =>
      value<Lot[]>('stock:suggest', { ndc: THREEMAB.ndc, dateOfService }).then((lots) => lots.map((l) => l.lotNumber));
    expect(await suggested('2025-02-05')).toEqual(['TM-1']);
    expect(await suggested('2025-02-10')).toEqual(['TM-2', 'TM-1']);
    const error = await refusal(
      'administrations:create',
      input({ invoiceLineId: lateLot, dateOfService: '2025-02-05' }),
    );
    expect(error.code).toBe('LOT_NOT_YET_RECEIVED');
    await value('administrations:create', input({ invoiceLineId: lateLot, dateOfService: '2025-02-10' }));
  });
});

describe('dates of birth', () => {
  const person = (dateOfBirth: string) => ({
    lastName: 'Doe',
    firstName: 'Jane',
    dateOfBirth,
    accountNumber: `MRN-${dateOfBirth}`,
  });

  it('refuses a date of birth after today (the clock says 2025-03-01)', async () => {
    const error = await refusal('patients:create', person('2025-03-02'));
    expect(fieldCodes(error)).toEqual([{ field: 'dateOfBirth', code: 'DATE_OF_BIRTH_IN_FUTURE' }]);
    await value('patients:create', person('2025-03-01'));
  });

  it('refuses an administration dated before the patient was born, and a birth date moved after a service', async () => {
    const baby = await value<Patient>('patients:create', person('2025-02-15'));
    const error = await refusal('administrations:create', input({ patientId: baby.id, dateOfService: '2025-02-14' }));
    expect(fieldCodes(error)).toEqual([{ field: 'dateOfService', code: 'DATE_OF_SERVICE_BEFORE_BIRTH' }]);
    await value('administrations:create', input({ patientId: baby.id, dateOfService: '2025-02-15' }));
    const moved = await refusal('patients:update', {
      id: baby.id,
      version: storedVersion('patients', baby.id),
      ...person('2025-02-16'),
    });
    expect(fieldCodes(moved)).toEqual([{ field: 'dateOfBirth', code: 'DATE_OF_BIRTH_AFTER_SERVICE' }]);
  });
});
