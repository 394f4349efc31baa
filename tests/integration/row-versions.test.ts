/**
 * Optimistic concurrency (issue 16, item 2): a save names the row version its form was loaded
 * with; a save from a stale form is refused with RECORD_CHANGED and writes nothing, the current
 * version saves and raises it by one. Migration 16's triggers raise the version on every UPDATE of
 * a versioned row, whichever code path makes it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Administration } from '../../shared/domain/administration';
import type { Contract } from '../../shared/domain/contract-terms';
import type { DrugPrice } from '../../shared/domain/drug-price';
import type { Drug } from '../../shared/domain/drug-catalog';
import type { Invoice } from '../../shared/domain/invoice';
import type { Patient } from '../../shared/domain/patient';
import { payerInputSchema, type Payer } from '../../shared/domain/payer';
import type { Provider } from '../../shared/domain/provider';
import type { Reply } from '../../shared/api/reply';
import { administrationCacheColumns, rowVersionTables } from '../../electron/services/db/migrations/0016-row-versions';
import type { VersionedTable } from '../../electron/services/repositories/row-version';
import { administrationInput, EXAMPLEMAB, PRACTICE, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { contractTerms } from '../fixtures/seed-inputs';
import { undoMigration16 } from './migration-12-undo';
import { serviceHarness } from './service-harness';

const { services, call, value, open, version: storedVersion } = serviceHarness();
const db = () => services().ctx.db;

let s: Seeded;
beforeEach(async () => {
  s = await seedPractice(value);
});

const row = (table: VersionedTable, id: number): unknown => db().prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
const auditCount = (): number => (db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const codeOf = (reply: Reply<unknown>): string => (reply.ok ? 'OK' : reply.error.code);

/**
 * Two forms open the record at the same version. The first saves; the second, now stale, is
 * refused with RECORD_CHANGED and writes nothing (row and audit log unchanged); loaded again, it
 * saves, and each save raises the version by one.
 */
async function staleIsRefused(
  table: VersionedTable,
  id: number,
  noun: string,
  save: (version: number, variant: 'theirs' | 'mine') => Promise<Reply<unknown>>,
): Promise<void> {
  const opened = storedVersion(table, id);
  const theirs = await save(opened, 'theirs');
  expect(codeOf(theirs)).toBe('OK');
  expect((theirs as { value: { version: number } }).value.version).toBe(opened + 1);

  const before = row(table, id);
  const audited = auditCount();
  const stale = await save(opened, 'mine');
  expect(codeOf(stale)).toBe('RECORD_CHANGED');
  expect(stale.ok ? '' : stale.error.message).toBe(
    `Someone else changed ${noun} after you opened it. ` +
      'Reload to see their changes, then make yours again (what you typed here is not kept).',
  );
  expect(row(table, id)).toEqual(before);
  expect(auditCount()).toBe(audited);

  const reloaded = await save(opened + 1, 'mine');
  expect(codeOf(reloaded)).toBe('OK');
  expect((reloaded as { value: { version: number } }).value.version).toBe(opened + 2);
  expect(storedVersion(table, id)).toBe(opened + 2);
}

