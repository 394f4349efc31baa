/**
 * Suppliers, acquisition invoices with their lots, and invoice scans through the same door every
 * front end uses: openServices + dispatch(handlers, channel, args). The database and the data
 * folder are only read back to prove what was (or was not) written, and to insert the stock
 * adjustments whose own service is built elsewhere.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DrugInput } from '../../shared/domain/drug-catalog';
import type { Invoice, InvoiceInput, InvoiceSummary, Supplier } from '../../shared/domain/invoice';
import { tinyJpeg, tinyPdf, tinyPng } from '../fixtures/scans/tiny-scans';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { ziconotide as prialt } from '../fixtures/seed-inputs';

const { services, dir, clock, value, refusal, auditRows: auditTrail, version: storedVersion } = serviceHarness();

type Table = 'suppliers' | 'invoices' | 'invoice_lines' | 'stock_adjustments' | 'audit_log';
const count = (table: Table): number =>
  (services().ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () =>
  Object.fromEntries((['suppliers', 'invoices', 'invoice_lines', 'audit_log'] as const).map((t) => [t, count(t)]));

/** The audit rows without their entity column (each test names the entity it asks for). */
const auditRows = (entity: string) => auditTrail(entity).map(({ entity: _, ...row }) => row);

const scanFiles = (): string[] => (existsSync(join(dir(), 'scans')) ? readdirSync(join(dir(), 'scans')).sort() : []);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const ziconotide: DrugInput = prialt({ packageSize: '10' });
const examplemab: DrugInput = {
  ndc: '50242-040-62',
  genericName: 'Examplemab',
  strengthAmount: '100',
  strengthUnit: 'mg',
  packageSize: '1',
  ndcUnit: 'UN',
  container: 'single-dose',
  route: 'IV',
};

/** Two lots: 2 × 10 ML vials at 1170.00 less a 40.00 credit, and 5 units at 12.3456; 15.00 freight. */
const invoiceInput = (supplierId: number, changes: Partial<InvoiceInput> = {}): InvoiceInput => ({
  supplierId,
  invoiceNumber: '123',
  invoiceDate: '2025-02-20',
  receivedDate: '2025-02-21',
  total: '2376.73',
  adjustment: '15.00',
  lines: [
    {
      ndc: '0002-7597-01',
      lotNumber: 'ZX1001',
      expiryDate: '2026-06-30',
      packageQuantity: '2',
      costPerPackage: '1170.00',
      discount: '40.00',
    },
    {
      ndc: '50242-040-62',
      lotNumber: 'ABC123',
      expiryDate: '2025-12-31',
      packageQuantity: '5',
      costPerPackage: '12.3456',
    },
  ],
  ...changes,
});

let mckesson: Supplier;

beforeEach(async () => {
  await value('drugs:create', ziconotide);
  await value('drugs:create', examplemab);
  mckesson = await value<Supplier>('suppliers:create', { name: 'McKesson', accountNumber: 'ACCT-77' });
});

const createInvoice = (changes: Partial<InvoiceInput> = {}, supplierId = mckesson.id) =>
  value<Invoice>('invoices:create', invoiceInput(supplierId, changes));

const adjustStock = (invoiceLineId: number, quantityMicro: number): void => {
  services()
    .ctx.db.prepare(
      `INSERT INTO stock_adjustments (invoice_line_id, quantity_micro, reason, note, at, actor)
       VALUES (?, ?, 'damaged', 'dropped vial', '2025-03-02T09:00:00.000Z', 'tester')`,
    )
    .run(invoiceLineId, quantityMicro);
};

