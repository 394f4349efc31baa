/**
 * Expected versus paid (issue 12). What the payer sent is kept as it came, and what it means for
 * each claim line is kept beside the administration:
 * - `era_files`: each 835 file imported, by its SHA-256 (the same file never posts twice), with
 *   its warnings; the bytes themselves are in `remittances/` beside the database, hash-named.
 * - `remittances` (one per 835 transaction, or one paper EOB), `remittance_claims` (CLP) and
 *   `remittance_lines` (SVC, or the one line a paper posting records), amounts in integer cents,
 *   CAS adjustments and remark codes as JSON. A line's match to an administration's claim line
 *   (given or JW) is on the line, with how it was made; a reversal (CLP02 = 22) points at the
 *   claim it undoes, and both are left out of the sums.
 * - `line_variance`: for each billed claim line (and any line a payment reached), what was expected
 *   (the frozen estimate) and what was paid, its status and variance, so the worklists and the
 *   variance report page through an index instead of reading a million estimates.
 * - `administrations.billed_at`: when the claim went out, for aging (existing billed claims take
 *   their last change as the nearest known date).
 * - `app_settings`: the variance tolerance (default $1.00).
 */
export default `
ALTER TABLE administrations ADD COLUMN billed_at TEXT;
UPDATE administrations SET billed_at = updated_at WHERE status IN ('billed', 'paid', 'denied', 'appealed');

CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO app_settings (key, value) VALUES ('variance_tolerance', '1.00');

CREATE TABLE era_files (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  byte_size INTEGER NOT NULL CHECK (byte_size > 0),
  transaction_count INTEGER NOT NULL,
  claim_count INTEGER NOT NULL,
  line_count INTEGER NOT NULL,
  out_of_balance INTEGER NOT NULL,
  total_paid_cents INTEGER NOT NULL,
  warnings_json TEXT NOT NULL DEFAULT '[]',
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

CREATE TABLE remittances (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('era', 'paper')),
  era_file_id INTEGER REFERENCES era_files (id) ON DELETE RESTRICT,
  payer_id INTEGER REFERENCES payers (id) ON DELETE RESTRICT,
  payer_name TEXT NOT NULL DEFAULT '',
  payer_identifier TEXT NOT NULL DEFAULT '',
  payee_name TEXT NOT NULL DEFAULT '',
  payee_npi TEXT NOT NULL DEFAULT '',
  payment_cents INTEGER NOT NULL,
  payment_method TEXT NOT NULL DEFAULT '',
  trace_number TEXT NOT NULL DEFAULT '',
  payment_date TEXT,
  balanced INTEGER NOT NULL DEFAULT 1 CHECK (balanced IN (0, 1)),
  provider_adjustments_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX remittances_by_file ON remittances (era_file_id);

CREATE TABLE remittance_claims (
  id INTEGER PRIMARY KEY,
  remittance_id INTEGER NOT NULL REFERENCES remittances (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  patient_control_number TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  charge_cents INTEGER NOT NULL DEFAULT 0,
  paid_cents INTEGER NOT NULL DEFAULT 0,
  patient_responsibility_cents INTEGER NOT NULL DEFAULT 0,
  payer_claim_number TEXT NOT NULL DEFAULT '',
  patient_last TEXT NOT NULL DEFAULT '',
  patient_first TEXT NOT NULL DEFAULT '',
  member_id TEXT NOT NULL DEFAULT '',
  balanced INTEGER NOT NULL DEFAULT 1 CHECK (balanced IN (0, 1)),
  adjustments_json TEXT NOT NULL DEFAULT '[]',
  reverses_claim_id INTEGER REFERENCES remittance_claims (id),
  reversed_by_claim_id INTEGER REFERENCES remittance_claims (id),
  segment INTEGER
) STRICT;
CREATE INDEX remittance_claims_by_remittance ON remittance_claims (remittance_id, position);
CREATE INDEX remittance_claims_by_pcn ON remittance_claims (patient_control_number);

CREATE TABLE remittance_lines (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES remittance_claims (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  modifiers TEXT NOT NULL DEFAULT '',
  submitted_code TEXT,
  charge_cents INTEGER NOT NULL DEFAULT 0,
  paid_cents INTEGER NOT NULL DEFAULT 0,
  allowed_cents INTEGER,
  units TEXT NOT NULL DEFAULT '1',
  date_of_service TEXT,
  line_control_number TEXT NOT NULL DEFAULT '',
  balanced INTEGER NOT NULL DEFAULT 1 CHECK (balanced IN (0, 1)),
  adjustments_json TEXT NOT NULL DEFAULT '[]',
  remarks_json TEXT NOT NULL DEFAULT '[]',
  administration_id INTEGER REFERENCES administrations (id) ON DELETE RESTRICT,
  line_kind TEXT CHECK (line_kind IS NULL OR line_kind IN ('given', 'wasted')),
  match_how TEXT,
  CHECK ((administration_id IS NULL) = (line_kind IS NULL))
) STRICT;
CREATE INDEX remittance_lines_by_claim ON remittance_lines (claim_id, position);
CREATE INDEX remittance_lines_by_administration ON remittance_lines (administration_id, line_kind);
CREATE INDEX remittance_lines_unmatched ON remittance_lines (id) WHERE administration_id IS NULL;

CREATE TABLE line_variance (
  administration_id INTEGER NOT NULL REFERENCES administrations (id) ON DELETE CASCADE,
  line_kind TEXT NOT NULL CHECK (line_kind IN ('given', 'wasted')),
  payer_id INTEGER NOT NULL,
  date_of_service TEXT NOT NULL,
  billed_at TEXT,
  hcpcs TEXT NOT NULL,
  modifiers TEXT NOT NULL DEFAULT '',
  expected_allowed_cents INTEGER NOT NULL,
  expected_paid_cents INTEGER NOT NULL,
  expected_patient_cents INTEGER NOT NULL,
  expected_sequestration_cents INTEGER NOT NULL,
  actual_allowed_cents INTEGER NOT NULL DEFAULT 0,
  actual_paid_cents INTEGER NOT NULL DEFAULT 0,
  actual_patient_cents INTEGER NOT NULL DEFAULT 0,
  actual_sequestration_cents INTEGER NOT NULL DEFAULT 0,
  posted_lines INTEGER NOT NULL DEFAULT 0,
  last_payment_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'underpaid', 'overpaid', 'denied', 'partially-paid')),
  variance_cents INTEGER NOT NULL DEFAULT 0,
  reasons TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (administration_id, line_kind)
) STRICT;
CREATE INDEX line_variance_by_status ON line_variance (status, date_of_service DESC, administration_id DESC);
CREATE INDEX line_variance_by_payer ON line_variance (payer_id, date_of_service DESC, administration_id DESC);
CREATE INDEX line_variance_by_date ON line_variance (date_of_service DESC, administration_id DESC);
`;