describe('a save from a stale form is refused with RECORD_CHANGED, the current one saves', () => {
  it('patients:update', async () => {
    const p = s.patients[0] as Patient;
    const { id, lastName, dateOfBirth, accountNumber, payerId } = p;
    await staleIsRefused('patients', id, 'this patient', (version, variant) =>
      call('patients:update', { id, version, lastName, firstName: variant, dateOfBirth, accountNumber, payerId }),
    );
  });

  it('administrations:update', async () => {
    const patient = s.patients[0] as Patient;
    const a = await value<Administration>('administrations:create', administrationInput(s, patient));
    await staleIsRefused('administrations', a.id, 'this administration', (version, variant) =>
      call('administrations:update', {
        id: a.id,
        version,
        administration: administrationInput(s, patient, { physicianNotes: `Notes: ${variant}` }),
      }),
    );
  });

  it('administrations:setStatus with a version; without one it moves as before', async () => {
    const patient = s.patients[0] as Patient;
    const a = await value<Administration>('administrations:create', administrationInput(s, patient));
    await value('administrations:update', {
      id: a.id,
      version: a.version,
      administration: administrationInput(s, patient, { claimNumber: 'PCN-1' }),
    });
    const before = row('administrations', a.id);
    expect(codeOf(await call('administrations:setStatus', { id: a.id, status: 'ready', version: a.version }))).toBe(
      'RECORD_CHANGED',
    );
    expect(row('administrations', a.id)).toEqual(before);
    const ready = await value<Administration>('administrations:setStatus', {
      id: a.id,
      status: 'ready',
      version: a.version + 1,
    });
    expect([ready.status, ready.version]).toEqual(['ready', a.version + 2]);
    const billed = await value<Administration>('administrations:setStatus', { id: a.id, status: 'billed' });
    // Billing writes the row more than once (claim lines, frozen estimate): each write raises it.
    expect(billed.status).toBe('billed');
    expect(billed.version).toBeGreaterThan(ready.version);
  });

  it('drugs:update', async () => {
    const drug = await value<Drug>('drugs:get', { ndc: EXAMPLEMAB.ndc });
    await staleIsRefused('drugs', drug.id, 'this drug', (version, variant) =>
      call('drugs:update', { ...EXAMPLEMAB, brandName: `Brandix ${variant}`, id: drug.id, version }),
    );
  });

  it('suppliers:update', async () => {
    await staleIsRefused('suppliers', s.supplier.id, 'this supplier', (version, variant) =>
      call('suppliers:update', { id: s.supplier.id, version, name: `McKesson ${variant}` }),
    );
  });

  it('invoices:update', async () => {
    const inv: Invoice = s.invoice;
    const lines = inv.lines.map((l) => ({
      id: l.id,
      ndc: l.ndc11,
      lotNumber: l.lotNumber,
      expiryDate: l.expiryDate,
      packageQuantity: l.packageQuantity,
      costPerPackage: l.costPerPackage,
    }));
    await staleIsRefused('invoices', inv.id, 'this invoice', (version, variant) =>
      call('invoices:update', {
        id: inv.id,
        version,
        invoice: {
          supplierId: inv.supplierId,
          invoiceNumber: inv.invoiceNumber,
          invoiceDate: inv.invoiceDate,
          notes: variant,
          lines,
        },
      }),
    );
  });

  it('providers:update', async () => {
    const p = await value<Provider>('providers:create', { name: 'Jane Roe', npi: '1234567893', credentials: 'MD' });
    await staleIsRefused('providers', p.id, 'this provider', (version, variant) =>
      call('providers:update', { id: p.id, version, name: `Jane Roe ${variant}`, npi: p.npi, credentials: 'MD' }),
    );
  });

  it('payers:update', async () => {
    const payer = (await value<{ payer: Payer }>('payers:get', { id: s.medicare.id })).payer;
    await staleIsRefused('payers', payer.id, 'this payer', (version, variant) =>
      call('payers:update', { ...payerInputSchema.parse(payer), notes: variant, id: payer.id, version }),
    );
  });

  it('contracts:update', async () => {
    const payer = await value<Payer>('payers:create', { name: 'Acme Health', payerType: 'commercial' });
    const c = await value<Contract>('contracts:create', contractTerms(payer.id));
    await staleIsRefused('contracts', c.id, 'this contract', (version, variant) =>
      call('contracts:update', { id: c.id, version, terms: contractTerms(payer.id, { label: variant }) }),
    );
  });

  it('prices:update', async () => {
    const { prices } = await value<{ prices: DrugPrice[] }>('prices:history', { ndc: EXAMPLEMAB.ndc });
    const price = prices[0] as DrugPrice;
    await staleIsRefused('drug_prices', price.id, 'this price', (version, variant) =>
      call('prices:update', {
        id: price.id,
        version,
        ndc: EXAMPLEMAB.ndc,
        priceType: 'AWP',
        pricePerPackage: variant === 'theirs' ? '121.00' : '122.00',
        effectiveFrom: '2024-01-01',
      }),
    );
  });

  it('practice:set; once settings exist a save without a version is refused too', async () => {
    await staleIsRefused('practice_settings', 1, 'the practice settings', (version, variant) =>
      call('practice:set', { ...PRACTICE, billingContact: `Dana ${variant}`, version }),
    );
    const before = row('practice_settings', 1);
    expect(codeOf(await call('practice:set', { ...PRACTICE, billingContact: 'Nobody loaded this' }))).toBe(
      'RECORD_CHANGED',
    );
    expect(row('practice_settings', 1)).toEqual(before);
  });

  it('a record deleted since the form opened is still not found, not "changed"', async () => {
    const p = s.patients[2] as Patient;
    await value('patients:delete', { id: p.id });
    const { id, lastName, firstName, dateOfBirth, accountNumber } = p;
    const reply = await call('patients:update', {
      id,
      version: p.version,
      lastName,
      firstName,
      dateOfBirth,
      accountNumber,
    });
    expect(codeOf(reply)).toBe('PATIENT_NOT_FOUND');
  });
});