describe('suppliers', () => {
  it('creates, lists by name with invoice counts, and updates a supplier, with audit rows', async () => {
    expect(mckesson).toEqual({
      id: 1,
      version: 1,
      name: 'McKesson',
      accountNumber: 'ACCT-77',
      notes: '',
      invoiceCount: 0,
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    const cardinal = await value<Supplier>('suppliers:create', { name: '  Cardinal Health  ', notes: 'Specialty' });
    await createInvoice();
    await createInvoice({ invoiceNumber: '124' });

    const listed = await value<Supplier[]>('suppliers:list', {});
    expect(listed.map((s) => [s.name, s.invoiceCount])).toEqual([
      ['Cardinal Health', 0],
      ['McKesson', 2],
    ]);

    clock.advance(60);
    const renamed = await value<Supplier>('suppliers:update', {
      id: mckesson.id,
      version: storedVersion('suppliers', mckesson.id),
      name: 'McKesson Medical-Surgical',
    });
    expect(renamed).toMatchObject({ name: 'McKesson Medical-Surgical', accountNumber: '', invoiceCount: 2 });
    expect(renamed.updatedAt).toBe('2025-03-01T12:01:00.000Z');
    expect(cardinal.name).toBe('Cardinal Health');

    const audit = auditRows('supplier');
    expect(audit.map((a) => [a.entityId, a.action, a.actor])).toEqual([
      ['1', 'create', 'tester'],
      ['2', 'create', 'tester'],
      ['1', 'update', 'tester'],
    ]);
    expect(audit[2]?.before).toMatchObject({ name: 'McKesson' });
    expect(audit[2]?.after).toMatchObject({ name: 'McKesson Medical-Surgical' });
  });

  it('refuses a name already taken, in any case, with SUPPLIER_NAME_TAKEN on field name', async () => {
    const cardinal = await value<Supplier>('suppliers:create', { name: 'Cardinal Health' });
    const before = counts();
    for (const name of ['McKesson', 'MCKESSON', ' mckesson ']) {
      const error = await refusal('suppliers:create', { name });
      expect(error.code).toBe('SUPPLIER_NAME_TAKEN');
      expect(fieldCodes(error)).toEqual([{ field: 'name', code: 'SUPPLIER_NAME_TAKEN' }]);
      expect(error.message).toBe('There is already a supplier named McKesson.');
    }
    const error = await refusal('suppliers:update', {
      id: cardinal.id,
      version: storedVersion('suppliers', cardinal.id),
      name: 'mckesson',
    });
    expect(error.code).toBe('SUPPLIER_NAME_TAKEN');
    expect(counts()).toEqual(before);
    // Its own name in another case is not a clash.
    expect(
      (
        await value<Supplier>('suppliers:update', {
          id: mckesson.id,
          version: storedVersion('suppliers', mckesson.id),
          name: 'MCKESSON',
        })
      ).name,
    ).toBe('MCKESSON');
  });

  it('refuses to update a supplier that does not exist', async () => {
    expect(
      (await refusal('suppliers:update', { id: 99, version: storedVersion('suppliers', 99), name: 'Nobody' })).code,
    ).toBe('SUPPLIER_NOT_FOUND');
  });
});

describe('invoices:create', () => {
  it('records the invoice and its two lots: cents stored, units in NDC units, net cost per package', async () => {
    const created = await createInvoice();
    expect(created).toEqual({
      id: 1,
      version: 1,
      supplierId: mckesson.id,
      supplierName: 'McKesson',
      invoiceNumber: '123',
      invoiceDate: '2025-02-20',
      receivedDate: '2025-02-21',
      total: '2376.73',
      adjustment: '15.00',
      notes: '',
      scan: null,
      lines: [
        {
          id: 1,
          lineNumber: 1,
          ndc11: '00002759701',
          drugName: 'Ziconotide (Prialt)',
          ndcUnit: 'ML',
          lotNumber: 'ZX1001',
          expiryDate: '2026-06-30',
          packageQuantity: '2',
          costPerPackage: '1170.00',
          extendedCost: '2340.00',
          discount: '40.00',
          netCostPerPackage: '1150',
          units: '20',
          onHand: '20',
          inUse: false,
        },
        {
          id: 2,
          lineNumber: 2,
          ndc11: '50242004062',
          drugName: 'Examplemab',
          ndcUnit: 'UN',
          lotNumber: 'ABC123',
          expiryDate: '2025-12-31',
          packageQuantity: '5',
          costPerPackage: '12.3456',
          // 5 × 12.3456 = 61.728, half-up to cents
          extendedCost: '61.73',
          discount: '0.00',
          netCostPerPackage: '12.346',
          units: '5',
          onHand: '5',
          inUse: false,
        },
      ],
      reconciliation: {
        linesNet: '2361.73',
        adjustment: '15.00',
        computedTotal: '2376.73',
        statedTotal: '2376.73',
        difference: '0.00',
        matches: true,
      },
      warnings: [],
      inUse: false,
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(await value('invoices:get', { id: created.id })).toEqual(created);

    expect(
      services().ctx.db.prepare('SELECT total_cents, adjustment_cents, received_date, scan_sha256 FROM invoices').get(),
    ).toEqual({ total_cents: 237673, adjustment_cents: 1500, received_date: '2025-02-21', scan_sha256: null });
    expect(
      services()
        .ctx.db.prepare(
          `SELECT line_number, ndc11, package_quantity, cost_per_package, extended_cents, discount_cents, units_micro
             FROM invoice_lines ORDER BY line_number`,
        )
        .all(),
    ).toEqual([
      {
        line_number: 1,
        ndc11: '00002759701',
        package_quantity: '2',
        cost_per_package: '1170.00',
        extended_cents: 234000,
        discount_cents: 4000,
        units_micro: 20_000_000,
      },
      {
        line_number: 2,
        ndc11: '50242004062',
        package_quantity: '5',
        cost_per_package: '12.3456',
        extended_cents: 6173,
        discount_cents: 0,
        units_micro: 5_000_000,
      },
    ]);
  });

  it('writes one audit row with the invoice and its lines', async () => {
    const created = await createInvoice();
    const audit = auditRows('invoice');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: String(created.id), action: 'create', actor: 'tester', before: null });
    const after = audit[0]?.after as { invoiceNumber: string; lines: { lotNumber: string; extendedCost: string }[] };
    expect(after.invoiceNumber).toBe('123');
    expect(after.lines.map((l) => [l.lotNumber, l.extendedCost])).toEqual([
      ['ZX1001', '2340.00'],
      ['ABC123', '61.73'],
    ]);
  });

  it('keeps an invoice whose total differs from the lines, with INVOICE_TOTAL_MISMATCH and the difference', async () => {
    const created = await createInvoice({ total: '2400.00' });
    expect(created.reconciliation).toEqual({
      linesNet: '2361.73',
      adjustment: '15.00',
      computedTotal: '2376.73',
      statedTotal: '2400.00',
      difference: '23.27',
      matches: false,
    });
    expect(created.warnings).toEqual([
      {
        code: 'INVOICE_TOTAL_MISMATCH',
        message:
          'The lines come to 2376.73 with adjustments, but the invoice total is 2400.00: 23.27 missing from the lines.',
      },
    ]);
    expect(count('invoices')).toBe(1);
  });

  it('warns LINE_EXTENDED_MISMATCH when the printed extended cost is not packages × cost, and stores it as printed', async () => {
    const lines = invoiceInput(mckesson.id).lines;
    const created = await createInvoice({
      total: '',
      lines: [{ ...lines[0]!, extendedCost: '2300.00' }, lines[1]!],
    });
    expect(created.lines[0]).toMatchObject({ extendedCost: '2300.00', netCostPerPackage: '1130' });
    expect(created.warnings).toEqual([
      {
        code: 'LINE_EXTENDED_MISMATCH',
        message: 'Line 1: 2 × 1170.00 is 2340.00, but the extended cost is 2300.00.',
      },
    ]);
    expect(created.reconciliation).toMatchObject({ statedTotal: null, difference: null, matches: null });
    expect(services().ctx.db.prepare('SELECT total_cents FROM invoices').get()).toEqual({ total_cents: null });
    expect(services().ctx.db.prepare('SELECT extended_cents FROM invoice_lines WHERE line_number = 1').get()).toEqual({
      extended_cents: 230000,
    });
  });

  it('stores a negative adjustment (an invoice-level credit) and an empty received date', async () => {
    const created = await createInvoice({ adjustment: '-61.73', receivedDate: '', total: '2300' });
    expect(created).toMatchObject({ adjustment: '-61.73', receivedDate: '', total: '2300.00', warnings: [] });
    expect(services().ctx.db.prepare('SELECT adjustment_cents, received_date FROM invoices').get()).toEqual({
      adjustment_cents: -6173,
      received_date: null,
    });
  });

  it('saves a lot that had expired before the invoice date, with a LOT_EXPIRED_ON_INVOICE_DATE warning', async () => {
    const lines = invoiceInput(mckesson.id).lines;
    const created = await createInvoice({ lines: [lines[0]!, { ...lines[1]!, expiryDate: '2025-01-31' }] });
    expect(created.lines[1]?.expiryDate).toBe('2025-01-31');
    expect(created.warnings.map((w) => w.code)).toEqual(['LOT_EXPIRED_ON_INVOICE_DATE']);
    expect(created.warnings[0]?.message).toMatch(/^Line 2: lot \S+ expired on 2025-01-31, before the invoice date/);
  });

  it('refuses the same invoice number from the same supplier with INVOICE_DUPLICATE; another supplier may use it', async () => {
    await createInvoice();
    clock.advance(86_400);
    const before = counts();
    const error = await refusal('invoices:create', invoiceInput(mckesson.id, { invoiceDate: '2025-02-27' }));
    expect(error.code).toBe('INVOICE_DUPLICATE');
    expect(error.message).toBe('Invoice 123 from McKesson is already recorded (entered Mar 1, 2025).');
    expect(fieldCodes(error)).toEqual([{ field: 'invoiceNumber', code: 'INVOICE_DUPLICATE' }]);
    expect(counts()).toEqual(before);

    const cardinal = await value<Supplier>('suppliers:create', { name: 'Cardinal Health' });
    const other = await createInvoice({}, cardinal.id);
    expect(other).toMatchObject({ invoiceNumber: '123', supplierName: 'Cardinal Health' });
    expect(count('invoices')).toBe(2);
  });

  it('refuses a line whose NDC is not in the catalog with NDC_UNKNOWN on lines.1.ndc, writing nothing', async () => {
    const before = counts();
    const lines = invoiceInput(mckesson.id).lines;
    const error = await refusal(
      'invoices:create',
      invoiceInput(mckesson.id, { lines: [lines[0]!, { ...lines[1]!, ndc: '60575-4112-1' }] }),
    );
    expect(error.code).toBe('NDC_UNKNOWN');
    expect(fieldCodes(error)).toEqual([{ field: 'lines.1.ndc', code: 'NDC_UNKNOWN' }]);
    expect(error.message).toBe(
      'Line 2: NDC 60575-4112-01 is not in the drug catalog; add the drug to the catalog first, then save the invoice.',
    );
    expect(counts()).toEqual(before);
  });

  it('names every unknown NDC at once', async () => {
    const lines = invoiceInput(mckesson.id).lines;
    const error = await refusal(
      'invoices:create',
      invoiceInput(mckesson.id, {
        lines: [
          { ...lines[0]!, ndc: '60575-4112-1' },
          { ...lines[1]!, ndc: '11111-2222-33' },
        ],
      }),
    );
    expect(error.code).toBe('NDC_UNKNOWN');
    expect(fieldCodes(error)).toEqual([
      { field: 'lines.0.ndc', code: 'NDC_UNKNOWN' },
      { field: 'lines.1.ndc', code: 'NDC_UNKNOWN' },
    ]);
    expect(count('invoices')).toBe(0);
  });

  it('refuses an unhyphenated 10-digit NDC with NDC_AMBIGUOUS on the line field', async () => {
    const before = counts();
    const lines = invoiceInput(mckesson.id).lines;
    const error = await refusal(
      'invoices:create',
      invoiceInput(mckesson.id, { lines: [lines[0]!, { ...lines[1]!, ndc: '5024204062' }] }),
    );
    expect(error.code).toBe('NDC_AMBIGUOUS');
    expect(fieldCodes(error)).toEqual([{ field: 'lines.1.ndc', code: 'NDC_AMBIGUOUS' }]);
    expect(counts()).toEqual(before);
  });

  it('refuses a package quantity whose units cannot be counted exactly with QUANTITY_UNWRITABLE', async () => {
    await value('drugs:create', { ...examplemab, ndc: '60575-4112-1', packageSize: '0.333333' });
    const before = counts();
    const error = await refusal(
      'invoices:create',
      invoiceInput(mckesson.id, {
        lines: [
          {
            ndc: '60575-4112-1',
            lotNumber: 'Q1',
            expiryDate: '2026-01-31',
            packageQuantity: '1.5',
            costPerPackage: '10',
          },
        ],
      }),
    );
    expect(error.code).toBe('QUANTITY_UNWRITABLE');
    expect(fieldCodes(error)).toEqual([{ field: 'lines.0.packageQuantity', code: 'QUANTITY_UNWRITABLE' }]);
    expect(error.message).toContain('0.4999995 UN');
    expect(counts()).toEqual(before);
  });

  it('refuses an unknown supplier, an impossible received date and an invalid amount, writing nothing', async () => {
    const before = counts();
    const noSupplier = await refusal('invoices:create', invoiceInput(99));
    expect(noSupplier.code).toBe('SUPPLIER_NOT_FOUND');
    expect(fieldCodes(noSupplier)).toEqual([{ field: 'supplierId', code: 'SUPPLIER_NOT_FOUND' }]);

    const badDate = await refusal('invoices:create', invoiceInput(mckesson.id, { receivedDate: '2025-02-30' }));
    expect(fieldCodes(badDate)).toEqual([{ field: 'receivedDate', code: 'DATE_INVALID' }]);

    const lines = invoiceInput(mckesson.id).lines;
    const badAmount = await refusal(
      'invoices:create',
      invoiceInput(mckesson.id, { lines: [{ ...lines[0]!, costPerPackage: '1,170.00' }] }),
    );
    expect(fieldCodes(badAmount)).toEqual([{ field: 'lines.0.costPerPackage', code: 'AMOUNT_INVALID' }]);
    expect(counts()).toEqual(before);
  });
});

describe('invoices:update and invoices:delete', () => {
  it('replaces the header and lines in one write, with the before and after in the audit log', async () => {
    const created = await createInvoice();
    clock.advance(3600);
    const updated = await value<Invoice>('invoices:update', {
      id: created.id,
      version: storedVersion('invoices', created.id),
      invoice: invoiceInput(mckesson.id, {
        invoiceNumber: '123-A',
        total: '',
        adjustment: '',
        notes: 'Re-keyed from the scan',
        lines: [
          {
            ndc: '50242-040-62',
            lotNumber: 'ABC124',
            expiryDate: '2026-01-31',
            packageQuantity: '3',
            costPerPackage: '12.50',
          },
        ],
      }),
    });
    expect(updated).toMatchObject({
      id: created.id,
      invoiceNumber: '123-A',
      total: null,
      adjustment: '0.00',
      notes: 'Re-keyed from the scan',
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T13:00:00.000Z',
    });
    expect(updated.lines.map((l) => [l.lineNumber, l.lotNumber, l.extendedCost, l.units])).toEqual([
      [1, 'ABC124', '37.50', '3'],
    ]);
    expect(count('invoice_lines')).toBe(1);

    const audit = auditRows('invoice');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]?.before).toMatchObject({ invoiceNumber: '123', total: '2376.73' });
    expect(audit[1]?.after).toMatchObject({ invoiceNumber: '123-A', total: null });
    expect((audit[1]?.after as { lines: unknown[] }).lines).toHaveLength(1);
  });

  it('refuses an update onto another invoice number of the same supplier, changing nothing', async () => {
    const first = await createInvoice();
    await createInvoice({ invoiceNumber: '124' });
    const before = counts();
    const error = await refusal('invoices:update', {
      id: first.id,
      version: storedVersion('invoices', first.id),
      invoice: invoiceInput(mckesson.id, { invoiceNumber: '124' }),
    });
    expect(error.code).toBe('INVOICE_DUPLICATE');
    expect(counts()).toEqual(before);
    expect(await value('invoices:get', { id: first.id })).toEqual(first);
  });

  it('shows a lot in use once stock is taken out of it; removing that lot and deleting are refused', async () => {
    const created = await createInvoice();
    const line2 = created.lines[1]!;
    adjustStock(line2.id, 1_000_000);

    const got = await value<Invoice>('invoices:get', { id: created.id });
    expect(got.inUse).toBe(true);
    expect(got.lines.map((l) => [l.lotNumber, l.units, l.onHand])).toEqual([
      ['ZX1001', '20', '20'],
      ['ABC123', '5', '4'],
    ]);

    const before = counts();
    // Lines sent without their ids are new lots, so the used one would be removed.
    const update = await refusal('invoices:update', {
      id: created.id,
      version: storedVersion('invoices', created.id),
      invoice: invoiceInput(mckesson.id, { notes: 'changed' }),
    });
    expect(update.code).toBe('LOT_IN_USE');
    expect(update.message).toContain('Lot ABC123 (line 2) has 1 stock adjustment, so it cannot be removed');

    adjustStock(line2.id, 500_000);
    const del = await refusal('invoices:delete', { id: created.id });
    expect(del.code).toBe('INVOICE_IN_USE');
    expect(del.message).toContain('cannot be deleted');
    expect(del.message).toContain('Lot ABC123 (line 2) has 2 stock adjustments');

    expect(counts()).toEqual(before);
    expect((await value<Invoice>('invoices:get', { id: created.id })).lines[1]?.onHand).toBe('3.5');
  });

  it('deletes an unused invoice with its lines, keeping the audit trail', async () => {
    const created = await createInvoice();
    clock.advance(60);
    const deleted = await value<Invoice>('invoices:delete', { id: created.id });
    expect(deleted).toEqual(created);
    expect(count('invoices')).toBe(0);
    expect(count('invoice_lines')).toBe(0);
    const audit = auditRows('invoice');
    expect(audit.map((a) => [a.action, a.at])).toEqual([
      ['create', '2025-03-01T12:00:00.000Z'],
      ['delete', '2025-03-01T12:01:00.000Z'],
    ]);
    expect(audit[1]?.after).toBeNull();
    expect((await refusal('invoices:get', { id: created.id })).code).toBe('INVOICE_NOT_FOUND');
    expect((await refusal('invoices:delete', { id: created.id })).code).toBe('INVOICE_NOT_FOUND');
    expect(
      (
        await refusal('invoices:update', {
          id: created.id,
          version: storedVersion('invoices', created.id),
          invoice: invoiceInput(mckesson.id),
        })
      ).code,
    ).toBe('INVOICE_NOT_FOUND');
  });
});

