/**
 * The bundled starter set (resources/reference): it loads, every row says where it comes from,
 * the NOC list is the app's NOC list, NDCs normalize, and the rows K1/K2 need are there. A
 * malformed row refuses the whole set with the file and line.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findReferenceDir, loadStarterSet } from '../../../electron/services/reference/starter-set';
import { NOC_DESCRIPTORS, NOC_DRUG_CODES } from '../../../shared/domain/hcpcs';
import { productNdc9, specificCodesFor } from '../../../shared/domain/reference-codes';

const set = loadStarterSet();
const copies: string[] = [];

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bundled folder with one file's text changed. */
function alteredCopy(file: 'noc-codes.csv' | 'specific-codes.csv', change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'starter-set-'));
  copies.push(dir);
  const from = findReferenceDir();
  for (const f of ['noc-codes.csv', 'specific-codes.csv']) copyFileSync(join(from, f), join(dir, f));
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('the bundled starter set', () => {
  it('is found from this test folder as from the service module', () => {
    expect(findReferenceDir(__dirname)).toBe(findReferenceDir());
  });

  it('gives every row a source', () => {
    const rows = [...set.nocCodes, ...set.specificCodes];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.source.trim()).not.toBe('');
  });

  it('lists exactly the NOC drug codes of hcpcs.ts, with the same descriptors', () => {
    expect(set.nocCodes.map((r) => r.hcpcs).sort()).toEqual([...NOC_DRUG_CODES].sort());
    for (const [hcpcs, descriptor] of Object.entries(NOC_DESCRIPTORS)) {
      expect(set.nocCodes.find((r) => r.hcpcs === hcpcs)?.descriptor).toBe(descriptor);
    }
  });

  it('marks J3591 unconfirmed and the sourced NOC codes not', () => {
    const unconfirmed = set.nocCodes.filter((r) => r.unconfirmed).map((r) => r.hcpcs);
    expect(unconfirmed).toEqual(['J3591']);
  });

  it('carries the rules of each NOC code', () => {
    const rule = (hcpcs: string) => set.nocCodes.find((r) => r.hcpcs === hcpcs);
    expect(rule('J7699')?.routeRule).toBe('inhalation');
    expect(rule('J7799')?.routeRule).toBe('not-inhalation');
    expect([rule('J8499')?.routeRule, rule('J8999')?.routeRule]).toEqual(['oral', 'oral']);
    expect(rule('J9999')?.classRule).toBe('antineoplastic');
    expect(rule('J8999')?.classRule).toBe('antineoplastic');
    expect(rule('J8499')?.classRule).toBe('not-antineoplastic');
    expect(rule('J3590')?.classRule).toBe('biologic');
    expect(rule('J7999')?.classRule).toBe('compounded');
    expect(rule('C9399')?.setting).toBe('hospital-outpatient');
    expect(rule('J3490')?.setting).toBeNull();
  });

  it('normalizes package NDCs to 11 digits and product NDCs to their 9-digit prefix', () => {
    const keys = Object.fromEntries(set.specificCodes.map((r) => [`${r.drug} ${r.hcpcs}`, [r.ndcScope, r.matchKey]]));
    expect(keys['Onpattro C9036']).toEqual(['package', '71336100001']);
    expect(keys['Onpattro J0222']).toEqual(['package', '71336100001']);
    expect(keys['Givlaari J0223']).toEqual(['package', '71336100101']);
    expect(keys['Viltepso J1427']).toEqual(['package', '73292001101']);
    expect(keys['Amvuttra J0225']).toEqual(['product', '713361003']);
    expect(keys['Jevtana J9043']).toEqual(['generic-name', 'cabazitaxel']);
    expect(keys['Lanreotide (Cipla) J1932']).toEqual(['generic-name', 'lanreotide']);
  });

  it('has J0225 for Amvuttra product 71336-1003 from 2023-01-01, unconfirmed (K1/K2)', () => {
    const [j0225, ...others] = specificCodesFor(set.specificCodes, {
      ndc11: '71336100301',
      genericName: 'vutrisiran',
    });
    expect(others).toEqual([]);
    expect(j0225).toMatchObject({
      hcpcs: 'J0225',
      ndc: '71336-1003',
      nocCodesBefore: ['J3490'],
      billingUnit: { amount: '1', unit: 'mg' },
      effectiveFrom: '2023-01-01',
      effectiveFromConfirmed: false,
      setting: 'office',
    });
  });

  it('confirms only the sourced dates and leaves J1932 without one', () => {
    const dates = Object.fromEntries(
      set.specificCodes.map((r) => [r.hcpcs, [r.effectiveFrom, r.effectiveFromConfirmed]]),
    );
    expect(dates).toEqual({
      C9036: ['2019-01-01', true],
      J0222: ['2019-10-01', false],
      J0223: ['2020-07-01', false],
      J1427: ['2021-04-01', false],
      J0225: ['2023-01-01', false],
      J1932: [null, false],
      J9043: ['2013-01-01', true],
    });
  });

  it('gives C9036 for hospital outpatient and J0222 (0.1 mg) for the office for Onpattro', () => {
    const onpattro = specificCodesFor(set.specificCodes, {
      ndc11: '71336100001',
      genericName: 'patisiran lipid complex',
    });
    expect(onpattro.map((r) => [r.hcpcs, r.setting, r.billingUnit])).toEqual([
      ['C9036', 'hospital-outpatient', { amount: '0.1', unit: 'mg' }],
      ['J0222', 'office', { amount: '0.1', unit: 'mg' }],
    ]);
    expect(onpattro.map((r) => r.unconfirmed)).toEqual([false, true]);
  });

  it('matches name rows by whole word of the generic name, not by a part of a word', () => {
    const cabazitaxel = { ndc11: '00024582411', genericName: 'Cabazitaxel injection' };
    expect(specificCodesFor(set.specificCodes, cabazitaxel).map((r) => r.hcpcs)).toEqual(['J9043']);
    const notIt = { ndc11: '00024582411', genericName: 'cabazitaxelum' };
    expect(specificCodesFor(set.specificCodes, notIt)).toEqual([]);
    expect(specificCodesFor(set.specificCodes, { ndc11: '71336100399', genericName: 'x' })[0]?.hcpcs).toBe('J0225');
    expect(specificCodesFor(set.specificCodes, { ndc11: '71336100499', genericName: 'x' })).toEqual([]);
  });
});

