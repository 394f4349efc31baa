/**
 * The practice the server bench runs against, entered through the services the way people would
 * (dispatch in-process, before the server starts): the claim-seed practice (header, Medicare Part B
 * with its profile confirmed, McKesson's scanned invoice) plus a catalog of single-dose drugs with
 * AWP and WAC on file, commercial payers with contracts, a year of monthly invoices from two
 * suppliers (every lot large enough for the run's saves), thousands of patients, and thousands of
 * documented administrations spread over the year, most marked ready and a share billed and paid.
 * Then the accounts: an owner and one biller per desk (the desks sign in over HTTPS later).
 */
import type { Administration, AdministrationInput } from '../../shared/domain/administration';
import type { Invoice, Supplier } from '../../shared/domain/invoice';
import type { Patient } from '../../shared/domain/patient';
import type { Payer } from '../../shared/domain/payer';
import { accountsFor } from '../../electron/services/accounts/account-service';
import type { ServiceContext } from '../../electron/services/context';
import { DOCUMENTED, seedPractice, type Value } from '../fixtures/claim-seed';
import { contractTerms } from '../fixtures/seed-inputs';
import { tinyPdf } from '../fixtures/scans/tiny-scans';
import { isoDayFrom, seededRandom } from './bench-util';

/** What the desks work with: ids to open, lots to draw from, payers and patients to bill. */
export type Practice = {
  payerIds: number[];
  patientIds: number[];
  /** Lots with plenty left, each with its drug's strength unit and a dose that fits one vial. */
  lots: { id: number; dose: string; waste: string; unit: string; route: string }[];
  administrationIds: number[];
  /** Administrations not yet billed (draft or ready): the ones a desk may edit and attach. */
  openIds: number[];
};

export type Accounts = { owner: { name: string; password: string }; billers: { name: string; password: string }[] };

const rand = seededRandom(20261207);
/** Dates of service over 2026 up to the end of November; invoices from December 2025. */
const dayOf = isoDayFrom('2026-01-01');
const DAYS = 330;
const CATALOG = 10;
const COMMERCIAL = ['Blue Cross', 'Aetna', 'United Healthcare', 'Cigna', 'Humana', 'Medicaid HMO'];
const MONTHS = 12;

