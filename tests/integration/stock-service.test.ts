/**
 * Stock by lot through the door every front end uses: openServices + dispatch, on a real SQLite
 * file with the real migrations and a fixed clock (today is 2025-03-01). Invoices are written by
 * another area of the app, so suppliers, invoices and lines are seeded here with plain SQL; drugs
 * go in through drugs:create.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Lot } from '../../shared/domain/stock';
import { packagesToMicro } from '../../shared/domain/stock-quantity';
import { runCliIn } from './cli-run';
import { AppError } from '../../electron/services/app-error';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { stockRepository } from '../../electron/services/repositories/stock-repository';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { EXAMPLEMAB } from '../fixtures/claim-seed';
import { ziconotide } from '../fixtures/seed-inputs';

const { services, dir, clock, value, refusal } = serviceHarness();

const count = (table: 'stock_adjustments' | 'audit_log'): number =>
  (services().ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

type Listed = { rows: Lot[]; total: number };
const list = (args: Record<string, unknown> = {}) => value<Listed>('stock:list', args);
const lotNumbers = (lots: { rows: Lot[] } | Lot[]): string[] =>
  ('rows' in lots ? lots.rows : lots).map((l) => l.lotNumber);

const ZICONOTIDE = ziconotide({ packageSize: '2.5' });

/** Invoice lines by lot number, in the order written (their ids are 1…6). */
const lot: Record<string, number> = {};

