/**
 * The audit log's changes in words: which fields differ between a snapshot before and after, how
 * nested and listed fields are named, how values read (money, percents, dates, times, Yes/No,
 * lists), what is left out, and how the record and the action are named.
 */
import { describe, expect, it } from 'vitest';
import { auditChanges, decamel, flattenSnapshot, readableValue } from '../../../shared/domain/audit-diff';
import { actionWords, entityWords, recordTitle } from '../../../shared/domain/audit-words';

const chicago = { timeZone: 'America/Chicago' };

const administration = (changes: Record<string, unknown> = {}) => ({
  id: 7,
  dateOfService: '2025-02-20',
  patientId: 1,
  patientName: 'Rivera, Ana',
  status: 'draft',
  diagnoses: ['C50.911', 'E11.9'],
  dose: { amount: '70', unit: 'mg' },
  billedCharge: '100.00',
  frozen: false,
  estimate: {
    lines: [
      { kind: 'given', allowed: '79.80', modifiers: [] },
      { kind: 'wasted', allowed: '34.20', modifiers: ['JW'] },
    ],
    totals: { payerPays: '89.37', patientPays: '22.80' },
  },
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-01T12:00:00.000Z',
  version: 1,
  ...changes,
});

describe('auditChanges', () => {
  it('lists only the fields whose value changed, with people’s labels and readable values', () => {
    const before = administration();
    const after = administration({
      status: 'ready',
      claimNumber: 'CLM-1',
      billedCharge: '1200',
      updatedAt: '2025-03-02T09:00:00.000Z',
      // The row version every save raises (issue 16) is bookkeeping, not a change a person made.
      version: 2,
    });
    expect(auditChanges(before, after, chicago)).toEqual([
      { path: 'status', label: 'Status', before: 'Draft', after: 'Ready to bill' },
      { path: 'billedCharge', label: 'Billed charge', before: '$100.00', after: '$1,200.00' },
      { path: 'claimNumber', label: 'Claim number', before: '', after: 'CLM-1' },
    ]);
  });

  it('flattens nested fields into dotted paths named by where they sit', () => {
    const after = administration({
      dose: { amount: '80', unit: 'mg' },
      estimate: {
        lines: [
          { kind: 'given', allowed: '91.20', modifiers: [] },
          { kind: 'wasted', allowed: '22.80', modifiers: ['JW'] },
        ],
        totals: { payerPays: '89.37', patientPays: '22.80', margin: '2.17' },
      },
    });
    expect(auditChanges(administration(), after, chicago)).toEqual([
      { path: 'dose.amount', label: 'Dose given', before: '70', after: '80' },
      {
        path: 'estimate.lines.given.allowed',
        label: 'Estimate › Given line › Allowed',
        before: '$79.80',
        after: '$91.20',
      },
      {
        path: 'estimate.lines.wasted.allowed',
        label: 'Estimate › Discarded (JW) line › Allowed',
        before: '$34.20',
        after: '$22.80',
      },
      { path: 'estimate.totals.margin', label: 'Estimate total › Margin', before: '', after: '$2.17' },
    ]);
  });

  it('matches the lines of a list by their id, so removing the first line changes only that line', () => {
    const line = (id: number, lineNumber: number, lotNumber: string) => ({
      id,
      lineNumber,
      lotNumber,
      costPerPackage: '40',
    });
    const before = { invoiceNumber: 'INV-1', lines: [line(1, 1, 'A1'), line(2, 2, 'B2')] };
    const after = { invoiceNumber: 'INV-1', lines: [line(2, 1, 'B2')] };
    expect(auditChanges(before, after)).toEqual([
      { path: 'lines.1.lotNumber', label: 'Line 1 › Lot number', before: 'A1', after: '' },
      { path: 'lines.1.costPerPackage', label: 'Line 1 › Cost per package', before: '$40.00', after: '' },
    ]);
  });

  it('lists every field a created record was given, and every field a deleted one had', () => {
    const patient = { id: 3, lastName: 'Rivera', firstName: 'Ana', payerId: 2, payerName: 'Aetna', memberId: '' };
    expect(auditChanges(null, patient)).toEqual([
      { path: 'lastName', label: 'Last name', before: '', after: 'Rivera' },
      { path: 'firstName', label: 'First name', before: '', after: 'Ana' },
      { path: 'payerName', label: 'Payer', before: '', after: 'Aetna' },
    ]);
    expect(auditChanges(patient, null).map((c) => [c.label, c.before, c.after])).toEqual([
      ['Last name', 'Rivera', ''],
      ['First name', 'Ana', ''],
      ['Payer', 'Aetna', ''],
    ]);
  });

  it('leaves out the record’s own id, its created/updated times and ids that sit beside their names', () => {
    const paths = flattenSnapshot(administration()).map((l) => l.path);
    expect(paths).not.toContain('id');
    expect(paths).not.toContain('createdAt');
    expect(paths).not.toContain('updatedAt');
    expect(paths).not.toContain('version');
    expect(paths).not.toContain('patientId');
    expect(paths).toContain('patientName');
  });

  it('does not count the same amount written differently as a change', () => {
    expect(auditChanges({ costPerPackage: '110' }, { costPerPackage: '110.00' })).toEqual([]);
  });

  it('keeps a de-camel-cased label for a field it has no name for', () => {
    expect(auditChanges({ preferredPharmacyHours: '9-5' }, { preferredPharmacyHours: '8-4' })).toEqual([
      { path: 'preferredPharmacyHours', label: 'Preferred pharmacy hours', before: '9-5', after: '8-4' },
    ]);
  });

  it('names the elements of a list without kinds or line numbers by the list and their position', () => {
    const changes = auditChanges({ estimate: { warnings: [] } }, { estimate: { warnings: [{ message: 'No price' }] } });
    expect(changes).toEqual([
      { path: 'estimate.warnings.1.message', label: 'Estimate warnings 1 › Message', before: '', after: 'No price' },
    ]);
  });
});

