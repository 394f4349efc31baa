// The Suppliers page's pure rules: search ignoring case and accents, which names look like one
// supplier entered twice, and the merge confirmation's sentences.
import { describe, expect, it } from 'vitest';
import type { Supplier } from '../../../shared/domain/invoice';
import type { SupplierMergePlan } from '../../../shared/api/supplier-record-channels';
import {
  dayText,
  likelySame,
  mergeWords,
  supplierMatches,
  supplierNameKey,
} from '../../../renderer/src/suppliers/supplier-words';

const supplier = (id: number, name: string, changes: Partial<Supplier> = {}): Supplier => ({
  id,
  name,
  accountNumber: '',
  notes: '',
  invoiceCount: 0,
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-01T12:00:00.000Z',
  version: 1,
  ...changes,
});

describe('search', () => {
  const pharmacy = supplier(1, 'Pharmacie Zoë Łukasiewicz', { accountNumber: 'ACCT-77', notes: 'Orders on Tuesdays' });
  it('finds a supplier by name whatever the case and accents typed', () => {
    expect(supplierMatches(pharmacy, 'zoe lukasiewicz')).toBe(true);
    expect(supplierMatches(pharmacy, 'ZOË')).toBe(true);
    expect(supplierMatches(pharmacy, 'zoey')).toBe(false);
  });
  it('finds by account number and notes, every typed word required', () => {
    expect(supplierMatches(pharmacy, 'acct-77')).toBe(true);
    expect(supplierMatches(pharmacy, 'tuesdays pharmacie')).toBe(true);
    expect(supplierMatches(pharmacy, 'tuesdays mckesson')).toBe(false);
  });
  it('an empty search finds everything', () => {
    expect(supplierMatches(pharmacy, '   ')).toBe(true);
  });
});

describe('names that look like one supplier', () => {
  it('ignores case, punctuation, spaces, accents and company words', () => {
    const key = supplierNameKey('McKesson');
    for (const name of ['Mckesson Corp.', 'MCKESSON, INC.', 'The McKesson Company', 'Mc Kesson LLC', 'McKessön']) {
      expect(supplierNameKey(name)).toBe(key);
    }
    expect(supplierNameKey('AmerisourceBergen')).toBe(supplierNameKey('Amerisource Bergen Corporation'));
    expect(supplierNameKey('Smith & Sons')).toBe(supplierNameKey('Smith and Sons, Ltd'));
  });
  it('keeps a different word apart: McKesson Specialty is not McKesson', () => {
    expect(supplierNameKey('McKesson Specialty')).not.toBe(supplierNameKey('McKesson'));
  });
  it('lists the others with the same key, never the supplier itself, and nothing for a name of only company words', () => {
    const all = [
      supplier(1, 'McKesson'),
      supplier(2, 'Mckesson Corp.'),
      supplier(3, 'Cardinal Health'),
      supplier(4, 'Inc.'),
    ];
    expect(likelySame(all[0]!, all).map((s) => s.name)).toEqual(['Mckesson Corp.']);
    expect(likelySame(all[2]!, all)).toEqual([]);
    expect(likelySame(supplier(5, 'Co.'), all)).toEqual([]);
  });
});

describe('the merge confirmation', () => {
  const keep = supplier(1, 'McKesson', { accountNumber: 'ACCT-77' });
  const merge = supplier(2, 'Mckesson Corp.');
  const plan = (changes: Partial<SupplierMergePlan>): SupplierMergePlan => ({
    keep,
    merge,
    invoicesMoving: 12,
    columnChoices: 'move',
    clashingInvoiceNumbers: [],
    ...changes,
  });

  it('says what moves to the kept supplier and that the duplicate is removed', () => {
    expect(mergeWords(plan({}))).toEqual({
      summary:
        '12 invoices and the remembered column choices for invoice files move to McKesson; Mckesson Corp. is removed.',
      notes: [],
    });
    expect(mergeWords(plan({ invoicesMoving: 1, columnChoices: 'none' })).summary).toBe(
      '1 invoice moves to McKesson; Mckesson Corp. is removed.',
    );
    expect(mergeWords(plan({ invoicesMoving: 0, columnChoices: 'none' })).summary).toBe(
      'Mckesson Corp. has no invoices; it is removed and McKesson stays as it is.',
    );
  });

  it('warns when the kept supplier keeps its own column choices, and names what of the duplicate is not kept', () => {
    const words = mergeWords(
      plan({ columnChoices: 'keep-own', merge: { ...merge, accountNumber: '99-1', notes: 'Call Pat' } }),
    );
    expect(words.summary).toBe('12 invoices move to McKesson; Mckesson Corp. is removed.');
    expect(words.notes).toEqual([
      'McKesson keeps its own remembered column choices for invoice files; those of Mckesson Corp. are dropped.',
      'Mckesson Corp.’s account number (99-1) and notes are not kept: copy them to McKesson first if you still need them.',
    ]);
    expect(mergeWords(plan({ merge: { ...merge, accountNumber: '99-1' } })).notes).toEqual([
      'Mckesson Corp.’s account number (99-1) is not kept: copy it to McKesson first if you still need it.',
    ]);
    // The same account number on both is not lost.
    expect(mergeWords(plan({ merge: { ...merge, accountNumber: 'ACCT-77' } })).notes).toEqual([]);
  });
});

describe('dates', () => {
  it('writes a calendar day the way people read it, whatever the time zone', () => {
    expect(dayText('2025-02-20')).toBe('Feb 20, 2025');
    expect(dayText('2025-01-01')).toBe('Jan 1, 2025');
  });
});