async function seed(): Promise<void> {
  await value('drugs:create', ZICONOTIDE);
  await value('drugs:create', EXAMPLEMAB);
  const db = services().ctx.db;
  const at = '2025-03-01T08:00:00.000Z';
  const supplier = db.prepare('INSERT INTO suppliers (name, created_at, updated_at) VALUES (?, ?, ?)');
  const invoice = db.prepare(
    'INSERT INTO invoices (supplier_id, invoice_number, invoice_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const line = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity,
       cost_per_package, extended_cents, units_micro) VALUES (?, ?, ?, ?, ?, ?, '100', ?, ?)`,
  );
  const mckesson = Number(supplier.run('McKesson Specialty', at, at).lastInsertRowid);
  const cardinal = Number(supplier.run('Cardinal Health', at, at).lastInsertRowid);
  const inv1 = Number(invoice.run(mckesson, 'INV-1001', '2025-01-15', at, at).lastInsertRowid);
  const inv2 = Number(invoice.run(cardinal, 'INV-2002', '2025-02-10', at, at).lastInsertRowid);
  const lines: [invoiceId: number, ndc11: string, lotNumber: string, expiry: string, packages: string, size: string][] =
    [
      [inv1, '00002759701', 'ZX100', '2026-06-30', '3', '2.5'],
      [inv1, '00002759701', 'ZX090', '2025-04-30', '1', '2.5'],
      [inv1, '00002759701', 'ZX080', '2025-02-28', '2', '2.5'],
      [inv2, '50242004062', 'EMPTY1', '2025-12-31', '4', '1'],
      [inv2, '50242004062', 'B-2025', '2025-03-01', '10', '1'],
      [inv2, '00002759701', 'ZX110', '2026-06-30', '1', '2.5'],
    ];
  lines.forEach(([invoiceId, ndc11, lotNumber, expiry, packages, size], i) => {
    const units = packagesToMicro(packages, size);
    lot[lotNumber] = Number(
      line.run(invoiceId, i + 1, ndc11, lotNumber, expiry, packages, Number(packages) * 100 * 100, units)
        .lastInsertRowid,
    );
  });
  await value('stock:adjust', { invoiceLineId: lot.EMPTY1, quantity: '4', reason: 'returned' });
}

beforeEach(async () => {
  await seed();
});

const ZX100: Lot = {
  invoiceLineId: 1,
  invoiceId: 1,
  ndc11: '00002759701',
  drugName: 'Ziconotide',
  ndcUnit: 'ML',
  lotNumber: 'ZX100',
  expiryDate: '2026-06-30',
  supplierName: 'McKesson Specialty',
  invoiceNumber: 'INV-1001',
  invoiceDate: '2025-01-15',
  receivedDate: '2025-01-15',
  purchased: '7.5',
  used: '0',
  adjusted: '0',
  onHand: '7.5',
  status: 'ok',
  daysToExpiry: 486,
};

describe('stock:list', () => {
  it('shows each lot with drug, invoice and supplier, 3 packages × 2.5 ML = 7.5 ML on hand', async () => {
    const { rows, total } = await list({ search: 'ZX100' });
    expect(total).toBe(1);
    expect(rows).toEqual([ZX100]);
  });

  it('orders by expiry then line, hides empty lots, and gives each its status and days to expiry', async () => {
    const all = await list();
    expect(all.total).toBe(5);
    expect(all.rows.map((l) => [l.lotNumber, l.status, l.daysToExpiry, l.onHand, l.ndcUnit])).toEqual([
      ['ZX080', 'expired', -1, '5', 'ML'],
      ['B-2025', 'expiring', 0, '10', 'UN'],
      ['ZX090', 'expiring', 60, '2.5', 'ML'],
      ['ZX100', 'ok', 486, '7.5', 'ML'],
      ['ZX110', 'ok', 486, '2.5', 'ML'],
    ]);
  });

  it('filters by status with the same rules as the status it shows', async () => {
    const byStatus = {
      expired: await list({ status: 'expired' }),
      expiring: await list({ status: 'expiring' }),
      ok: await list({ status: 'ok' }),
      empty: await list({ status: 'empty' }),
    };
    expect(lotNumbers(byStatus.expired)).toEqual(['ZX080']);
    expect(lotNumbers(byStatus.expiring)).toEqual(['B-2025', 'ZX090']);
    expect(lotNumbers(byStatus.ok)).toEqual(['ZX100', 'ZX110']);
    expect(lotNumbers(byStatus.empty)).toEqual(['EMPTY1']);
    for (const [status, result] of Object.entries(byStatus)) {
      expect(result.total).toBe(result.rows.length);
      expect(result.rows.every((l) => l.status === status)).toBe(true);
    }
    const empty = byStatus.empty.rows[0];
    expect(empty).toMatchObject({ purchased: '4', used: '0', adjusted: '4', onHand: '0', daysToExpiry: 305 });
  });

  it('lists empty lots too when asked, in expiry order', async () => {
    expect(lotNumbers(await list({ includeEmpty: true }))).toEqual([
      'ZX080',
      'B-2025',
      'ZX090',
      'EMPTY1',
      'ZX100',
      'ZX110',
    ]);
  });

  it('counts the last day of the expiring window as expiring, and moves with the window and the date', async () => {
    // 2025-03-01 + 60 days is 2025-04-30, ZX090's expiry.
    expect(lotNumbers(await list({ status: 'expiring', expiringWithinDays: 59 }))).toEqual(['B-2025']);
    expect(lotNumbers(await list({ status: 'expiring', expiringWithinDays: 0 }))).toEqual(['B-2025']);
    expect(lotNumbers(await list({ status: 'ok', expiringWithinDays: 59 }))).toEqual(['ZX090', 'ZX100', 'ZX110']);
    const may = await list({ today: '2025-05-01', expiringWithinDays: 60 });
    expect(may.rows.map((l) => [l.lotNumber, l.status, l.daysToExpiry])).toEqual([
      ['ZX080', 'expired', -62],
      ['B-2025', 'expired', -61],
      ['ZX090', 'expired', -1],
      ['ZX100', 'ok', 425],
      ['ZX110', 'ok', 425],
    ]);
    // A long window reaches next year's lots.
    expect(lotNumbers(await list({ status: 'expiring', expiringWithinDays: 486 }))).toEqual([
      'B-2025',
      'ZX090',
      'ZX100',
      'ZX110',
    ]);
  });

  it('takes "today" from the service clock', async () => {
    clock.set('2025-04-30T23:59:59.000Z');
    const rows = (await list({ search: 'ZX090' })).rows;
    expect(rows.map((l) => [l.status, l.daysToExpiry])).toEqual([['expiring', 0]]);
    clock.set('2025-05-01T00:00:00.000Z');
    expect((await list({ search: 'ZX090' })).rows.map((l) => [l.status, l.daysToExpiry])).toEqual([['expired', -1]]);
  });

  it('searches drug names, NDC digits with or without hyphens, and lot numbers', async () => {
    expect(lotNumbers(await list({ search: 'zicon' }))).toEqual(['ZX080', 'ZX090', 'ZX100', 'ZX110']);
    expect(lotNumbers(await list({ search: 'brandix', includeEmpty: true }))).toEqual(['B-2025', 'EMPTY1']);
    expect(lotNumbers(await list({ search: '0002-7597' }))).toEqual(['ZX080', 'ZX090', 'ZX100', 'ZX110']);
    expect(lotNumbers(await list({ search: '00002759701' }))).toEqual(['ZX080', 'ZX090', 'ZX100', 'ZX110']);
    // A complete 5-3-2 NDC is found by its 11-digit code although it is no substring of it.
    expect(lotNumbers(await list({ search: '50242-040-62' }))).toEqual(['B-2025']);
    expect(lotNumbers(await list({ search: 'zx09' }))).toEqual(['ZX090']);
    expect(lotNumbers(await list({ search: 'B-2025' }))).toEqual(['B-2025']);
    // LIKE wildcards are taken literally.
    expect(await list({ search: '%' })).toEqual({ rows: [], total: 0 });
    expect(await list({ search: 'ZX_00' })).toEqual({ rows: [], total: 0 });
  });

  it('pages with the total of all matches', async () => {
    const page = await list({ limit: 2, offset: 1 });
    expect(lotNumbers(page)).toEqual(['B-2025', 'ZX090']);
    expect(page.total).toBe(5);
    expect(await list({ offset: 10 })).toEqual({ rows: [], total: 5 });
  });

  it('refuses a "today" that is not a real date', async () => {
    const error = await refusal('stock:list', { today: '2025-02-30' });
    expect(error.code).toBe('DATE_INVALID');
    expect(fieldCodes(error)).toEqual([{ field: 'today', code: 'DATE_INVALID' }]);
    expect((await refusal('stock:list', { status: 'gone' })).code).toBe('INVALID_INPUT');
  });

  it('sums many lots with many adjustments each exactly, in one list', async () => {
    const db = services().ctx.db;
    const at = '2025-03-01T09:00:00.000Z';
    const line = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, line_number, ndc11, lot_number, expiry_date, package_quantity,
         cost_per_package, extended_cents, units_micro) VALUES (1, ?, '00002759701', ?, '2027-01-31', '1', '1', 100, 1000000)`,
    );
    const adjustment = db.prepare(
      `INSERT INTO stock_adjustments (invoice_line_id, quantity_micro, reason, at, actor) VALUES (?, ?, 'damaged', ?, 'seed')`,
    );
    db.transaction(() => {
      for (let n = 1; n <= 300; n++) {
        const id = Number(line.run(100 + n, `BULK${String(n).padStart(3, '0')}`).lastInsertRowid);
        // n adjustments of 0.000001 each (n ≤ 300 micro-units out of 1 unit).
        for (let k = 0; k < n; k++) adjustment.run(id, 1, at);
      }
    })();
    const bulk = await list({ search: 'BULK', limit: 1000 });
    expect(bulk.total).toBe(300);
    expect(bulk.rows[0]).toMatchObject({ lotNumber: 'BULK001', adjusted: '0.000001', onHand: '0.999999' });
    expect(bulk.rows[299]).toMatchObject({ lotNumber: 'BULK300', adjusted: '0.0003', onHand: '0.9997' });
    expect(bulk.rows.every((l, i) => l.adjusted === `0.${String(i + 1).padStart(6, '0')}`.replace(/0+$/, ''))).toBe(
      true,
    );
  });
});