describe('invoices:list', () => {
  beforeEach(async () => {
    const cardinal = await value<Supplier>('suppliers:create', { name: 'Cardinal Health' });
    await createInvoice({ invoiceNumber: 'A-1', invoiceDate: '2025-01-10' });
    await createInvoice({
      invoiceNumber: 'B-7',
      invoiceDate: '2025-02-20',
      total: '',
      lines: [
        {
          ndc: '0002-7597-01',
          lotNumber: 'LOT-Z9',
          expiryDate: '2026-01-31',
          packageQuantity: '1',
          costPerPackage: '1170',
        },
      ],
    });
    await createInvoice({ invoiceNumber: 'C-100', invoiceDate: '2025-02-20', total: '1.00' }, cardinal.id);
  });

  it('lists newest first (invoice date, then newest entry) with summaries', async () => {
    const { rows, total } = await value<{ rows: InvoiceSummary[]; total: number }>('invoices:list', {});
    expect(total).toBe(3);
    expect(rows).toEqual([
      {
        id: 3,
        supplierName: 'Cardinal Health',
        invoiceNumber: 'C-100',
        invoiceDate: '2025-02-20',
        lineCount: 2,
        linesNet: '2361.73',
        total: '1.00',
        hasScan: false,
        matches: false,
      },
      {
        id: 2,
        supplierName: 'McKesson',
        invoiceNumber: 'B-7',
        invoiceDate: '2025-02-20',
        lineCount: 1,
        linesNet: '1170.00',
        total: null,
        hasScan: false,
        matches: null,
      },
      {
        id: 1,
        supplierName: 'McKesson',
        invoiceNumber: 'A-1',
        invoiceDate: '2025-01-10',
        lineCount: 2,
        linesNet: '2361.73',
        total: '2376.73',
        hasScan: false,
        matches: true,
      },
    ]);
    const page = await value<{ rows: InvoiceSummary[]; total: number }>('invoices:list', { limit: 1, offset: 1 });
    expect(page).toEqual({ rows: [rows[1]], total: 3 });
  });

  const numbers = async (args: Record<string, unknown>) => {
    const { rows, total } = await value<{ rows: InvoiceSummary[]; total: number }>('invoices:list', args);
    expect(total).toBe(rows.length);
    return rows.map((r) => r.invoiceNumber);
  };

  it('finds invoices by lot number, hyphenated NDC, NDC digits, supplier and invoice number', async () => {
    expect(await numbers({ search: 'lot-z9' })).toEqual(['B-7']);
    expect(await numbers({ search: 'ABC123' })).toEqual(['C-100', 'A-1']);
    // 5-3-2 as printed: its digits are not a substring of 50242004062, the whole NDC still matches.
    expect(await numbers({ search: '50242-040-62' })).toEqual(['C-100', 'A-1']);
    expect(await numbers({ search: '0002-7597' })).toEqual(['C-100', 'B-7', 'A-1']);
    expect(await numbers({ search: '00002759701' })).toEqual(['C-100', 'B-7', 'A-1']);
    expect(await numbers({ search: 'cardinal' })).toEqual(['C-100']);
    expect(await numbers({ search: 'b-7' })).toEqual(['B-7']);
    expect(await numbers({ search: '%' })).toEqual([]);
    expect(await numbers({ search: 'nothing like it' })).toEqual([]);
  });

  it('filters by supplier, refusing one that does not exist', async () => {
    expect(await numbers({ supplierId: mckesson.id })).toEqual(['B-7', 'A-1']);
    expect(await numbers({ supplierId: mckesson.id, search: 'ABC123' })).toEqual(['A-1']);
    expect((await refusal('invoices:list', { supplierId: 99 })).code).toBe('SUPPLIER_NOT_FOUND');
  });
});

