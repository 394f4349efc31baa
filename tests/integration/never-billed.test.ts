/**
 * The never-billed worklist (issue 12, item 6) on a real SQLite file with the real migrations,
 * seeded through the services as a practice would enter it: the claim-seed practice (Medicare,
 * Examplemab 1 UN vials, Multicaine 10 ML vials), two more invoices of lots, administrations billed
 * or left draft, and stock adjustments. The list is for 2025-03-01.
 *
 *   lot    invoice           bought        expiry      what happened                    listed?
 *   FULL   INV-A 2025-01-10  2 vials       2026-06-30  2 billed                         no: all billed
 *   SHELF  INV-A             10 vials      2025-02-25  7 billed, 1 damaged, 2 left      yes: expired on the shelf
 *   FRESH  INV-A             5 vials       2026-06-30  2 billed, 3 left                 no: usable stock
 *   MC-9   INV-A             1 × 10 ML     2026-06-30  10 ML given, claim still draft   yes: given, not billed
 *   RET    INV-B 2025-02-15  3 vials       2026-08-31  1 billed, 2 returned             yes: returned (no cost)
 *   DMG    INV-B             4 vials       2026-09-30  3 billed, 1 damaged              yes: damaged
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AdministrationInput } from '../../shared/domain/administration';
import type { Invoice, Supplier } from '../../shared/domain/invoice';
import { neverBilledLotSchema, type NeverBilledLot } from '../../shared/domain/stock-loss';
import { neverBilledStock, type NeverBilledFilter } from '../../electron/services/reports/never-billed';
import {
  EXAMPLEMAB,
  MULTICAINE,
  administrationInput,
  billedAdministration,
  seedPractice,
  type Seeded,
} from '../fixtures/claim-seed';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { serviceHarness } from './service-harness';

const { services, value, version: storedVersion } = serviceHarness();
const TODAY = '2025-03-01';

let s: Seeded;
const lot: Record<string, number> = {};
let claims = 0;

/** An invoice of lots, its scan attached (Medicare requires it before a claim is ready). */
async function invoice(
  supplier: Supplier,
  invoiceNumber: string,
  invoiceDate: string,
  lines: { lotNumber: string; ndc?: string; packages: string; expiryDate: string; discount?: string }[],
): Promise<void> {
  const created = await value<Invoice>('invoices:create', {
    supplierId: supplier.id,
    invoiceNumber,
    invoiceDate,
    lines: lines.map((l) => ({
      ndc: l.ndc ?? EXAMPLEMAB.ndc,
      lotNumber: l.lotNumber,
      expiryDate: l.expiryDate,
      packageQuantity: l.packages,
      costPerPackage: l.ndc === MULTICAINE.ndc ? '50.00' : '925.00',
      discount: l.discount ?? '',
    })),
  });
  await value('invoices:attachScan', {
    invoiceId: created.id,
    fileName: `${invoiceNumber}.pdf`,
    contentBase64: tinyPdf(invoiceNumber).toString('base64'),
  });
  created.lines.forEach((l) => (lot[l.lotNumber] = l.id));
}

/** `n` administrations of one Examplemab vial each (70 mg given, 30 mg wasted) from a lot, billed. */
async function billVials(lotNumber: string, n: number, dateOfService: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await billedAdministration(value, s, s.patients[0]!, {
      invoiceLineId: lot[lotNumber],
      dateOfService,
      claimNumber: `CLM-${++claims}`,
    });
  }
}

// 200 mg of Multicaine at 20 mg/mL draws the whole 10 mL vial; the claim stays a draft.
const multicaineDose = (changes: Partial<AdministrationInput> = {}): AdministrationInput =>
  administrationInput(s, s.patients[1]!, {
    invoiceLineId: lot['MC-9'],
    dateOfService: '2025-02-12',
    dose: { amount: '200', unit: 'mg' },
    wastedAmount: '0',
    route: 'IM',
    technique: 'injection',
    infusionStart: '',
    infusionStop: '',
    ...changes,
  });

const adjust = (lotNumber: string, quantity: string, reason: string) =>
  value('stock:adjust', { invoiceLineId: lot[lotNumber], quantity, reason, note: '' });