describe('readableValue', () => {
  it('writes money with a dollar sign and thousands, keeping the decimals of a unit price', () => {
    expect(readableValue('pricePerPackage', '1234.5')).toBe('$1,234.50');
    expect(readableValue('costPerPackage', '0.00123')).toBe('$0.00123');
    expect(readableValue('margin', '-2.17')).toBe('-$2.17');
  });

  it('writes percents, NDCs, Yes/No and coded values (status, technique, payer type) as the forms do', () => {
    expect(readableValue('coinsurancePercent', '20')).toBe('20%');
    expect(readableValue('ndc11', '50242004062')).toBe('50242-0040-62');
    expect(readableValue('requiresInvoice', true)).toBe('Yes');
    expect(readableValue('lesserOfBilled', false)).toBe('No');
    expect(readableValue('status', 'ready')).toBe('Ready to bill');
    expect(readableValue('technique', 'iv-infusion')).toBe('IV infusion');
    expect(readableValue('payerType', 'medicare-part-b')).toBe('Medicare Part B');
    expect(readableValue('container', 'single-dose')).toBe('Single-dose');
  });

  it('writes a day as a date and a timestamp in local time', () => {
    expect(readableValue('dateOfService', '2026-12-06')).toBe('Dec 6, 2026');
    expect(readableValue('profileConfirmedAt', '2026-12-06T21:18:00.000Z', chicago)).toBe('Dec 6, 2026, 3:18 PM');
  });

  it('joins a list of short values, and puts sentences one per line', () => {
    expect(readableValue('diagnoses', ['C50.911', 'E11.9'])).toBe('C50.911; E11.9');
    expect(readableValue('modifiers', [])).toBe('');
    const trace = ['AWP $120.00 per 1 UN package × 0.7 UN = $84.00', 'lesser of billed $100.00 → $79.80'];
    expect(readableValue('trace', trace)).toBe(trace.join('\n'));
  });

  it('writes nothing for an empty value', () => {
    expect(readableValue('notes', null)).toBe('');
    expect(readableValue('notes', '  ')).toBe('');
    expect(readableValue('notes', undefined)).toBe('');
  });
});

describe('decamel', () => {
  it('turns field and record names into words', () => {
    expect(decamel('wastedBilledCharge')).toBe('Wasted billed charge');
    expect(decamel('era_file')).toBe('Era file');
    expect(decamel('NPIValue')).toBe('Npi value');
  });
});

describe('audit words', () => {
  it('names kinds of record and actions in words, and unknown ones from their code', () => {
    expect(entityWords('administration')).toBe('Administration');
    expect(entityWords('drug_price')).toBe('Drug price');
    expect(entityWords('fee_schedule_row')).toBe('Fee schedule row');
    expect(['create', 'update', 'delete', 'import'].map(actionWords)).toEqual([
      'Created',
      'Changed',
      'Deleted',
      'Imported',
    ]);
  });

  it('names the record from its snapshot, the old one for a deletion', () => {
    expect(recordTitle('administration', '7', null, administration({ drugName: 'Examplemab' }))).toBe(
      'Rivera, Ana · Examplemab · Feb 20, 2025',
    );
    expect(recordTitle('invoice', '1', null, { invoiceNumber: 'INV-500', supplierName: 'McKesson' })).toBe(
      'INV-500 from McKesson',
    );
    expect(recordTitle('patient', '3', { lastName: 'Chen', firstName: 'Li', accountNumber: 'MRN-2' }, null)).toBe(
      'Chen, Li · MRN-2',
    );
    expect(
      recordTitle('drug_price', '4', null, { priceType: 'AWP', ndc11: '50242004062', effectiveFrom: '2024-01-01' }),
    ).toBe('AWP · 50242-0040-62 · from Jan 1, 2024');
    expect(recordTitle('setting', 'variance_tolerance', { value: '1' }, { value: '2' })).toBe('Underpayment tolerance');
    expect(recordTitle('transition_checklist', '50242004062:billing-updated', null, { done: true })).toBe(
      '50242-0040-62 · Billing updated',
    );
    expect(recordTitle('payment', '12', null, { amount: '10.00' })).toBe('Number 12');
  });
});
