/**
 * The lines each administration's claim carries (its estimate's given and JW lines), kept beside
 * the estimate snapshot so that matching an 835 reads a few narrow rows per claim instead of
 * parsing each administration's whole snapshot (≈ 3 KB of JSON) for every claim of the file.
 *
 * An index of claim number and payer covers what matching reads of the administrations.
 *
 * Triggers keep it equal to `estimate_json` on every write, whichever code path writes it, so it
 * can never disagree with the snapshot it is read from. Malformed JSON (never written by the app)
 * gives no lines rather than failing the write.
 */
export default `
-- Everything matching reads of an administration, without touching its row (≈ 3 KB each).
CREATE INDEX administrations_by_claim_payer ON administrations (claim_number, payer_id, date_of_service, id, hcpcs);

CREATE TABLE administration_claim_lines (
  administration_id INTEGER NOT NULL REFERENCES administrations (id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  line_kind TEXT NOT NULL,
  hcpcs TEXT NOT NULL,
  modifiers_json TEXT NOT NULL,
  billed_charge TEXT NOT NULL,
  PRIMARY KEY (administration_id, line_no)
) STRICT, WITHOUT ROWID;

INSERT INTO administration_claim_lines
  SELECT a.id, l.key, l.value ->> '$.kind', l.value ->> '$.hcpcs', coalesce(l.value ->> '$.modifiers', '[]'),
         coalesce(l.value ->> '$.billedCharge', '')
    FROM administrations a, json_each(a.estimate_json, '$.estimate.lines') l
   WHERE a.estimate_json IS NOT NULL AND json_valid(a.estimate_json);

CREATE TRIGGER administration_claim_lines_on_insert AFTER INSERT ON administrations
  WHEN NEW.estimate_json IS NOT NULL AND json_valid(NEW.estimate_json)
BEGIN
  INSERT INTO administration_claim_lines
    SELECT NEW.id, l.key, l.value ->> '$.kind', l.value ->> '$.hcpcs', coalesce(l.value ->> '$.modifiers', '[]'),
           coalesce(l.value ->> '$.billedCharge', '')
      FROM json_each(NEW.estimate_json, '$.estimate.lines') l;
END;

CREATE TRIGGER administration_claim_lines_on_update AFTER UPDATE OF estimate_json ON administrations
BEGIN
  DELETE FROM administration_claim_lines WHERE administration_id = NEW.id;
  INSERT INTO administration_claim_lines
    SELECT NEW.id, l.key, l.value ->> '$.kind', l.value ->> '$.hcpcs', coalesce(l.value ->> '$.modifiers', '[]'),
           coalesce(l.value ->> '$.billedCharge', '')
      FROM json_each(CASE WHEN json_valid(NEW.estimate_json) THEN NEW.estimate_json END, '$.estimate.lines') l;
END;
`;