describe('product NDC prefixes', () => {
  it('pads 4-4 and 5-3 product NDCs as their 11-digit forms do', () => {
    expect(productNdc9('71336-1003')).toBe('713361003');
    expect(productNdc9('0002-7597')).toBe('000027597');
    expect(productNdc9('50242-040')).toBe('502420040');
    expect(productNdc9('1234-567')).toBeNull();
    expect(productNdc9('713361003')).toBeNull();
  });
});

describe('a malformed starter set', () => {
  it('is refused naming the file and line of a row without a source', () => {
    const dir = alteredCopy('noc-codes.csv', (t) => t.replace(/,compounded,,".*"/, ',compounded,,'));
    expect(() => loadStarterSet(dir)).toThrow(/noc-codes\.csv line 5: source is empty/);
  });

  it('is refused naming the file and line of an NDC that is not one', () => {
    const dir = alteredCopy('specific-codes.csv', (t) => t.replace('73292-0011-01', '73292-00111-01'));
    expect(() => loadStarterSet(dir)).toThrow(/specific-codes\.csv line 5: ndc "73292-00111-01"/);
  });

  it('is refused for an unknown rule word or a confirmed date that is missing', () => {
    const badRule = alteredCopy('noc-codes.csv', (t) => t.replace(',inhalation,,,', ',inhaled,,,'));
    expect(() => loadStarterSet(badRule)).toThrow(/noc-codes\.csv line 7: route_rule must be one of/);
    const badDate = alteredCopy('specific-codes.csv', (t) => t.replace('2013-01-01,yes', ',yes'));
    expect(() => loadStarterSet(badDate)).toThrow(/specific-codes\.csv line 8: effective_from_confirmed is yes/);
  });
});
