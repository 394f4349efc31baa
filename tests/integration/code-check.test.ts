/**
 * The code check (issue 13 items 3–5) through the contract, on a real SQLite file: the bundled
 * starter set before any import, then the CMS crosswalk and HCPCS update imported from the
 * fixtures written from the published layouts (tests/fixtures/reference/README.md), an
 * administration that uses J3490 where a specific code exists (K1) and where it does not yet (K2),
 * the payer's instruction, "bill with the specific code", an unknown code, and the CLI's check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeCheckView, ReferenceImportView, ReferencePreview } from '../../shared/api/reference-channels';
import type { Terms } from '../../shared/api/resolution-schemas';
import type { Administration, AdministrationInput } from '../../shared/domain/administration';
import type { Invoice, Supplier } from '../../shared/domain/invoice';
import type { Patient } from '../../shared/domain/patient';
import type { Payer } from '../../shared/domain/payer';
import { runCli } from '../../electron/cli';
import { DOCUMENTED, PRACTICE } from '../fixtures/claim-seed';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { contractTerms } from '../fixtures/seed-inputs';
import { serviceHarness } from './service-harness';

const { value, refusal, services, auditRows } = serviceHarness({ actor: 'biller', start: '2026-12-07T15:00:00.000Z' });

const FIXTURES = join(__dirname, '..', 'fixtures', 'reference');
const file = (name: string) => ({
  fileName: name,
  contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'),
});

/** Givlaari 189 mg/mL vial: J0223 "Injection, givosiran, 0.5 mg" in the starter set and the fixtures. */
const GIVLAARI = {
  ndc: '71336-1001-01',
  genericName: 'givosiran',
  brandName: 'Givlaari',
  strengthAmount: '189',
  strengthUnit: 'mg',
  packageSize: '1',
  ndcUnit: 'ML',
  container: 'single-dose',
  route: 'SC',
};

let payer: Payer;
let patient: Patient;
let lot: number;

beforeEach(async () => {
  await value('practice:set', PRACTICE);
  await value('drugs:create', GIVLAARI);
  payer = await value<Payer>('payers:create', { name: 'Aetna', payerType: 'commercial' });
  await value('contracts:create', contractTerms(payer.id, { effectiveFrom: '2020-01-01' }));
  await value('payers:confirmProfile', { id: payer.id });
  await value('prices:create', {
    ndc: GIVLAARI.ndc,
    priceType: 'AWP',
    pricePerPackage: '45000.00',
    effectiveFrom: '2020-01-01',
  });
  const supplier = await value<Supplier>('suppliers:create', { name: 'Specialty Pharmacy' });
  const invoice = await value<Invoice>('invoices:create', {
    supplierId: supplier.id,
    invoiceNumber: 'SP-2020',
    invoiceDate: '2020-06-01',
    lines: [
      {
        ndc: GIVLAARI.ndc,
        lotNumber: 'GV-1',
        expiryDate: '2022-12-31',
        packageQuantity: '10',
        costPerPackage: '40000.00',
      },
    ],
  });
  await value('invoices:attachScan', {
    invoiceId: invoice.id,
    fileName: 'sp-2020.pdf',
    contentBase64: tinyPdf('Specialty Pharmacy invoice SP-2020').toString('base64'),
  });
  lot = invoice.lines[0]!.id;
  patient = await value<Patient>('patients:create', {
    lastName: 'Okafor',
    firstName: 'Ada',
    dateOfBirth: '1980-02-11',
    accountNumber: 'MRN-77',
    payerId: payer.id,
    memberId: 'W1',
  });
});

const terms = (date: string, hcpcs = 'J3490') =>
  value<Terms>('resolve:terms', { payerId: payer.id, ndc: GIVLAARI.ndc, dateOfService: date, hcpcs });
const codes = (t: { warnings: { code: string }[] }) => t.warnings.map((w) => w.code);

async function importReference(
  kind: 'crosswalk' | 'hcpcs',
  name: string,
  release?: string,
): Promise<ReferenceImportView> {
  const preview = await value<ReferencePreview>('reference:preview', {
    kind,
    files: [file(name)],
    ...(release ? { release } : {}),
  });
  expect(preview.refusedRows).toBeGreaterThan(0); // each fixture carries rows to refuse
  return value<ReferenceImportView>('reference:commit', { stagedId: preview.stagedId, acceptRefused: true });
}

