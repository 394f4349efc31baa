/**
 * Payers, their requirements profile and contract versions through the same door every front end
 * uses: openServices + dispatch(handlers, channel, args). The database is only read back to prove
 * what was (or was not) written, and to seed fee schedule rows, whose import is built elsewhere.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/domain/contract-terms';
import type { Payer, PayerInput } from '../../shared/domain/payer';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { contractTerms } from '../fixtures/seed-inputs';

const { services, clock, value, refusal, auditRows: auditTrail, version: storedVersion } = serviceHarness();

const count = (table: 'payers' | 'contracts' | 'fee_schedule_entries' | 'audit_log'): number =>
  (services().ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The audit rows without their entity column (each test names the entity it asks for). */
const auditRows = (entity: string) => auditTrail(entity).map(({ entity: _, ...row }) => row);

const payerInput = (changes: Partial<PayerInput> = {}): PayerInput => ({
  name: 'Aetna',
  payerType: 'commercial',
  ...changes,
});

const terms = contractTerms;

type FromTemplate = { payer: Payer; contract: Contract };
type Listed = Payer & { contractCount: number };

describe('payers:create', () => {
  it('stores a payer typed by hand with the profile defaults, stamped with the clock', async () => {
    const created = await value<Payer>('payers:create', payerInput({ name: '  Aetna  ', payerCode: ' 60054 ' }));
    expect(created).toEqual({
      id: 1,
      version: 1,
      name: 'Aetna',
      payerType: 'commercial',
      payerCode: '60054',
      requiresInvoice: false,
      nocUnitsMode: 'one-per-line',
      nocUnitsPerAmount: '',
      nocUnitsPerUnit: 'mg',
      ndcUnits: ['UN', 'ML', 'GR', 'F2', 'ME'],
      jwJzPolicy: 'cms',
      narrativeLocation: 'sv101-7',
      timelyFilingDays: null,
      notes: '',
      contacts: '',
      profileConfirmedAt: null,
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(await value('payers:get', { id: created.id })).toEqual({ payer: created, contracts: [] });
  });

  it('keeps a per-quantity unit definition and the accepted NDC units', async () => {
    const created = await value<Payer>(
      'payers:create',
      payerInput({
        name: 'NC Medicaid',
        payerType: 'medicaid',
        nocUnitsMode: 'per-quantity',
        nocUnitsPerAmount: '1',
        nocUnitsPerUnit: 'mg',
        ndcUnits: ['UN', 'ML', 'GR', 'F2'],
        jwJzPolicy: 'jw-only',
        narrativeLocation: 'nte',
        timelyFilingDays: 365,
      }),
    );
    expect(created).toMatchObject({
      nocUnitsMode: 'per-quantity',
      nocUnitsPerAmount: '1',
      nocUnitsPerUnit: 'mg',
      ndcUnits: ['UN', 'ML', 'GR', 'F2'],
      jwJzPolicy: 'jw-only',
      narrativeLocation: 'nte',
      timelyFilingDays: 365,
    });
    expect(services().ctx.db.prepare('SELECT ndc_units, noc_units_per_amount FROM payers').get()).toEqual({
      ndc_units: 'UN,ML,GR,F2',
      noc_units_per_amount: '1',
    });
  });

  it('requires a name and a payer type, each on its field', async () => {
    const error = await refusal('payers:create', { name: '   ' });
    expect(fieldCodes(error)).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'INVALID_INPUT' },
        { field: 'payerType', code: 'INVALID_INPUT' },
      ]),
    );
    expect(error.fields?.find((f) => f.field === 'name')?.message).toBe('Payer name is required.');
    expect(count('payers')).toBe(0);
  });

  it('refuses a duplicate name, in any case, with PAYER_NAME_TAKEN on field name', async () => {
    await value<Payer>('payers:create', payerInput());
    for (const name of ['Aetna', 'AETNA', ' aetna ']) {
      const error = await refusal('payers:create', payerInput({ name, payerType: 'medicaid' }));
      expect(error.code).toBe('PAYER_NAME_TAKEN');
      expect(fieldCodes(error)).toEqual([{ field: 'name', code: 'PAYER_NAME_TAKEN' }]);
      expect(error.message).toContain('Aetna');
    }
    expect(count('payers')).toBe(1);
    expect(auditRows('payer')).toHaveLength(1);
  });

  it('refuses timely filing of 0 days (and more than 10 years, and fractions)', async () => {
    for (const timelyFilingDays of [0, -30, 3651, 90.5]) {
      const error = await refusal('payers:create', payerInput({ timelyFilingDays }));
      expect(fieldCodes(error)).toEqual([{ field: 'timelyFilingDays', code: 'INVALID_INPUT' }]);
    }
    expect((await refusal('payers:create', payerInput({ timelyFilingDays: 0 }))).message).toBe(
      'Timely filing is at least 1 day.',
    );
    expect(count('payers')).toBe(0);
  });

  it('refuses per-quantity units without the amount one unit stands for', async () => {
    for (const nocUnitsPerAmount of [undefined, '', '0', 'one']) {
      const error = await refusal(
        'payers:create',
        payerInput({ nocUnitsMode: 'per-quantity', ...(nocUnitsPerAmount === undefined ? {} : { nocUnitsPerAmount }) }),
      );
      expect(fieldCodes(error)).toEqual([{ field: 'nocUnitsPerAmount', code: 'NUMBER_INVALID' }]);
    }
    expect(count('payers')).toBe(0);
  });

  it('refuses an empty list of accepted NDC units and an unknown unit', async () => {
    expect(fieldCodes(await refusal('payers:create', payerInput({ ndcUnits: [] })))).toEqual([
      { field: 'ndcUnits', code: 'INVALID_INPUT' },
    ]);
    expect(fieldCodes(await refusal('payers:create', { ...payerInput(), ndcUnits: ['ML', 'XX'] }))).toEqual([
      { field: 'ndcUnits.1', code: 'INVALID_INPUT' },
    ]);
    expect(count('payers')).toBe(0);
  });
});

