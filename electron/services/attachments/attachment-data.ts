/**
 * Gathers what a cost attachment and a worksheet print from the record: the practice, the claim's
 * administrations with their patient, payer, drug, lot and invoice, and the invoice scans. Policy:
 * - Every line of the claim must be ready to bill (the readiness checklist), and the practice's
 *   header must be on file; otherwise ATTACHMENT_NOT_READY / PRACTICE_SETTINGS_MISSING name what is
 *   missing and nothing is made.
 * - The attachment model takes from the estimate only the claim lines (units, JW/JZ, N4, each
 *   line's NOC narrative) and the acquisition cost of the quantity given and wasted; what the
 *   practice expects to be paid goes to the worksheet model alone.
 * - The cost is shown as the invoice line prints it (packages, list price, extended cost, discount)
 *   and the net cost per package computed from it, so a reviewer can check one against the other.
 * - Scans are appended once each, in the order of the lines, however many lines share an invoice.
 */
import type { Administration } from '../../../shared/domain/administration';
import type { Contract } from '../../../shared/domain/contract-terms';
import { contractInWords } from '../../../shared/domain/contract-words';
import { localTime } from '../../../shared/domain/local-time';
import { techniqueText } from '../../../shared/domain/administration-technique';
import type { Drug } from '../../../shared/domain/drug-catalog';
import { nocDescriptor } from '../../../shared/domain/hcpcs';
import { Dec, usdFromFixed, usdUnitPrice } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { Invoice } from '../../../shared/domain/invoice';
import type { PracticeSettings } from '../../../shared/domain/practice-settings';
import { formatTin } from '../../../shared/domain/tin';
import { AppError } from '../app-error';
import type {
  AppendedScan,
  AttachmentLine,
  AttachmentModel,
  PracticeHeader,
  WorksheetModel,
} from '../pdf/attachment-model';
import type { ScanStore } from '../scan-store';
import { expectedTotal } from '../../../shared/domain/expected-total';

// A Map, not an object literal: a stored route of "constructor" prints as itself, not as Object.
const ROUTE_WORDS = new Map<string, string>([
  ['IV', 'Intravenous (IV)'],
  ['IM', 'Intramuscular (IM)'],
  ['SC', 'Subcutaneous (SC)'],
  ['ID', 'Intradermal (ID)'],
  ['IT', 'Intrathecal (IT)'],
  ['IO', 'Intraosseous (IO)'],
  ['INTRAVITREAL', 'Intravitreal'],
  ['INTRA-ARTICULAR', 'Intra-articular'],
  ['INTRALESIONAL', 'Intralesional'],
  ['OTHER', 'Other'],
]);

export type ClaimRecord = {
  practice: PracticeSettings;
  patient: { name: string; dateOfBirth: string; memberId: string; accountNumber: string };
  payerName: string;
  administrations: {
    administration: Administration;
    drug: Drug;
    invoice: Invoice;
    /** The contract version the estimate used; null when none was on file. */
    contract: Contract | null;
  }[];
};

/** The practice's header as it must be on file before any attachment is made. */
export function requirePracticeHeader(settings: PracticeSettings | null): PracticeSettings {
  if (!settings || settings.name.trim() === '' || settings.npi === '') {
    throw new AppError(
      'PRACTICE_SETTINGS_MISSING',
      'Attachments are headed with the practice’s name, address, NPI and TIN: enter them in Settings first.',
    );
  }
  return settings;
}

export function practiceHeader(p: PracticeSettings): PracticeHeader {
  return {
    name: p.name,
    addressLines: [p.addressLine1, p.addressLine2, `${p.city}, ${p.state} ${p.zip}`].filter((l) => l.trim() !== ''),
    phone: p.phone,
    npi: p.npi,
    tin: formatTin(p.tin),
    billingContact: p.billingContact,
  };
}

