/**
 * People who sign in (issue 16): a name, a role and a password hash (scrypt, never the password),
 * with the count of wrong passwords in a row and until when the account waits after too many.
 * A user is deactivated, never deleted: the audit log names them and must go on naming them.
 * A practice without users keeps working without accounts (one desk, as before).
 */
export default `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('owner', 'administrator', 'biller', 'finance', 'read-only')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