describe('payers:templates and payers:createFromTemplate', () => {
  it('lists the Medicare Part B template with its three documented alternatives', async () => {
    const templates = await value<
      { key: string; label: string; alternatives: { key: string; basis: string; percent: string }[] }[]
    >('payers:templates', {});
    expect(templates.map((t) => [t.key, t.label])).toEqual([['medicare-part-b', 'Medicare Part B']]);
    expect(templates[0]?.alternatives.map((a) => [a.key, a.basis, a.percent])).toEqual([
      ['awp95', 'AWP', '95'],
      ['asp', 'ASP', '100'],
      ['wac103', 'WAC', '103'],
    ]);
  });

  it('creates Medicare Part B: invoice required, 95% of AWP from 2005-01-01, 20% coinsurance, lesser of billed, sequestration', async () => {
    const { payer, contract } = await value<FromTemplate>('payers:createFromTemplate', { template: 'medicare-part-b' });
    expect(payer).toMatchObject({
      name: 'Medicare Part B',
      payerType: 'medicare-part-b',
      requiresInvoice: true,
      nocUnitsMode: 'one-per-line',
      ndcUnits: ['UN', 'ML', 'GR', 'F2', 'ME'],
      jwJzPolicy: 'cms',
      narrativeLocation: 'sv101-7',
      timelyFilingDays: 365,
      profileConfirmedAt: null,
    });
    expect(contract).toEqual({
      id: 1,
      version: 1,
      payerId: payer.id,
      label: '95% of AWP',
      scopeKind: 'all',
      scopeValue: '',
      effectiveFrom: '2005-01-01',
      effectiveTo: null,
      basis: 'AWP',
      percent: '95',
      addOn: '0',
      feeScheduleRate: '',
      feeSchedulePerAmount: '',
      feeSchedulePerUnit: 'mg',
      lesserOfBilled: true,
      coinsurancePercent: '20',
      sequestration: 'medicare',
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(await value('payers:get', { id: payer.id })).toEqual({ payer, contracts: [contract] });
  });

  it('each alternative sets the basis and percent: asp → ASP 100, wac103 → WAC 103', async () => {
    const asp = await value<FromTemplate>('payers:createFromTemplate', {
      template: 'medicare-part-b',
      alternative: 'asp',
      name: 'Noridian JF',
    });
    const wac = await value<FromTemplate>('payers:createFromTemplate', {
      template: 'medicare-part-b',
      alternative: 'wac103',
      name: 'Palmetto JM',
      effectiveFrom: '2019-01-01',
    });
    expect(asp.payer.name).toBe('Noridian JF');
    expect(asp.contract).toMatchObject({
      label: 'CMS payment limit (ASP + 6%)',
      basis: 'ASP',
      percent: '100',
      effectiveFrom: '2005-01-01',
      coinsurancePercent: '20',
      lesserOfBilled: true,
      sequestration: 'medicare',
    });
    expect(wac.contract).toMatchObject({
      label: 'WAC + 3%',
      basis: 'WAC',
      percent: '103',
      effectiveFrom: '2019-01-01',
    });
    expect(count('payers')).toBe(2);
    expect(count('contracts')).toBe(2);
  });

  it('an unknown template is TEMPLATE_UNKNOWN and writes nothing', async () => {
    const error = await refusal('payers:createFromTemplate', { template: 'medicare-part-d' });
    expect(error.code).toBe('TEMPLATE_UNKNOWN');
    expect(error.message).toContain('medicare-part-d');
    expect([count('payers'), count('contracts'), count('audit_log')]).toEqual([0, 0, 0]);
  });

  it('an unknown alternative is TEMPLATE_ALTERNATIVE_UNKNOWN and writes nothing', async () => {
    const error = await refusal('payers:createFromTemplate', { template: 'medicare-part-b', alternative: 'awp85' });
    expect(error.code).toBe('TEMPLATE_ALTERNATIVE_UNKNOWN');
    expect(error.message).toContain('awp85');
    expect([count('payers'), count('contracts'), count('audit_log')]).toEqual([0, 0, 0]);
  });

  it('a template whose name is taken is PAYER_NAME_TAKEN and adds neither payer nor contract', async () => {
    await value<FromTemplate>('payers:createFromTemplate', { template: 'medicare-part-b' });
    const error = await refusal('payers:createFromTemplate', { template: 'medicare-part-b', alternative: 'asp' });
    expect(error.code).toBe('PAYER_NAME_TAKEN');
    expect([count('payers'), count('contracts')]).toEqual([1, 1]);
  });

  it('a bad effective date is refused on effectiveFrom before anything is written', async () => {
    const error = await refusal('payers:createFromTemplate', {
      template: 'medicare-part-b',
      effectiveFrom: '2025-02-30',
    });
    expect(fieldCodes(error)).toEqual([{ field: 'effectiveFrom', code: 'DATE_INVALID' }]);
    expect(count('payers')).toBe(0);
  });

  it('audits the payer and its first contract version', async () => {
    const { payer, contract } = await value<FromTemplate>('payers:createFromTemplate', { template: 'medicare-part-b' });
    expect(auditRows('payer')).toEqual([
      {
        at: '2025-03-01T12:00:00.000Z',
        actor: 'tester',
        entityId: String(payer.id),
        action: 'create',
        before: null,
        after: payer,
      },
    ]);
    expect(auditRows('contract')).toEqual([
      {
        at: '2025-03-01T12:00:00.000Z',
        actor: 'tester',
        entityId: String(contract.id),
        action: 'create',
        before: null,
        after: contract,
      },
    ]);
  });
});

describe('payers:update, payers:confirmProfile, payers:delete', () => {
  let aetna: Payer;
  beforeEach(async () => {
    aetna = await value<Payer>('payers:create', payerInput({ nocUnitsMode: 'per-quantity', nocUnitsPerAmount: '10' }));
  });

  it('updates every field and stamps updatedAt, keeping createdAt', async () => {
    const at = clock.advance(3600);
    const updated = await value<Payer>('payers:update', {
      id: aetna.id,
      version: storedVersion('payers', aetna.id),
      name: 'Aetna Better Health',
      payerType: 'medicare-advantage',
      payerCode: '128KY',
      requiresInvoice: true,
      nocUnitsMode: 'one-per-line',
      ndcUnits: ['ML'],
      jwJzPolicy: 'none',
      narrativeLocation: 'box19',
      timelyFilingDays: 180,
      notes: 'Fax invoices to 555-0100.',
      contacts: 'Provider line 1-800-555-0199',
    });
    expect(updated).toEqual({
      ...aetna,
      version: aetna.version + 1,
      name: 'Aetna Better Health',
      payerType: 'medicare-advantage',
      payerCode: '128KY',
      requiresInvoice: true,
      nocUnitsMode: 'one-per-line',
      // Leaving per-quantity drops the unit definition.
      nocUnitsPerAmount: '',
      nocUnitsPerUnit: 'mg',
      ndcUnits: ['ML'],
      jwJzPolicy: 'none',
      narrativeLocation: 'box19',
      timelyFilingDays: 180,
      notes: 'Fax invoices to 555-0100.',
      contacts: 'Provider line 1-800-555-0199',
      updatedAt: at,
    });
    expect((await value<{ payer: Payer }>('payers:get', { id: aetna.id })).payer).toEqual(updated);
  });

  it('lets a payer keep its own name (even re-cased) but not take another’s', async () => {
    const other = await value<Payer>('payers:create', payerInput({ name: 'Cigna' }));
    expect(
      (
        await value<Payer>('payers:update', {
          ...payerInput({ name: 'AETNA' }),
          id: aetna.id,
          version: storedVersion('payers', aetna.id),
        })
      ).name,
    ).toBe('AETNA');
    const error = await refusal('payers:update', {
      ...payerInput({ name: 'aetna' }),
      id: other.id,
      version: storedVersion('payers', other.id),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'name', code: 'PAYER_NAME_TAKEN' }]);
    expect((await value<{ payer: Payer }>('payers:get', { id: other.id })).payer.name).toBe('Cigna');
  });

  it('a refused update (validation) leaves the payer unchanged', async () => {
    const error = await refusal('payers:update', {
      ...payerInput({ timelyFilingDays: 0 }),
      id: aetna.id,
      version: storedVersion('payers', aetna.id),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'timelyFilingDays', code: 'INVALID_INPUT' }]);
    expect((await value<{ payer: Payer }>('payers:get', { id: aetna.id })).payer).toEqual(aetna);
  });

  it('confirmProfile sets profileConfirmedAt (and updatedAt) from the clock', async () => {
    const at = clock.advance(86_400);
    const confirmed = await value<Payer>('payers:confirmProfile', { id: aetna.id });
    expect(confirmed).toEqual({ ...aetna, profileConfirmedAt: at, updatedAt: at, version: aetna.version + 1 });
    expect(at).toBe('2025-03-02T12:00:00.000Z');
    // Confirming again moves the date forward.
    const later = clock.advance(60);
    expect((await value<Payer>('payers:confirmProfile', { id: aetna.id })).profileConfirmedAt).toBe(later);
  });

  it('payers:get finds a payer by name, in any case', async () => {
    expect(await value('payers:get', { name: 'AETNA' })).toEqual({ payer: aetna, contracts: [] });
    expect((await refusal('payers:get', { name: 'Nobody' })).code).toBe('PAYER_NOT_FOUND');
  });

  it('an unknown id is PAYER_NOT_FOUND for get, update, confirm and delete', async () => {
    for (const [channel, args] of [
      ['payers:get', { id: 999 }],
      ['payers:update', { ...payerInput({ name: 'Nobody' }), id: 999, version: storedVersion('payers', 999) }],
      ['payers:confirmProfile', { id: 999 }],
      ['payers:delete', { id: 999 }],
      ['feeSchedule:list', { payerId: 999 }],
    ] as const) {
      const error = await refusal(channel, args);
      expect(error.code).toBe('PAYER_NOT_FOUND');
    }
    expect(auditRows('payer')).toHaveLength(1);
  });

  it('delete removes the payer with its contract versions and its fee schedule rows', async () => {
    const cigna = await value<Payer>('payers:create', payerInput({ name: 'Cigna' }));
    await value<Contract>('contracts:create', terms(aetna.id, { effectiveTo: '2024-12-31' }));
    await value<Contract>(
      'contracts:create',
      terms(aetna.id, { effectiveFrom: '2025-01-01', basis: 'WAC', percent: '108' }),
    );
    const cignaContract = await value<Contract>('contracts:create', terms(cigna.id));
    const seedFee = services().ctx.db.prepare(
      `INSERT INTO fee_schedule_entries (payer_id, code_kind, code, rate, per_amount, per_unit, effective_from)
       VALUES (?, 'hcpcs', 'J3490', '6.09', '1', 'mg', '2024-01-01')`,
    );
    seedFee.run(aetna.id);
    seedFee.run(aetna.id);
    seedFee.run(cigna.id);
    expect([count('contracts'), count('fee_schedule_entries')]).toEqual([3, 3]);

    const deleted = await value<Payer>('payers:delete', { id: aetna.id });
    expect(deleted).toEqual(aetna);
    expect((await refusal('payers:get', { id: aetna.id })).code).toBe('PAYER_NOT_FOUND');
    expect(services().ctx.db.prepare('SELECT id FROM contracts').all()).toEqual([{ id: cignaContract.id }]);
    expect(services().ctx.db.prepare('SELECT payer_id AS payerId FROM fee_schedule_entries').all()).toEqual([
      { payerId: cigna.id },
    ]);
    expect((await value<Listed[]>('payers:list', {})).map((p) => p.name)).toEqual(['Cigna']);
  });

  it('writes one audit row per change: create, update, confirm, delete', async () => {
    const updateAt = clock.advance(60);
    const updated = await value<Payer>('payers:update', {
      ...payerInput({ payerCode: '60054' }),
      id: aetna.id,
      version: storedVersion('payers', aetna.id),
    });
    const confirmAt = clock.advance(60);
    const confirmed = await value<Payer>('payers:confirmProfile', { id: aetna.id });
    const deleteAt = clock.advance(60);
    await value<Payer>('payers:delete', { id: aetna.id });
    const id = String(aetna.id);
    expect(auditRows('payer')).toEqual([
      { at: '2025-03-01T12:00:00.000Z', actor: 'tester', entityId: id, action: 'create', before: null, after: aetna },
      { at: updateAt, actor: 'tester', entityId: id, action: 'update', before: aetna, after: updated },
      { at: confirmAt, actor: 'tester', entityId: id, action: 'update', before: updated, after: confirmed },
      { at: deleteAt, actor: 'tester', entityId: id, action: 'delete', before: confirmed, after: null },
    ]);
  });
});

