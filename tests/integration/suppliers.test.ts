/**
 * The Suppliers page's service side (issue 14): usage per supplier, and merging a duplicate into
 * the supplier kept — its invoices and remembered import columns move in one transaction, both
 * suppliers and every moved invoice are audited, and a merge that cannot be done writes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Invoice, InvoiceInput, Supplier } from '../../shared/domain/invoice';
import type { ImportPreview, ImportReport } from '../../shared/api/import-schemas';
import type { SupplierMergePlan, SupplierMergeResult, SupplierUsage } from '../../shared/api/supplier-record-channels';
import { b64 } from '../fixtures/imports/build';
import { ziconotide } from '../fixtures/seed-inputs';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { services, clock, value, refusal, auditRows, version: storedVersion } = serviceHarness();

const db = () => services().ctx.db;
const count = (sql: string, ...params: unknown[]): number =>
  db()
    .prepare(sql)
    .pluck()
    .get(...params) as number;
/** Every row that a refused merge must leave as it was. */
const snapshot = () => ({
  suppliers: db().prepare('SELECT * FROM suppliers ORDER BY id').all(),
  invoices: db().prepare('SELECT id, supplier_id, updated_at FROM invoices ORDER BY id').all(),
  mappings: db().prepare('SELECT * FROM import_mappings ORDER BY kind, owner_key').all(),
  audit: count('SELECT count(*) FROM audit_log'),
});

const invoice = (supplierId: number, invoiceNumber: string, invoiceDate: string): InvoiceInput => ({
  supplierId,
  invoiceNumber,
  invoiceDate,
  lines: [
    {
      ndc: '0002-7597-01',
      lotNumber: `LOT-${invoiceNumber}`,
      expiryDate: '2027-06-30',
      packageQuantity: '1',
      costPerPackage: '850.00',
    },
  ],
});

/** An invoice file imported for `supplierId` through the wizard's channels, which remembers its columns. */
async function importInvoices(supplierId: number, header: string, rows: string[]): Promise<ImportReport> {
  const preview = await value<ImportPreview>('imports:preview', {
    kind: 'invoices',
    fileName: 'invoices.csv',
    contentBase64: b64([header, ...rows].join('\n')),
    supplierId,
  });
  return value<ImportReport>('imports:commit', { stagedId: preview.stagedId, acceptRefused: false });
}
const rememberedColumns = (supplierId: number) =>
  value<Record<string, string> | null>('imports:mapping', { kind: 'invoices', supplierId });

let mckesson: Supplier;
let duplicate: Supplier;
let cardinal: Supplier;

beforeEach(async () => {
  await value('drugs:create', ziconotide());
  mckesson = await value<Supplier>('suppliers:create', { name: 'McKesson', accountNumber: 'ACCT-77' });
  duplicate = await value<Supplier>('suppliers:create', { name: 'Mckesson Corp.', accountNumber: '99-1' });
  cardinal = await value<Supplier>('suppliers:create', { name: 'Cardinal Health' });
});

describe('usage', () => {
  it('counts each supplier’s invoices, gives the newest invoice date and says whether import columns are remembered', async () => {
    await value<Invoice>('invoices:create', invoice(mckesson.id, 'A-1', '2025-01-05'));
    await value<Invoice>('invoices:create', invoice(mckesson.id, 'A-2', '2025-02-20'));
    await value<Invoice>('invoices:create', invoice(mckesson.id, 'A-3', '2024-12-31'));
    await importInvoices(duplicate.id, 'Invoice #,Invoice Date,NDC,Lot,Expiration Date,Qty,Unit Cost', [
      'D-9,2025-01-15,00002-7597-01,LOT-D9,2027-01-31,2,850.00',
    ]);

    const usage = await value<SupplierUsage[]>('suppliers:usage', {});
    expect(usage).toEqual([
      { supplierId: mckesson.id, invoiceCount: 3, lastInvoiceDate: '2025-02-20', remembersColumns: false },
      { supplierId: duplicate.id, invoiceCount: 1, lastInvoiceDate: '2025-01-15', remembersColumns: true },
      { supplierId: cardinal.id, invoiceCount: 0, lastInvoiceDate: null, remembersColumns: false },
    ]);
  });
});

