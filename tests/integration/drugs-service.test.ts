import { latestSchemaVersion } from '../../electron/services/db/migrations';
/**
 * The drug catalog and the practice settings through the same door every front end uses:
 * openServices + dispatch(handlers, channel, args). Nothing here touches a repository directly;
 * the database is only read back to prove what was (or was not) written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Drug, DrugInput } from '../../shared/domain/drug-catalog';
import type { PracticeInput, PracticeSettings } from '../../shared/domain/practice-settings';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { ziconotide } from '../fixtures/seed-inputs';

const { services, dir, clock, call, value, refusal, auditRows, version: storedVersion } = serviceHarness();

const drugRowCount = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM drugs').get() as { n: number }).n;

const drug = (overrides: Partial<DrugInput> = {}): DrugInput => ({ ...ziconotide(), ...overrides });

describe('drugs:create', () => {
  const forms: [format: string, typed: string, ndc11: string][] = [
    ['4-4-2', '0002-7597-01', '00002759701'],
    ['5-3-2', '50242-040-62', '50242004062'],
    ['5-4-1', '60575-4112-1', '60575411201'],
    ['11 digits', '00069015001', '00069015001'],
    ['5-4-2 hyphenated', '00409-4888-02', '00409488802'],
  ];

  for (const [format, typed, ndc11] of forms) {
    it(`stores a ${format} NDC (${typed}) as the 11-digit ${ndc11}`, async () => {
      const created = await value<Drug>('drugs:create', drug({ ndc: typed }));
      expect(created.ndc11).toBe(ndc11);
      expect(created.id).toBeGreaterThan(0);
      const row = services().ctx.db.prepare('SELECT ndc11 FROM drugs WHERE id = ?').get(created.id);
      expect(row).toEqual({ ndc11 });
    });
  }

  it('returns the whole record, trimmed and canonical, stamped with the clock', async () => {
    const created = await value<Drug>(
      'drugs:create',
      drug({ genericName: '  Ziconotide  ', brandName: ' ', strengthAmount: '025.500', packageSize: '20.0' }),
    );
    expect(created).toEqual({
      id: 1,
      version: 1,
      ndc11: '00002759701',
      ndcPrinted: '0002-7597-01',
      genericName: 'Ziconotide',
      brandName: '',
      strengthAmount: '25.5',
      strengthUnit: 'mcg',
      packageSize: '20',
      ndcUnit: 'ML',
      container: 'single-dose',
      route: 'IT',
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
  });

  it('refuses 10 unhyphenated digits as NDC_AMBIGUOUS on field ndc and writes nothing', async () => {
    const error = await refusal('drugs:create', drug({ ndc: '0002759701' }));
    expect(error.code).toBe('NDC_AMBIGUOUS');
    expect(fieldCodes(error)).toEqual([{ field: 'ndc', code: 'NDC_AMBIGUOUS' }]);
    expect(error.message).toContain('0002759701');
    expect(drugRowCount()).toBe(0);
    expect(auditRows('drug')).toEqual([]);
  });

  it('refuses an NDC that is not one (NDC_INVALID) and an empty one (REQUIRED)', async () => {
    expect(fieldCodes(await refusal('drugs:create', drug({ ndc: '12-34-56' })))).toEqual([
      { field: 'ndc', code: 'NDC_INVALID' },
    ]);
    expect(fieldCodes(await refusal('drugs:create', drug({ ndc: '   ' })))).toEqual([
      { field: 'ndc', code: 'REQUIRED' },
    ]);
    expect(drugRowCount()).toBe(0);
  });

  it('refuses a duplicate NDC, in any of its spellings, with DRUG_NDC_TAKEN on field ndc', async () => {
    await value<Drug>('drugs:create', drug({ ndc: '0002-7597-01' }));
    for (const same of ['0002-7597-01', '00002759701', '00002-7597-01']) {
      const error = await refusal('drugs:create', drug({ ndc: same, genericName: 'Something else' }));
      expect(error.code).toBe('DRUG_NDC_TAKEN');
      expect(fieldCodes(error)).toEqual([{ field: 'ndc', code: 'DRUG_NDC_TAKEN' }]);
      expect(error.message).toContain('00002-7597-01');
      expect(error.message).toContain('Ziconotide');
    }
    expect(drugRowCount()).toBe(1);
    expect(auditRows('drug')).toHaveLength(1);
  });

  for (const [strength, code] of [
    ['abc', 'NUMBER_INVALID'],
    ['0', 'NUMBER_NOT_POSITIVE'],
    ['0.000', 'NUMBER_NOT_POSITIVE'],
    ['-1', 'NUMBER_INVALID'],
    ['1e3', 'NUMBER_INVALID'],
    ['', 'REQUIRED'],
    ['1.1234567', 'NUMBER_INVALID'],
  ] as const) {
    it(`refuses strength "${strength}" with ${code} on strengthAmount`, async () => {
      const error = await refusal('drugs:create', drug({ strengthAmount: strength }));
      expect(fieldCodes(error)).toEqual([{ field: 'strengthAmount', code }]);
      expect(error.code).toBe(code);
      expect(drugRowCount()).toBe(0);
    });
  }

  it('refuses a non-string strength (a JS number) instead of storing a float', async () => {
    const error = await refusal('drugs:create', { ...drug(), strengthAmount: 2.5 });
    expect(fieldCodes(error)).toEqual([{ field: 'strengthAmount', code: 'INVALID_INPUT' }]);
    expect(drugRowCount()).toBe(0);
  });

  it('lists every problem of a bad form at once, each on its field', async () => {
    const error = await refusal('drugs:create', {
      ndc: '0002759701',
      genericName: '',
      strengthAmount: 'abc',
      strengthUnit: 'kg',
      packageSize: '0',
      ndcUnit: 'XX',
      container: 'jar',
      route: 'ORAL',
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(fieldCodes(error)).toEqual(
      expect.arrayContaining([
        { field: 'ndc', code: 'NDC_AMBIGUOUS' },
        { field: 'genericName', code: 'INVALID_INPUT' },
        { field: 'strengthAmount', code: 'NUMBER_INVALID' },
        { field: 'strengthUnit', code: 'INVALID_INPUT' },
        { field: 'packageSize', code: 'NUMBER_NOT_POSITIVE' },
        { field: 'ndcUnit', code: 'INVALID_INPUT' },
        { field: 'container', code: 'INVALID_INPUT' },
        { field: 'route', code: 'INVALID_INPUT' },
      ]),
    );
    expect(error.fields).toHaveLength(8);
    expect(drugRowCount()).toBe(0);
  });
});

describe('drugs:list', () => {
  // Names chosen so each sort key gives a different order.
  const catalog: DrugInput[] = [
    drug({ ndc: '0002-7597-01', genericName: 'Ziconotide', brandName: 'Prialt' }),
    drug({ ndc: '50242-040-62', genericName: 'alemtuzumab', brandName: 'Lemtrada', strengthUnit: 'mg' }),
    drug({ ndc: '60575-4112-1', genericName: 'Methotrexate', brandName: '', route: 'IM' }),
    drug({ ndc: '00409-4888-02', genericName: 'Bupivacaine liposome', brandName: 'Exparel', route: 'OTHER' }),
  ];
  let created: Drug[];

  beforeEach(async () => {
    created = [];
    for (const d of catalog) {
      clock.advance(60);
      created.push(await value<Drug>('drugs:create', d));
    }
  });

  type Page = { rows: Drug[]; total: number };
  const names = (page: Page): string[] => page.rows.map((d) => d.genericName);

  it('defaults to all drugs sorted by generic name, case-insensitively', async () => {
    const page = await value<Page>('drugs:list', {});
    expect(page.total).toBe(4);
    expect(names(page)).toEqual(['alemtuzumab', 'Bupivacaine liposome', 'Methotrexate', 'Ziconotide']);
  });

  it('searches generic names, case-insensitively', async () => {
    const page = await value<Page>('drugs:list', { search: 'METHO' });
    expect(names(page)).toEqual(['Methotrexate']);
    expect(page.total).toBe(1);
  });

  it('searches brand names', async () => {
    const page = await value<Page>('drugs:list', { search: 'exparel' });
    expect(names(page)).toEqual(['Bupivacaine liposome']);
    expect(page.total).toBe(1);
  });

  it('searches by NDC digits and by a hyphenated NDC fragment', async () => {
    expect(names(await value<Page>('drugs:list', { search: '00002759701' }))).toEqual(['Ziconotide']);
    expect(names(await value<Page>('drugs:list', { search: '7597-01' }))).toEqual(['Ziconotide']);
    expect(names(await value<Page>('drugs:list', { search: '00409-4888' }))).toEqual(['Bupivacaine liposome']);
    expect(names(await value<Page>('drugs:list', { search: '00409-4888-02' }))).toEqual(['Bupivacaine liposome']);
  });

  it('finds a drug by the full 5-3-2 / 5-4-1 NDC printed on its package', async () => {
    expect(names(await value<Page>('drugs:list', { search: '50242-040-62' }))).toEqual(['alemtuzumab']);
    expect(names(await value<Page>('drugs:list', { search: '60575-4112-1' }))).toEqual(['Methotrexate']);
  });

  it('a search for "-" finds only names containing a hyphen', async () => {
    expect(await value<Page>('drugs:list', { search: '-' })).toEqual({ rows: [], total: 0 });
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect(await value<Page>('drugs:list', { search: '%' })).toEqual({ rows: [], total: 0 });
    expect(await value<Page>('drugs:list', { search: '_' })).toEqual({ rows: [], total: 0 });
  });

  it('finds nothing for text that is nowhere', async () => {
    expect(await value<Page>('drugs:list', { search: 'pembrolizumab' })).toEqual({ rows: [], total: 0 });
  });

  const expectedOrder: Record<string, string[]> = {
    genericName: ['alemtuzumab', 'Bupivacaine liposome', 'Methotrexate', 'Ziconotide'],
    // Methotrexate has no brand name: '' sorts first.
    brandName: ['Methotrexate', 'Bupivacaine liposome', 'alemtuzumab', 'Ziconotide'],
    ndc11: ['Ziconotide', 'Bupivacaine liposome', 'alemtuzumab', 'Methotrexate'],
    // Created one minute apart, in catalog order.
    updatedAt: ['Ziconotide', 'alemtuzumab', 'Methotrexate', 'Bupivacaine liposome'],
  };
  for (const [sortBy, asc] of Object.entries(expectedOrder)) {
    it(`sorts by ${sortBy} ascending and descending`, async () => {
      expect(names(await value<Page>('drugs:list', { sortBy, sortDir: 'asc' }))).toEqual(asc);
      expect(names(await value<Page>('drugs:list', { sortBy, sortDir: 'desc' }))).toEqual([...asc].reverse());
    });
  }

  it('refuses a sort key outside the list (no SQL from the caller)', async () => {
    const error = await refusal('drugs:list', { sortBy: 'id; DROP TABLE drugs' });
    expect(fieldCodes(error)).toEqual([{ field: 'sortBy', code: 'INVALID_INPUT' }]);
    expect(drugRowCount()).toBe(4);
  });

  it('pages with limit and offset; total counts every match', async () => {
    const first = await value<Page>('drugs:list', { limit: 2, offset: 0 });
    const second = await value<Page>('drugs:list', { limit: 2, offset: 2 });
    const beyond = await value<Page>('drugs:list', { limit: 2, offset: 4 });
    expect(names(first)).toEqual(['alemtuzumab', 'Bupivacaine liposome']);
    expect(names(second)).toEqual(['Methotrexate', 'Ziconotide']);
    expect(beyond).toEqual({ rows: [], total: 4 });
    expect([first.total, second.total]).toEqual([4, 4]);
    // total follows the search, not the page
    const searched = await value<Page>('drugs:list', { search: 'e', limit: 1 });
    expect(searched.rows).toHaveLength(1);
    expect(searched.total).toBe(4);
  });

  it('refuses a limit outside 1..500 and a negative offset', async () => {
    expect(fieldCodes(await refusal('drugs:list', { limit: 0 }))).toEqual([{ field: 'limit', code: 'INVALID_INPUT' }]);
    expect(fieldCodes(await refusal('drugs:list', { limit: 501 }))).toEqual([
      { field: 'limit', code: 'INVALID_INPUT' },
    ]);
    expect(fieldCodes(await refusal('drugs:list', { offset: -1 }))).toEqual([
      { field: 'offset', code: 'INVALID_INPUT' },
    ]);
  });

  it('returns rows in the contract shape', async () => {
    const page = await value<Page>('drugs:list', { search: 'Ziconotide' });
    expect(page.rows).toEqual([created[0]]);
  });
});

describe('drugs:get, drugs:update, drugs:delete', () => {
  let zic: Drug;
  beforeEach(async () => {
    zic = await value<Drug>('drugs:create', drug());
  });

  it('gets by id and by NDC in any accepted spelling', async () => {
    expect(await value<Drug>('drugs:get', { id: zic.id })).toEqual(zic);
    expect(await value<Drug>('drugs:get', { ndc: '0002-7597-01' })).toEqual(zic);
    expect(await value<Drug>('drugs:get', { ndc: '00002759701' })).toEqual(zic);
    expect(await value<Drug>('drugs:get', { ndc: 'NDC 0002-7597-01' })).toEqual(zic);
  });

  it('answers DRUG_NOT_FOUND for an unknown id or NDC', async () => {
    const byId = await refusal('drugs:get', { id: 999 });
    expect(byId.code).toBe('DRUG_NOT_FOUND');
    expect(byId.message).toContain('999');
    const byNdc = await refusal('drugs:get', { ndc: '50242-040-62' });
    expect(byNdc.code).toBe('DRUG_NOT_FOUND');
    expect(byNdc.message).toContain('50242-0040-62');
  });

  it('refuses an NDC that cannot be looked up, without touching the catalog', async () => {
    for (const ndc of ['0002759701', '12-34', '']) {
      const reply = await call('drugs:get', { ndc });
      expect(reply.ok).toBe(false);
    }
    expect(drugRowCount()).toBe(1);
  });

  it('an ambiguous NDC in drugs:get is explained as NDC_AMBIGUOUS on field ndc', async () => {
    const error = await refusal('drugs:get', { ndc: '0002759701' });
    expect(error.code).toBe('NDC_AMBIGUOUS');
    expect(fieldCodes(error)).toEqual([{ field: 'ndc', code: 'NDC_AMBIGUOUS' }]);
  });

  it('refuses to delete a drug still referenced elsewhere (DRUG_IN_USE) and keeps it', async () => {
    // Stand-in for a later table (invoice lines, administrations) that points at a drug.
    services().ctx.db.exec(
      'CREATE TABLE test_usage (id INTEGER PRIMARY KEY, drug_id INTEGER NOT NULL REFERENCES drugs (id)) STRICT',
    );
    services().ctx.db.prepare('INSERT INTO test_usage (drug_id) VALUES (?)').run(zic.id);
    const error = await refusal('drugs:delete', { id: zic.id });
    expect(error.code).toBe('DRUG_IN_USE');
    expect(error.message).toContain('Ziconotide');
    expect(await value<Drug>('drugs:get', { id: zic.id })).toEqual(zic);
    expect(auditRows('drug').map((r) => r.action)).toEqual(['create']);
  });

  it('refuses an id that is not a positive integer', async () => {
    for (const id of [0, -1, 1.5, '1']) {
      expect((await refusal('drugs:get', { id })).code).toBe('INVALID_INPUT');
    }
  });

  it('updates every field and stamps updatedAt, keeping createdAt', async () => {
    const at = clock.advance(3600);
    const updated = await value<Drug>('drugs:update', {
      ...drug({
        ndc: '50242-040-62',
        genericName: 'Ziconotide acetate',
        strengthAmount: '100',
        container: 'multi-dose',
      }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    expect(updated).toEqual({
      ...zic,
      version: zic.version + 1,
      ndc11: '50242004062',
      ndcPrinted: '50242-040-62',
      genericName: 'Ziconotide acetate',
      strengthAmount: '100',
      container: 'multi-dose',
      updatedAt: at,
    });
    expect(await value<Drug>('drugs:get', { id: zic.id })).toEqual(updated);
    expect(drugRowCount()).toBe(1);
  });

  it('lets a drug keep its own NDC on update, but not take another drug’s', async () => {
    const other = await value<Drug>('drugs:create', drug({ ndc: '50242-040-62', genericName: 'Alemtuzumab' }));
    await value<Drug>('drugs:update', {
      ...drug({ brandName: 'Prialt 2' }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    const error = await refusal('drugs:update', {
      ...drug({ ndc: '0002-7597-01' }),
      id: other.id,
      version: storedVersion('drugs', other.id),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'ndc', code: 'DRUG_NDC_TAKEN' }]);
    expect((await value<Drug>('drugs:get', { id: other.id })).ndc11).toBe('50242004062');
  });

  it('keeps the NDC as printed through an update that types the 11 digits, and forgets it with another NDC', async () => {
    expect(zic.ndcPrinted).toBe('0002-7597-01');
    const same = await value<Drug>('drugs:update', {
      ...drug({ ndc: '00002759701', brandName: 'Prialt 2' }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    expect([same.ndc11, same.ndcPrinted, same.brandName]).toEqual(['00002759701', '0002-7597-01', 'Prialt 2']);
    // Given on its own beside the 11 digits, the label's form wins (here 5-4-1 for the same code).
    const relabelled = await value<Drug>('drugs:update', {
      ...drug({ ndc: '00002759701', ndcPrinted: '00002-7597-1' }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    expect(relabelled.ndcPrinted).toBe('00002-7597-1');
    const other = await value<Drug>('drugs:update', {
      ...drug({ ndc: '00069015001' }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    expect([other.ndc11, other.ndcPrinted]).toEqual(['00069015001', '']);
    const stored = services().ctx.db.prepare('SELECT ndc11, ndc_printed FROM drugs WHERE id = ?').get(zic.id);
    expect(stored).toEqual({ ndc11: '00069015001', ndc_printed: '' });
  });

  it('refuses a printed NDC for another code (NDC_PRINTED_MISMATCH) on ndcPrinted, changing nothing', async () => {
    const error = await refusal('drugs:update', {
      ...drug({ ndc: '00002759701', ndcPrinted: '50242-040-62' }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'ndcPrinted', code: 'NDC_PRINTED_MISMATCH' }]);
    expect(await value<Drug>('drugs:get', { id: zic.id })).toEqual(zic);
    const created = await refusal('drugs:create', drug({ ndc: '00069015001', ndcPrinted: '00069015001' }));
    expect(fieldCodes(created)).toEqual([{ field: 'ndcPrinted', code: 'NDC_PRINTED_NOT_10_DIGIT' }]);
    expect(drugRowCount()).toBe(1);
  });

  it('update and delete of an unknown id answer DRUG_NOT_FOUND and write nothing', async () => {
    expect((await refusal('drugs:update', { ...drug(), id: 999, version: storedVersion('drugs', 999) })).code).toBe(
      'DRUG_NOT_FOUND',
    );
    expect((await refusal('drugs:delete', { id: 999 })).code).toBe('DRUG_NOT_FOUND');
    expect(auditRows('drug')).toHaveLength(1);
  });

  it('deletes and returns the deleted record', async () => {
    const deleted = await value<Drug>('drugs:delete', { id: zic.id });
    expect(deleted).toEqual(zic);
    expect(drugRowCount()).toBe(0);
    expect((await refusal('drugs:get', { id: zic.id })).code).toBe('DRUG_NOT_FOUND');
    expect(await value('drugs:list', {})).toEqual({ rows: [], total: 0 });
  });

  it('writes one audit row per change with before/after JSON, actor and time', async () => {
    const updateAt = clock.advance(60);
    const updated = await value<Drug>('drugs:update', {
      ...drug({ brandName: 'Prialt (new label)' }),
      id: zic.id,
      version: storedVersion('drugs', zic.id),
    });
    const deleteAt = clock.advance(60);
    await value<Drug>('drugs:delete', { id: zic.id });

    expect(auditRows('drug')).toEqual([
      {
        at: '2025-03-01T12:00:00.000Z',
        actor: 'tester',
        entity: 'drug',
        entityId: String(zic.id),
        action: 'create',
        before: null,
        after: zic,
      },
      {
        at: updateAt,
        actor: 'tester',
        entity: 'drug',
        entityId: String(zic.id),
        action: 'update',
        before: zic,
        after: updated,
      },
      {
        at: deleteAt,
        actor: 'tester',
        entity: 'drug',
        entityId: String(zic.id),
        action: 'delete',
        before: updated,
        after: null,
      },
    ]);
  });
});

describe('practice:get and practice:set', () => {
  const practice = (overrides: Partial<PracticeInput> = {}): PracticeInput => ({
    name: 'Lakeside Infusion Center',
    addressLine1: '100 Main St',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    phone: '217-555-0100',
    billingContact: 'Pat Biller',
    npi: '1234567893',
    tin: '12-3456789',
    ...overrides,
  });

  const stored = (): unknown[] => services().ctx.db.prepare('SELECT * FROM practice_settings').all();

  it('is null before the first save, then the stored record', async () => {
    expect(await value('practice:get', {})).toBeNull();
    const saved = await value<PracticeSettings>('practice:set', practice());
    const expected: PracticeSettings = {
      name: 'Lakeside Infusion Center',
      addressLine1: '100 Main St',
      addressLine2: '',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      phone: '(217) 555-0100',
      billingContact: 'Pat Biller',
      npi: '1234567893',
      tin: '123456789',
      updatedAt: '2025-03-01T12:00:00.000Z',
      version: 1,
    };
    expect(saved).toEqual(expected);
    expect(await value('practice:get', {})).toEqual(expected);
    expect(stored()).toHaveLength(1);
  });

  it('stores TIN 12-3456789 as 123456789 and normalizes phone spellings', async () => {
    for (const [phone, normal] of [
      ['(217) 555-0100', '(217) 555-0100'],
      ['2175550100', '(217) 555-0100'],
      ['+1 217 555 0100', '(217) 555-0100'],
      ['217.555.0100', '(217) 555-0100'],
    ]) {
      const saved = await value<PracticeSettings>('practice:set', {
        ...practice({ phone, tin: '12-3456789' }),
        version: storedVersion('practice_settings', 1),
      });
      expect({ phone: saved.phone, tin: saved.tin }).toEqual({ phone: normal, tin: '123456789' });
    }
    expect(services().ctx.db.prepare('SELECT tin, phone FROM practice_settings').get()).toEqual({
      tin: '123456789',
      phone: '(217) 555-0100',
    });
  });

  it('refuses an NPI whose check digit fails with NPI_INVALID on field npi', async () => {
    const error = await refusal('practice:set', practice({ npi: '1234567890' }));
    expect(error.code).toBe('NPI_INVALID');
    expect(fieldCodes(error)).toEqual([{ field: 'npi', code: 'NPI_INVALID' }]);
    expect(stored()).toEqual([]);
  });

  it('refuses bad TIN, phone, ZIP and state, each on its field', async () => {
    expect(fieldCodes(await refusal('practice:set', practice({ tin: '1-23456789' })))).toEqual([
      { field: 'tin', code: 'TIN_INVALID' },
    ]);
    expect(fieldCodes(await refusal('practice:set', practice({ phone: '555-0100' })))).toEqual([
      { field: 'phone', code: 'PHONE_INVALID' },
    ]);
    expect(fieldCodes(await refusal('practice:set', practice({ phone: '+44 20 7946 0958' })))).toEqual([
      { field: 'phone', code: 'PHONE_INVALID' },
    ]);
    expect(fieldCodes(await refusal('practice:set', practice({ zip: '6270' })))).toEqual([
      { field: 'zip', code: 'INVALID_INPUT' },
    ]);
    expect(fieldCodes(await refusal('practice:set', { ...practice(), state: 'ZZ' }))).toEqual([
      { field: 'state', code: 'INVALID_INPUT' },
    ]);
    expect(stored()).toEqual([]);
  });

  it('a refused practice:set leaves the previous settings unchanged', async () => {
    const first = await value<PracticeSettings>('practice:set', practice());
    clock.advance(60);
    const error = await refusal('practice:set', practice({ name: 'Renamed Clinic', npi: '1234567890', phone: 'x' }));
    expect(fieldCodes(error)).toEqual(
      expect.arrayContaining([
        { field: 'npi', code: 'NPI_INVALID' },
        { field: 'phone', code: 'PHONE_INVALID' },
      ]),
    );
    expect(await value('practice:get', {})).toEqual(first);
    expect(auditRows('practice')).toHaveLength(1);
  });

  it('a second save replaces the record and is audited as an update', async () => {
    const first = await value<PracticeSettings>('practice:set', practice());
    const at = clock.advance(60);
    const second = await value<PracticeSettings>('practice:set', {
      ...practice({ name: 'Lakeside Oncology' }),
      version: first.version,
    });
    expect(second).toEqual({ ...first, name: 'Lakeside Oncology', updatedAt: at, version: 2 });
    expect(stored()).toHaveLength(1);
    expect(auditRows('practice')).toEqual([
      {
        at: '2025-03-01T12:00:00.000Z',
        actor: 'tester',
        entity: 'practice',
        entityId: '1',
        action: 'create',
        before: null,
        after: first,
      },
      { at, actor: 'tester', entity: 'practice', entityId: '1', action: 'update', before: first, after: second },
    ]);
  });
});

describe('dispatch itself', () => {
  it('answers UNKNOWN_CHANNEL for a name that is not in the contract, including inherited ones', async () => {
    for (const channel of ['drugs:nope', 'toString', '__proto__', 'constructor']) {
      expect((await refusal(channel, {})).code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('app:info reports the mode, data folder and schema version', async () => {
    const info = await value<Record<string, unknown>>('app:info', {});
    expect(info).toMatchObject({ mode: 'cli', dataDir: dir(), schemaVersion: latestSchemaVersion });
    expect(info.databaseFile).toBe(services().ctx.databaseFile);
    expect(typeof info.version).toBe('string');
  });
});