describe('payers:list', () => {
  it('lists payers by name, case-insensitively, with how many contract versions each has', async () => {
    const medicare = await value<FromTemplate>('payers:createFromTemplate', { template: 'medicare-part-b' });
    const aetna = await value<Payer>('payers:create', payerInput({ name: 'aetna' }));
    const bcbs = await value<Payer>('payers:create', payerInput({ name: 'BCBS' }));
    await value<Contract>(
      'contracts:create',
      terms(aetna.id, { effectiveTo: '2024-06-30', basis: 'WAC', percent: '103' }),
    );
    await value<Contract>('contracts:create', terms(aetna.id, { effectiveFrom: '2024-07-01' }));
    await value<Contract>('contracts:create', terms(aetna.id, { scopeKind: 'ndc', scopeValue: '50242-040-62' }));

    const listed = await value<Listed[]>('payers:list', {});
    expect(listed.map((p) => [p.name, p.contractCount])).toEqual([
      ['aetna', 3],
      ['BCBS', 0],
      ['Medicare Part B', 1],
    ]);
    expect(listed[1]).toEqual({ ...bcbs, contractCount: 0 });
    expect(listed[2]).toEqual({ ...medicare.payer, contractCount: 1 });
  });

  it('is empty before any payer exists', async () => {
    expect(await value('payers:list', {})).toEqual([]);
  });
});

