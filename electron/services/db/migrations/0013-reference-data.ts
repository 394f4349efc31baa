/**
 * Reference data (issue 13): the CMS NDC-HCPCS crosswalk and HCPCS quarterly update as imported,
 * every release kept beside the earlier ones (the quarterly summary compares two of them), and the
 * FDA NDC directory, of which only the newest is kept (≈ 250,000 packages a release; earlier
 * releases stay listed with their counts). Plus what billers record about a drug's move to its
 * specific code (the transition checklist) and, on an administration, that the payer told them
 * to bill a NOC code although a specific code exists (the guide's fourth case).
 */
export default `
CREATE TABLE reference_imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('crosswalk','hcpcs','fda-ndc')),
  -- "2025Q3" for CMS files, a date for the FDA directory
  release TEXT NOT NULL,
  -- the first date the release speaks for (the quarter's first day, or the release date)
  release_start TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows_taken INTEGER NOT NULL,
  rows_refused INTEGER NOT NULL,
  -- 0 once a newer FDA directory replaced this one's rows
  rows_kept INTEGER NOT NULL DEFAULT 1 CHECK (rows_kept IN (0, 1)),
  created_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  UNIQUE (kind, release)
) STRICT;

CREATE TABLE reference_crosswalk (
  import_id INTEGER NOT NULL REFERENCES reference_imports (id) ON DELETE CASCADE,
  ndc11 TEXT NOT NULL,
  hcpcs TEXT NOT NULL,
  short_description TEXT NOT NULL,
  labeler_name TEXT NOT NULL,
  drug_name TEXT NOT NULL,
  hcpcs_dosage TEXT NOT NULL,
  package_size TEXT NOT NULL,
  package_quantity TEXT NOT NULL,
  bill_units TEXT NOT NULL,
  bill_units_per_package TEXT NOT NULL,
  PRIMARY KEY (import_id, ndc11, hcpcs)
) STRICT, WITHOUT ROWID;
CREATE INDEX reference_crosswalk_by_ndc ON reference_crosswalk (ndc11, import_id);

CREATE TABLE reference_hcpcs (
  import_id INTEGER NOT NULL REFERENCES reference_imports (id) ON DELETE CASCADE,
  hcpcs TEXT NOT NULL,
  long_description TEXT NOT NULL,
  short_description TEXT NOT NULL,
  added_on TEXT,
  effective_from TEXT,
  terminated_on TEXT,
  action_code TEXT NOT NULL,
  PRIMARY KEY (import_id, hcpcs)
) STRICT, WITHOUT ROWID;
CREATE INDEX reference_hcpcs_by_code ON reference_hcpcs (hcpcs, import_id);

-- The FDA directory as the FDA keeps it: products, and their packages (≈ 1.9 each), so a product's
-- names and classes are written once, not once per package.
CREATE TABLE reference_fda_products (
  id INTEGER PRIMARY KEY,
  product_ndc TEXT NOT NULL,
  proprietary_name TEXT NOT NULL,
  nonproprietary_name TEXT NOT NULL,
  dosage_form TEXT NOT NULL,
  route TEXT NOT NULL,
  labeler_name TEXT NOT NULL,
  strength TEXT NOT NULL,
  pharm_classes TEXT NOT NULL,
  product_type TEXT NOT NULL,
  marketing_category TEXT NOT NULL
) STRICT;

CREATE TABLE reference_fda_packages (
  ndc11 TEXT PRIMARY KEY,
  -- the package code's 10 digits without hyphens: how an unhyphenated NDC is resolved
  ndc10 TEXT NOT NULL,
  package_code TEXT NOT NULL,
  product_id INTEGER NOT NULL REFERENCES reference_fda_products (id),
  package_description TEXT NOT NULL,
  start_marketing TEXT,
  -- the package's own end date, else its product's
  end_marketing TEXT,
  excluded INTEGER NOT NULL CHECK (excluded IN (0, 1)),
  sample INTEGER NOT NULL CHECK (sample IN (0, 1))
) STRICT, WITHOUT ROWID;
CREATE INDEX reference_fda_by_ndc10 ON reference_fda_packages (ndc10);

CREATE TABLE transition_checklist (
  ndc11 TEXT NOT NULL,
  item TEXT NOT NULL CHECK (item IN ('charge-master','fee-schedules','staff-told','payer-contracts')),
  done_at TEXT NOT NULL,
  done_by TEXT NOT NULL,
  PRIMARY KEY (ndc11, item)
) STRICT, WITHOUT ROWID;

-- {"note","at","by"}: the payer told the biller to bill the NOC code although a specific code exists.
ALTER TABLE administrations ADD COLUMN noc_instruction_json TEXT;
`;