beforeEach(async () => {
  s = await seedPractice(value);
  const cardinal = await value<Supplier>('suppliers:create', { name: 'Cardinal Health' });
  await invoice(s.supplier, 'INV-A', '2025-01-10', [
    { lotNumber: 'FULL', packages: '2', expiryDate: '2026-06-30' },
    { lotNumber: 'SHELF', packages: '10', expiryDate: '2025-02-25' },
    { lotNumber: 'FRESH', packages: '5', expiryDate: '2026-06-30' },
    { lotNumber: 'MC-9', ndc: MULTICAINE.ndc, packages: '1', expiryDate: '2026-06-30' },
  ]);
  await invoice(cardinal, 'INV-B', '2025-02-15', [
    { lotNumber: 'RET', packages: '3', expiryDate: '2026-08-31', discount: '75.00' },
    { lotNumber: 'DMG', packages: '4', expiryDate: '2026-09-30' },
  ]);
  await billVials('FULL', 2, '2025-02-10');
  await billVials('SHELF', 7, '2025-02-10');
  await adjust('SHELF', '1', 'damaged');
  await billVials('FRESH', 2, '2025-02-10');
  await value('administrations:create', multicaineDose());
  await billVials('RET', 1, '2025-02-20');
  await adjust('RET', '2', 'returned');
  await billVials('DMG', 3, '2025-02-20');
  await adjust('DMG', '1', 'damaged');
});

const report = () => neverBilledStock(services().ctx.db);
const list = (q: Partial<NeverBilledFilter> & { limit?: number; offset?: number } = {}) =>
  report().list({ today: TODAY, limit: 50, offset: 0, ...q });
const lotNumbers = (rows: NeverBilledLot[]): string[] => rows.map((r) => r.lotNumber);
const row = (lotNumber: string): NeverBilledLot => {
  const found = list().rows.find((r) => r.lotNumber === lotNumber);
  if (!found) throw new Error(`lot ${lotNumber} is not listed`);
  return found;
};