/** A documented 189 mg (1 mL) dose of Givlaari. */
const administration = (changes: Partial<AdministrationInput> = {}): AdministrationInput => ({
  dateOfService: '2020-11-02',
  patientId: patient.id,
  payerId: payer.id,
  invoiceLineId: lot,
  dose: { amount: '189', unit: 'mg' },
  route: 'SC',
  billedCharge: '52000.00',
  hcpcs: 'J3490',
  claimNumber: 'PCN-1',
  ...DOCUMENTED,
  technique: 'injection',
  infusionStart: '',
  infusionStop: '',
  ...changes,
});

describe('the code check before any import: the bundled starter set', () => {
  it('K1: J3490 for Givlaari after J0223’s date names the code, its unit and the units of the dose, marked unconfirmed', async () => {
    const check = await value<CodeCheckView>('reference:check', {
      ndc: GIVLAARI.ndc,
      date: '2020-08-15',
      dose: { amount: '189', unit: 'mg' },
    });
    expect(check.specificCode).toMatchObject({
      hcpcs: 'J0223',
      effectiveFrom: '2020-07-01',
      effectiveFromConfirmed: false,
      billingUnit: '0.5 mg',
      unitsForDose: '378',
    });
    expect(check.warnings[0]?.code).toBe('SPECIFIC_CODE_EXISTS');
    expect(check.warnings[0]?.message).toContain('not confirmed by a CMS file on record');
  });

  it('K2: before the effective date J3490 stands, and the code is shown as upcoming', async () => {
    const check = await value<CodeCheckView>('reference:check', { ndc: GIVLAARI.ndc, date: '2020-06-30' });
    expect(check.specificCode).toBeNull();
    expect(check.upcoming?.hcpcs).toBe('J0223');
    expect(codes(check)).not.toContain('SPECIFIC_CODE_EXISTS');
  });

  it('a code that is not NOC cannot be checked without a HCPCS update: a warning says so (Quick estimate)', async () => {
    expect(codes(await terms('2020-11-02', 'J1234'))).toContain('HCPCS_UNVERIFIED');
  });
});

describe('j3490 import crosswalk|hcpcs (item 8)', () => {
  const cli = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--data-dir', services().ctx.dataDir, ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      readStdin: () => '',
    });
    return { code, json: JSON.parse(out.join('')) as Record<string, unknown>, err: err.join('\n') };
  };

  it('refuses a file with refused rows unless --accept-errors leaves them out, then imports all or nothing', async () => {
    services().close();
    const crosswalk = join(FIXTURES, 'asp-ndc-hcpcs-crosswalk-ndc2.csv');
    const refused = await cli(['import', 'crosswalk', crosswalk]);
    expect(refused.code).toBe(2);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' }, taken: 0, refused: 2 });
    const taken = await cli(['import', 'crosswalk', crosswalk, '--accept-errors']);
    expect(taken.code).toBe(0);
    expect(taken.json).toMatchObject({
      kind: 'crosswalk',
      release: '2025Q1',
      rowsTaken: 7,
      rowsRefused: 2,
      current: true,
    });
    expect(taken.err).toContain('Leaving out 2 refused row(s)');
    const hcpcs = await cli([
      'import',
      'hcpcs',
      join(FIXTURES, 'hcpcs-anweb.txt'),
      '--release',
      '2025Q1',
      '--accept-errors',
    ]);
    expect(hcpcs.json).toMatchObject({ kind: 'hcpcs', release: '2025Q1' });
    const check = await cli(['check', '71336-1001-01', '--date', '2020-11-02', '--dose', '189 mg']);
    expect(check.json).toMatchObject({
      specificCode: { hcpcs: 'J0223', effectiveFrom: '2020-10-01', unitsForDose: '378' },
    });
  });
});