/** Throws ATTACHMENT_NOT_READY naming each line's missing items when any line is not ready. */
export function assertReady(administrations: readonly Administration[]): void {
  const notReady = administrations.filter((a) => !a.readiness.ready);
  if (notReady.length === 0) return;
  const parts = notReady.map(
    (a) =>
      `administration ${a.id} (${a.dateOfService}) is missing ${a.readiness.items
        .filter((i) => !i.ok)
        .map((i) => `${i.label}: ${i.detail}`)
        .join('; ')}`,
  );
  const sentence = `The attachment cannot be made yet: ${parts.join(' — ')}`;
  throw new AppError('ATTACHMENT_NOT_READY', sentence.endsWith('.') ? sentence : `${sentence}.`);
}

function doseText(amount: string, unit: string, quantity: string, ndcUnit: string): string {
  return `${amount} ${unit} (${quantity} ${ndcUnit})`;
}

/** "Jane Roe, MD — NPI 1234567893"; the NPI alone when no name was recorded, '' when neither was. */
export function providerText(name: string, npi: string): string {
  const n = name.trim();
  if (npi === '') return n;
  return n === '' ? `NPI ${npi}` : `${n} — NPI ${npi}`;
}

function attachmentLine(a: Administration, drug: Drug, invoice: Invoice): AttachmentLine {
  const estimate = a.estimate;
  if (!estimate) throw new AppError('ATTACHMENT_NOT_READY', `Administration ${a.id} has no claim lines yet.`);
  const invoiceLine = invoice.lines.find((l) => l.id === a.invoiceLineId);
  if (!invoiceLine)
    throw new AppError('ATTACHMENT_NOT_READY', `The lot of administration ${a.id} has no invoice line.`);
  const given = estimate.lines.find((l) => l.kind === 'given');
  const wasted = estimate.lines.find((l) => l.kind === 'wasted');
  const hasWaste = !new Dec(a.wastedAmount).isZero();
  return {
    administrationId: a.id,
    dateOfService: a.dateOfService,
    hcpcs: a.hcpcs,
    hcpcsDescriptor: nocDescriptor(a.hcpcs),
    drug: {
      genericName: drug.genericName,
      brandName: drug.brandName,
      ndc542: formatNdc542(drug.ndc11),
      ndc11: drug.ndc11,
      ndcPrinted: drug.ndcPrinted,
      strength: `${drug.strengthAmount} ${drug.strengthUnit} per ${drug.ndcUnit}`,
      packageDescription: `${drug.packageSize} ${drug.ndcUnit} per package, ${drug.container}`,
    },
    lot: { number: a.lotNumber, expiry: a.expiryDate },
    dose: {
      given: doseText(a.dose.amount, a.dose.unit, a.givenQuantity, a.ndcUnit),
      route: ROUTE_WORDS.get(a.route) ?? a.route,
      technique: techniqueText(a),
      site: a.site,
      wasted: hasWaste ? doseText(a.wastedAmount, a.dose.unit, a.wastedQuantity, a.ndcUnit) : 'None',
    },
    claimLines: estimate.lines.map((l) => ({
      kind: l.kind,
      hcpcs: l.hcpcs,
      modifiers: l.modifiers,
      units: l.units,
      n4: l.n4,
      narrative: l.narrative ?? '',
    })),
    providers: {
      ordering: providerText(a.orderingProviderName, a.orderingNpi),
      rendering: providerText(a.renderingProviderName, a.renderingNpi),
    },
    cost: {
      supplier: invoice.supplierName,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
      packages: invoiceLine.packageQuantity,
      listPricePerPackage: usdUnitPrice(invoiceLine.costPerPackage),
      extendedCost: usdFromFixed(invoiceLine.extendedCost),
      discount: usdFromFixed(invoiceLine.discount),
      netCostPerPackage: usdUnitPrice(invoiceLine.netCostPerPackage),
      givenCost: given?.acquisitionCost ? usdFromFixed(given.acquisitionCost) : '',
      wastedCost: wasted?.acquisitionCost ? usdFromFixed(wasted.acquisitionCost) : null,
    },
    diagnoses: a.diagnoses,
    medicalNecessity: a.medicalNecessity,
    physicianNotes: a.physicianNotes,
  };
}