describe('stock:adjust', () => {
  it('takes 0.25 ML out of 7.5 ML, leaving exactly 7.25, and audits the lot before and after', async () => {
    clock.set('2025-03-02T10:00:00.000Z');
    const after = await value<Lot>('stock:adjust', {
      invoiceLineId: lot.ZX100,
      quantity: '0.25',
      reason: 'damaged',
      note: '  dropped vial  ',
    });
    expect(after).toEqual({ ...ZX100, adjusted: '0.25', onHand: '7.25', daysToExpiry: 485 });
    expect((await list({ search: 'ZX100' })).rows).toEqual([after]);

    const stored = services()
      .ctx.db.prepare(
        'SELECT invoice_line_id, quantity_micro, reason, note, at, actor FROM stock_adjustments WHERE id = 2',
      )
      .get();
    expect(stored).toEqual({
      invoice_line_id: lot.ZX100,
      quantity_micro: 250_000,
      reason: 'damaged',
      note: 'dropped vial',
      at: '2025-03-02T10:00:00.000Z',
      actor: 'tester',
    });
    const audit = auditLog(services().ctx.db).forEntity('stock_adjustment', 2);
    expect(audit).toEqual([
      {
        id: expect.any(Number) as number,
        at: '2025-03-02T10:00:00.000Z',
        actor: 'tester',
        entity: 'stock_adjustment',
        entityId: '2',
        action: 'create',
        before: { ...ZX100, daysToExpiry: 485 },
        after: after,
      },
    ]);
  });

  it('keeps decimals exact over several adjustments', async () => {
    await value('stock:adjust', { invoiceLineId: lot.ZX100, quantity: '0.1', reason: 'damaged' });
    await value('stock:adjust', { invoiceLineId: lot.ZX100, quantity: '0.2', reason: 'damaged' });
    const after = await value<Lot>('stock:adjust', {
      invoiceLineId: lot.ZX100,
      quantity: '0.333333',
      reason: 'returned',
    });
    expect(after).toMatchObject({ purchased: '7.5', adjusted: '0.633333', onHand: '6.866667' });
  });

  it('refuses to take out more than is on hand, in words, and writes nothing', async () => {
    await value('stock:adjust', { invoiceLineId: lot.ZX080, quantity: '1.5', reason: 'damaged' });
    const adjustments = count('stock_adjustments');
    const auditCount = count('audit_log');
    const error = await refusal('stock:adjust', { invoiceLineId: lot.ZX080, quantity: '5', reason: 'expired' });
    expect(error).toEqual({
      code: 'LOT_INSUFFICIENT',
      message: 'Lot ZX080 has 3.5 ML on hand; 5 ML cannot be taken out.',
      fields: [
        {
          field: 'quantity',
          code: 'LOT_INSUFFICIENT',
          message: 'Lot ZX080 has 3.5 ML on hand; 5 ML cannot be taken out.',
        },
      ],
    });
    expect(count('stock_adjustments')).toBe(adjustments);
    expect(count('audit_log')).toBe(auditCount);
    expect((await list({ search: 'ZX080' })).rows[0]?.onHand).toBe('3.5');
  });

  it('takes out exactly what is left, leaving an empty lot that leaves the default list', async () => {
    const after = await value<Lot>('stock:adjust', { invoiceLineId: lot.ZX080, quantity: '5', reason: 'expired' });
    expect(after).toMatchObject({ lotNumber: 'ZX080', adjusted: '5', onHand: '0', status: 'empty' });
    expect(lotNumbers(await list())).not.toContain('ZX080');
    expect(lotNumbers(await list({ status: 'empty' }))).toEqual(['ZX080', 'EMPTY1']);
    const error = await refusal('stock:adjust', { invoiceLineId: lot.ZX080, quantity: '0.000001', reason: 'damaged' });
    expect(error.message).toBe('Lot ZX080 has 0 ML on hand; 0.000001 ML cannot be taken out.');
  });

  it('puts stock back with a count correction, and only with that reason', async () => {
    await value('stock:adjust', { invoiceLineId: lot.ZX100, quantity: '1', reason: 'damaged' });
    const corrected = await value<Lot>('stock:adjust', {
      invoiceLineId: lot.ZX100,
      quantity: '-0.5',
      reason: 'correction',
      note: 'count found half a vial',
    });
    expect(corrected).toMatchObject({ adjusted: '0.5', onHand: '7' });
    // The empty lot comes back to life with a correction.
    const revived = await value<Lot>('stock:adjust', {
      invoiceLineId: lot.EMPTY1,
      quantity: '-1',
      reason: 'correction',
    });
    expect(revived).toMatchObject({ adjusted: '3', onHand: '1', status: 'ok' });

    const adjustments = count('stock_adjustments');
    const auditCount = count('audit_log');
    for (const reason of ['expired', 'returned', 'damaged']) {
      const error = await refusal('stock:adjust', { invoiceLineId: lot.ZX100, quantity: '-0.5', reason });
      expect(error.code).toBe('ADJUSTMENT_REASON_INVALID');
      expect(fieldCodes(error)).toEqual([{ field: 'reason', code: 'ADJUSTMENT_REASON_INVALID' }]);
    }
    expect(count('stock_adjustments')).toBe(adjustments);
    expect(count('audit_log')).toBe(auditCount);
  });

  it('refuses a zero quantity, a seventh decimal, a missing reason and an unknown lot', async () => {
    const adjustments = count('stock_adjustments');
    for (const quantity of ['0', '0.000000', '-0']) {
      const error = await refusal('stock:adjust', { invoiceLineId: lot.ZX100, quantity, reason: 'correction' });
      expect(fieldCodes(error)).toEqual([{ field: 'quantity', code: 'QUANTITY_ZERO' }]);
    }
    const finer = await refusal('stock:adjust', { invoiceLineId: lot.ZX100, quantity: '0.0000001', reason: 'damaged' });
    expect(fieldCodes(finer)).toEqual([{ field: 'quantity', code: 'INVALID_INPUT' }]);
    expect(finer.message).toBe('Quantity is a number of NDC units, e.g. 2.5.');
    const noReason = await refusal('stock:adjust', { invoiceLineId: lot.ZX100, quantity: '1' });
    expect(noReason.message).toBe('Choose a reason.');
    const missing = await refusal('stock:adjust', { invoiceLineId: 999, quantity: '1', reason: 'damaged' });
    expect(missing.code).toBe('LOT_NOT_FOUND');
    expect(count('stock_adjustments')).toBe(adjustments);
  });

  it('takes stock out of an expired lot (to throw it away)', async () => {
    const after = await value<Lot>('stock:adjust', { invoiceLineId: lot.ZX080, quantity: '2.5', reason: 'expired' });
    expect(after).toMatchObject({ onHand: '2.5', status: 'expired' });
  });
});

