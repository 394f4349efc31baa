/**
 * The form side of typed input (issue 14, item 7): what a field's reader sets when the person
 * leaves it or saves, and the words for text it cannot read. The rules are typed-input.ts's
 * (tested in tests/unit/domain/typed-input.test.ts); this checks how forms apply them.
 */
import { describe, expect, it } from 'vitest';
import {
  dateReader,
  doseReader,
  moneyReader,
  npiReader,
  packageSizeReader,
  readAll,
  readRefusals,
  stateReader,
  strengthReader,
  type FieldReaders,
} from '../../../renderer/src/components/typed-readers';

const drugReaders: FieldReaders = {
  strengthAmount: strengthReader({ amount: 'strengthAmount', unit: 'strengthUnit', ndcUnit: 'ndcUnit' }, 'Strength'),
  packageSize: packageSizeReader({ size: 'packageSize', ndcUnit: 'ndcUnit' }, 'Package size'),
};

describe('readAll', () => {
  it('splits "20 mg" and "10 mL" over the drug form’s amount and unit fields', () => {
    const typed = { strengthAmount: '20 mg', strengthUnit: 'g', packageSize: '10 mL', ndcUnit: 'UN' };
    expect(readAll(typed, drugReaders)).toEqual({
      strengthAmount: '20',
      strengthUnit: 'mg',
      packageSize: '10',
      ndcUnit: 'ML',
    });
  });

  it('reads money, dates, doses, states and NPIs into what is stored', () => {
    const readers: FieldReaders = {
      billedCharge: moneyReader('billedCharge', { maxDecimals: 2, label: 'Billed charge' }),
      dateOfService: dateReader('dateOfService', 'Date of service'),
      doseAmount: doseReader({ amount: 'doseAmount', unit: 'doseUnit' }, 'Dose given'),
      state: stateReader('state'),
      npi: npiReader('npi'),
    };
    const typed = {
      billedCharge: '$1,200.00',
      dateOfService: '01/05/2026',
      doseAmount: '200 mg',
      doseUnit: '',
      state: 'illinois',
      npi: '1234 567 893',
      diagnoses: ['C50.911'],
    };
    expect(readAll(typed, readers)).toEqual({
      billedCharge: '1200.00',
      dateOfService: '2026-01-05',
      doseAmount: '200',
      doseUnit: 'mg',
      state: 'IL',
      npi: '1234567893',
      diagnoses: ['C50.911'],
    });
  });

  it('returns the very same values when nothing changes, and leaves unreadable and empty text as typed', () => {
    const values = { strengthAmount: '20', strengthUnit: 'mg', packageSize: '', ndcUnit: 'ML' };
    expect(readAll(values, drugReaders)).toBe(values);
    const bad = { strengthAmount: 'abc', strengthUnit: 'mg', packageSize: '10 vials', ndcUnit: 'ML' };
    expect(readAll(bad, drugReaders)).toBe(bad);
  });
});

describe('readRefusals', () => {
  it('names what cannot be read in the typed-input words, by field', () => {
    const readers: FieldReaders = {
      total: moneyReader('total', { maxDecimals: 2, label: 'Invoice total' }),
      invoiceDate: dateReader('invoiceDate', 'Invoice date'),
      receivedDate: dateReader('receivedDate', 'Received date'),
    };
    expect(readRefusals({ total: '1,20,0', invoiceDate: '02/30/2026', receivedDate: '' }, readers)).toEqual({
      total: 'Invoice total: "1,20,0": commas go between groups of three digits, as in 1,200.00.',
      invoiceDate: 'Invoice date "02/30/2026" is not a real calendar date.',
    });
  });
});