export function attachmentModel(
  claim: ClaimRecord,
  doc: { documentId: string; generatedAt: string; generatedBy: string; includePhysicianNotes: boolean },
): AttachmentModel {
  const first = claim.administrations[0]?.administration;
  if (!first) throw new RangeError('A claim has at least one administration.');
  return {
    ...doc,
    practice: practiceHeader(claim.practice),
    payerName: claim.payerName,
    patient: claim.patient,
    claimNumber: first.claimNumber,
    lines: claim.administrations.map((x) => attachmentLine(x.administration, x.drug, x.invoice)),
  };
}

/** The invoice scans of the claim, each once, in the order of its lines. */
export function appendedScans(claim: ClaimRecord, scans: ScanStore): AppendedScan[] {
  const seen = new Set<string>();
  const out: AppendedScan[] = [];
  for (const { invoice } of claim.administrations) {
    if (!invoice.scan || seen.has(invoice.scan.sha256)) continue;
    seen.add(invoice.scan.sha256);
    const label = `Supplier invoice ${invoice.invoiceNumber} (${invoice.supplierName}), ${invoice.invoiceDate}`;
    const bytes = scans.load(invoice.scan.sha256, invoice.scan.mediaType, `invoice ${invoice.invoiceNumber}`);
    out.push({ label, mediaType: invoice.scan.mediaType as AppendedScan['mediaType'], bytes });
  }
  return out;
}

export function worksheetModel(
  claim: ClaimRecord,
  doc: { documentId: string; generatedAt: string; generatedBy: string },
): WorksheetModel {
  const first = claim.administrations[0]?.administration;
  if (!first) throw new RangeError('A claim has at least one administration.');
  return {
    ...doc,
    practiceName: claim.practice.name,
    payerName: claim.payerName,
    patientName: claim.patient.name,
    claimNumber: first.claimNumber,
    lines: claim.administrations.map(({ administration: a, contract }) => {
      const e = a.estimate;
      const t = e?.totals;
      const figures: { label: string; value: string }[] = t
        ? [
            ['Billed charge', t.billed],
            ['Allowed', t.allowed],
            ['Contractual adjustment (CO-45)', t.contractualAdjustment],
            ['Deductible', t.deductible],
            ['Coinsurance', t.coinsurance],
            ['Sequestration', t.sequestration],
            ['Expected total (payer + patient)', expectedTotal(t.payerPays, t.patientPays)],
            ['Expected from payer', t.payerPays],
            ['Expected from patient', t.patientPays],
            ...(t.acquisitionCost !== undefined ? [['Acquisition cost', t.acquisitionCost] as const] : []),
            ...(t.margin !== undefined ? [['Margin', t.margin] as const] : []),
          ].map(([label, value]) => ({ label, value: usdFromFixed(value) }))
        : [];
      return {
        administrationId: a.id,
        dateOfService: a.dateOfService,
        drug: a.drugName,
        ndc11: a.ndc11,
        hcpcs: a.hcpcs,
        contract: contract !== null ? contractInWords(contract) : 'No contract on file',
        estimateAt: a.estimateAt ? localTime(a.estimateAt) : '',
        frozen: a.frozen,
        figures,
        claimLines: (e?.lines ?? []).map(
          (l) =>
            `${[l.hcpcs, ...l.modifiers].join(' ')} × ${l.units} units (${l.n4}): basis ${usdFromFixed(l.basis)}, ` +
            `allowed ${usdFromFixed(l.allowed)}, billed ${usdFromFixed(l.billedCharge)}`,
        ),
        // The sentence is the warning; codes are for support, not for the page.
        warnings: [...a.estimateWarnings, ...(e?.warnings ?? [])].map((w) => w.message),
        trace: e?.trace ?? [],
        refusal: a.estimateRefusal ? a.estimateRefusal.message : null,
      };
    }),
  };
}
