/**
 * What a cost attachment and a reimbursement worksheet print, as plain strings already formatted
 * for the page. The attachment model is built from the record (practice, patient, drug, lot,
 * invoice, administration) and has no field for what the practice expects to be paid, its contract
 * terms or its margin: those cannot leak into a document sent to a payer because they are not here.
 * They live only in the worksheet model, an internal document.
 *
 * Dates in both come from the record and from `generatedAt`, the moment stored with the document,
 * so rendering the same model twice gives the same bytes.
 */

export type PracticeHeader = {
  name: string;
  /** Street lines, then "City, ST 12345". */
  addressLines: string[];
  phone: string;
  npi: string;
  tin: string;
  billingContact: string;
};

/** One administration: one claim line for the dose given and, when there is waste, one JW line. */
export type AttachmentLine = {
  administrationId: number;
  dateOfService: string;
  /** The NOC code billed (J3490, J3590, J9999, J7999, C9399) and its descriptor. */
  hcpcs: string;
  hcpcsDescriptor: string;
  drug: {
    genericName: string;
    /** '' when the catalog has none. */
    brandName: string;
    ndc542: string;
    ndc11: string;
    /** The NDC as printed on the package (hyphenated 10 digits); '' when the catalog has none. */
    ndcPrinted: string;
    /** e.g. "20 mg per ML". */
    strength: string;
    /** e.g. "10 ML single-dose vial". */
    packageDescription: string;
  };
  lot: { number: string; expiry: string };
  dose: {
    /** e.g. "10 mg (0.5 ML)". */
    given: string;
    route: string;
    /** e.g. "IV infusion, 14:05–14:50 (45 minutes)"; '' when not recorded. */
    technique: string;
    /** '' when not recorded. */
    site: string;
    /** e.g. "2 mg (0.1 ML)", or "None" when nothing was discarded. */
    wasted: string;
  };
  /**
   * The claim lines as the engine made them: units, modifiers (JW/JZ), the N4 string, and each
   * line's own NOC narrative (837P SV101-7 / CMS-1500 item 19): the JW line's says what was discarded.
   */
  claimLines: {
    kind: 'given' | 'wasted';
    hcpcs: string;
    modifiers: string[];
    units: string;
    n4: string;
    narrative: string;
  }[];
  /** Each as "Jane Roe, MD — NPI 1234567893" (the NPI alone when no name was recorded). */
  providers: { ordering: string; rendering: string };
  /**
   * The invoice line as printed, so the certified cost reconciles with the attached invoice:
   * packages × list price = extended cost; (extended − discount) ÷ packages = net cost per package.
   * All "$123.45" style text.
   */
  cost: {
    supplier: string;
    invoiceNumber: string;
    invoiceDate: string;
    /** Packages bought on the invoice line, e.g. "5". */
    packages: string;
    /** List price per package on the invoice line. */
    listPricePerPackage: string;
    /** The line's extended cost (as printed, or packages × list price). */
    extendedCost: string;
    /** The line's discount or credit in total ("$0.00" when none). */
    discount: string;
    /** Net cost per package: the acquisition cost the claim documents. */
    netCostPerPackage: string;
    /** Cost of the quantity given, "$61.73". */
    givenCost: string;
    /** Cost of the quantity discarded; null when nothing was. */
    wastedCost: string | null;
  };
  diagnoses: string[];
  medicalNecessity: string;
  physicianNotes: string;
};

export type AttachmentModel = {
  /** Printed on every page, e.g. "ATT-000042-v2". */
  documentId: string;
  /** ISO timestamp stored with the document; the only "date of printing" the PDF shows. */
  generatedAt: string;
  generatedBy: string;
  practice: PracticeHeader;
  payerName: string;
  patient: { name: string; dateOfBirth: string; memberId: string; accountNumber: string };
  /** Claim / patient control number; '' when none was entered yet. */
  claimNumber: string;
  /** One or more lines of the same claim (same patient, payer and claim number). */
  lines: AttachmentLine[];
  /** The biller chose to include the physician notes. */
  includePhysicianNotes: boolean;
};

/** A supplier's scanned invoice appended after the attachment pages: PDF pages as they are, images scaled to fit a page. */
export type AppendedScan = {
  /** e.g. "Supplier invoice INV-1001 (McKesson), 2025-03-02". */
  label: string;
  mediaType: 'application/pdf' | 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
};

/** The internal reimbursement worksheet: the estimate and its trace. Never sent to a payer. */
export type WorksheetModel = {
  documentId: string;
  generatedAt: string;
  generatedBy: string;
  practiceName: string;
  payerName: string;
  patientName: string;
  claimNumber: string;
  lines: {
    administrationId: number;
    dateOfService: string;
    drug: string;
    ndc11: string;
    hcpcs: string;
    /** e.g. "Contract version 3" or "No contract on file". */
    contract: string;
    /** When the estimate was computed, and whether it is frozen (claim billed). */
    estimateAt: string;
    frozen: boolean;
    /** Label/value rows: billed, allowed, payer pays, patient pays, acquisition cost, margin... */
    figures: { label: string; value: string }[];
    /** Per claim line: "J3490 JZ 10 units: basis $.., allowed $..". */
    claimLines: string[];
    warnings: string[];
    /** The engine's trace, one step per entry. */
    trace: string[];
    /** Why there is no estimate, when there is none. */
    refusal: string | null;
  }[];
};
