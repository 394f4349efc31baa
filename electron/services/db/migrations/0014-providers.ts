/**
 * The practice's ordering and rendering providers (issue 14): name, NPI and credentials, so the
 * administration form picks them instead of having the NPI typed each time. An administration
 * keeps its own copy of the name and NPI it was billed with (text, not a reference): a provider
 * renamed or taken off the list later does not rewrite a claim that went out. That is also why a
 * provider is deactivated rather than deleted: the NPI stays taken, and the list can bring it back.
 */
export default `
CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  npi TEXT NOT NULL UNIQUE CHECK (length(npi) = 10),
  credentials TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
