/**
 * The header's search box (search:everything) and the lists' searches ignoring case and accents,
 * through openServices + dispatch on a real SQLite file. The practice is seeded through the
 * services (claim-seed: Zoë Łukasiewicz-O’Brien, Nguyễn Thị Ánh, Minh Đặng; Examplemab
 * 50242-040-62 on lot EX-1 and Multicaine on lot MC-7 of invoice INV-500 from McKesson).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit, SearchKind } from '../../shared/api/search-channels';
import type { Administration, AdministrationSummary } from '../../shared/domain/administration';
import type { Drug } from '../../shared/domain/drug-catalog';
import type { Invoice, InvoiceSummary } from '../../shared/domain/invoice';
import type { Patient } from '../../shared/domain/patient';
import type { UnmatchedLine } from '../../shared/domain/remittance';
import type { Lot } from '../../shared/domain/stock';
import { remittance835 } from '../fixtures/era/remittance-835';
import { billedAdministration, seedPractice, type Seeded } from '../fixtures/claim-seed';
import { serviceHarness } from './service-harness';

const { value } = serviceHarness();

type Found = { hits: SearchHit[]; more: SearchKind[] };
const search = (text: string) => value<Found>('search:everything', { text });
const labels = (found: Found, kind: SearchKind): string[] =>
  found.hits.filter((h) => h.kind === kind).map((h) => h.label);

let s: Seeded;
let zoe: Patient;
let claim: Administration;

beforeEach(async () => {
  s = await seedPractice(value);
  zoe = s.patients[1] as Patient;
  claim = await billedAdministration(value, s, zoe, { claimNumber: 'PCN-88123' });
  await billedAdministration(value, s, s.patients[0] as Patient, { claimNumber: 'PCN-88124' });
  await value<Invoice>('invoices:create', {
    supplierId: s.supplier.id,
    invoiceNumber: '77-4410',
    invoiceDate: '2025-03-05',
    lines: [
      {
        ndc: '50242-040-62',
        lotNumber: 'EX-2',
        expiryDate: '2027-01-31',
        packageQuantity: '10',
        costPerPackage: '110',
      },
    ],
  });
});

describe('search:everything', () => {
  it('finds a patient typed without accents or capitals, with their page to open', async () => {
    for (const text of ['zoe lukas', 'Zoe Lukasiewicz', 'LUKASIEWICZ', 'lukasiewicz-o’brien', "o'brien zoe"]) {
      const found = await search(text);
      expect(labels(found, 'patient'), text).toEqual(['Łukasiewicz-O’Brien, Zoë']);
    }
    const [hit] = (await search('zoe lukas')).hits;
    expect(hit).toEqual({
      kind: 'patient',
      label: 'Łukasiewicz-O’Brien, Zoë',
      detail: 'Born Apr 2, 1951 · Account MRN-1002 · Medicare Part B member ID 1EG4-TE5-MK01',
      path: `/patients/${zoe.id}`,
    });
    expect(labels(await search('nguyen anh'), 'patient')).toEqual(['Ánh, Nguyễn Thị']);
    expect(labels(await search('dang'), 'patient')).toEqual(['Đặng, Minh']);
  });

  it('finds a patient by account/MRN and by member ID', async () => {
    expect(labels(await search('mrn-1003'), 'patient')).toEqual(['Đặng, Minh']);
    expect(labels(await search('1eg4-te5-mk00'), 'patient')).toEqual(['Ánh, Nguyễn Thị']);
  });

  it('finds a claim by the start of its number in any case, opening its administration with its status', async () => {
    const found = await search('pcn-8812');
    expect(found.hits.filter((h) => h.kind === 'claim')).toEqual([
      {
        kind: 'claim',
        label: 'Claim PCN-88123',
        detail: 'Łukasiewicz-O’Brien, Zoë · Examplemab (Brandix) · given Feb 20, 2025',
        path: `/administrations/${claim.id}`,
        status: 'billed',
      },
      expect.objectContaining({ label: 'Claim PCN-88124' }),
    ]);
    // A claim number is matched from its start only: its middle is not a claim.
    expect(labels(await search('88123'), 'claim')).toEqual([]);
  });

  it('finds an invoice by its number or part of it, and a lot by its number', async () => {
    const invoice = await search('4410');
    expect(invoice.hits.filter((h) => h.kind === 'invoice')).toEqual([
      expect.objectContaining({ label: 'Invoice 77-4410', detail: 'McKesson · Mar 5, 2025' }),
    ]);
    expect(labels(await search('inv-500'), 'invoice')).toEqual(['Invoice INV-500']);
    const lot = (await search('ex-2')).hits.filter((h) => h.kind === 'lot');
    expect(lot).toEqual([
      {
        kind: 'lot',
        label: 'Lot EX-2',
        detail: 'Examplemab (Brandix) · NDC 50242-0040-62 · expires Jan 31, 2027 · invoice 77-4410 from McKesson',
        path: expect.stringMatching(/^\/invoices\/\d+$/),
      },
    ]);
  });

  it('finds an NDC printed with hyphens, as 11 digits or as 10 bare digits: the drug and its lots', async () => {
    for (const text of ['50242-040-62', '50242-0040-62', '50242004062', '5024204062', 'NDC 50242-040-62']) {
      const found = await search(text);
      expect(labels(found, 'drug'), text).toEqual(['Examplemab (Brandix)']);
      expect(labels(found, 'lot'), text).toEqual(['Lot EX-2', 'Lot EX-1']);
    }
    const [drug] = (await search('5024204062')).hits.filter((h) => h.kind === 'drug');
    expect(drug).toEqual({
      kind: 'drug',
      label: 'Examplemab (Brandix)',
      detail: 'NDC 50242-0040-62 · 100 mg · single-dose',
      path: '/drugs?search=50242-0040-62',
    });
    // Part of an NDC finds the drug by its digits; lots only by a whole NDC.
    expect(labels(await search('50242-0040'), 'drug')).toEqual(['Examplemab (Brandix)']);
    expect(labels(await search('50242-0040'), 'lot')).toEqual([]);
  });

  it('finds a drug by its name without capitals, and says when a kind has more than it lists', async () => {
    expect(labels(await search('multicaine'), 'drug')).toEqual(['Multicaine']);
    for (let i = 0; i < 9; i++) {
      await value('patients:create', {
        lastName: `Lukas ${i}`,
        firstName: 'Ana',
        dateOfBirth: '1960-01-01',
        accountNumber: `MRN-9${i}`,
      });
    }
    const found = await search('lukas');
    expect(labels(found, 'patient')).toHaveLength(8);
    expect(found.more).toEqual(['patient']);
  });

  it('finds nothing for an empty text or one nothing matches', async () => {
    expect(await search('   ')).toEqual({ hits: [], more: [] });
    expect(await search('no such thing')).toEqual({ hits: [], more: [] });
  });
});

describe('the lists search ignoring case and accents', () => {
  it('patients:list finds "Zoë Łukasiewicz" by "Zoe Lukasiewicz" and by "lukasiewicz"', async () => {
    for (const text of ['Zoe Lukasiewicz', 'lukasiewicz', 'ZOË', 'o’brien', "O'Brien"]) {
      const { rows } = await value<{ rows: Patient[] }>('patients:list', { search: text });
      expect(
        rows.map((p) => p.lastName),
        text,
      ).toEqual(['Łukasiewicz-O’Brien']);
    }
    const { rows } = await value<{ rows: Patient[] }>('patients:list', { search: 'nguyen' });
    expect(rows.map((p) => p.firstName)).toEqual(['Nguyễn Thị']);
  });

  it('drugs:list finds accented names by their plain letters and plain names typed with accents', async () => {
    await value('drugs:create', {
      ndc: '11111-222-33',
      genericName: 'Bévacizumab',
      brandName: 'Mvasi',
      strengthAmount: '100',
      strengthUnit: 'mg',
      packageSize: '1',
      ndcUnit: 'UN',
      container: 'single-dose',
      route: 'IV',
    });
    const names = async (text: string) =>
      (await value<{ rows: Drug[] }>('drugs:list', { search: text })).rows.map((d) => d.genericName);
    expect(await names('bevacizumab')).toEqual(['Bévacizumab']);
    expect(await names('BÉVA')).toEqual(['Bévacizumab']);
    expect(await names('Éxamplemab')).toEqual(['Examplemab']);
    expect(await names('brandix')).toEqual(['Examplemab']);
  });

  it('administrations:list finds a patient name without accents, and a claim number in small letters', async () => {
    const ids = async (text: string) =>
      (await value<{ rows: AdministrationSummary[] }>('administrations:list', { search: text })).rows.map((a) => a.id);
    expect(await ids('zoe lukasiewicz')).toEqual([claim.id]);
    expect(await ids('pcn-88123')).toEqual([claim.id]);
  });

  it('invoices:list and stock:list find suppliers and drugs by their names folded', async () => {
    await value('suppliers:create', { name: 'Łódź Pharma' });
    const suppliers = await value<{ id: number; name: string }[]>('suppliers:list', {});
    const lodz = suppliers.find((x) => x.name === 'Łódź Pharma');
    await value('invoices:create', {
      supplierId: lodz?.id,
      invoiceNumber: 'LZ-1',
      invoiceDate: '2025-03-06',
      lines: [
        {
          ndc: '12345-678-90',
          lotNumber: 'MC-9',
          expiryDate: '2027-01-31',
          packageQuantity: '1',
          costPerPackage: '40',
        },
      ],
    });
    const invoices = await value<{ rows: InvoiceSummary[] }>('invoices:list', { search: 'lodz' });
    expect(invoices.rows.map((i) => i.invoiceNumber)).toEqual(['LZ-1']);
    const lots = await value<{ rows: Lot[] }>('stock:list', { search: 'MULTICAINE', today: '2025-03-10' });
    expect(lots.rows.map((l) => l.lotNumber).sort()).toEqual(['MC-7', 'MC-9']);
  });

  it('remittances:unmatched finds a payment by the patient name the payer sent, without its accents', async () => {
    // The payer spells the patient MÜLLER (the file is Latin-1) on a claim number nobody billed.
    const text = remittance835([
      { administration: claim, claimNumber: 'CLM-TYPO', lines: [{ kind: 'given' }] },
    ]).replace(/NM1\*QC\*1\*[^*]*\*/, 'NM1*QC*1*MÜLLER*');
    await value('remittances:import', {
      fileName: 'medicare.835',
      contentBase64: Buffer.from(text, 'latin1').toString('base64'),
    });
    const found = async (search: string) =>
      (await value<{ rows: UnmatchedLine[] }>('remittances:unmatched', { search })).rows.map((r) => r.patient);
    expect(await found('muller')).toEqual([expect.stringContaining('MÜLLER')]);
    expect(await found('Müller')).toEqual([expect.stringContaining('MÜLLER')]);
    expect(await found('mueller')).toEqual([]);
  });
});
