/**
 * Corrections after the fact (issue 14, item 6): a price entry is edited under the rules it was
 * created with; an invoice whose lot was already given is corrected in place where that does not
 * contradict what was given (its lines and lots keep their ids), each change audited with its
 * before and after; the drug delete refusal names what uses the drug.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration } from '../../shared/domain/administration';
import type { DrugPrice } from '../../shared/domain/drug-price';
import type { Invoice, InvoiceInput } from '../../shared/domain/invoice';
import { oneLotAdministration, onHandOf, seedOneLot, type OneLot } from '../fixtures/one-lot-seed';
import { examplaVial as exampla } from '../fixtures/seed-inputs';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const { services, clock, value, refusal, auditRows, version: storedVersion } = serviceHarness();
const examplaVial = exampla();

// 10 mL multi-dose vials at 20 mg/mL: 5 packages are 50 ML; 200 mg given draws 10 ML.
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

let seeded: OneLot;
let invoice: Invoice;

beforeEach(async () => {
  seeded = await seedOneLot(value, OLANZAPINE, {
    lotNumber: 'OL-1',
    packageQuantity: '5',
    costPerPackage: '950.00',
    awpPerPackage: '1200.00',
  });
  invoice = await value<Invoice>('invoices:get', { id: (await lotInvoiceId()) ?? 0 });
});

const lotInvoiceId = async () =>
  (
    services().ctx.db.prepare('SELECT invoice_id AS id FROM invoice_lines WHERE id = ?').get(seeded.lot) as {
      id: number;
    }
  ).id;

const give = (dateOfService = '2025-02-20') =>
  value<Administration>(
    'administrations:create',
    oneLotAdministration(seeded, { dateOfService, dose: { amount: '200', unit: 'mg' }, billedCharge: '1500.00' }),
  );

/** The stored invoice as the editor sends it back: every line with its id. */
const asInput = (inv: Invoice, changes: Partial<InvoiceInput> = {}): InvoiceInput => ({
  supplierId: inv.supplierId,
  invoiceNumber: inv.invoiceNumber,
  invoiceDate: inv.invoiceDate,
  receivedDate: inv.receivedDate,
  total: inv.total ?? '',
  adjustment: inv.adjustment,
  notes: inv.notes,
  lines: inv.lines.map((l) => ({
    id: l.id,
    ndc: l.ndc11,
    lotNumber: l.lotNumber,
    expiryDate: l.expiryDate,
    packageQuantity: l.packageQuantity,
    costPerPackage: l.costPerPackage,
    extendedCost: '',
    discount: l.discount,
  })),
  ...changes,
});
const firstLine = (inv: Invoice) => asInput(inv).lines[0]!;
const withLine = (inv: Invoice, changes: Partial<InvoiceInput['lines'][number]>): Partial<InvoiceInput> => ({
  lines: [{ ...firstLine(inv), ...changes }],
});

const staleOf = (id: number): { estimate_stale: number; estimate_json: string; status: string } =>
  services()
    .ctx.db.prepare('SELECT estimate_stale, estimate_json, status FROM administrations WHERE id = ?')
    .get(id) as { estimate_stale: number; estimate_json: string; status: string };