describe('stock:suggest', () => {
  const suggest = (ndc: string, dateOfService: string) => value<Lot[]>('stock:suggest', { ndc, dateOfService });

  it('offers lots of the NDC with stock, unexpired on the date, soonest expiry first', async () => {
    const lots = await suggest('0002-7597-01', '2025-03-01');
    expect(lotNumbers(lots)).toEqual(['ZX090', 'ZX100', 'ZX110']);
    expect(lots[1]).toEqual(ZX100);
    // Any printed form of the NDC finds the same lots.
    expect(lotNumbers(await suggest('00002-7597-01', '2025-03-01'))).toEqual(['ZX090', 'ZX100', 'ZX110']);
  });

  it('offers a lot through its expiry date and not the day after', async () => {
    expect(lotNumbers(await suggest('0002-7597-01', '2025-02-28'))).toEqual(['ZX080', 'ZX090', 'ZX100', 'ZX110']);
    expect(lotNumbers(await suggest('0002-7597-01', '2025-04-30'))).toEqual(['ZX090', 'ZX100', 'ZX110']);
    expect(lotNumbers(await suggest('0002-7597-01', '2025-05-01'))).toEqual(['ZX100', 'ZX110']);
    expect(lotNumbers(await suggest('50242-040-62', '2025-03-01'))).toEqual(['B-2025']);
    expect(await suggest('50242-040-62', '2025-03-02')).toEqual([]);
  });

  it('leaves out lots with nothing on hand', async () => {
    await value('stock:adjust', { invoiceLineId: lot.ZX090, quantity: '2.5', reason: 'damaged' });
    expect(lotNumbers(await suggest('0002-7597-01', '2025-03-01'))).toEqual(['ZX100', 'ZX110']);
    // EMPTY1 (returned in full) is never offered.
    expect(lotNumbers(await suggest('50242-040-62', '2025-02-15'))).toEqual(['B-2025']);
  });

  it('answers an empty list for an NDC with no lots or not in the catalog, and refuses a bad date', async () => {
    expect(await suggest('60575-4112-01', '2025-03-01')).toEqual([]);
    expect((await refusal('stock:suggest', { ndc: '0002-7597-01', dateOfService: '2025-02-30' })).code).toBe(
      'DATE_INVALID',
    );
    expect((await refusal('stock:suggest', { ndc: '12', dateOfService: '2025-03-01' })).code).toBe('NDC_INVALID');
  });
});

