/**
 * Sample attachment and worksheet models for the PDF tests (and the integration tests that want
 * a realistic document): one ketorolac administration from a 30 mg/mL single-dose vial with
 * waste, so a JZ-less given line and a JW line, billed under J3490, from an invoice line of 25 vials
 * at a list price of $5.40 less a $13.50 discount ($4.86 net each). Builders take overrides so
 * a test changes only what it is about.
 */
import {
  type AttachmentLine,
  type AttachmentModel,
  type WorksheetModel,
} from '../../../electron/services/pdf/attachment-model';

export const GENERATED_AT = '2025-03-04T15:07:09.000Z';

/** The sample line with the given line's NOC narrative replaced (the JW line keeps its own). */
export const lineWithNarrative = (narrative: string): AttachmentLine =>
  sampleLine({ claimLines: sampleLine().claimLines.map((c, i) => (i === 0 ? { ...c, narrative } : c)) });

export function sampleLine(overrides: Partial<AttachmentLine> = {}): AttachmentLine {
  return {
    administrationId: 42,
    dateOfService: '2025-03-02',
    hcpcs: 'J3490',
    hcpcsDescriptor: 'Unclassified drugs',
    drug: {
      genericName: 'Ketorolac tromethamine',
      brandName: 'Toradol',
      ndc542: '00409-3795-01',
      ndc11: '00409379501',
      ndcPrinted: '0409-3795-01',
      strength: '30 mg per ML',
      packageDescription: '1 ML single-dose vial',
    },
    lot: { number: 'LOT-7Q2281', expiry: '2026-08-31' },
    dose: {
      given: '15 mg (0.5 ML)',
      route: 'Intramuscular',
      technique: 'Injection',
      site: 'Left deltoid',
      wasted: '15 mg (0.5 ML)',
    },
    claimLines: [
      {
        kind: 'given',
        hcpcs: 'J3490',
        modifiers: [],
        units: '1',
        n4: 'N400409379501 ML0.5',
        narrative: 'Ketorolac tromethamine (Toradol) 15 mg IM NDC 00409379501',
      },
      {
        kind: 'wasted',
        hcpcs: 'J3490',
        modifiers: ['JW'],
        units: '1',
        n4: 'N400409379501 ML0.5',
        narrative: 'Ketorolac tromethamine (Toradol) 15 mg discarded NDC 00409379501',
      },
    ],
    providers: { ordering: 'Dana Whitfield, MD — NPI 1234567893', rendering: 'Omar Haddad, NP — NPI 1245319599' },
    cost: {
      supplier: 'McKesson Medical-Surgical',
      invoiceNumber: 'INV-884213',
      invoiceDate: '2025-02-20',
      packages: '25',
      listPricePerPackage: '$5.40',
      extendedCost: '$135.00',
      discount: '$13.50',
      netCostPerPackage: '$4.86',
      givenCost: '$2.43',
      wastedCost: '$2.43',
    },
    diagnoses: ['M54.50 Low back pain, unspecified', 'M62.830 Muscle spasm of back'],
    medicalNecessity: 'Acute low back pain with spasm; oral NSAIDs not tolerated (gastritis). Single IM dose.',
    physicianNotes: 'Patient tolerated injection well. Advised heat and stretching; follow up in two weeks.',
    ...overrides,
  };
}

export function sampleAttachment(overrides: Partial<AttachmentModel> = {}): AttachmentModel {
  return {
    documentId: 'ATT-000042-v1',
    generatedAt: GENERATED_AT,
    generatedBy: 'biller@example.org',
    practice: {
      name: 'Riverbend Family Medicine',
      addressLines: ['1200 Riverbend Parkway, Suite 300', 'Springfield, IL 62704'],
      phone: '(217) 555-0142',
      npi: '1669473521',
      tin: '37-1234567',
      billingContact: 'Marta Kowalski, (217) 555-0143',
    },
    payerName: 'Prairie State Health Plan',
    patient: { name: 'Ana Díaz', dateOfBirth: '1961-11-23', memberId: 'PSH88421907', accountNumber: 'ACC-10442' },
    claimNumber: 'CLM-2025-000871',
    lines: [sampleLine()],
    includePhysicianNotes: true,
    ...overrides,
  };
}

/** The sample attachment for a patient of that name. */
export const withPatient = (name: string): AttachmentModel =>
  sampleAttachment({ patient: { ...sampleAttachment().patient, name } });

/** The worksheet for the same story, with the figures that must never reach a payer. */
export function sampleWorksheet(overrides: Partial<WorksheetModel> = {}): WorksheetModel {
  return {
    documentId: 'WKS-000042-v1',
    generatedAt: GENERATED_AT,
    generatedBy: 'biller@example.org',
    practiceName: 'Riverbend Family Medicine',
    payerName: 'Prairie State Health Plan',
    patientName: 'Ana Díaz',
    claimNumber: 'CLM-2025-000871',
    lines: [
      {
        administrationId: 42,
        dateOfService: '2025-03-02',
        drug: 'Ketorolac tromethamine (Toradol)',
        ndc11: '00409379501',
        hcpcs: 'J3490',
        contract: 'Contract version 3: 110% of invoice cost',
        estimateAt: '2025-03-04 15:07 UTC',
        frozen: false,
        figures: [
          { label: 'Billed charge', value: '$38.00' },
          { label: 'Allowed amount', value: '$5.35' },
          { label: 'Expected payment (payer pays)', value: '$4.28' },
          { label: 'Patient pays', value: '$1.07' },
          { label: 'Acquisition cost', value: '$4.86' },
          { label: 'Expected margin', value: '$0.49' },
        ],
        claimLines: ['J3490 10 units: basis $2.43, allowed $2.67', 'J3490 JW 10 units: basis $2.43, allowed $2.68'],
        warnings: ['Payer requires the invoice for every J3490 line.'],
        trace: [
          'Contract version 3 applies from 2025-01-01: invoice cost plus 10%.',
          'Acquisition cost per package $4.86; 0.5 ML of 1 ML given → $2.43.',
          'Allowed = $2.43 × 110% = $2.67 (rounded half-up to cents).',
        ],
        refusal: null,
      },
    ],
    ...overrides,
  };
}

/** Strings only the worksheet may contain: none of them may appear in an attachment. */
export const WORKSHEET_ONLY = [
  'Expected payment',
  'margin',
  'Contract version 3',
  '110%',
  '$5.35',
  '$4.28',
  '$0.49',
  'Allowed',
  'Reimbursement worksheet',
];