describe('invoice scans', () => {
  const kinds = [
    ['PDF', 'invoice-123.pdf', tinyPdf(), 'application/pdf', 'pdf'],
    ['PNG', 'invoice-123.png', tinyPng(), 'image/png', 'png'],
    ['JPEG', 'Invoice 123.JPEG', tinyJpeg(), 'image/jpeg', 'jpg'],
  ] as const;

  for (const [kind, fileName, bytes, mediaType, extension] of kinds) {
    it(`stores a ${kind} under its SHA-256 and gives back the same bytes`, async () => {
      const created = await createInvoice();
      clock.advance(60);
      const attached = await value<Invoice>('invoices:attachScan', {
        invoiceId: created.id,
        fileName,
        contentBase64: bytes.toString('base64'),
      });
      const hash = sha256(bytes);
      expect(attached.scan).toEqual({ sha256: hash, fileName, mediaType });
      expect(attached.updatedAt).toBe('2025-03-01T12:01:00.000Z');
      expect(scanFiles()).toEqual([`${hash}.${extension}`]);
      expect(readFileSync(join(dir(), 'scans', `${hash}.${extension}`)).equals(bytes)).toBe(true);

      const scan = await value<{ fileName: string; mediaType: string; sha256: string; contentBase64: string }>(
        'invoices:scan',
        { invoiceId: created.id },
      );
      expect({ ...scan, contentBase64: undefined }).toEqual({
        fileName,
        mediaType,
        sha256: hash,
        contentBase64: undefined,
      });
      expect(Buffer.from(scan.contentBase64, 'base64').equals(bytes)).toBe(true);

      const audit = auditRows('invoice');
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(audit[1]?.before).toMatchObject({ scan: null });
      expect(audit[1]?.after).toMatchObject({ scan: { sha256: hash, fileName, mediaType } });

      const { rows } = await value<{ rows: InvoiceSummary[] }>('invoices:list', {});
      expect(rows[0]?.hasScan).toBe(true);
    });
  }

  it('refuses a text file named .pdf with SCAN_TYPE_UNSUPPORTED, storing and linking nothing', async () => {
    const created = await createInvoice();
    const before = counts();
    const error = await refusal('invoices:attachScan', {
      invoiceId: created.id,
      fileName: 'invoice-123.pdf',
      contentBase64: Buffer.from('Invoice 123\nZiconotide 2 x 1170.00\n').toString('base64'),
    });
    expect(error.code).toBe('SCAN_TYPE_UNSUPPORTED');
    expect(error.message).toContain('Attach a PDF, PNG or JPEG scan of the invoice.');
    expect(scanFiles()).toEqual([]);
    expect(counts()).toEqual(before);
    expect((await value<Invoice>('invoices:get', { id: created.id })).scan).toBeNull();
  });

  it('refuses an empty scan with SCAN_EMPTY and a PNG named .pdf with SCAN_TYPE_UNSUPPORTED', async () => {
    const created = await createInvoice();
    const empty = await refusal('invoices:attachScan', { invoiceId: created.id, fileName: 'a.pdf', contentBase64: '' });
    expect(empty.code).toBe('SCAN_EMPTY');
    const mismatch = await refusal('invoices:attachScan', {
      invoiceId: created.id,
      fileName: 'a.pdf',
      contentBase64: tinyPng().toString('base64'),
    });
    expect(mismatch.code).toBe('SCAN_TYPE_UNSUPPORTED');
    expect(mismatch.message).toContain('holds a PNG image');
    expect(scanFiles()).toEqual([]);
  });

  it('stores the same bytes attached to two invoices once, and keeps the file when one invoice is deleted', async () => {
    const first = await createInvoice();
    const second = await createInvoice({ invoiceNumber: '124' });
    const pdf = tinyPdf('Statement March');
    for (const invoice of [first, second]) {
      await value('invoices:attachScan', {
        invoiceId: invoice.id,
        fileName: `scan-${invoice.invoiceNumber}.pdf`,
        contentBase64: pdf.toString('base64'),
      });
    }
    expect(scanFiles()).toEqual([`${sha256(pdf)}.pdf`]);
    await value('invoices:delete', { id: first.id });
    expect(scanFiles()).toEqual([`${sha256(pdf)}.pdf`]);
    const scan = await value<{ fileName: string; contentBase64: string }>('invoices:scan', { invoiceId: second.id });
    expect(scan.fileName).toBe('scan-124.pdf');
    expect(Buffer.from(scan.contentBase64, 'base64').equals(pdf)).toBe(true);
  });

  it('replaces the linked scan when another is attached, keeping both files', async () => {
    const created = await createInvoice();
    await value('invoices:attachScan', {
      invoiceId: created.id,
      fileName: 'a.pdf',
      contentBase64: tinyPdf().toString('base64'),
    });
    const again = await value<Invoice>('invoices:attachScan', {
      invoiceId: created.id,
      fileName: 'C:\\Scans\\better scan.png',
      contentBase64: tinyPng().toString('base64'),
    });
    expect(again.scan).toEqual({ sha256: sha256(tinyPng()), fileName: 'better scan.png', mediaType: 'image/png' });
    expect(scanFiles()).toHaveLength(2);
  });

  it('answers SCAN_NOT_FOUND when no scan is attached or its file is gone, and INVOICE_NOT_FOUND for no invoice', async () => {
    const created = await createInvoice();
    const none = await refusal('invoices:scan', { invoiceId: created.id });
    expect(none).toMatchObject({
      code: 'SCAN_NOT_FOUND',
      message: 'No scan is attached to invoice 123 from McKesson yet.',
    });

    const attached = await value<Invoice>('invoices:attachScan', {
      invoiceId: created.id,
      fileName: 'scan.pdf',
      contentBase64: tinyPdf().toString('base64'),
    });
    rmSync(join(dir(), 'scans', `${attached.scan?.sha256}.pdf`));
    const gone = await refusal('invoices:scan', { invoiceId: created.id });
    expect(gone.code).toBe('SCAN_NOT_FOUND');
    expect(gone.message).toContain('missing from the data folder');

    const noInvoice = await refusal('invoices:attachScan', {
      invoiceId: 99,
      fileName: 'scan.pdf',
      contentBase64: tinyPdf('other').toString('base64'),
    });
    expect(noInvoice.code).toBe('INVOICE_NOT_FOUND');
    expect(scanFiles()).toEqual([]);
    expect((await refusal('invoices:scan', { invoiceId: 99 })).code).toBe('INVOICE_NOT_FOUND');
  });
});