describe('the row version triggers (migration 16)', () => {
  it('raise the version by exactly one on an UPDATE made outside the handlers, in every versioned table', async () => {
    await value('administrations:create', administrationInput(s, s.patients[0] as Patient));
    await value('providers:create', { name: 'Jane Roe', npi: '1234567893', credentials: 'MD' });
    expect(db().pragma('recursive_triggers', { simple: true })).toBe(0);
    for (const table of rowVersionTables) {
      const { id } = db().prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1`).get() as { id: number };
      const before = storedVersion(table, id);
      db().prepare(`UPDATE ${table} SET id = id WHERE id = ?`).run(id);
      expect([table, storedVersion(table, id)]).toEqual([table, before + 1]);
    }
  });

  it('leave an administration’s version alone when only its caches move (checklist flags, out-of-date mark)', async () => {
    const a = await value<Administration>('administrations:create', administrationInput(s, s.patients[0] as Patient));
    db()
      .prepare(`UPDATE administrations SET ready = 1 - ready, missing_json = '[]', estimate_stale = 1 WHERE id = ?`)
      .run(a.id);
    // A read refreshes the checklist cache it finds out of date: still nobody’s change.
    const read = await value<Administration>('administrations:get', { id: a.id });
    expect([read.version, storedVersion('administrations', a.id)]).toEqual([a.version, a.version]);
    const saved = await value<Administration>('administrations:update', {
      id: a.id,
      version: read.version,
      administration: administrationInput(s, s.patients[0] as Patient, { physicianNotes: 'Still mine to save' }),
    });
    expect(saved.version).toBe(a.version + 1);
  });

  it('name every column of administrations in its trigger, apart from the caches', () => {
    const sql = db()
      .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'administrations_row_version'`)
      .pluck()
      .get() as string;
    const named = (/UPDATE OF (.*?) ON administrations/s.exec(sql)?.[1] ?? '').split(',').map((c) => c.trim());
    const columns = db().prepare(`SELECT name FROM pragma_table_info('administrations')`).pluck().all() as string[];
    const cachesAndVersion = [...administrationCacheColumns, 'row_version'];
    expect(named.sort()).toEqual(columns.filter((c) => !cachesAndVersion.includes(c)).sort());
  });

  it('a change by another code path (an estimate recomputed) makes an open form stale', async () => {
    const patient = s.patients[0] as Patient;
    const a = await value<Administration>('administrations:create', administrationInput(s, patient));
    const recomputed = await value<Administration>('administrations:recompute', { id: a.id });
    expect(recomputed.version).toBe(a.version + 1);
    const reply = await call('administrations:update', {
      id: a.id,
      version: a.version,
      administration: administrationInput(s, patient, { physicianNotes: 'From the form opened before' }),
    });
    expect(codeOf(reply)).toBe('RECORD_CHANGED');
  });

  it('start every row of a database from before them at version 1', async () => {
    await value('administrations:create', administrationInput(s, s.patients[0] as Patient));
    await value('providers:create', { name: 'Jane Roe', npi: '1234567893', credentials: 'MD' });
    undoMigration16(db());
    services().close();
    open();
    for (const table of rowVersionTables) {
      const versions = db().prepare(`SELECT DISTINCT row_version AS v FROM ${table}`).all();
      expect([table, versions]).toEqual([table, [{ v: 1 }]]);
    }
    expect((await value<Patient>('patients:get', { id: (s.patients[0] as Patient).id })).version).toBe(1);
  });
});