describe('prices:update', () => {
  const awpOf = async (): Promise<DrugPrice> =>
    (await value<{ prices: DrugPrice[] }>('prices:history', { ndc: OLANZAPINE.ndc })).prices[0]!;

  it('corrects a price and its date in place, audited with before and after, and flags open estimates', async () => {
    const before = await awpOf();
    const a = await give();
    clock.advance(60);
    const after = await value<DrugPrice>('prices:update', {
      id: before.id,
      version: storedVersion('drug_prices', before.id),
      ndc: '00002-7597-01',
      priceType: 'AWP',
      pricePerPackage: '1250.50',
      effectiveFrom: '2024-02-01',
    });
    expect(after).toEqual({ ...before, pricePerPackage: '1250.50', effectiveFrom: '2024-02-01', version: 2 });
    expect(await awpOf()).toEqual(after);
    const audit = auditRows('drug_price').at(-1);
    expect(audit).toMatchObject({ action: 'update', entityId: String(before.id), at: '2025-03-01T12:01:00.000Z' });
    expect(audit?.before).toMatchObject({ pricePerPackage: '1200.00', effectiveFrom: '2024-01-01' });
    expect(audit?.after).toMatchObject({ pricePerPackage: '1250.50', effectiveFrom: '2024-02-01' });
    expect(staleOf(a.id).estimate_stale).toBe(1);
  });

  it('refuses what create refuses, next to the field, and changes nothing', async () => {
    const first = await awpOf();
    await value('prices:create', {
      ndc: OLANZAPINE.ndc,
      priceType: 'AWP',
      pricePerPackage: '1300.00',
      effectiveFrom: '2025-01-01',
    });
    const edit = {
      id: first.id,
      version: first.version,
      ndc: OLANZAPINE.ndc,
      priceType: 'AWP',
      pricePerPackage: '1200.00',
    };
    const audited = auditRows('drug_price').length;

    const duplicate = await refusal('prices:update', { ...edit, effectiveFrom: '2025-01-01' });
    expect(duplicate.code).toBe('PRICE_DUPLICATE');
    expect(fieldCodes(duplicate)).toEqual([{ field: 'effectiveFrom', code: 'PRICE_DUPLICATE' }]);
    expect(duplicate.message).toBe('There is already an AWP for this NDC from 2025-01-01.');

    const bad = await refusal('prices:update', { ...edit, pricePerPackage: '-5', effectiveFrom: '2024-01-01' });
    expect(fieldCodes(bad)).toEqual([{ field: 'pricePerPackage', code: 'AMOUNT_INVALID' }]);

    await value('drugs:create', examplaVial);
    const moved = await refusal('prices:update', { ...edit, ndc: examplaVial.ndc, effectiveFrom: '2024-01-01' });
    expect(fieldCodes(moved)).toEqual([{ field: 'ndc', code: 'PRICE_NDC_FIXED' }]);
    expect(
      (
        await refusal('prices:update', {
          ...edit,
          id: 999,
          version: storedVersion('drug_prices', 999),
          effectiveFrom: '2024-01-01',
        })
      ).code,
    ).toBe('PRICE_NOT_FOUND');

    expect((await value<{ prices: DrugPrice[] }>('prices:history', { ndc: OLANZAPINE.ndc })).prices[1]).toEqual({
      ...first,
      effectiveTo: '2024-12-31',
    });
    expect(auditRows('drug_price')).toHaveLength(audited);
    // Saving the entry with its own date is not a duplicate of itself.
    expect(await value<DrugPrice>('prices:update', { ...edit, effectiveFrom: '2024-01-01' })).toMatchObject({
      id: first.id,
      version: storedVersion('drug_prices', first.id),
      pricePerPackage: '1200.00',
    });
  });
});

