/**
 * Seeding for the end-to-end tests that start from administrations, through `seed`. The catalog
 * is a single-dose 5 ML vial of examplizumab (50 mg/mL), Medicare Part B from its template (95% of AWP) with an AWP of $600 on file, and
 * Cardinal Health as the supplier.
 */
import type { Administration } from '../../shared/domain/administration';
import { PRACTICE } from '../fixtures/claim-seed';
import { onePagePdf } from '../fixtures/e2e/scans/make-scans';
import { seed, type Handlers } from './seed';

export const NDC = '70121-1568-1';

type Payer = { id: number; name: string };

/** The drug, the payer and its contract, the AWP, the supplier. */
export async function seedCatalog(
  h: Handlers,
  drug: { brandName?: string } = {},
): Promise<{ payer: Payer; supplierId: number }> {
  await seed(h, 'drugs:create', {
    ndc: NDC,
    genericName: 'examplizumab',
    ...drug,
    strengthAmount: '50',
    strengthUnit: 'mg',
    packageSize: '5',
    ndcUnit: 'ML',
    container: 'single-dose',
    route: 'IV',
  });
  const { payer } = await seed<{ payer: Payer }>(h, 'payers:createFromTemplate', { template: 'medicare-part-b' });
  await seed(h, 'prices:create', {
    ndc: NDC,
    priceType: 'AWP',
    pricePerPackage: '600.00',
    effectiveFrom: '2026-01-01',
  });
  const supplier = await seed<{ id: number }>(h, 'suppliers:create', { name: 'Cardinal Health' });
  return { payer, supplierId: supplier.id };
}

/** An invoice of one lot of the drug at $400 a vial; its scan (a one-page PDF) attached when `scanned`. */
export async function seedInvoice(
  h: Handlers,
  o: { supplierId: number; invoiceNumber: string; lotNumber: string; packages: string; scanned: boolean },
): Promise<{ invoiceId: number; lineId: number }> {
  const invoice = await seed<{ id: number; lines: { id: number }[] }>(h, 'invoices:create', {
    supplierId: o.supplierId,
    invoiceNumber: o.invoiceNumber,
    invoiceDate: '2026-10-01',
    lines: [
      {
        ndc: NDC,
        lotNumber: o.lotNumber,
        expiryDate: '2028-06-30',
        packageQuantity: o.packages,
        costPerPackage: '400',
      },
    ],
  });
  if (o.scanned) {
    await seed(h, 'invoices:attachScan', {
      invoiceId: invoice.id,
      fileName: `${o.invoiceNumber}.pdf`,
      contentBase64: onePagePdf(`Cardinal Health invoice ${o.invoiceNumber}`).toString('base64'),
    });
  }
  const lineId = invoice.lines[0]?.id;
  if (lineId === undefined) throw new Error('The invoice was stored without its line.');
  return { invoiceId: invoice.id, lineId };
}

/** The practice as it heads every attachment (name, address, NPI, TIN). */
export async function seedPractice(h: Handlers): Promise<void> {
  await seed(h, 'practice:set', PRACTICE);
}

/**
 * A patient of the payer and one administration complete enough to bill (200 mg given over a
 * 30-minute infusion, 50 mg of the vial discarded, diagnoses, rationale, physician notes, both
 * providers), marked ready when its checklist allows.
 */
export async function seedAdministration(
  h: Handlers,
  o: {
    payerId: number;
    lineId: number;
    patient: { lastName: string; firstName: string; accountNumber: string };
    dateOfService: string;
    markReady: boolean;
    claimNumber?: string;
  },
): Promise<{ id: number }> {
  const patient = await seed<{ id: number }>(h, 'patients:create', {
    ...o.patient,
    dateOfBirth: '1951-04-09',
    payerId: o.payerId,
    memberId: `MBI-${o.patient.accountNumber}`,
  });
  const administration = await seed<{ id: number }>(h, 'administrations:create', {
    dateOfService: o.dateOfService,
    patientId: patient.id,
    payerId: o.payerId,
    invoiceLineId: o.lineId,
    dose: { amount: '200', unit: 'mg' },
    wastedAmount: '50',
    route: 'IV',
    technique: 'iv-infusion',
    infusionStart: '09:15',
    infusionStop: '09:45',
    orderingNpi: '1234567893',
    orderingProviderName: 'Jane Roe, MD',
    renderingNpi: '1987654328',
    renderingProviderName: 'Omar Haddad, NP',
    diagnoses: ['C50.911', 'Z51.11'],
    medicalNecessity: 'HER2-positive breast cancer, cycle 3 per oncology plan.',
    physicianNotes: 'Infused over 30 minutes; no reaction. 50 mg left in the vial discarded.',
    billedCharge: '500.00',
    ...(o.claimNumber === undefined ? {} : { claimNumber: o.claimNumber }),
  });
  if (o.markReady) await seed(h, 'administrations:setStatus', { id: administration.id, status: 'ready' });
  return administration;
}

/** An administration under its claim number (and its own patient), marked ready then billed. */
export async function seedBilledClaim(
  h: Handlers,
  o: { payerId: number; lineId: number; lastName: string; claimNumber: string; dateOfService: string },
): Promise<Administration> {
  const a = await seedAdministration(h, {
    payerId: o.payerId,
    lineId: o.lineId,
    patient: { lastName: o.lastName, firstName: 'Test', accountNumber: `MRN-${o.claimNumber}` },
    dateOfService: o.dateOfService,
    markReady: true,
    claimNumber: o.claimNumber,
  });
  return seed<Administration>(h, 'administrations:setStatus', { id: a.id, status: 'billed' });
}

/**
 * What a billed claim needs: the practice, the catalog drug and its payer (profile confirmed),
 * and a scanned invoice with one lot of it.
 */
export async function seedBillingSetup(
  h: Handlers,
  invoice: { invoiceNumber: string; lotNumber: string; packages: string },
): Promise<{ payer: Payer; lineId: number }> {
  await seedPractice(h);
  const { payer, supplierId } = await seedCatalog(h);
  const { lineId } = await seedInvoice(h, { supplierId, ...invoice, scanned: true });
  await seed(h, 'payers:confirmProfile', { id: payer.id });
  return { payer, lineId };
}

/**
 * The billing setup (invoice CH-9, lot A100, 20 vials) and four billed claims of its payer:
 * Rivera, Okafor, Nakamura and Kowalski as CLM-1..CLM-4, served 2026-11-02..05.
 */
export async function seedFourBilledClaims(
  h: Handlers,
): Promise<[Administration, Administration, Administration, Administration]> {
  const { payer, lineId } = await seedBillingSetup(h, { invoiceNumber: 'CH-9', lotNumber: 'A100', packages: '20' });
  const billed: Administration[] = [];
  for (const [i, lastName] of ['Rivera', 'Okafor', 'Nakamura', 'Kowalski'].entries()) {
    billed.push(
      await seedBilledClaim(h, {
        payerId: payer.id,
        lineId,
        lastName,
        claimNumber: `CLM-${i + 1}`,
        dateOfService: `2026-11-0${i + 2}`,
      }),
    );
  }
  return billed as [Administration, Administration, Administration, Administration];
}