describe('after importing the CMS crosswalk and HCPCS update', () => {
  beforeEach(async () => {
    await importReference('crosswalk', 'asp-ndc-hcpcs-crosswalk-ndc2.csv');
    // The fixed-width file's name does not say its quarter: the person says it.
    await importReference('hcpcs', 'hcpcs-anweb.txt', '2025Q1');
  });

  it('the HCPCS file’s ADD DT (2020-10-01) replaces the starter set’s unconfirmed date: K2 before it, K1 after', async () => {
    expect(codes(await terms('2020-08-15'))).not.toContain('SPECIFIC_CODE_EXISTS');
    const after = await terms('2020-11-02');
    const warning = after.warnings.find((w) => w.code === 'SPECIFIC_CODE_EXISTS');
    expect(warning?.message).toContain('J0223 "Injection, givosiran, 0.5 mg", effective 2020-10-01, billed per 0.5 mg');
    expect(warning?.message).not.toContain('not confirmed');
  });

  it('a code the HCPCS set does not have: a warning on the Quick estimate, a refusal on the administration', async () => {
    expect(codes(await terms('2020-11-02', 'J1234'))).toContain('HCPCS_UNKNOWN');
    const refused = await refusal('administrations:create', administration({ hcpcs: 'J1234' }));
    expect(refused.code).toBe('HCPCS_UNKNOWN');
    expect(refused.fields?.[0]?.field).toBe('hcpcs');
  });

  it('a specific code billed before its date is flagged (J0223 on 2020-08-15)', async () => {
    expect(codes(await terms('2020-08-15', 'J0223'))).toContain('HCPCS_NOT_YET_EFFECTIVE');
  });

  it('K1 blocks readiness until the payer’s instruction is recorded (audited), and taking it back blocks again', async () => {
    const a = await value<Administration>('administrations:create', administration());
    const item = a.readiness.items.find((i) => i.key === 'hcpcs-code');
    expect(item?.ok).toBe(false);
    expect((await refusal('administrations:setStatus', { id: a.id, status: 'ready' })).code).toBe('NOT_READY');

    const instructed = await value<Administration>('administrations:recordNocInstruction', {
      id: a.id,
      note: 'Aetna rep M. Cruz, 2020-11-02, call ref 88123: bill J3490 with the NDC',
    });
    expect(instructed.nocInstruction).toMatchObject({ by: 'biller', note: expect.stringContaining('call ref 88123') });
    expect(instructed.readiness.ready).toBe(true);
    const ready = await value<Administration>('administrations:setStatus', { id: a.id, status: 'ready' });
    expect(ready.status).toBe('ready');
    const logged = auditRows('administration').at(-2);
    expect(logged?.after).toMatchObject({ nocInstruction: { note: expect.stringContaining('call ref 88123') } });

    const takenBack = await value<Administration>('administrations:recordNocInstruction', { id: a.id, note: '' });
    expect(takenBack.nocInstruction).toBeNull();
    expect(takenBack.status).toBe('draft');
  });

  it('an instruction is refused where no specific code exists (K2)', async () => {
    const a = await value<Administration>('administrations:create', administration({ dateOfService: '2020-08-15' }));
    expect(a.readiness.items.find((i) => i.key === 'hcpcs-code')?.ok).toBe(true);
    expect((await refusal('administrations:recordNocInstruction', { id: a.id, note: 'x' })).code).toBe(
      'NO_SPECIFIC_CODE',
    );
  });

  it('"Bill with the specific code" re-prices under J0223 with its 0.5 mg unit: 378 units for 189 mg', async () => {
    const a = await value<Administration>('administrations:create', administration());
    expect(a.estimate?.lines[0]?.hcpcs).toBe('J3490');
    const moved = await value<Administration>('administrations:useSpecificCode', { id: a.id });
    expect(moved.hcpcs).toBe('J0223');
    expect(moved.estimate?.lines[0]?.hcpcs).toBe('J0223');
    expect(moved.estimate?.lines[0]?.units).toBe('378');
    expect(codes({ warnings: moved.estimateWarnings })).not.toContain('SPECIFIC_CODE_EXISTS');
    expect(moved.readiness.items.find((i) => i.key === 'hcpcs-code')?.ok).toBe(true);
  });

  it('j3490 check prints the issue’s shape', async () => {
    services().close();
    const out: string[] = [];
    const dataDir = services().ctx.dataDir;
    const code = await runCli(['--data-dir', dataDir, 'check', '71336-1001-01', '--date', '2020-11-02'], {
      out: (t) => out.push(t),
      err: () => {},
      readStdin: () => '',
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      ndc11: '71336100101',
      date: '2020-11-02',
      hcpcs: 'J3490',
      specificCode: {
        hcpcs: 'J0223',
        descriptor: 'Injection, givosiran, 0.5 mg',
        effectiveFrom: '2020-10-01',
        billingUnit: '0.5 mg',
        source: expect.stringContaining('CMS NDC-HCPCS crosswalk 2025Q1'),
      },
      warnings: [expect.objectContaining({ code: 'SPECIFIC_CODE_EXISTS' })],
    });
  });
});