export async function seedServerPractice(
  value: Value,
  size: { patients: number; administrations: number },
): Promise<Practice> {
  const base = await seedPractice(value, { patients: [] });
  const drugs: { ndc: string; strength: number; route: string }[] = [];
  for (let d = 0; d < CATALOG; d++) {
    const ndc = `${61000 + d}-${String(100 + d * 7).padStart(4, '0')}-01`;
    const strength = [50, 100, 200, 400][d % 4] as number;
    const route = d % 3 === 0 ? 'IM' : 'IV';
    await value('drugs:create', {
      ndc,
      genericName: `Benchumab ${d + 1}`,
      brandName: `Benchra ${d + 1}`,
      strengthAmount: String(strength),
      strengthUnit: 'mg',
      packageSize: '1',
      ndcUnit: 'UN',
      container: 'single-dose',
      route,
    });
    const awp = (150 + d * 35).toFixed(2);
    await value('prices:create', { ndc, priceType: 'AWP', pricePerPackage: awp, effectiveFrom: '2025-01-01' });
    await value('prices:create', {
      ndc,
      priceType: 'WAC',
      pricePerPackage: (130 + d * 29).toFixed(2),
      effectiveFrom: '2025-01-01',
    });
    drugs.push({ ndc, strength, route });
  }
  const payerIds = [base.medicare.id];
  for (const [i, name] of COMMERCIAL.entries()) {
    const payer = await value<Payer>('payers:create', {
      name,
      payerType: name === 'Medicaid HMO' ? 'medicaid' : 'commercial',
      requiresInvoice: i % 2 === 0,
    });
    await value('payers:confirmProfile', { id: payer.id });
    await value(
      'contracts:create',
      contractTerms(payer.id, { percent: String(80 + i * 3), effectiveFrom: '2025-01-01' }),
    );
    payerIds.push(payer.id);
  }

  const suppliers = [base.supplier, await value<Supplier>('suppliers:create', { name: 'Cardinal Health Specialty' })];
  const lots: Practice['lots'] = [];
  for (let m = 0; m < MONTHS; m++) {
    const supplier = suppliers[m % 2] as Supplier;
    const invoiceDate = m === 0 ? '2025-12-15' : `2026-${String(m).padStart(2, '0')}-05`;
    const lines = drugs
      .filter((_, d) => (d + m) % 2 === 0)
      .map((drug, n) => ({
        ndc: drug.ndc,
        lotNumber: `L${m}-${n}`,
        expiryDate: '2028-06-30',
        // Enough vials that a minute of saves from every desk never empties a lot.
        packageQuantity: '5000',
        costPerPackage: (120 + n * 30).toFixed(2),
      }));
    const invoice = await value<Invoice>('invoices:create', {
      supplierId: supplier.id,
      invoiceNumber: `B-${2026}-${m + 1}`,
      invoiceDate,
      lines,
    });
    await value('invoices:attachScan', {
      invoiceId: invoice.id,
      fileName: `b-${m + 1}.pdf`,
      contentBase64: tinyPdf(`${supplier.name} invoice B-${m + 1}`).toString('base64'),
    });
    for (const line of invoice.lines) {
      const drug = drugs.find((d) => d.ndc.replaceAll('-', '') === line.ndc11) ?? drugs[0];
      if (!drug) continue;
      const given = (drug.strength * (4 + rand(5))) / 10;
      lots.push({
        id: line.id,
        dose: String(given),
        waste: String(drug.strength - given),
        unit: 'mg',
        route: drug.route,
      });
    }
  }

  const patientIds: number[] = [];
  const LAST = ['Garcia', 'Nguyen', 'Okafor', 'Schmidt', 'Kowalski', 'Haddad', 'Johnson', 'Martinez', 'Chen', 'Brown'];
  const FIRST = ['Ana', 'Minh', 'Zoë', 'Omar', 'Grace', 'Luis', 'Irina', 'Samuel', 'Aiyana', 'Dev'];
  for (let i = 0; i < size.patients; i++) {
    const patient = await value<Patient>('patients:create', {
      lastName: `${LAST[rand(LAST.length)]}${i % 7 ? '' : '-Ellis'}`,
      firstName: FIRST[rand(FIRST.length)],
      dateOfBirth: `19${40 + rand(60)}-0${1 + rand(9)}-1${rand(10)}`,
      accountNumber: `MRN-${200000 + i}`,
      payerId: payerIds[i % payerIds.length],
      memberId: `M${String(700000 + i)}`,
    });
    patientIds.push(patient.id);
  }

  const administrationIds: number[] = [];
  const openIds: number[] = [];
  for (let i = 0; i < size.administrations; i++) {
    const a = await value<Administration>(
      'administrations:create',
      administrationFor({ payerIds, patientIds, lots }, i),
    );
    administrationIds.push(a.id);
    // About a third stay open (draft or ready: editable); the rest went out, most of those paid.
    const roll = rand(100);
    if (roll < 10) {
      openIds.push(a.id);
      continue;
    }
    await value('administrations:setStatus', { id: a.id, status: 'ready' });
    if (roll < 35) {
      openIds.push(a.id);
      continue;
    }
    await value('administrations:setStatus', { id: a.id, status: 'billed' });
    if (roll < 85) await value('administrations:setStatus', { id: a.id, status: 'paid' });
  }
  return { payerIds, patientIds, lots, administrationIds, openIds };
}

/** A documented administration (ready to bill once saved) of one of the lots, the `i`th of the practice. */
export function administrationFor(
  p: Pick<Practice, 'payerIds' | 'patientIds' | 'lots'>,
  i: number,
  pick: (n: number) => number = rand,
): AdministrationInput {
  const lotIndex = pick(p.lots.length);
  const lot = p.lots[lotIndex] as Practice['lots'][number];
  // A lot's month: its invoice is dated before the first of that month (see seedServerPractice).
  const month = Math.floor(lotIndex / (CATALOG / 2));
  const day = Math.min(month * 30 + 1 + pick(30), DAYS - 1);
  const iv = lot.route === 'IV';
  return {
    ...DOCUMENTED,
    ...(iv ? {} : { technique: 'injection', infusionStart: '', infusionStop: '', site: 'Right deltoid' }),
    dateOfService: dayOf(day),
    patientId: p.patientIds[pick(p.patientIds.length)] as number,
    payerId: p.payerIds[pick(p.payerIds.length)] as number,
    invoiceLineId: lot.id,
    dose: { amount: lot.dose, unit: 'mg' },
    wastedAmount: lot.waste,
    route: lot.route as AdministrationInput['route'],
    billedCharge: (400 + pick(2000)).toFixed(2),
    claimNumber: `PCN-${String(i).padStart(6, '0')}`,
  };
}

/** The owner and one biller per desk: made in-process before the server starts (scrypt each). */
export function seedAccounts(ctx: ServiceContext, desks: number): Accounts {
  const accounts = accountsFor(ctx);
  const owner = { name: 'Dana Whitfield', password: 'owner bench password' };
  const { user } = accounts.createFirstOwner(owner);
  const billers = Array.from({ length: desks }, (_, i) => ({
    name: `Biller ${String(i + 1).padStart(2, '0')}`,
    password: `biller bench password ${i + 1}`,
  }));
  for (const b of billers) accounts.addUser(user, { ...b, role: 'biller' });
  return { owner, billers };
}
