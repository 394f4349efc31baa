/**
 * Suppliers, acquisition invoices and their lines (each line is a lot: NDC + lot number +
 * expiry), stock adjustments, and patients.
 * Quantities in NDC units are INTEGER micro-units (× 1,000,000; package sizes have at most 6
 * decimals), so stock is summed exactly by SQLite; money that is summed is INTEGER cents; unit
 * costs keep their exact decimal text.
 */
export default `
CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  account_number TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
  invoice_number TEXT NOT NULL,
  invoice_date TEXT NOT NULL,
  received_date TEXT,
  -- the total printed on the invoice, to reconcile against the lines; NULL when not entered
  total_cents INTEGER,
  -- freight, fees (+) or invoice-level credits (−) outside the lines
  adjustment_cents INTEGER NOT NULL DEFAULT 0,
  scan_sha256 TEXT CHECK (scan_sha256 IS NULL OR length(scan_sha256) = 64),
  scan_file_name TEXT,
  scan_media_type TEXT CHECK (scan_media_type IS NULL OR scan_media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  notes TEXT NOT NULL DEFAULT '',
  import_id INTEGER REFERENCES imports (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (supplier_id, invoice_number)
) STRICT;
CREATE INDEX invoices_date ON invoices (invoice_date);

CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
  line_number INTEGER NOT NULL CHECK (line_number > 0),
  ndc11 TEXT NOT NULL REFERENCES drugs (ndc11) ON UPDATE CASCADE,
  lot_number TEXT NOT NULL,
  expiry_date TEXT NOT NULL,
  package_quantity TEXT NOT NULL,
  cost_per_package TEXT NOT NULL,
  extended_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  -- package_quantity × the drug's package size, in NDC micro-units, fixed when the line is written
  units_micro INTEGER NOT NULL CHECK (units_micro > 0),
  UNIQUE (invoice_id, line_number)
) STRICT;
CREATE INDEX invoice_lines_ndc ON invoice_lines (ndc11, expiry_date);
CREATE INDEX invoice_lines_lot ON invoice_lines (lot_number);

-- Stock leaving a lot other than by administration: expired, returned, damaged, a count correction.
CREATE TABLE stock_adjustments (
  id INTEGER PRIMARY KEY,
  invoice_line_id INTEGER NOT NULL REFERENCES invoice_lines (id) ON DELETE RESTRICT,
  quantity_micro INTEGER NOT NULL CHECK (quantity_micro <> 0),
  reason TEXT NOT NULL CHECK (reason IN ('expired', 'returned', 'damaged', 'correction')),
  note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX stock_adjustments_line ON stock_adjustments (invoice_line_id);

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  account_number TEXT NOT NULL UNIQUE,
  payer_id INTEGER REFERENCES payers (id) ON DELETE SET NULL,
  member_id TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX patients_name ON patients (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
`;