describe('assertUsable (for administrations)', () => {
  const stock = () => stockRepository(services().ctx.db, auditLog(services().ctx.db));
  const thrown = (f: () => unknown): AppError => {
    try {
      f();
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };

  it('allows a lot on its expiry date for what it holds', () => {
    const usable = stock().assertUsable(lot.ZX080 ?? 0, '2025-02-28', 5_000_000);
    expect(usable).toMatchObject({ lotNumber: 'ZX080', onHandMicro: 5_000_000, usedMicro: 0 });
  });

  it('refuses a lot after its expiry date', () => {
    const error = thrown(() => stock().assertUsable(lot.ZX080 ?? 0, '2025-03-01', 1));
    expect(error.code).toBe('LOT_EXPIRED');
    expect(error.message).toBe('Lot ZX080 expired on 2025-02-28; it cannot be used on 2025-03-01.');
  });

  it('refuses more than is on hand', () => {
    const error = thrown(() => stock().assertUsable(lot.ZX090 ?? 0, '2025-03-01', 2_500_001));
    expect(error.code).toBe('LOT_INSUFFICIENT');
    expect(error.message).toBe('Lot ZX090 has 2.5 ML on hand; 2.500001 ML cannot be taken out.');
    expect(thrown(() => stock().assertUsable(999, '2025-03-01', 1)).code).toBe('LOT_NOT_FOUND');
  });
});

describe('j3490 stock', () => {
  const cli = (...argv: string[]) => runCliIn(dir(), argv);
  // The CLI runs on the real clock: compare with the same list asked for on today's date.
  const realToday = () => new Date().toISOString().slice(0, 10);

  it('prints the lots as JSON, the same as stock:list', async () => {
    const run = await cli('stock');
    expect(run.code).toBe(0);
    expect(run.json).toEqual(await list({ today: realToday() }));
    expect(lotNumbers(run.json as Listed)).toEqual(['ZX080', 'B-2025', 'ZX090', 'ZX100', 'ZX110']);
  });

  it('passes search, status, window and empty lots through', async () => {
    const run = await cli('stock', '--search', 'brandix', '--include-empty', '--days', '30');
    expect(run.code).toBe(0);
    expect(run.json).toEqual(
      await list({ search: 'brandix', includeEmpty: true, expiringWithinDays: 30, today: realToday() }),
    );
    expect(lotNumbers(run.json as Listed)).toEqual(['B-2025', 'EMPTY1']);
    const empty = await cli('stock', '--status', 'empty');
    expect(lotNumbers(empty.json as Listed)).toEqual(['EMPTY1']);
  });

  it('refuses a bad --days or --status with exit 2', async () => {
    const days = await cli('stock', '--days', 'soon');
    expect(days.code).toBe(2);
    expect(days.json).toMatchObject({ ok: false, error: { code: 'ARGUMENT_INVALID' } });
    const status = await cli('stock', '--status', 'fresh');
    expect(status.code).toBe(2);
    expect(status.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