describe('never-billed stock', () => {
  it('lists the used-up or expired lots with unbilled stock, latest expiry first, and none other', () => {
    const { rows, total } = list();
    // FULL (all billed) and FRESH (usable stock on hand) are not there.
    expect(lotNumbers(rows)).toEqual(['DMG', 'RET', 'MC-9', 'SHELF']);
    expect(total).toBe(4);
    for (const r of rows) expect(neverBilledLotSchema.parse(r)).toEqual(r);
  });

  it('lists an expired lot with vials on the shelf at what they cost: 3 of 10 $925.00 vials = $2,775.00', () => {
    expect(row('SHELF')).toEqual({
      invoiceLineId: lot.SHELF,
      invoiceId: expect.any(Number),
      invoiceNumber: 'INV-A',
      invoiceDate: '2025-01-10',
      supplierName: 'McKesson',
      ndc11: '50242004062',
      genericName: 'Examplemab',
      brandName: 'Brandix',
      ndcUnit: 'UN',
      lotNumber: 'SHELF',
      expiryDate: '2025-02-25',
      expired: true,
      received: '10 UN',
      billed: '7 UN',
      unbilled: '3 UN',
      administeredNotBilled: '0 UN',
      expiredOnShelf: '2 UN',
      returned: '0 UN',
      damaged: '1 UN',
      expiredWrittenOff: '0 UN',
      corrected: '0 UN',
      unexplained: '0 UN',
      onHand: '2 UN',
      receivedMicro: 10_000_000,
      billedMicro: 7_000_000,
      unbilledMicro: 3_000_000,
      administeredNotBilledMicro: 0,
      expiredOnShelfMicro: 2_000_000,
      returnedMicro: 0,
      damagedMicro: 1_000_000,
      expiredWrittenOffMicro: 0,
      correctedMicro: 0,
      unexplainedMicro: 0,
      onHandMicro: 2_000_000,
      netCost: '9250.00',
      unbilledCost: '2775.00',
    });
  });

  it('lists a used-up lot whose dose is still a draft claim as administered, not billed', () => {
    expect(row('MC-9')).toMatchObject({
      ndcUnit: 'ML',
      expired: false,
      received: '10 ML',
      billed: '0 ML',
      unbilled: '10 ML',
      administeredNotBilled: '10 ML',
      onHand: '0 ML',
      netCost: '50.00',
      unbilledCost: '50.00',
    });
  });

  it('counts a damaged vial of a lot that is not expired: the lot is used up with one vial never billed', () => {
    expect(row('DMG')).toMatchObject({
      expired: false,
      billed: '3 UN',
      unbilled: '1 UN',
      damaged: '1 UN',
      onHand: '0 UN',
      netCost: '3700.00',
      unbilledCost: '925.00',
    });
  });

  it('lists returned vials without costing them, and works from the net cost after the discount', () => {
    expect(row('RET')).toMatchObject({
      supplierName: 'Cardinal Health',
      unbilled: '2 UN',
      returned: '2 UN',
      netCost: '2700.00',
      unbilledCost: '0.00',
    });
  });

  it('keeps a lot while its dose is draft or ready, and drops it once the claim is billed', async () => {
    const draft = services()
      .ctx.db.prepare(`SELECT id FROM administrations WHERE invoice_line_id = ?`)
      .pluck()
      .get(lot['MC-9']) as number;
    await value('administrations:update', {
      id: draft,
      version: storedVersion('administrations', draft),
      administration: multicaineDose({ claimNumber: 'CLM-MC' }),
    });
    await value('administrations:setStatus', { id: draft, status: 'ready' });
    expect(lotNumbers(list().rows)).toContain('MC-9'); // ready is not billed yet
    await value('administrations:setStatus', { id: draft, status: 'billed' });
    expect(lotNumbers(list().rows)).not.toContain('MC-9');
  });

  it('filters on the invoice date, both ends included', () => {
    expect(lotNumbers(list({ from: '2025-02-15' }).rows)).toEqual(['DMG', 'RET']);
    expect(lotNumbers(list({ to: '2025-01-10' }).rows)).toEqual(['MC-9', 'SHELF']);
    expect(list({ from: '2025-01-11', to: '2025-02-14' })).toEqual({ rows: [], total: 0 });
  });

  it('finds lots by lot number, drug or brand name, and NDC as printed or by its digits', () => {
    expect(lotNumbers(list({ search: 'shel' }).rows)).toEqual(['SHELF']);
    expect(lotNumbers(list({ search: 'multicaine' }).rows)).toEqual(['MC-9']);
    expect(lotNumbers(list({ search: 'Brandix' }).rows)).toEqual(['DMG', 'RET', 'SHELF']);
    expect(lotNumbers(list({ search: '12345-678-90' }).rows)).toEqual(['MC-9']);
    expect(lotNumbers(list({ search: '5024200' }).rows)).toEqual(['DMG', 'RET', 'SHELF']);
    expect(list({ search: '%' }).total).toBe(0);
  });

  it('pages in order with the total on every page, past the end too', () => {
    expect(list({ limit: 3, offset: 0 })).toMatchObject({ total: 4 });
    expect(lotNumbers(list({ limit: 3, offset: 0 }).rows)).toEqual(['DMG', 'RET', 'MC-9']);
    const second = list({ limit: 3, offset: 3 });
    expect([lotNumbers(second.rows), second.total]).toEqual([['SHELF'], 4]);
    expect(list({ limit: 3, offset: 9 })).toEqual({ rows: [], total: 4 });
    expect(list({ search: 'shel', limit: 1, offset: 0 }).total).toBe(1);
  });

  it('streams every listed lot in the list order for an export, the same rows as the pages', () => {
    expect([...report().each({ today: TODAY })]).toEqual(list().rows);
    expect(lotNumbers([...report().each({ today: TODAY, from: '2025-02-01', search: 'DMG' })])).toEqual(['DMG']);
  });

  it('lists a lot as expired only from the day after its expiry date', () => {
    expect(list({ today: '2025-02-25' }).rows.map((r) => r.lotNumber)).not.toContain('SHELF');
    expect(list({ today: '2025-02-26' }).rows.find((r) => r.lotNumber === 'SHELF')?.expired).toBe(true);
  });
});
