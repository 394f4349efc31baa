/** The first schema: practice settings, the drug catalog, and the append-only audit log. */
export default `
CREATE TABLE practice_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  address_line1 TEXT NOT NULL,
  address_line2 TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  zip TEXT NOT NULL,
  phone TEXT NOT NULL,
  billing_contact TEXT NOT NULL,
  npi TEXT NOT NULL CHECK (length(npi) = 10),
  tin TEXT NOT NULL CHECK (length(tin) = 9),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE drugs (
  id INTEGER PRIMARY KEY,
  ndc11 TEXT NOT NULL UNIQUE CHECK (length(ndc11) = 11 AND ndc11 NOT GLOB '*[^0-9]*'),
  generic_name TEXT NOT NULL,
  brand_name TEXT NOT NULL DEFAULT '',
  -- exact decimal strings: strength per NDC unit and NDC units per package
  strength_amount TEXT NOT NULL,
  strength_unit TEXT NOT NULL CHECK (strength_unit IN ('mg','mcg','g','mL','units')),
  package_size TEXT NOT NULL,
  ndc_unit TEXT NOT NULL CHECK (ndc_unit IN ('UN','ML','GR','F2','ME')),
  container TEXT NOT NULL CHECK (container IN ('single-dose','multi-dose')),
  route TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX drugs_generic_name ON drugs (generic_name COLLATE NOCASE);

-- Every change to a record, who made it and what it was before and after. Rows are never
-- updated or deleted: the triggers below refuse it.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create','update','delete','import')),
  before_json TEXT,
  after_json TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
