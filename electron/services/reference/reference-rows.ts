/**
 * What the reference-data readers produce (issue 13): the rows of a CMS NDC-HCPCS crosswalk, a
 * HCPCS quarterly update and the FDA NDC directory, as plain text fields ready to store, plus the
 * rows refused with their line, column and reason. Readers never write; the reference import
 * service previews what they read and commits it all or nothing.
 */
import type { ImportRowError } from '../../../shared/api/import-schemas';

export type ReferenceKind = 'crosswalk' | 'hcpcs' | 'fda-ndc';

/** One NDC → HCPCS pair of the CMS ASP NDC-HCPCS crosswalk. */
export type CrosswalkRow = {
  /** 11 digits, no hyphens (NDC2 is hyphenated 5-4-2 in the file). */
  ndc11: string;
  hcpcs: string;
  shortDescription: string;
  labelerName: string;
  drugName: string;
  /** As written, e.g. "0.1 MG". */
  hcpcsDosage: string;
  packageSize: string;
  packageQuantity: string;
  billUnits: string;
  /** Billing units in one package, exact decimal text ("" when the file leaves it empty). */
  billUnitsPerPackage: string;
};

/** One code of the HCPCS quarterly update (dates ISO yyyy-mm-dd or null). */
export type HcpcsRow = {
  hcpcs: string;
  longDescription: string;
  shortDescription: string;
  addedOn: string | null;
  effectiveFrom: string | null;
  terminatedOn: string | null;
  /** A (added), C (changed), D (discontinued), N (no change), … as CMS writes it; "" when absent. */
  actionCode: string;
};

/** One package of the FDA NDC directory, joined with its product (package.txt + product.txt). */
export type FdaPackageRow = {
  ndc11: string;
  /** NDCPACKAGECODE as the FDA writes it, hyphenated 10 digits, e.g. "0002-7597-01". */
  packageCode: string;
  productNdc: string;
  packageDescription: string;
  proprietaryName: string;
  nonproprietaryName: string;
  dosageForm: string;
  route: string;
  labelerName: string;
  /** e.g. "20 mg/mL" from ACTIVE_NUMERATOR_STRENGTH + ACTIVE_INGRED_UNIT ("" when absent). */
  strength: string;
  pharmClasses: string;
  productType: string;
  marketingCategory: string;
  startMarketing: string | null;
  /** The package's own end date, else the product's. */
  endMarketing: string | null;
  /** NDC_EXCLUDE_FLAG = Y on the package or its product. */
  excluded: boolean;
  sample: boolean;
};

export type ReferenceRead<R> = {
  /** The file or zip entries that were read, e.g. "ndctext.zip › package.txt". */
  source: string;
  /** Rows with data, refused ones included. */
  totalRows: number;
  rows: R[];
  /** Every refused row (the service shows the first 500). */
  errors: ImportRowError[];
  /** Quarter ("2025Q3") or release date ("2025-06-30") the file itself says, when it says. */
  release: string | null;
};
