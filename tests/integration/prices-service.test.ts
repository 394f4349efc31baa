/**
 * Drug prices (AWP/WAC per package by date) and CMS payment limits through openServices +
 * dispatch. Payment limit rows are seeded with SQL because their import is built elsewhere.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DrugPrice, PaymentLimit } from '../../shared/domain/drug-price';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';
import { examplaVial } from '../fixtures/seed-inputs';

const { services, clock, value, refusal } = serviceHarness();

beforeEach(async () => {
  await value('drugs:create', drug());
});

const priceCount = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM drug_prices').get() as { n: number }).n;

// 50242-040-62 (5-3-2): a 10 mL multi-dose vial at 20 mg/mL.
const drug = examplaVial;

const NDC11 = '50242004062';

const price = (priceType: 'AWP' | 'WAC', pricePerPackage: string, effectiveFrom: string, ndc = '50242-040-62') =>
  value<DrugPrice>('prices:create', { ndc, priceType, pricePerPackage, effectiveFrom });

type History = { ndc11: string; prices: DrugPrice[]; paymentLimits: PaymentLimit[] };
const history = (ndc = '50242-040-62') => value<History>('prices:history', { ndc });
const summary = (h: History) => h.prices.map((p) => [p.priceType, p.pricePerPackage, p.effectiveFrom, p.effectiveTo]);

describe('prices:create', () => {
  it('stores an AWP and a WAC per package, keyed by the 11-digit NDC, stamped with the clock', async () => {
    const awp = await price('AWP', '1200.00', '2024-01-01');
    expect(awp).toEqual({
      id: awp.id,
      version: 1,
      ndc11: NDC11,
      priceType: 'AWP',
      pricePerPackage: '1200.00',
      effectiveFrom: '2024-01-01',
      effectiveTo: null,
      source: 'manual',
      createdAt: '2025-03-01T12:00:00.000Z',
    });
    const wac = await price('WAC', '1000.123456', '2024-01-01', '50242004062');
    expect(wac).toMatchObject({ ndc11: NDC11, priceType: 'WAC', pricePerPackage: '1000.123456' });
    expect(
      services().ctx.db.prepare('SELECT ndc11, price_type, price_per_package FROM drug_prices ORDER BY id').all(),
    ).toEqual([
      { ndc11: NDC11, price_type: 'AWP', price_per_package: '1200.00' },
      { ndc11: NDC11, price_type: 'WAC', price_per_package: '1000.123456' },
    ]);
  });

  it('refuses an NDC that is not in the catalog with NDC_UNKNOWN on field ndc', async () => {
    const error = await refusal('prices:create', {
      ndc: '0002-7597-01',
      priceType: 'AWP',
      pricePerPackage: '100',
      effectiveFrom: '2024-01-01',
    });
    expect(error.code).toBe('NDC_UNKNOWN');
    expect(fieldCodes(error)).toEqual([{ field: 'ndc', code: 'NDC_UNKNOWN' }]);
    expect(error.message).toContain('00002-7597-01');
    expect(priceCount()).toBe(0);
  });

  it('refuses the same NDC, kind and date twice with PRICE_DUPLICATE, in any NDC spelling', async () => {
    await price('AWP', '1200.00', '2024-01-01');
    const error = await refusal('prices:create', {
      ndc: '50242004062',
      priceType: 'AWP',
      pricePerPackage: '1250.00',
      effectiveFrom: '2024-01-01',
    });
    expect(error.code).toBe('PRICE_DUPLICATE');
    expect(fieldCodes(error)).toEqual([{ field: 'effectiveFrom', code: 'PRICE_DUPLICATE' }]);
    expect(error.message).toContain('AWP');
    expect(error.message).toContain('2024-01-01');
    // Another kind on that date, or the same kind on another date, is fine.
    await price('WAC', '1000.00', '2024-01-01');
    await price('AWP', '1250.00', '2024-01-02');
    expect(priceCount()).toBe(3);
  });

  it('refuses a zero, negative, float or over-precise price, and a date that is not a calendar day', async () => {
    const base = { ndc: '50242-040-62', priceType: 'AWP', effectiveFrom: '2024-01-01' };
    for (const pricePerPackage of ['0', '-5', '1e3', '1.1234567', '']) {
      const error = await refusal('prices:create', { ...base, pricePerPackage });
      expect(fieldCodes(error)).toEqual([{ field: 'pricePerPackage', code: 'AMOUNT_INVALID' }]);
    }
    expect(fieldCodes(await refusal('prices:create', { ...base, pricePerPackage: 1200 }))).toEqual([
      { field: 'pricePerPackage', code: 'INVALID_INPUT' },
    ]);
    expect(
      fieldCodes(await refusal('prices:create', { ...base, pricePerPackage: '1', effectiveFrom: '2024-02-30' })),
    ).toEqual([{ field: 'effectiveFrom', code: 'DATE_INVALID' }]);
    expect(fieldCodes(await refusal('prices:create', { ...base, pricePerPackage: '1', priceType: 'ASP' }))).toEqual([
      { field: 'priceType', code: 'INVALID_INPUT' },
    ]);
    expect(priceCount()).toBe(0);
  });

  it('audits each price entry', async () => {
    const awp = await price('AWP', '1200.00', '2024-01-01');
    const at = clock.advance(60);
    await value('prices:delete', { id: awp.id });
    const rows = services()
      .ctx.db.prepare("SELECT at, action, entity_id AS entityId FROM audit_log WHERE entity = 'drug_price' ORDER BY id")
      .all();
    expect(rows).toEqual([
      { at: '2025-03-01T12:00:00.000Z', action: 'create', entityId: String(awp.id) },
      { at, action: 'delete', entityId: String(awp.id) },
    ]);
  });

  it('a back-dated price comes back with the day before the next price as effectiveTo', async () => {
    await price('AWP', '1300.00', '2025-01-01');
    const older = await price('AWP', '1200.00', '2024-01-01');
    expect(older.effectiveTo).toBe('2024-12-31');
  });
});

describe('prices:history', () => {
  it('lists newest first; each price ends the day before the next of its kind; AWP and WAC run independently', async () => {
    await price('AWP', '1200.00', '2024-01-01');
    await price('AWP', '1300.00', '2025-01-01');
    await price('AWP', '1250.00', '2024-07-01');
    await price('WAC', '1000.00', '2024-03-01');
    await price('WAC', '1050.00', '2025-01-01');
    const h = await history();
    expect(h.ndc11).toBe(NDC11);
    expect(summary(h)).toEqual([
      ['AWP', '1300.00', '2025-01-01', null],
      ['WAC', '1050.00', '2025-01-01', null],
      ['AWP', '1250.00', '2024-07-01', '2024-12-31'],
      ['WAC', '1000.00', '2024-03-01', '2024-12-31'],
      ['AWP', '1200.00', '2024-01-01', '2024-06-30'],
    ]);
  });

  it('ends a price on the last day of February in a leap year', async () => {
    await price('WAC', '1000.00', '2024-01-01');
    await price('WAC', '1100.00', '2024-03-01');
    expect(summary(await history())).toEqual([
      ['WAC', '1100.00', '2024-03-01', null],
      ['WAC', '1000.00', '2024-01-01', '2024-02-29'],
    ]);
  });

  it('answers in any NDC spelling, and empty for a drug with no prices', async () => {
    expect(await history('50242004062')).toEqual({ ndc11: NDC11, prices: [], paymentLimits: [] });
    await price('AWP', '1200.00', '2024-01-01');
    expect(summary(await history('NDC 50242-040-62'))).toEqual([['AWP', '1200.00', '2024-01-01', null]]);
  });

  it('does not mix NDCs', async () => {
    await value('drugs:create', drug({ ndc: '0002-7597-01', genericName: 'Otherumab' }));
    await price('AWP', '1200.00', '2024-01-01');
    await price('AWP', '500.00', '2024-06-01', '0002-7597-01');
    expect(summary(await history())).toEqual([['AWP', '1200.00', '2024-01-01', null]]);
    expect(summary(await history('0002-7597-01'))).toEqual([['AWP', '500.00', '2024-06-01', null]]);
  });

  it('refuses an ambiguous NDC on field ndc', async () => {
    expect(fieldCodes(await refusal('prices:history', { ndc: '5024204062' }))).toEqual([
      { field: 'ndc', code: 'NDC_AMBIGUOUS' },
    ]);
  });

  it('includes the CMS payment limits found by the drug’s generic name', async () => {
    seedLimit({ source: 'noc', drugName: 'EXAMPLEMAB', quarter: '2025Q1', paymentLimit: '10.600' });
    seedLimit({ source: 'noc', drugName: 'OTHERUMAB', quarter: '2025Q1', paymentLimit: '5.000' });
    const h = await history();
    expect(h.paymentLimits.map((l) => [l.drugName, l.quarter, l.paymentLimit])).toEqual([
      ['EXAMPLEMAB', '2025Q1', '10.600'],
    ]);
  });
});

describe('prices:delete', () => {
  it('removes one entry and returns it; the previous price of that kind is open-ended again', async () => {
    await price('AWP', '1200.00', '2024-01-01');
    const newer = await price('AWP', '1300.00', '2025-01-01');
    const deleted = await value<DrugPrice>('prices:delete', { id: newer.id });
    expect(deleted).toEqual(newer);
    expect(summary(await history())).toEqual([['AWP', '1200.00', '2024-01-01', null]]);
    expect(priceCount()).toBe(1);
  });

  it('an unknown id is PRICE_NOT_FOUND', async () => {
    expect((await refusal('prices:delete', { id: 999 })).code).toBe('PRICE_NOT_FOUND');
  });
});

// ---------------------------------------------------------------------------------------------
// CMS payment limits (seeded directly)

type LimitSeed = {
  source: 'asp' | 'noc' | 'manual';
  hcpcs?: string;
  drugName?: string;
  description?: string;
  dosageText?: string;
  dosageAmount?: string | null;
  dosageUnit?: string | null;
  paymentLimit?: string;
  quarter: string;
};

const QUARTER_SPANS: Record<string, [string, string]> = {
  '2024Q4': ['2024-10-01', '2024-12-31'],
  '2025Q1': ['2025-01-01', '2025-03-31'],
  '2025Q2': ['2025-04-01', '2025-06-30'],
};

function seedLimit(l: LimitSeed): void {
  const [from, to] = QUARTER_SPANS[l.quarter] ?? ['', ''];
  services()
    .ctx.db.prepare(
      `INSERT INTO payment_limits (source, hcpcs, drug_name, description, dosage_text, dosage_amount, dosage_unit,
         payment_limit, quarter, effective_from, effective_to)
       VALUES (@source, @hcpcs, @drugName, @description, @dosageText, @dosageAmount, @dosageUnit, @paymentLimit,
         @quarter, @from, @to)`,
    )
    .run({
      hcpcs: '',
      drugName: '',
      description: '',
      dosageText: '1 MG',
      dosageAmount: '1',
      dosageUnit: 'mg',
      paymentLimit: '1.000',
      ...l,
      from,
      to,
    });
}

describe('paymentLimits:list', () => {
  type Page = { rows: PaymentLimit[]; total: number };
  const keys = (p: Page) => p.rows.map((r) => `${r.quarter} ${r.hcpcs || '-'} ${r.drugName}`);

  beforeEach(() => {
    for (const quarter of ['2024Q4', '2025Q1', '2025Q2']) {
      seedLimit({
        source: 'asp',
        hcpcs: 'J9035',
        drugName: 'BEVACIZUMAB',
        description: 'Injection, bevacizumab, 10 mg',
        dosageText: '10 MG',
        dosageAmount: '10',
        quarter,
      });
      seedLimit({
        source: 'asp',
        hcpcs: 'J0897',
        drugName: 'DENOSUMAB',
        description: 'Injection, denosumab, 1 mg',
        quarter,
      });
      seedLimit({ source: 'noc', drugName: 'EXAMPLEMAB', description: 'Examplemab 20 mg/mL', quarter });
    }
    seedLimit({
      source: 'noc',
      drugName: 'ZIC_50%',
      dosageText: 'per vial',
      dosageAmount: null,
      dosageUnit: null,
      quarter: '2025Q1',
    });
  });

  it('lists everything, newest quarter first, then by HCPCS and name', async () => {
    const page = await value<Page>('paymentLimits:list', {});
    expect(page.total).toBe(10);
    expect(keys(page).slice(0, 5)).toEqual([
      '2025Q2 - EXAMPLEMAB',
      '2025Q2 J0897 DENOSUMAB',
      '2025Q2 J9035 BEVACIZUMAB',
      '2025Q1 - EXAMPLEMAB',
      '2025Q1 - ZIC_50%',
    ]);
  });

  it('returns each row in the contract shape, NULL dosage read as null', async () => {
    const page = await value<Page>('paymentLimits:list', { search: 'ZIC' });
    expect(page.rows).toEqual([
      {
        id: page.rows[0]?.id,
        source: 'noc',
        hcpcs: '',
        drugName: 'ZIC_50%',
        description: '',
        dosageText: 'per vial',
        dosageAmount: null,
        dosageUnit: null,
        paymentLimit: '1.000',
        quarter: '2025Q1',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-03-31',
        notes: '',
      },
    ]);
  });

  it('searches by HCPCS, by drug name (any case) and by description', async () => {
    expect(keys(await value<Page>('paymentLimits:list', { search: 'J9035' }))).toEqual([
      '2025Q2 J9035 BEVACIZUMAB',
      '2025Q1 J9035 BEVACIZUMAB',
      '2024Q4 J9035 BEVACIZUMAB',
    ]);
    expect((await value<Page>('paymentLimits:list', { search: 'j90' })).total).toBe(3);
    expect((await value<Page>('paymentLimits:list', { search: 'denosu' })).total).toBe(3);
    expect((await value<Page>('paymentLimits:list', { search: '20 mg/mL' })).total).toBe(3);
    expect(await value<Page>('paymentLimits:list', { search: 'pembrolizumab' })).toEqual({ rows: [], total: 0 });
  });

  it('treats % and _ in the search as plain text', async () => {
    expect(keys(await value<Page>('paymentLimits:list', { search: '50%' }))).toEqual(['2025Q1 - ZIC_50%']);
    expect(keys(await value<Page>('paymentLimits:list', { search: '_' }))).toEqual(['2025Q1 - ZIC_50%']);
  });

  it('filters by quarter, alone and with a search', async () => {
    expect(keys(await value<Page>('paymentLimits:list', { quarter: '2024Q4' }))).toEqual([
      '2024Q4 - EXAMPLEMAB',
      '2024Q4 J0897 DENOSUMAB',
      '2024Q4 J9035 BEVACIZUMAB',
    ]);
    expect(keys(await value<Page>('paymentLimits:list', { quarter: '2025Q1', search: 'mab' }))).toEqual([
      '2025Q1 - EXAMPLEMAB',
      '2025Q1 J0897 DENOSUMAB',
      '2025Q1 J9035 BEVACIZUMAB',
    ]);
    expect(await value<Page>('paymentLimits:list', { quarter: '2023Q1' })).toEqual({ rows: [], total: 0 });
  });

  it('pages with limit and offset; total counts every match', async () => {
    const first = await value<Page>('paymentLimits:list', { search: 'mab', limit: 4, offset: 0 });
    const second = await value<Page>('paymentLimits:list', { search: 'mab', limit: 4, offset: 4 });
    const third = await value<Page>('paymentLimits:list', { search: 'mab', limit: 4, offset: 8 });
    expect([first.total, second.total, third.total]).toEqual([9, 9, 9]);
    expect([first.rows.length, second.rows.length, third.rows.length]).toEqual([4, 4, 1]);
    expect(keys(third)).toEqual(['2024Q4 J9035 BEVACIZUMAB']);
    const ids = [...first.rows, ...second.rows, ...third.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(9);
    expect(await value<Page>('paymentLimits:list', { limit: 5, offset: 50 })).toEqual({ rows: [], total: 10 });
  });

  it('refuses a limit outside 1..500 and a negative offset', async () => {
    expect(fieldCodes(await refusal('paymentLimits:list', { limit: 0 }))).toEqual([
      { field: 'limit', code: 'INVALID_INPUT' },
    ]);
    expect(fieldCodes(await refusal('paymentLimits:list', { limit: 501 }))).toEqual([
      { field: 'limit', code: 'INVALID_INPUT' },
    ]);
    expect(fieldCodes(await refusal('paymentLimits:list', { offset: -1 }))).toEqual([
      { field: 'offset', code: 'INVALID_INPUT' },
    ]);
  });
});