describe('correcting an invoice whose lot was given', () => {
  it('takes a new cost, expiry, lot number, number and notes in place: the lot keeps its id', async () => {
    const a = await give();
    const billed = await give('2025-02-21');
    services().ctx.db.prepare("UPDATE administrations SET status = 'billed' WHERE id = ?").run(billed.id);
    const billedBefore = staleOf(billed.id);
    const lineId = invoice.lines[0]!.id;
    clock.advance(60);

    const corrected = await value<Invoice>('invoices:update', {
      id: invoice.id,
      version: storedVersion('invoices', invoice.id),
      invoice: asInput(invoice, {
        invoiceNumber: 'INV-OL-1A',
        notes: 'Cost corrected from the statement',
        ...withLine(invoice, { lotNumber: 'OL-1A', expiryDate: '2026-09-30', costPerPackage: '900.00' }),
      }),
    });
    expect(corrected.lines.map((l) => [l.id, l.lotNumber, l.expiryDate, l.netCostPerPackage, l.onHand])).toEqual([
      [lineId, 'OL-1A', '2026-09-30', '900', '30'],
    ]);
    expect(corrected).toMatchObject({ invoiceNumber: 'INV-OL-1A', inUse: true });
    expect(await onHandOf(value, lineId)).toBe('30');

    const given = await value<Administration>('administrations:get', { id: a.id });
    expect([given.invoiceLineId, given.lotNumber]).toEqual([lineId, 'OL-1A']);
    // The open estimate is marked to be looked at again; the billed one keeps what it said.
    expect(given.estimateStale).toBe(true);
    expect(staleOf(billed.id)).toEqual(billedBefore);

    const audit = auditRows('invoice').at(-1);
    expect(audit?.action).toBe('update');
    const lineOf = (snap: Record<string, unknown> | null | undefined) =>
      (snap?.lines as Record<string, unknown>[] | undefined)?.[0];
    expect(lineOf(audit?.before)).toMatchObject({ id: lineId, lotNumber: 'OL-1', costPerPackage: '950.00' });
    expect(lineOf(audit?.after)).toMatchObject({ id: lineId, lotNumber: 'OL-1A', costPerPackage: '900.00' });
    expect(lineOf(audit?.after)).not.toHaveProperty('inUse');
  });

  it('refuses what would contradict what was given, each next to its field, and writes nothing', async () => {
    await give();
    invoice = await value<Invoice>('invoices:get', { id: invoice.id });
    await value('drugs:create', examplaVial);
    const audited = auditRows('invoice').length;
    const update = (changes: Partial<InvoiceInput>) =>
      refusal('invoices:update', {
        id: invoice.id,
        version: storedVersion('invoices', invoice.id),
        invoice: asInput(invoice, changes),
      });

    const fewer = await update(withLine(invoice, { packageQuantity: '0.5' }));
    expect(fieldCodes(fewer)).toEqual([{ field: 'lines.0.packageQuantity', code: 'QUANTITY_BELOW_USED' }]);
    expect(fewer.message).toBe('Line 1: at least 1 package; 10 ML of lot OL-1 were already used.');
    expect(fieldCodes(await update(withLine(invoice, { ndc: examplaVial.ndc })))).toEqual([
      { field: 'lines.0.ndc', code: 'LOT_NDC_IN_USE' },
    ]);
    expect(fieldCodes(await update(withLine(invoice, { expiryDate: '2025-02-19' })))).toEqual([
      { field: 'lines.0.expiryDate', code: 'LOT_EXPIRY_BEFORE_USE' },
    ]);
    expect(fieldCodes(await update({ invoiceDate: '2025-02-21' }))).toEqual([
      { field: 'invoiceDate', code: 'LOT_NOT_YET_RECEIVED' },
    ]);
    expect(fieldCodes(await update({ receivedDate: '2025-02-21' }))).toEqual([
      { field: 'receivedDate', code: 'LOT_NOT_YET_RECEIVED' },
    ]);
    // Dropping the given line (a line sent without its id is a new lot, so the old one would go).
    const { id: _id, ...asNew } = firstLine(invoice);
    const removed = await update({ lines: [asNew] });
    expect(fieldCodes(removed)).toEqual([{ field: 'lines', code: 'LOT_IN_USE' }]);
    expect(removed.message).toContain('Lot OL-1 (line 1) has 1 administration, so it cannot be removed');

    const both = await update(withLine(invoice, { packageQuantity: '0.5', expiryDate: '2025-01-31' }));
    expect(both.code).toBe('INVALID_INPUT');
    expect(both.message).toMatch(/^2 fields need attention/);

    expect(await value<Invoice>('invoices:get', { id: invoice.id })).toEqual(invoice);
    expect(auditRows('invoice')).toHaveLength(audited);
    expect((await refusal('invoices:delete', { id: invoice.id })).code).toBe('INVOICE_IN_USE');
  });

  it('lowering to exactly what was given passes; unused lines are added, moved and removed freely', async () => {
    await give();
    const lineId = invoice.lines[0]!.id;
    const withSpare = await value<Invoice>('invoices:update', {
      id: invoice.id,
      version: storedVersion('invoices', invoice.id),
      invoice: asInput(invoice, {
        lines: [
          {
            ndc: OLANZAPINE.ndc,
            lotNumber: 'OL-2',
            expiryDate: '2026-12-31',
            packageQuantity: '1',
            costPerPackage: '940.00',
          },
          { ...firstLine(invoice), packageQuantity: '1' },
        ],
      }),
    });
    expect(withSpare.lines.map((l) => [l.lineNumber, l.lotNumber, l.onHand, l.inUse])).toEqual([
      [1, 'OL-2', '10', false],
      [2, 'OL-1', '0', true],
    ]);
    expect(withSpare.lines[1]?.id).toBe(lineId);

    const spareRemoved = await value<Invoice>('invoices:update', {
      id: invoice.id,
      version: storedVersion('invoices', invoice.id),
      invoice: asInput(withSpare, { lines: [asInput(withSpare).lines[1]!] }),
    });
    expect(spareRemoved.lines.map((l) => [l.id, l.lineNumber, l.lotNumber])).toEqual([[lineId, 1, 'OL-1']]);
  });

  it('a line id from another invoice is refused', async () => {
    const other = await value<Invoice>('invoices:create', {
      ...asInput(invoice, { invoiceNumber: 'OTHER' }),
      lines: [{ ...firstLine(invoice), id: undefined }],
    });
    const error = await refusal('invoices:update', {
      id: invoice.id,
      version: storedVersion('invoices', invoice.id),
      invoice: asInput(invoice, { lines: [...asInput(invoice).lines, asInput(other).lines[0]!] }),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'lines.1.ndc', code: 'LINE_NOT_ON_INVOICE' }]);
  });
});

describe('deleting a drug that is in use', () => {
  it('says what uses it, with how many of each', async () => {
    await give();
    await value('prices:create', {
      ndc: OLANZAPINE.ndc,
      priceType: 'WAC',
      pricePerPackage: '1000.00',
      effectiveFrom: '2024-01-01',
    });
    const drug = await value<{ id: number }>('drugs:get', { ndc: OLANZAPINE.ndc });
    const error = await refusal('drugs:delete', { id: drug.id });
    expect(error.code).toBe('DRUG_IN_USE');
    expect(error.message).toBe(
      'Olanzapine is used by 1 invoice line, 1 administration, 2 AWP/WAC prices and cannot be deleted; the purchase records keep it.',
    );
  });
});