describe('with the FDA NDC directory imported (item 5)', () => {
  const fda = (name: string) => ({
    fileName: name,
    contentBase64: readFileSync(join(FIXTURES, 'fda', name)).toString('base64'),
  });
  beforeEach(async () => {
    const preview = await value<ReferencePreview>('reference:preview', {
      kind: 'fda-ndc',
      files: [fda('product.txt'), fda('package.txt')],
      release: '2026-12-01',
    });
    await value('reference:commit', { stagedId: preview.stagedId, acceptRefused: true });
  });

  it('N5: ten digits without hyphens resolve when one package has them, and stay ambiguous (listing both) when two do', async () => {
    const one = await value<{ packages: { ndc11: string; proprietaryName: string; labelerName: string }[] }>(
      'reference:lookupNdc',
      { ndc: '5024204062' },
    );
    expect(one.packages.map((p) => p.ndc11)).toEqual(['50242004062']);
    const checked = await value<CodeCheckView>('reference:check', { ndc: '5024204062', date: '2025-01-02' });
    expect(checked.ndc11).toBe('50242004062');

    const two = await value<{ packages: { ndc11: string }[] }>('reference:lookupNdc', { ndc: '1234567890' });
    expect(two.packages.map((p) => p.ndc11)).toEqual(['01234567890', '12345067890']);
    const ambiguous = await refusal('reference:check', { ndc: '1234567890', date: '2025-01-02' });
    expect(ambiguous.code).toBe('NDC_AMBIGUOUS');
    expect(ambiguous.message).toContain('1234-5678-90');
    expect(ambiguous.message).toContain('12345-678-90');
  });

  it('adding a drug by NDC: the directory gives its names, labeler, form, route, strength and package', async () => {
    const found = await value<{ packages: Record<string, unknown>[]; directoryRelease: string }>(
      'reference:lookupNdc',
      {
        ndc: '71336-1000-01',
      },
    );
    expect(found.directoryRelease).toBe('2026-12-01');
    expect(found.packages[0]).toMatchObject({
      ndc11: '71336100001',
      proprietaryName: 'Onpattro',
      labelerName: 'Alnylam Pharmaceuticals, Inc.',
      nonproprietaryName: 'patisiran',
      dosageForm: 'INJECTION, LIPID COMPLEX',
      route: 'INTRAVENOUS',
      strength: '2 mg/mL',
    });
  });

  it('an ended or excluded NDC is a warning; J9999 for a drug the directory does not class as antineoplastic is a mismatch', async () => {
    const excluded = await value<CodeCheckView>('reference:check', { ndc: '12345-678-90', date: '2025-01-02' });
    expect(codes(excluded)).toEqual(expect.arrayContaining(['NDC_MARKETING_ENDED', 'NDC_EXCLUDED']));
    const onpattro = await value<CodeCheckView>('reference:check', {
      ndc: '71336-1000-01',
      date: '2018-10-01',
      hcpcs: 'J9999',
    });
    expect(codes(onpattro)).toContain('NOC_CODE_MISMATCH');
    const alkylating = await value<CodeCheckView>('reference:check', {
      ndc: '0002-7597-01',
      date: '2025-01-02',
      hcpcs: 'J9999',
    });
    expect(codes(alkylating)).not.toContain('NOC_CODE_MISMATCH');
  });
});