describe('feeSchedule:list', () => {
  it('lists a payer’s seeded rows by code, searchable by a hyphenated NDC', async () => {
    const aetna = await value<Payer>('payers:create', payerInput());
    const insert = services().ctx.db.prepare(
      `INSERT INTO fee_schedule_entries (payer_id, code_kind, code, rate, per_amount, per_unit, effective_from, effective_to)
       VALUES (?, ?, ?, ?, '1', 'mg', ?, ?)`,
    );
    insert.run(aetna.id, 'hcpcs', 'J3490', '6.09', '2024-01-01', null);
    insert.run(aetna.id, 'ndc', '50242004062', '5.50', '2024-01-01', '2024-12-31');
    insert.run(aetna.id, 'ndc', '50242004062', '5.75', '2025-01-01', null);

    const all = await value<{ rows: { code: string; rate: string; effectiveTo: string | null }[]; total: number }>(
      'feeSchedule:list',
      { payerId: aetna.id },
    );
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.code, r.rate, r.effectiveTo])).toEqual([
      ['50242004062', '5.75', null],
      ['50242004062', '5.50', '2024-12-31'],
      ['J3490', '6.09', null],
    ]);
    const searched = await value<{ rows: { rate: string }[]; total: number }>('feeSchedule:list', {
      payerId: aetna.id,
      search: '50242-0040',
    });
    expect([searched.total, searched.rows.map((r) => r.rate)]).toEqual([2, ['5.75', '5.50']]);
  });
});

