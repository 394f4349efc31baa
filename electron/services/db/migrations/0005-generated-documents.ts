/**
 * Generated documents: every PDF the app made (cost attachment, reimbursement worksheet, merged
 * batch) with who made it, when, its SHA-256 and the administrations it covers. The bytes live in
 * `<dataDir>/documents/<sha256>.pdf`. Rows are never updated or deleted: regenerating after an edit
 * adds the next version of the same group (one claim, or one administration without a claim
 * number) and keeps the earlier ones as the record of what was sent.
 */
export default `
CREATE TABLE generated_documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('attachment', 'worksheet', 'merged')),
  group_key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  document_key TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  byte_size INTEGER NOT NULL CHECK (byte_size > 0),
  page_count INTEGER NOT NULL CHECK (page_count > 0),
  payer_name TEXT NOT NULL DEFAULT '',
  claim_number TEXT NOT NULL DEFAULT '',
  options_json TEXT NOT NULL DEFAULT '{}',
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  UNIQUE (kind, group_key, version)
) STRICT;

CREATE TABLE generated_document_lines (
  document_id INTEGER NOT NULL REFERENCES generated_documents (id) ON DELETE RESTRICT,
  administration_id INTEGER NOT NULL REFERENCES administrations (id) ON DELETE RESTRICT,
  position INTEGER NOT NULL,
  PRIMARY KEY (document_id, administration_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX generated_document_lines_by_administration
  ON generated_document_lines (administration_id, document_id);
`;
