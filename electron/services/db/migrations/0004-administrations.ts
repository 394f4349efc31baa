/**
 * Administrations: one dose of one drug from one lot to one patient on a date of service, billed
 * to one payer. The stock it drew (given and wasted, NDC micro-units) is fixed when it is saved,
 * so stock sums stay exact. The estimate snapshot (engine result + contract version + prices used)
 * is stored as JSON and frozen once the claim is billed. `ready`/`missing_json` cache the
 * readiness checklist so lists can filter on it.
 */
export default `
CREATE TABLE administrations (
  id INTEGER PRIMARY KEY,
  date_of_service TEXT NOT NULL,
  patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,
  payer_id INTEGER NOT NULL REFERENCES payers (id) ON DELETE RESTRICT,
  invoice_line_id INTEGER NOT NULL REFERENCES invoice_lines (id) ON DELETE RESTRICT,
  ndc11 TEXT NOT NULL,
  hcpcs TEXT NOT NULL DEFAULT 'J3490',
  dose_amount TEXT NOT NULL,
  dose_unit TEXT NOT NULL CHECK (dose_unit IN ('mg','mcg','g','mL','units')),
  wasted_amount TEXT NOT NULL DEFAULT '0',
  given_micro INTEGER NOT NULL CHECK (given_micro > 0),
  wasted_micro INTEGER NOT NULL DEFAULT 0 CHECK (wasted_micro >= 0),
  route TEXT NOT NULL,
  site TEXT NOT NULL DEFAULT '',
  ordering_npi TEXT NOT NULL DEFAULT '',
  rendering_npi TEXT NOT NULL DEFAULT '',
  diagnoses TEXT NOT NULL DEFAULT '',
  medical_necessity TEXT NOT NULL DEFAULT '',
  physician_notes TEXT NOT NULL DEFAULT '',
  billed_cents INTEGER NOT NULL CHECK (billed_cents >= 0),
  wasted_billed_cents INTEGER CHECK (wasted_billed_cents IS NULL OR wasted_billed_cents >= 0),
  claim_number TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','billed','paid','denied','appealed')),
  modifier_override_json TEXT,
  estimate_json TEXT,
  estimate_at TEXT,
  contract_id INTEGER,
  ready INTEGER NOT NULL DEFAULT 0 CHECK (ready IN (0, 1)),
  missing_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX administrations_by_date ON administrations (date_of_service DESC, id DESC);
CREATE INDEX administrations_by_status ON administrations (status, date_of_service DESC, id DESC);
CREATE INDEX administrations_by_payer ON administrations (payer_id, date_of_service DESC, id DESC);
CREATE INDEX administrations_by_ready ON administrations (ready, date_of_service DESC, id DESC);
-- Covering: stock on hand per lot is summed from this index alone, never from the wide rows.
CREATE INDEX administrations_by_lot ON administrations (invoice_line_id, given_micro, wasted_micro);
-- Status with readiness (e.g. paid and ready), counted and paged from the index alone.
CREATE INDEX administrations_by_status_ready ON administrations (status, ready, date_of_service DESC, id DESC);
-- Claim / patient control numbers are searched by their start.
CREATE INDEX administrations_by_claim ON administrations (claim_number);
CREATE INDEX administrations_by_patient ON administrations (patient_id);
`;