describe('contracts', () => {
  let aetna: Payer;
  beforeEach(async () => {
    aetna = await value<Payer>('payers:create', payerInput());
  });

  const stored = (id: number): unknown => services().ctx.db.prepare('SELECT * FROM contracts WHERE id = ?').get(id);

  it('creates a version and returns the stored record', async () => {
    const created = await value<Contract>(
      'contracts:create',
      terms(aetna.id, { label: 'Commercial 2024', effectiveTo: '2024-12-31', addOn: '15.00' }),
    );
    expect(created).toEqual({
      id: 1,
      version: 1,
      payerId: aetna.id,
      label: 'Commercial 2024',
      scopeKind: 'all',
      scopeValue: '',
      effectiveFrom: '2024-01-01',
      effectiveTo: '2024-12-31',
      basis: 'AWP',
      percent: '85',
      addOn: '15.00',
      feeScheduleRate: '',
      feeSchedulePerAmount: '',
      feeSchedulePerUnit: 'mg',
      lesserOfBilled: true,
      coinsurancePercent: '20',
      sequestration: 'none',
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
  });

  it('stores an NDC scope as 11 digits and a contract fee schedule rate', async () => {
    const created = await value<Contract>(
      'contracts:create',
      terms(aetna.id, {
        scopeKind: 'ndc',
        scopeValue: '50242-040-62',
        basis: 'FEE_SCHEDULE',
        percent: '100',
        feeScheduleRate: '45.10',
        feeSchedulePerAmount: '10',
        feeSchedulePerUnit: 'mg',
      }),
    );
    expect(created).toMatchObject({
      scopeKind: 'ndc',
      scopeValue: '50242004062',
      basis: 'FEE_SCHEDULE',
      feeScheduleRate: '45.10',
      feeSchedulePerAmount: '10',
      feeSchedulePerUnit: 'mg',
    });
  });

  it('an unknown payer is PAYER_NOT_FOUND and writes nothing', async () => {
    expect((await refusal('contracts:create', terms(999))).code).toBe('PAYER_NOT_FOUND');
    expect(count('contracts')).toBe(0);
  });

  it('refuses CONTRACT_OVERLAP for the same scope, naming the other version, on effectiveFrom and effectiveTo', async () => {
    await value<Contract>('contracts:create', terms(aetna.id, { label: 'Commercial 2024', effectiveTo: '2024-12-31' }));
    const error = await refusal('contracts:create', terms(aetna.id, { effectiveFrom: '2024-12-31', basis: 'WAC' }));
    expect(error.code).toBe('CONTRACT_OVERLAP');
    expect(error.message).toContain('all drugs in force 2024-01-01 to 2024-12-31');
    expect(error.message).toContain('Commercial 2024');
    expect(fieldCodes(error)).toEqual([
      { field: 'effectiveFrom', code: 'CONTRACT_OVERLAP' },
      { field: 'effectiveTo', code: 'CONTRACT_OVERLAP' },
    ]);
    expect(count('contracts')).toBe(1);
  });

  it('names an open-ended NDC version as such in the overlap message', async () => {
    await value<Contract>('contracts:create', terms(aetna.id, { scopeKind: 'ndc', scopeValue: '50242-040-62' }));
    const error = await refusal(
      'contracts:create',
      terms(aetna.id, { scopeKind: 'ndc', scopeValue: '50242004062', effectiveFrom: '2030-01-01' }),
    );
    expect(error.code).toBe('CONTRACT_OVERLAP');
    expect(error.message).toContain('NDC 50242-0040-62 in force 2024-01-01 to open');
  });

  it('a HCPCS version overlapping another for the same code is refused; another code is not', async () => {
    await value<Contract>('contracts:create', terms(aetna.id, { scopeKind: 'hcpcs', scopeValue: 'J3490' }));
    const error = await refusal('contracts:create', terms(aetna.id, { scopeKind: 'hcpcs', scopeValue: 'j3490' }));
    expect(error.code).toBe('CONTRACT_OVERLAP');
    expect(error.message).toContain('HCPCS J3490');
    await value<Contract>('contracts:create', terms(aetna.id, { scopeKind: 'hcpcs', scopeValue: 'J9999' }));
    expect(count('contracts')).toBe(2);
  });

  it('different scopes (all drugs, one NDC, another NDC) and different payers never overlap', async () => {
    const cigna = await value<Payer>('payers:create', payerInput({ name: 'Cigna' }));
    await value<Contract>('contracts:create', terms(aetna.id));
    await value<Contract>('contracts:create', terms(aetna.id, { scopeKind: 'ndc', scopeValue: '50242-040-62' }));
    await value<Contract>('contracts:create', terms(aetna.id, { scopeKind: 'ndc', scopeValue: '0002-7597-01' }));
    await value<Contract>('contracts:create', terms(cigna.id));
    await value<Contract>('contracts:create', terms(cigna.id, { scopeKind: 'ndc', scopeValue: '50242-040-62' }));
    expect(count('contracts')).toBe(5);
  });

  it('ends a version, then adds the next one from the following day', async () => {
    const first = await value<Contract>('contracts:create', terms(aetna.id, { basis: 'WAC', percent: '103' }));
    // Open-ended: the next version cannot start yet.
    expect((await refusal('contracts:create', terms(aetna.id, { effectiveFrom: '2024-07-01' }))).code).toBe(
      'CONTRACT_OVERLAP',
    );
    const at = clock.advance(60);
    const ended = await value<Contract>('contracts:update', {
      id: first.id,
      version: storedVersion('contracts', first.id),
      terms: terms(aetna.id, { basis: 'WAC', percent: '103', effectiveTo: '2024-06-30' }),
    });
    expect(ended).toEqual({ ...first, effectiveTo: '2024-06-30', updatedAt: at, version: first.version + 1 });
    // The last day of the old version is still taken; the next day is free.
    expect((await refusal('contracts:create', terms(aetna.id, { effectiveFrom: '2024-06-30' }))).code).toBe(
      'CONTRACT_OVERLAP',
    );
    const next = await value<Contract>('contracts:create', terms(aetna.id, { effectiveFrom: '2024-07-01' }));
    const got = await value<{ contracts: Contract[] }>('payers:get', { id: aetna.id });
    expect(got.contracts.map((c) => [c.id, c.effectiveFrom, c.effectiveTo, c.basis])).toEqual([
      [first.id, '2024-01-01', '2024-06-30', 'WAC'],
      [next.id, '2024-07-01', null, 'AWP'],
    ]);
  });

  it('a version may be updated in place without overlapping itself', async () => {
    const v = await value<Contract>('contracts:create', terms(aetna.id));
    const updated = await value<Contract>('contracts:update', {
      id: v.id,
      version: storedVersion('contracts', v.id),
      terms: terms(aetna.id, { percent: '80' }),
    });
    expect(updated.percent).toBe('80');
  });

  it('an update that would create an overlap is refused and leaves the row unchanged', async () => {
    const first = await value<Contract>('contracts:create', terms(aetna.id, { effectiveTo: '2024-06-30' }));
    const second = await value<Contract>('contracts:create', terms(aetna.id, { effectiveFrom: '2024-07-01' }));
    const before = stored(first.id);
    clock.advance(60);
    const error = await refusal('contracts:update', {
      id: first.id,
      version: storedVersion('contracts', first.id),
      terms: terms(aetna.id, { effectiveTo: '2024-07-01', percent: '70' }),
    });
    expect(error.code).toBe('CONTRACT_OVERLAP');
    expect(error.message).toContain('2024-07-01 to open');
    expect(stored(first.id)).toEqual(before);
    // Moving the second version's start back into the first is refused too.
    expect(
      (
        await refusal('contracts:update', {
          id: second.id,
          version: storedVersion('contracts', second.id),
          terms: terms(aetna.id, { effectiveFrom: '2024-06-01' }),
        })
      ).code,
    ).toBe('CONTRACT_OVERLAP');
    expect(auditRows('contract').map((r) => r.action)).toEqual(['create', 'create']);
  });

  it('a version cannot move to another payer (CONTRACT_PAYER_CHANGE)', async () => {
    const cigna = await value<Payer>('payers:create', payerInput({ name: 'Cigna' }));
    const v = await value<Contract>('contracts:create', terms(aetna.id));
    expect(
      (
        await refusal('contracts:update', {
          id: v.id,
          version: storedVersion('contracts', v.id),
          terms: terms(cigna.id),
        })
      ).code,
    ).toBe('CONTRACT_PAYER_CHANGE');
    expect((await value<{ contracts: Contract[] }>('payers:get', { id: aetna.id })).contracts).toEqual([v]);
  });

  it('refuses effectiveTo before effectiveFrom on effectiveTo', async () => {
    const error = await refusal('contracts:create', terms(aetna.id, { effectiveTo: '2023-12-31' }));
    expect(fieldCodes(error)).toEqual([{ field: 'effectiveTo', code: 'DATE_RANGE_INVALID' }]);
    expect(count('contracts')).toBe(0);
  });

  it('deletes a version and returns it; the freed dates can be used again', async () => {
    const v = await value<Contract>('contracts:create', terms(aetna.id));
    expect(await value<Contract>('contracts:delete', { id: v.id })).toEqual(v);
    expect(count('contracts')).toBe(0);
    await value<Contract>('contracts:create', terms(aetna.id));
    expect(count('contracts')).toBe(1);
  });

  it('an unknown version is CONTRACT_NOT_FOUND for update and delete', async () => {
    expect(
      (await refusal('contracts:update', { id: 999, version: storedVersion('contracts', 999), terms: terms(aetna.id) }))
        .code,
    ).toBe('CONTRACT_NOT_FOUND');
    expect((await refusal('contracts:delete', { id: 999 })).code).toBe('CONTRACT_NOT_FOUND');
    expect(count('contracts')).toBe(0);
  });

  it('audits create, update and delete of a version with before and after', async () => {
    const v = await value<Contract>('contracts:create', terms(aetna.id));
    const updateAt = clock.advance(60);
    const updated = await value<Contract>('contracts:update', {
      id: v.id,
      version: storedVersion('contracts', v.id),
      terms: terms(aetna.id, { percent: '80' }),
    });
    const deleteAt = clock.advance(60);
    await value<Contract>('contracts:delete', { id: v.id });
    const id = String(v.id);
    expect(auditRows('contract')).toEqual([
      { at: '2025-03-01T12:00:00.000Z', actor: 'tester', entityId: id, action: 'create', before: null, after: v },
      { at: updateAt, actor: 'tester', entityId: id, action: 'update', before: v, after: updated },
      { at: deleteAt, actor: 'tester', entityId: id, action: 'delete', before: updated, after: null },
    ]);
  });
});