describe('merging a duplicate', () => {
  beforeEach(async () => {
    await value<Invoice>('invoices:create', invoice(mckesson.id, 'A-1', '2025-01-05'));
    await value<Invoice>('invoices:create', invoice(duplicate.id, 'D-1', '2025-02-01'));
    await value<Invoice>('invoices:create', invoice(duplicate.id, 'D-2', '2025-02-15'));
  });

  it('moves the invoices and the remembered columns to the kept supplier and removes the duplicate', async () => {
    await importInvoices(duplicate.id, 'Inv No,Inv Date,NDC,Lot,Expiration Date,Qty,Unit Cost', [
      'D-3,2025-02-28,00002-7597-01,LOT-D3,2027-01-31,1,850.00',
    ]);
    const duplicateColumns = await rememberedColumns(duplicate.id);
    expect(duplicateColumns).not.toBeNull();
    expect(await rememberedColumns(mckesson.id)).toBeNull();

    const plan = await value<SupplierMergePlan>('suppliers:mergePlan', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(plan).toMatchObject({
      keep: { name: 'McKesson' },
      merge: { name: 'Mckesson Corp.' },
      invoicesMoving: 3,
      columnChoices: 'move',
      clashingInvoiceNumbers: [],
    });
    // The plan writes nothing.
    expect(count('SELECT count(*) FROM suppliers')).toBe(3);

    clock.advance(60);
    const result = await value<SupplierMergeResult>('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(result).toMatchObject({
      kept: { id: mckesson.id, name: 'McKesson', accountNumber: 'ACCT-77', invoiceCount: 4 },
      removedName: 'Mckesson Corp.',
      invoicesMoved: 3,
      columnChoices: 'move',
    });

    const listed = await value<Supplier[]>('suppliers:list', {});
    expect(listed.map((s) => [s.name, s.invoiceCount])).toEqual([
      ['Cardinal Health', 0],
      ['McKesson', 4],
    ]);
    const numbers = db()
      .prepare('SELECT invoice_number FROM invoices WHERE supplier_id = ? ORDER BY invoice_number')
      .pluck()
      .all(mckesson.id);
    expect(numbers).toEqual(['A-1', 'D-1', 'D-2', 'D-3']);
    expect(await rememberedColumns(mckesson.id)).toEqual(duplicateColumns);
    expect(
      count("SELECT count(*) FROM import_mappings WHERE kind = 'invoices' AND owner_key = ?", String(duplicate.id)),
    ).toBe(0);

    // The merged supplier's invoices now count as the kept supplier's: importing D-1 again is refused as a repeat.
    const again = await value<ImportPreview>('imports:preview', {
      kind: 'invoices',
      fileName: 'again.csv',
      contentBase64: b64(
        [
          'Inv No,Inv Date,NDC,Lot,Expiration Date,Qty,Unit Cost',
          'D-1,2025-02-01,00002-7597-01,X,2027-01-31,1,1.00',
        ].join('\n'),
      ),
      supplierId: mckesson.id,
    });
    expect(again.validRows).toBe(0);
  });

  it('writes an audit row for both suppliers and for every invoice that moved', async () => {
    clock.advance(60);
    await value('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });

    const supplierAudit = auditRows('supplier').filter((r) => r.action !== 'create');
    expect(supplierAudit.map((r) => [r.entityId, r.action, r.actor, r.at])).toEqual([
      [String(mckesson.id), 'update', 'tester', '2025-03-01T12:01:00.000Z'],
      [String(duplicate.id), 'delete', 'tester', '2025-03-01T12:01:00.000Z'],
    ]);
    expect(supplierAudit[0]?.before).toMatchObject({ name: 'McKesson', invoiceCount: 1 });
    expect(supplierAudit[0]?.after).toMatchObject({
      name: 'McKesson',
      invoiceCount: 3,
      mergedFrom: `Mckesson Corp. (supplier ${duplicate.id})`,
      invoicesMoved: 2,
    });
    expect(supplierAudit[1]?.before).toMatchObject({ name: 'Mckesson Corp.', accountNumber: '99-1' });
    expect(supplierAudit[1]?.after).toEqual({ mergedInto: `McKesson (supplier ${mckesson.id})`, invoicesMoved: 2 });

    const invoiceAudit = auditRows('invoice').filter((r) => r.action === 'update');
    expect(invoiceAudit.map((r) => [r.before?.invoiceNumber, r.before?.supplierName, r.after?.supplierName])).toEqual([
      ['D-1', 'Mckesson Corp.', 'McKesson'],
      ['D-2', 'Mckesson Corp.', 'McKesson'],
    ]);
    const updatedAt = db()
      .prepare('SELECT updated_at FROM invoices WHERE supplier_id = ? ORDER BY id')
      .pluck()
      .all(mckesson.id);
    expect(updatedAt).toEqual(['2025-03-01T12:00:00.000Z', '2025-03-01T12:01:00.000Z', '2025-03-01T12:01:00.000Z']);
  });

  it('keeps the kept supplier’s own remembered columns when both have some, and drops the duplicate’s', async () => {
    await importInvoices(mckesson.id, 'Invoice Number,Invoice Date,NDC,Lot,Expiration Date,Qty,Unit Cost', [
      'A-9,2025-02-28,00002-7597-01,LOT-A9,2027-01-31,1,850.00',
    ]);
    await importInvoices(duplicate.id, 'Inv No,Inv Date,NDC,Lot,Expiration Date,Qty,Unit Cost', [
      'D-9,2025-02-28,00002-7597-01,LOT-D9,2027-01-31,1,850.00',
    ]);
    const keptColumns = await rememberedColumns(mckesson.id);
    expect(keptColumns).not.toEqual(await rememberedColumns(duplicate.id));

    const plan = await value<SupplierMergePlan>('suppliers:mergePlan', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(plan.columnChoices).toBe('keep-own');
    const result = await value<SupplierMergeResult>('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(result.columnChoices).toBe('keep-own');
    expect(await rememberedColumns(mckesson.id)).toEqual(keptColumns);
    expect(count("SELECT count(*) FROM import_mappings WHERE kind = 'invoices'")).toBe(1);
  });

  it('frees the duplicate’s name: the kept supplier can then be renamed to it', async () => {
    await value('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });
    const renamed = await value<Supplier>('suppliers:update', {
      id: mckesson.id,
      version: storedVersion('suppliers', mckesson.id),
      name: 'Mckesson Corp.',
    });
    expect(renamed).toMatchObject({ name: 'Mckesson Corp.', invoiceCount: 3 });
  });
});

describe('merges that are refused, writing nothing', () => {
  it('refuses merging a supplier into itself, next to the supplier to merge', async () => {
    const before = snapshot();
    for (const channel of ['suppliers:mergePlan', 'suppliers:merge']) {
      const error = await refusal(channel, { keepId: mckesson.id, mergeId: mckesson.id });
      expect(error.code).toBe('SUPPLIER_MERGE_SAME');
      expect(fieldCodes(error)).toEqual([{ field: 'mergeId', code: 'SUPPLIER_MERGE_SAME' }]);
      expect(error.message).toBe('A supplier cannot be merged into itself: choose the duplicate to merge into it.');
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses a supplier that does not exist (deleted or merged meanwhile)', async () => {
    await value('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });
    const before = snapshot();
    const again = await refusal('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(again.code).toBe('SUPPLIER_NOT_FOUND');
    const intoGone = await refusal('suppliers:merge', { keepId: duplicate.id, mergeId: cardinal.id });
    expect(intoGone.code).toBe('SUPPLIER_NOT_FOUND');
    expect(snapshot()).toEqual(before);
  });

  it('refuses when both suppliers have the same invoice number, naming it, and moves no invoice', async () => {
    await value<Invoice>('invoices:create', invoice(mckesson.id, 'INV-7', '2025-01-05'));
    await value<Invoice>('invoices:create', invoice(duplicate.id, 'INV-7', '2025-01-05'));
    await value<Invoice>('invoices:create', invoice(duplicate.id, 'INV-8', '2025-01-06'));
    await importInvoices(duplicate.id, 'Inv No,Inv Date,NDC,Lot,Expiration Date,Qty,Unit Cost', [
      'INV-9,2025-02-28,00002-7597-01,LOT-D9,2027-01-31,1,850.00',
    ]);

    const plan = await value<SupplierMergePlan>('suppliers:mergePlan', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(plan.clashingInvoiceNumbers).toEqual(['INV-7']);

    const before = snapshot();
    const error = await refusal('suppliers:merge', { keepId: mckesson.id, mergeId: duplicate.id });
    expect(error.code).toBe('SUPPLIER_MERGE_INVOICE_CLASH');
    expect(error.message).toBe(
      'McKesson and Mckesson Corp. both have an invoice numbered INV-7. A supplier’s invoice numbers are unique, so ' +
        'this is most likely the same invoice entered twice: delete or correct one of them, then merge. Nothing was merged.',
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses a name another supplier has, next to the name field', async () => {
    const error = await refusal('suppliers:update', {
      id: duplicate.id,
      version: storedVersion('suppliers', duplicate.id),
      name: 'MCKESSON',
    });
    expect(fieldCodes(error)).toEqual([{ field: 'name', code: 'SUPPLIER_NAME_TAKEN' }]);
    expect(error.message).toBe('There is already a supplier named McKesson.');
  });
});
