/**
 * Payers with their requirements profile, versioned contract terms, fee schedules, drug prices
 * (AWP/WAC per package by date), CMS payment limits by quarter, and the import bookkeeping.
 * Rates and prices are exact decimal strings; dates are ISO text; a NULL effective_to is open.
 */
export default `
CREATE TABLE payers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  payer_type TEXT NOT NULL CHECK (payer_type IN ('medicare-part-b','medicare-advantage','medicaid','commercial','other')),
  payer_code TEXT NOT NULL DEFAULT '',
  requires_invoice INTEGER NOT NULL DEFAULT 0 CHECK (requires_invoice IN (0, 1)),
  noc_units_mode TEXT NOT NULL DEFAULT 'one-per-line' CHECK (noc_units_mode IN ('one-per-line', 'per-quantity')),
  noc_units_per_amount TEXT,
  noc_units_per_unit TEXT,
  ndc_units TEXT NOT NULL DEFAULT 'UN,ML,GR,F2,ME',
  jw_jz_policy TEXT NOT NULL DEFAULT 'cms' CHECK (jw_jz_policy IN ('cms', 'jw-only', 'none')),
  narrative_location TEXT NOT NULL DEFAULT 'sv101-7' CHECK (narrative_location IN ('sv101-7', 'nte', 'box19')),
  timely_filing_days INTEGER CHECK (timely_filing_days IS NULL OR timely_filing_days > 0),
  notes TEXT NOT NULL DEFAULT '',
  contacts TEXT NOT NULL DEFAULT '',
  profile_confirmed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  payer_id INTEGER NOT NULL REFERENCES payers (id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '',
  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('all', 'ndc', 'hcpcs')),
  scope_value TEXT NOT NULL DEFAULT '',
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  basis TEXT NOT NULL CHECK (basis IN ('AWP','WAC','ASP','ASP_DERIVED','INVOICE','FEE_SCHEDULE','BILLED')),
  percent TEXT NOT NULL,
  add_on TEXT NOT NULL DEFAULT '0',
  fee_schedule_rate TEXT,
  fee_schedule_per_amount TEXT,
  fee_schedule_per_unit TEXT,
  lesser_of_billed INTEGER NOT NULL CHECK (lesser_of_billed IN (0, 1)),
  coinsurance_percent TEXT NOT NULL,
  sequestration TEXT NOT NULL CHECK (sequestration IN ('medicare', 'none')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK ((scope_kind = 'all') = (scope_value = ''))
) STRICT;
CREATE INDEX contracts_scope ON contracts (payer_id, scope_kind, scope_value, effective_from);

-- Rates a payer publishes per code (HCPCS or NDC) and quantity; the FEE_SCHEDULE basis reads them.
CREATE TABLE fee_schedule_entries (
  id INTEGER PRIMARY KEY,
  payer_id INTEGER NOT NULL REFERENCES payers (id) ON DELETE CASCADE,
  code_kind TEXT NOT NULL CHECK (code_kind IN ('hcpcs', 'ndc')),
  code TEXT NOT NULL,
  rate TEXT NOT NULL,
  per_amount TEXT NOT NULL,
  per_unit TEXT NOT NULL CHECK (per_unit IN ('mg','mcg','g','mL','units')),
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  import_id INTEGER REFERENCES imports (id),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
) STRICT;
CREATE INDEX fee_schedule_lookup ON fee_schedule_entries (payer_id, code_kind, code, effective_from);

-- AWP and WAC per package. A price is in force from its date until the next one of its kind.
CREATE TABLE drug_prices (
  id INTEGER PRIMARY KEY,
  ndc11 TEXT NOT NULL REFERENCES drugs (ndc11) ON UPDATE CASCADE,
  price_type TEXT NOT NULL CHECK (price_type IN ('AWP', 'WAC')),
  price_per_package TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'manual',
  import_id INTEGER REFERENCES imports (id),
  created_at TEXT NOT NULL,
  UNIQUE (ndc11, price_type, effective_from)
) STRICT;

-- CMS payment limits per quarter (they already include ASP + 6%). ASP file rows are keyed by
-- HCPCS; NOC file rows by the drug's generic (trade) name, with no HCPCS.
CREATE TABLE payment_limits (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('asp', 'noc', 'manual')),
  hcpcs TEXT NOT NULL DEFAULT '',
  drug_name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  dosage_text TEXT NOT NULL,
  dosage_amount TEXT,
  dosage_unit TEXT,
  payment_limit TEXT NOT NULL,
  quarter TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  import_id INTEGER REFERENCES imports (id)
) STRICT;
CREATE INDEX payment_limits_hcpcs ON payment_limits (hcpcs, effective_from);
CREATE INDEX payment_limits_name ON payment_limits (drug_name COLLATE NOCASE, effective_from);
CREATE UNIQUE INDEX payment_limits_unique ON payment_limits (source, hcpcs, drug_name, dosage_text, quarter);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  payer_id INTEGER REFERENCES payers (id) ON DELETE SET NULL,
  rows_taken INTEGER NOT NULL,
  rows_refused INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;

-- The column mapping a person chose for a kind of file, per payer (or supplier), reused next time.
CREATE TABLE import_mappings (
  kind TEXT NOT NULL,
  owner_key TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, owner_key)
) STRICT;
`;
